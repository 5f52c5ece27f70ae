import { ApiProperty } from '@nestjs/swagger';

/** One event of a matter's stream (GET /api/v1/matters/{id}/history). */
export class MatterHistoryEntryDto {
  @ApiProperty({ example: 'matter.published', description: 'stable dotted event type' })
  type: string;

  @ApiProperty({ description: 'stream version after this event' })
  version: number;

  @ApiProperty({ description: 'global position' })
  position: number;

  @ApiProperty({ description: 'business time of the fact', example: '2019-03-01T09:00:00+08:00' })
  at: string;

  @ApiProperty({ format: 'date-time', description: 'when the store recorded it' })
  recordedAt: string;

  @ApiProperty({ description: 'user id of who issued the command' })
  actor: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the event data as recorded' })
  data: Record<string, unknown>;
}
