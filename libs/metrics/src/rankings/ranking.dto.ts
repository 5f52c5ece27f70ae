import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PeriodDto } from '../indicators/assessment-report.dto';
import { INDICATOR_KEYS } from '../indicators/indicator-definitions';

export class RankingRowDto {
  @ApiProperty({ description: 'equal rates share a rank (1, 1, 3); null rates come last' }) rank: number;
  @ApiPropertyOptional({ description: 'with by=department' }) departmentId?: string;
  @ApiPropertyOptional({ description: 'with by=department: its name in the directory, else the id itself', example: '市场监督管理局' })
  departmentName?: string;
  @ApiPropertyOptional({ description: 'with by=region' }) regionCode?: string;
  @ApiPropertyOptional({ description: 'with by=region: its name in the directory, else the code itself', example: '嵊州市' })
  regionName?: string;
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({ nullable: true, type: Number }) rate: number | null;
  @ApiProperty({ description: '红牌: red cards issued to the group in the period, up to asOf (not part of the rank)', example: 0 })
  redCards: number;
}

export class RankedIndicatorDto {
  @ApiProperty({ enum: INDICATOR_KEYS }) key: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
}

export class RankingDto {
  @ApiProperty({ type: RankedIndicatorDto }) indicator: RankedIndicatorDto;
  @ApiProperty({ enum: ['department', 'region'] }) by: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: [RankingRowDto] }) rows: RankingRowDto[];
}
