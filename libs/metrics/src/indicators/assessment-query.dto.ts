import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ReadQuery } from '@app/http';
import { IsCalendarDate } from '@app/http';

/** `?regionCode&departmentId&asOf&from&to` of the assessment, its exports and rankings. */
export class ReportDatesQuery extends ReadQuery {
  @ApiPropertyOptional({
    description: 'catalogue date for the matter-level indicators; default today (BUSINESS_TZ)',
    example: '2019-10-31',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ description: 'first acceptance date counted; default 1 January of the year of `to`', example: '2019-01-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'last acceptance date counted; default `asOf`', example: '2019-10-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class AssessmentQuery extends ReportDatesQuery {
  @ApiPropertyOptional({ description: 'a region (区、县(市) or 市本级); omitted = the whole city', example: '330602' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  regionCode?: string;

  @ApiPropertyOptional({ description: 'a department; with regionCode, that department within the region' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  departmentId?: string;
}
