import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckpointKeyedCache, READ_SQL, type SqlExecutor } from '@app/event-store';
import { ApiReadRoute, CurrentActor, RequireRoles, type Actor } from '@app/http';
import { businessCalendar, businessToday, departmentFilter } from '@app/kernel';
import { SUPERVISION_OPTIONS, type SupervisionOptions } from '../shared/supervision-options';
import { WarningsQuery, WarningsReportView } from './warnings.dtos';
import { warningsReport } from './warnings.queries';
import { SUPERVISION_APPLICATIONS_PROJECTION } from './supervision-applications.projection';

/** Warnings reports kept while the supervision read model stands still (as the assessment's reports are kept). */
export class WarningsCache extends CheckpointKeyedCache {}

export const warningsCacheProvider = {
  provide: WarningsCache,
  inject: [READ_SQL],
  useFactory: (sql: SqlExecutor) => new WarningsCache(sql, [SUPERVISION_APPLICATIONS_PROJECTION]),
};

@ApiTags('supervision')
@Controller('supervision/warnings')
export class WarningsController {
  constructor(
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
    @Inject(SUPERVISION_OPTIONS) private readonly options: SupervisionOptions,
    private readonly cache: WarningsCache,
  ) {}

  @Get()
  @RequireRoles('assessor', 'inspector', 'window_staff', 'department_officer')
  @ApiOperation({
    summary:
      '红黄牌预警: the open applications yellow or red on asOf (default today), exact for any date; scoped to the caller’s department',
  })
  @ApiOkResponse({ type: WarningsReportView })
  @ApiReadRoute({ forbidden: 'departmentId names another department than the caller’s' })
  list(@Query() query: WarningsQuery, @CurrentActor() actor: Actor) {
    const { asOf = businessToday(), regionCode, level, page, pageSize } = query;
    const departmentId = departmentFilter(actor, query.departmentId);
    const filter = { departmentId, regionCode, level, page, pageSize };
    return this.cache.get(JSON.stringify({ asOf, ...filter }), () =>
      warningsReport(this.sql, asOf, filter, businessCalendar(), this.options),
    );
  }
}
