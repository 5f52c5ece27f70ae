import { formatFraction, formatRate } from './format';

/** One month of the trend: its label and the period asked of `GET /assessment`. */
export interface TrendMonth {
  label: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The months of `asOf`'s year up to and including its own month: `1月` … ; each from its first day
 * to its last, the last one only up to `asOf` (a month still running is counted so far).
 */
export function monthsUpTo(asOf: string): TrendMonth[] {
  const [year, month] = asOf.split('-').map(Number);
  const months: TrendMonth[] = [];
  for (let m = 1; m <= month; m++) {
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const to = m === month ? asOf : `${year}-${pad(m)}-${pad(last)}`;
    months.push({ label: `${m}月`, from: `${year}-${pad(m)}-01`, to });
  }
  return months;
}

export interface TrendPoint {
  month: TrendMonth;
  numerator: number;
  denominator: number;
  rate: number | null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The hover text of one month: the month, the rate (or why there is none) and its fraction. */
export function trendTooltip(point: TrendPoint, indicatorName: string): string[] {
  return [
    `${point.month.label}（${point.month.from} 至 ${point.month.to}）`,
    `${indicatorName}：${point.rate === null ? '无可计（分母为 0）' : formatRate(point.rate)}`,
    `分子 / 分母：${formatFraction(point.numerator, point.denominator)}`,
  ];
}

/** The ECharts option of a monthly trend: one line, a gap where a month has nothing to measure. */
export function trendChartOption(points: TrendPoint[], indicatorName: string) {
  return {
    animation: false,
    grid: { top: 24, bottom: 28, left: 56, right: 24 },
    tooltip: {
      trigger: 'axis',
      className: 'trend-tooltip',
      formatter: (params: { dataIndex: number }[] | { dataIndex: number }) => {
        const first = Array.isArray(params) ? params[0] : params;
        const point = points[first?.dataIndex ?? -1];
        return point ? trendTooltip(point, indicatorName).map(escapeHtml).join('<br/>') : '';
      },
    },
    xAxis: { type: 'category', data: points.map((p) => p.month.label) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'line',
        name: indicatorName,
        connectNulls: false,
        data: points.map((p) => p.rate),
        label: { show: true, formatter: ({ value }: { value: number | null }) => (value === null ? '' : `${value.toFixed(1)}%`) },
      },
    ],
  };
}
