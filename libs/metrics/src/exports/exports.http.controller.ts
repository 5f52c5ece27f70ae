import { Controller, Get, Header, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { ApiReadRoute, RequireRoles } from '@app/http';
import { AssessmentQuery } from '../indicators/assessment-query.dto';
import { REPORT_NOTES } from '../indicators/assessment-report';
import { resolveReportDates } from '../http/resolve-report-dates';
import { assessmentCsv } from './assessment-csv';
import { assessmentXlsx } from './assessment-xlsx';
import { exportLines } from './export-tables';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('assessment')
@Controller('reports')
export class ExportsController {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  @Get('assessment.csv')
  @RequireRoles('assessor')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'The assessment as CSV (UTF-8 with BOM, Chinese headers 层级, 范围, 范围名称, 指标, 分子, 分母, 比率): the scope, each region, each department',
  })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'CSV attachment', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiReadRoute()
  async csv(@Query() query: AssessmentQuery, @Res({ passthrough: true }) response: Response): Promise<string> {
    const dates = resolveReportDates(query);
    const levels = await exportLines(this.sql, dates, { regionCode: query.regionCode, departmentId: query.departmentId });
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="assessment-${dates.asOf}.csv"`);
    return assessmentCsv(levels);
  }

  @Get('assessment.xlsx')
  @RequireRoles('assessor')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The assessment as an Excel workbook: sheets 全市, 区县, 部门 and 说明' })
  @ApiProduces(XLSX)
  @ApiResponse({ status: 200, description: 'xlsx attachment', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiReadRoute()
  async xlsx(@Query() query: AssessmentQuery): Promise<StreamableFile> {
    const dates = resolveReportDates(query);
    const levels = await exportLines(this.sql, dates, { regionCode: query.regionCode, departmentId: query.departmentId });
    const workbook = await assessmentXlsx(levels, dates, REPORT_NOTES);
    return new StreamableFile(workbook, { type: XLSX, disposition: `attachment; filename="assessment-${dates.asOf}.xlsx"` });
  }
}
