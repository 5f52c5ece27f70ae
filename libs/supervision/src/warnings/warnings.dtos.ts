import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, PageQuery } from '@app/http';

export const WARNING_LEVELS = ['yellow', 'red'] as const;

/** `GET /api/v1/supervision/warnings?asOf&departmentId&regionCode&level&page&pageSize`. */
export class WarningsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'the business date (YYYY-MM-DD); default today (BUSINESS_TZ)', example: '2019-10-11' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({
    description: 'default (and only allowed value): the caller’s own department when it has one',
    example: 'dept-market',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  departmentId?: string;

  @ApiPropertyOptional({ example: '330602' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  regionCode?: string;

  @ApiPropertyOptional({ enum: WARNING_LEVELS, description: 'only this level (counts and byDepartment too)' })
  @IsOptional()
  @IsIn(WARNING_LEVELS)
  level?: (typeof WARNING_LEVELS)[number];
}

export class WarningCountsView {
  @ApiProperty({ description: '黄牌预警: 0 ≤ workdaysLeft ≤ SUPERVISION_YELLOW_WORKDAYS', example: 3 }) yellow: number;
  @ApiProperty({ description: '红牌: past the deadline', example: 1 }) red: number;
}

export class DepartmentWarningsView {
  @ApiProperty({ example: 'dept-market' }) departmentId: string;
  @ApiProperty({ example: 3 }) yellow: number;
  @ApiProperty({ example: 1 }) red: number;
}

export class WarningItemView {
  @ApiProperty({ format: 'uuid', example: 'e9e80fd8-7d3c-4b8f-9a55-1c2d3e4f5a6b' }) applicationId: string;
  @ApiProperty({ format: 'uuid', example: '8fed3988-1a2b-4c3d-8e9f-0a1b2c3d4e5f' }) matterId: string;
  @ApiProperty({ example: 'dept-market' }) departmentId: string;
  @ApiProperty({ example: '330602' }) regionCode: string;
  @ApiProperty({ description: 'business date of acceptance (day 0)', example: '2019-09-27' }) acceptedOn: string;
  @ApiProperty({ description: 'the deadline as of asOf (pauses counted up to it)', example: '2019-10-10' }) deadline: string;
  @ApiProperty({ description: 'working days in (asOf, deadline]; minus those in (deadline, asOf] once past it', example: -1 })
  workdaysLeft: number;
  @ApiProperty({ enum: WARNING_LEVELS, example: 'red' }) level: string;
}

export class WarningsReportView {
  @ApiProperty({ example: '2019-10-11' }) asOf: string;
  @ApiProperty({ type: WarningCountsView }) counts: WarningCountsView;
  @ApiProperty({ type: [DepartmentWarningsView] }) byDepartment: DepartmentWarningsView[];
  @ApiProperty({ type: [WarningItemView], description: 'most urgent first (fewest working days left)' }) items: WarningItemView[];
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 50 }) pageSize: number;
  @ApiProperty({ description: 'warned applications in all pages', example: 4 }) total: number;
}
