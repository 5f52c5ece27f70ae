import type { versionRow } from './catalogue-rows';

/** A catalogue version's indicator inputs (`versionRow`), as the timeline keeps it. */
export type VersionEntry = ReturnType<typeof versionRow>;

export interface StatusEntry {
  /** the event's stream version: orders status changes of one date */
  seq: number;
  status: 'published' | 'suspended' | 'retired';
  fromDate: string;
}

/** Everything of one matter the dated indicators need (a `rm_matter_timelines_v2` row). */
export interface MatterTimeline {
  matter_id: string;
  code: string | null;
  versions: VersionEntry[];
  statuses: StatusEntry[];
}

/** A stretch of dates `[valid_from, valid_to)` in which one version of the matter is in force (`valid_to` null: open-ended). */
export type InForcePeriod = VersionEntry & { valid_from: string; valid_to: string | null };

/**
 * The periods in which the matter counts for the matter-level indicators: its last status change
 * on or before the date is `published` (on a tie the later record) and its version is the one with
 * the latest effective date on or before it (then the higher number). The answer can only change
 * at a status or effective date, so it is worked out once per such date, here, instead of at every
 * request; consecutive dates with the same version merge into one period.
 */
export function inForcePeriods(timeline: MatterTimeline): InForcePeriod[] {
  const dates = [...new Set([...timeline.versions.map((v) => v.effective_from), ...timeline.statuses.map((s) => s.fromDate)])].sort();
  const periods: InForcePeriod[] = [];
  dates.forEach((date, index) => {
    const until = dates[index + 1] ?? null;
    const status = latest(
      timeline.statuses.filter((s) => s.fromDate <= date),
      (a, b) => cmp(a.fromDate, b.fromDate) || a.seq - b.seq,
    );
    const version = latest(
      timeline.versions.filter((v) => v.effective_from <= date),
      (a, b) => cmp(a.effective_from, b.effective_from) || a.version - b.version,
    );
    const last = periods[periods.length - 1];
    if (status?.status !== 'published' || !version) return;
    if (last && last.valid_to === date && last.version === version.version) last.valid_to = until;
    else periods.push({ ...version, code: version.code ?? timeline.code, valid_from: date, valid_to: until });
  });
  return periods;
}

function latest<T>(items: T[], order: (a: T, b: T) => number): T | undefined {
  return items.reduce<T | undefined>((best, item) => (best === undefined || order(item, best) > 0 ? item : best), undefined);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
