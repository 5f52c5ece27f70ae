import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { ApiReadRoute, RequireRoles } from '@app/http';
import { resolveReportDates } from '../http/resolve-report-dates';
import { AssessmentQuery } from './assessment-query.dto';
import { assessmentReport, type AssessmentReport } from './assessment-report';
import { AssessmentReportDto } from './assessment-report.dto';
import { ReportCache } from '../shared/report-cache';

@ApiTags('assessment')
@Controller('assessment')
export class AssessmentController {
  constructor(
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
    private readonly cache: ReportCache,
  ) {}

  @Get()
  @RequireRoles('assessor')
  @ApiOperation({
    summary: 'The eight assessment indicators (考核指标) with numerators, denominators and rates, and operational figures',
    description:
      'Matter-level indicators (1–6) over the catalogue in force on `asOf`; application-level ones (7–8) over applications accepted `from..to`. The eighth indicator is 掌上受理率 (see `notes`). Roles: assessor, admin.',
  })
  @ApiOkResponse({ type: AssessmentReportDto })
  @ApiReadRoute()
  async assessment(@Query() query: AssessmentQuery): Promise<AssessmentReport> {
    const dates = resolveReportDates(query);
    const scope = { regionCode: query.regionCode, departmentId: query.departmentId };
    return this.cache.get(JSON.stringify(['assessment', dates, scope]), () => assessmentReport(this.sql, dates, scope));
  }
}
