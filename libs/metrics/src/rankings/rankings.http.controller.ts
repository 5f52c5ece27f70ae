import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { ApiReadRoute, RequireRoles } from '@app/http';
import { resolveReportDates } from '../http/resolve-report-dates';
import { RankingDto } from './ranking.dto';
import { ranking, type Ranking } from './rankings';
import { RankingsQuery } from './rankings-query.dto';
import { ReportCache } from '../shared/report-cache';

@ApiTags('assessment')
@Controller('rankings')
export class RankingsController {
  constructor(
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
    private readonly cache: ReportCache,
  ) {}

  @Get()
  @RequireRoles('assessor')
  @ApiOperation({
    summary: 'Ranking board (晾晒台): departments or regions ordered on one indicator',
    description: 'Highest rate first; equal rates share a rank; groups with nothing to measure (rate null) last. Roles: assessor, admin.',
  })
  @ApiOkResponse({ type: RankingDto })
  @ApiReadRoute()
  async rankings(@Query() query: RankingsQuery): Promise<Ranking> {
    const dates = resolveReportDates(query);
    return this.cache.get(JSON.stringify(['ranking', query.indicator, query.by, dates]), () =>
      ranking(this.sql, query.indicator, query.by, dates),
    );
  }
}
