import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '@app/http';
import { MATTER_STATUSES, type MatterStatusName } from './matter-view.dtos';

/** GET /api/v1/matters filters; a caller scoped to a department sees only its own. */
export class ListMattersQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'only this department (a scoped caller may name only its own: 403 otherwise)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  departmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 32)
  regionCode?: string;

  @ApiPropertyOptional({ enum: MATTER_STATUSES })
  @IsOptional()
  @IsIn(MATTER_STATUSES)
  status?: MatterStatusName;

  @ApiPropertyOptional({ description: 'text searched in code and name (case-insensitive, anywhere)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
