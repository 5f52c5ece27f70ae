import { indicatorsByGroup, type IndicatorResult } from '../indicators/assessment-report';
import { operationalFigures, type OperationalFigures } from '../indicators/operational.query';
import type { ReportDates } from '../indicators/report-dates';
import type { Scope } from '../indicators/scope';
import type { SqlExecutor } from '@app/event-store';
import { directoryNames, type DirectoryNames } from '@app/directory';

export type ExportLevel = '全市' | '区县' | '部门';

/** One figure of an export line: an indicator, or an operational figure (a count has no denominator nor rate). */
export interface ExportFigure {
  key: string;
  name: string;
  nameEn: string;
  numerator: number;
  denominator: number | null;
  rate: number | null;
}

/** One line of an export: one indicator (or, for the whole scope, one supervision figure) of one scope. */
export interface ExportLine {
  level: ExportLevel;
  /** the code or id (全市 for the whole city) */
  scope: string;
  /** its name in the directory (the code itself when the directory does not name it) */
  scopeName: string;
  indicator: IndicatorResult | ExportFigure;
}

/** The 好差评 and 红牌 figures the export adds after the whole scope's eight indicators. */
export function supervisionExportFigures(operational: OperationalFigures): ExportFigure[] {
  const count = (value: number) => ({ numerator: value, denominator: null, rate: null });
  return [
    { key: 'satisfactionRate', name: '满意率', nameEn: 'satisfaction rate', ...operational.satisfactionRate },
    { key: 'badReviews', name: '差评数', nameEn: 'bad reviews', ...count(operational.badReviews) },
    {
      key: 'badReviewsRectifiedOnTime',
      name: '差评按期整改率',
      nameEn: 'bad reviews rectified on time',
      ...operational.badReviewsRectifiedOnTime,
    },
    { key: 'redCards', name: '红牌数', nameEn: 'red cards', ...count(operational.redCards) },
  ];
}

export const EXPORT_HEADERS = ['层级', '范围', '范围名称', '指标', '指标(英文)', '键', '分子', '分母', '比率(%)'] as const;

export const exportCells = (line: ExportLine): (string | number | null)[] => [
  line.level,
  line.scope,
  line.scopeName,
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
 * within it. The whole scope's lines end with its supervision figures (满意率, 差评数, 差评按期整改率,
 * 红牌数: `supervisionExportFigures`).
 */
export async function exportLines(sql: SqlExecutor, dates: ReportDates, scope: Scope): Promise<Map<ExportLevel, ExportLine[]>> {
  const [whole, operational, regions, departments, names] = await Promise.all([
    indicatorsByGroup(sql, dates, scope),
    operationalFigures(sql, dates.asOf, dates.period, scope),
    indicatorsByGroup(sql, dates, scope, 'region'),
    indicatorsByGroup(sql, dates, scope, 'department'),
    directoryNames(sql),
  ]);
  const wholeNamed = wholeScope(scope, names);
  const nameOf = (level: ExportLevel, id: string) => (level === '区县' ? names.regionName(id) : names.departmentName(id));
  const lines = (level: ExportLevel, groups: Map<string, IndicatorResult[]>, named?: { scope: string; scopeName: string }) =>
    [...groups].flatMap(([id, results]) =>
      results.map((indicator) => ({ level, ...(named ?? { scope: id, scopeName: nameOf(level, id) }), indicator })),
    );
  return new Map<ExportLevel, ExportLine[]>([
    [
      '全市',
      [
        ...lines('全市', whole, wholeNamed),
        ...supervisionExportFigures(operational).map((figure) => ({ level: '全市' as const, ...wholeNamed, indicator: figure })),
      ],
    ],
    ['区县', lines('区县', regions)],
    ['部门', lines('部门', departments)],
  ]);
}

/** The whole scope's code and name: 全市, or `330683 / scjg` named `嵊州市 / 市场监督管理局`. */
function wholeScope(scope: Scope, names: DirectoryNames): { scope: string; scopeName: string } {
  const codes = [scope.regionCode, scope.departmentId].filter(Boolean).join(' / ');
  if (!codes) return { scope: '全市', scopeName: '全市' };
  const named = [
    ...(scope.regionCode ? [names.regionName(scope.regionCode)] : []),
    ...(scope.departmentId ? [names.departmentName(scope.departmentId)] : []),
  ];
  return { scope: codes, scopeName: named.join(' / ') };
}
