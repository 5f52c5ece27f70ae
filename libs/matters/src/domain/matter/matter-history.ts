import type { CalendarDate } from '@app/kernel';
import type { MatterElements } from '../matter-elements';

/** One catalogue version of a matter: its elements, in force from `effectiveFrom`. */
export interface MatterVersion {
  version: number;
  effectiveFrom: CalendarDate;
  elements: MatterElements;
}

/** From `from` on (until the next period) the matter is in this status. */
export interface StatusPeriod {
  status: 'published' | 'suspended' | 'retired';
  from: CalendarDate;
  reason?: string;
}

/**
 * What an as-of query needs, folded from the events: every version with its effective date and
 * every status change with its date, both in the order they were recorded. Projections can keep
 * exactly this per matter and answer any date with `versionInForce`.
 */
export interface MatterHistory {
  versions: MatterVersion[];
  statusPeriods: StatusPeriod[];
}

export const EMPTY_HISTORY: MatterHistory = { versions: [], statusPeriods: [] };

/** The status on `date`: 'draft' before the first status period (not yet in force). */
export function matterStatusOn(history: MatterHistory, date: CalendarDate): 'draft' | StatusPeriod['status'] {
  let status: 'draft' | StatusPeriod['status'] = 'draft';
  // periods are recorded with non-decreasing `from`; on a tie the later record wins
  for (const period of history.statusPeriods) if (period.from <= date) status = period.status;
  return status;
}

/**
 * The catalogue version in force on `date`, or null when the matter is not in force that day:
 * not yet published (or its first version not yet effective), suspended or retired on that date.
 * Among versions effective on or before `date` the latest `effectiveFrom` wins; on the same
 * effective date, the higher version number.
 */
export function versionInForce(history: MatterHistory, date: CalendarDate): MatterVersion | null {
  if (matterStatusOn(history, date) !== 'published') return null;
  let best: MatterVersion | null = null;
  for (const version of history.versions) {
    if (version.effectiveFrom > date) continue;
    if (
      !best ||
      version.effectiveFrom > best.effectiveFrom ||
      (version.effectiveFrom === best.effectiveFrom && version.version > best.version)
    )
      best = version;
  }
  return best;
}
