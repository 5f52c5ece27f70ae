import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsQueryBoolean, PageQuery } from '@app/http';
import { QUALITY_ISSUE_CATEGORY_CODES } from '../../domain/categories';
import { DATE_PATTERN } from '../log/log-quality-issue.dto';

export const ISSUE_STATUS_FILTERS = ['found', 'assigned', 'rectified', 'closed', 'open'] as const;

/** `GET /api/v1/quality-issues?departmentId&regionCode&status&overdue&matterId&category&page&pageSize`. */
export class QualityIssueListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'default (and only allowed value): the caller’s own department when it has one' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  departmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  regionCode?: string;

  @ApiPropertyOptional({ enum: ISSUE_STATUS_FILTERS, description: '`open` = not closed' })
  @IsOptional()
  @IsIn(ISSUE_STATUS_FILTERS)
  status?: (typeof ISSUE_STATUS_FILTERS)[number];

  @ApiPropertyOptional({ description: 'true: open issues past their deadline today; false: the others' })
  @IsOptional()
  @IsQueryBoolean()
  overdue?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  matterId?: string;

  @ApiPropertyOptional({ enum: QUALITY_ISSUE_CATEGORY_CODES })
  @IsOptional()
  @IsIn(QUALITY_ISSUE_CATEGORY_CODES)
  category?: string;
}

/** `GET /api/v1/rectification-ledger?departmentId&regionCode&asOf&items&page&pageSize`. */
export class LedgerQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  departmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  regionCode?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD; default today (BUSINESS_TZ)' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'true: also list the issues (a page of them) with their status as of asOf' })
  @IsOptional()
  @IsQueryBoolean()
  items?: boolean;
}
