import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReadRoute, CurrentActor, RequireRoles, type Actor } from '@app/http';
import { departmentScopeOf } from '../domain-actor';
import { LedgerQuery } from '../read-model/quality-issue-query.dto';
import { businessToday } from '@app/kernel';
import { LedgerView } from '../read-model/quality-issue.views';
import { RectificationLedgerQuery } from './rectification-ledger.query';

@ApiTags('rectification ledger')
@RequireRoles('assessor', 'inspector')
@Controller('rectification-ledger')
export class RectificationLedgerController {
  constructor(private readonly ledger: RectificationLedgerQuery) {}

  @Get()
  @ApiOperation({
    summary: '问题台账: found, closed, open and overdue quality issues as of a date, by department and region (assessor, inspector, admin)',
    description:
      'Found = logged on or before asOf; closed/open = the status after the issue’s last loop step dated on or before asOf; overdue = open on asOf and past the deadline in force that day. A caller with a department sees only its department.',
  })
  @ApiOkResponse({ type: LedgerView })
  @ApiReadRoute({ forbidden: 'a caller with a department names another in departmentId, or lacks the role' })
  get(@Query() query: LedgerQuery, @CurrentActor() actor: Actor) {
    const scope = departmentScopeOf(actor);
    if (scope && query.departmentId && query.departmentId !== scope)
      throw new ForbiddenException(`you may read the ledger of ${scope} only, not of ${query.departmentId}`);
    return this.ledger.asOf({
      asOf: query.asOf ?? businessToday(),
      departmentId: scope ?? query.departmentId,
      regionCode: query.regionCode,
      items: query.items ? { page: query.page, pageSize: query.pageSize } : undefined,
    });
  }
}
