import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsQueryBoolean, PageQuery, ReadQuery } from '@app/http';
import { IsCalendarDate } from '@app/http';
import { OPEN_STATUSES } from './application.queries';
import { ApplicationView } from './application.view';

export const DISPLAY_STATUSES = [
  'submitted',
  'supplement_requested',
  'rejected',
  'accepted',
  'special_procedure',
  'suspended',
  'completed',
  'delivered',
  'returned',
] as const;

export const APPLICATION_SORTS = ['submitted', 'deadline'] as const;

export class GetApplicationQueryDto extends ReadQuery {
  @ApiPropertyOptional({ description: 'business date (YYYY-MM-DD) for deadline, overdue and pausedWorkdays; default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class ListApplicationsQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'default: the caller’s own department (callers with one may not name another: 403)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  departmentId?: string;

  @ApiPropertyOptional({ enum: DISPLAY_STATUSES })
  @IsOptional()
  @IsIn(DISPLAY_STATUSES)
  status?: (typeof DISPLAY_STATUSES)[number];

  @ApiPropertyOptional({ type: Boolean, description: 'as of today: completed late or open past the deadline' })
  @IsOptional()
  @IsQueryBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: `true: only open applications (${OPEN_STATUSES.join(', ')}); false: only closed ones`,
  })
  @IsOptional()
  @IsQueryBoolean()
  open?: boolean;

  @ApiPropertyOptional({
    enum: APPLICATION_SORTS,
    default: 'submitted',
    description:
      '`submitted`: newest first. `deadline` (the window’s worklist): running clocks by deadline, earliest first; ' +
      'then those paused (a special procedure or suspension open today), then those not yet accepted, oldest submission first',
  })
  @IsOptional()
  @IsIn(APPLICATION_SORTS)
  sort?: (typeof APPLICATION_SORTS)[number];
}

export class ApplicationPageView {
  @ApiProperty({ type: [ApplicationView] })
  items: ApplicationView[];

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;

  @ApiProperty()
  total: number;
}
