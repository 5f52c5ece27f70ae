/** The dates a report is about: `asOf` for the catalogue, `from..to` for the applications accepted. */
export interface ReportDates {
  asOf: string;
  period: { from: string; to: string };
}

/**
 * Defaults (api.md): `asOf` today in the business time zone; the period from 1 January of
 * `asOf`'s year through `asOf`. Returns null when `from` is after `to`.
 */
export function reportDates(query: { asOf?: string; from?: string; to?: string }, today: string): ReportDates | null {
  const asOf = query.asOf ?? today;
  const to = query.to ?? asOf;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  return from <= to ? { asOf, period: { from, to } } : null;
}
