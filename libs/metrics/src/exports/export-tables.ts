import { indicatorsByGroup, type IndicatorResult } from '../indicators/assessment-report';
import type { ReportDates } from '../indicators/report-dates';
import type { Scope } from '../indicators/scope';
import type { SqlExecutor } from '@app/event-store';

export type ExportLevel = '全市' | '区县' | '部门';

/** One line of an export: one indicator of one scope. */
export interface ExportLine {
  level: ExportLevel;
  scope: string;
  indicator: IndicatorResult;
}

export const EXPORT_HEADERS = ['层级', '范围', '指标', '指标(英文)', '键', '分子', '分母', '比率(%)'] as const;

export const exportCells = (line: ExportLine): (string | number | null)[] => [
  line.level,
  line.scope,
  line.indicator.name,
  line.indicator.nameEn,
  line.indicator.key,
  line.indicator.numerator,
  line.indicator.denominator,
  line.indicator.rate,
];

/**
 * The lines of the provincial export for a scope, level by level: the scope as a whole (全市 when
 * no region or department is given), then each region (区县, incl. 市本级) and each department (部门)
 * within it.
 */
export async function exportLines(sql: SqlExecutor, dates: ReportDates, scope: Scope): Promise<Map<ExportLevel, ExportLine[]>> {
  const [whole, regions, departments] = await Promise.all([
    indicatorsByGroup(sql, dates, scope),
    indicatorsByGroup(sql, dates, scope, 'region'),
    indicatorsByGroup(sql, dates, scope, 'department'),
  ]);
  const wholeName = [scope.regionCode, scope.departmentId].filter(Boolean).join(' / ') || '全市';
  const lines = (level: ExportLevel, groups: Map<string, IndicatorResult[]>, name?: string) =>
    [...groups].flatMap(([id, results]) => results.map((indicator) => ({ level, scope: name ?? id, indicator })));
  return new Map<ExportLevel, ExportLine[]>([
    ['全市', lines('全市', whole, wholeName)],
    ['区县', lines('区县', regions)],
    ['部门', lines('部门', departments)],
  ]);
}
