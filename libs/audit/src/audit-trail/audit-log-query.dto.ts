import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@app/http';

/** `GET /api/v1/audit-log?actor&streamId&from&to&page&pageSize`. */
export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'user id of who issued the command or read' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ description: 'stream id, e.g. `quality-issue-<uuid>`', example: 'matter-0b6f3c1e-5a2d-4f7a-9a51-1f4b2f0f7c11' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streamId?: string;

  @ApiPropertyOptional({ description: 'entries whose business time `at` is at or after this ISO 8601 instant (or date)' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ description: 'entries whose business time `at` is at or before this ISO 8601 instant (or date)' })
  @IsOptional()
  @IsISO8601()
  to?: string;
}
