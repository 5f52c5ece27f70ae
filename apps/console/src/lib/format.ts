/** How figures and dates read in the console: every rate with its fraction, dates in the city's zone. */

export const CITY_ZONE = 'Asia/Shanghai';

/** `99.37%`, or `—` where there is nothing to measure. */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${rate.toFixed(2)}%`);

/** `6,294 / 6,334` */
export const formatFraction = (numerator: number, denominator: number): string =>
  `${numerator.toLocaleString('zh-CN')} / ${denominator.toLocaleString('zh-CN')}`;

/** `99.37%（6,294 / 6,334）`, or `无可计（0 / 0）` when the denominator is 0 */
export const formatFigure = (figure: { numerator: number; denominator: number; rate: number | null }): string =>
  `${figure.rate === null ? '无可计' : formatRate(figure.rate)}（${formatFraction(figure.numerator, figure.denominator)}）`;

/** Today's calendar date in the city (YYYY-MM-DD), whatever the browser's zone. */
export function cityToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: CITY_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    now,
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `2019-10-31` → `2019年10月31日` */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date;
}

/** A moment as the city's wall-clock time, e.g. `2026-12-02 16:05:09` */
export function formatCityTime(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: CITY_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(at);
}
