import { DomainError } from '@app/kernel';
import { reportDates, type ReportDates } from '../indicators/report-dates';
import { businessToday } from '@app/kernel';

/** A query's report dates with the defaults of today (BUSINESS_TZ); 400 when `from` is after `to`. */
export function resolveReportDates(query: { asOf?: string; from?: string; to?: string }): ReportDates {
  const dates = reportDates(query, businessToday());
  if (!dates) throw DomainError.invalid('invalid_period', [{ field: 'from', message: 'from must not be after to' }]);
  return dates;
}
