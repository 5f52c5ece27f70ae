import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsQueryBoolean, PageQuery, ReadQuery } from '@app/http';

export const FEEDBACK_CASE_STATUSES = ['open', 'contacted', 'rectified', 'closed'] as const;

export class GetFeedbackCaseQueryDto extends ReadQuery {
  @ApiPropertyOptional({ description: 'business date (YYYY-MM-DD) for `overdue`; default today', example: '2019-10-09' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class ListFeedbackCasesQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'default: the caller’s own department (callers with one may not name another: 403)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  departmentId?: string;

  @ApiPropertyOptional({ enum: FEEDBACK_CASE_STATUSES, description: 'the status now' })
  @IsOptional()
  @IsIn(FEEDBACK_CASE_STATUSES)
  status?: (typeof FEEDBACK_CASE_STATUSES)[number];

  @ApiPropertyOptional({ type: Boolean, description: 'as of `asOf`: a limit passed with its step not done by then' })
  @IsOptional()
  @IsQueryBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'business date (YYYY-MM-DD) for `overdue`; default today', example: '2019-10-09' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
