import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { ApiReadRoute, CurrentActor, RequireRoles, type Actor } from '@app/http';
import { businessCalendar, businessToday, departmentFilter } from '@app/kernel';
import { SUPERVISION_OPTIONS, type SupervisionOptions } from '../shared/supervision-options';
import { WarningsQuery, WarningsReportView } from './warnings.dtos';
import { warningsReport } from './warnings.queries';

@ApiTags('supervision')
@Controller('supervision/warnings')
export class WarningsController {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(SUPERVISION_OPTIONS) private readonly options: SupervisionOptions,
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
    return warningsReport(this.sql, asOf, { departmentId, regionCode, level, page, pageSize }, businessCalendar(), this.options);
  }
}
