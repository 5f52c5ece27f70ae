import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReadRoute, CurrentActor, RequireRoles, type Actor } from '@app/http';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { LedgerQuery } from '../read-model/quality-issue-query.dto';
import { businessToday, departmentFilter } from '@app/kernel';
import { LedgerView } from '../read-model/quality-issue.views';
import { RectificationLedgerCache, rectificationLedger, type LedgerFilter } from './rectification-ledger.query';

@ApiTags('rectification ledger')
@RequireRoles('assessor', 'inspector')
@Controller('rectification-ledger')
export class RectificationLedgerController {
  constructor(
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
    private readonly cache: RectificationLedgerCache,
  ) {}

  @Get()
  @ApiOperation({
    summary: '问题台账: found, closed, open and overdue quality issues as of a date, by department and region (assessor, inspector, admin)',
    description:
      'Found = logged on or before asOf; closed/open = the status after the issue’s last loop step dated on or before asOf; overdue = open on asOf and past the deadline in force that day. A caller with a department sees only its department.',
  })
  @ApiOkResponse({ type: LedgerView })
  @ApiReadRoute({ forbidden: 'a caller with a department names another in departmentId, or lacks the role' })
  get(@Query() query: LedgerQuery, @CurrentActor() actor: Actor) {
    const filter: LedgerFilter = {
      asOf: query.asOf ?? businessToday(),
      departmentId: departmentFilter(actor, query.departmentId),
      regionCode: query.regionCode,
      items: query.items ? { page: query.page, pageSize: query.pageSize } : undefined,
    };
    return this.cache.get(JSON.stringify(filter), () => rectificationLedger(this.sql, filter));
  }
}
