import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ReportDatesQuery } from '../indicators/assessment-query.dto';
import { INDICATOR_KEYS, type IndicatorKey } from '../indicators/indicator-definitions';

export class RankingsQuery extends ReportDatesQuery {
  @ApiProperty({ enum: INDICATOR_KEYS, description: 'the indicator to rank on' })
  @IsIn(INDICATOR_KEYS)
  indicator: IndicatorKey;

  @ApiPropertyOptional({ enum: ['department', 'region'], default: 'department' })
  @IsIn(['department', 'region'])
  by: 'department' | 'region' = 'department';
}
