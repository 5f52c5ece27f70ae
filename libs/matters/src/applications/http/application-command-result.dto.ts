import { ApiProperty } from '@nestjs/swagger';

/** `{id, version, position}`: what every application command answers. */
export class ApplicationCommandResultDto {
  @ApiProperty({ format: 'uuid', description: 'the application id' })
  id: string;

  @ApiProperty({ description: 'the stream version after the command; also sent as ETag', example: 3 })
  version: number;

  @ApiProperty({ description: 'global position of the last event written; pass it as ?minPosition= to read your write', example: 42 })
  position: number;
}
