import { INDICATORS, type IndicatorKey } from '../api/types';
import { cityToday } from './format';

const isIndicator = (value: unknown): value is IndicatorKey => INDICATORS.some((i) => i.key === value);
const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export const DEFAULT_REFRESH_SECONDS = 60;

/** The 晾晒台's choices as kept in the address (`?indicator&asOf&refresh`), with defaults for what is missing or wrong. */
export function boardQuery(query: Record<string, unknown>, today = cityToday()) {
  const refresh = Number(query.refresh);
  return {
    indicator: isIndicator(query.indicator) ? query.indicator : INDICATORS[0].key,
    asOf: isDate(query.asOf) ? query.asOf : today,
    refreshSeconds: Number.isInteger(refresh) && refresh >= 5 && refresh <= 3600 ? refresh : DEFAULT_REFRESH_SECONDS,
  };
}
