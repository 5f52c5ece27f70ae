import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'promisedTimeLimit' })
  field: string;

  @ApiProperty({ example: 'an instant matter (即办件) has a promised limit of 0' })
  message: string;
}

/** RFC 9457 problem details, the one body of every error response (`application/problem+json`); see `problem()`. */
export class ProblemDto {
  @ApiProperty({ example: '/problems/conflict' })
  type: string;

  @ApiProperty({ example: 'Refused by the domain' })
  title: string;

  @ApiProperty({ example: 409 })
  status: number;

  @ApiProperty({ example: 'matter code SX-001 is already used by another matter' })
  detail: string;

  @ApiPropertyOptional({ description: 'the request path' })
  instance?: string;

  @ApiPropertyOptional({ description: 'machine-readable reason of a domain refusal', example: 'duplicate_code' })
  code?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'one entry per offending field' })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ description: '412 and concurrent-change 409: the version the stream is at', example: 4 })
  currentVersion?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'GET /health 503: every check with its status, e.g. `{eventStore: {status: "down"}}`',
  })
  checks?: Record<string, unknown>;
}

/** `{id, version, position}`: what every command answers. */
export class CommandResultDto {
  @ApiProperty({ format: 'uuid', description: 'the id of the record the command changed or created' })
  id: string;

  @ApiProperty({ description: 'the stream version after the command; also sent as ETag', example: 3 })
  version: number;

  @ApiProperty({ description: 'global position of the last event written; pass it as ?minPosition= to read your write', example: 42 })
  position: number;
}
