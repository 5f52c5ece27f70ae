import { Controller, Get, Inject, Optional, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { ApiReadRoute, RequireRoles } from '@app/http';
import { DomainError } from '@app/kernel';
import { businessToday } from '@app/kernel';
import { buildBulletin, type Bulletin } from './bulletin';
import { BulletinDto } from './bulletin.dto';
import { DailyBulletinQuery, WeeklyBulletinQuery } from './bulletin-query.dto';
import { isoWeekDates, isoWeekOf } from './iso-week';
import { QUALITY_ISSUE_SOURCE, type QualityIssueSource } from './quality-issue-source';

@ApiTags('assessment')
@Controller('bulletins')
export class BulletinsController {
  constructor(
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
    @Optional() @Inject(QUALITY_ISSUE_SOURCE) private readonly qualityIssues: QualityIssueSource | null = null,
  ) {}

  @Get('daily')
  @RequireRoles('assessor')
  @ApiOperation({
    summary: '每日专报: the day against the day before — indicator changes, activity, overdue list, quality issues, rankings',
  })
  @ApiOkResponse({ type: BulletinDto })
  @ApiReadRoute()
  async daily(@Query() query: DailyBulletinQuery): Promise<Bulletin> {
    const date = query.date ?? businessToday();
    return buildBulletin(this.sql, 'daily', date, { from: date, to: date }, this.qualityIssues);
  }

  @Get('weekly')
  @RequireRoles('assessor')
  @ApiOperation({
    summary: '一周一通报: the ISO week against the week before — indicator changes, activity, overdue list, quality issues, rankings',
  })
  @ApiOkResponse({ type: BulletinDto })
  @ApiReadRoute()
  async weekly(@Query() query: WeeklyBulletinQuery): Promise<Bulletin> {
    const week = query.week ?? isoWeekOf(businessToday());
    const interval = isoWeekDates(week);
    if (!interval) throw DomainError.invalid('invalid_week', [{ field: 'week', message: `${week} is not an ISO week` }]);
    return buildBulletin(this.sql, 'weekly', week, interval, this.qualityIssues);
  }
}
