import type { EventStore, RecordedEvent } from '@app/event-store';
import { toBusinessDate } from '@app/kernel';
import type { MatterElements } from '@app/matters';
import type { IndicatorFigures } from '../indicators/indicator-definitions';

/**
 * The cross-check: the eight indicators computed straight from the raw event log, in memory, with
 * nothing shared with the projections or their SQL. Slow and simple on purpose; tests compare the
 * read models' answers with it.
 */
interface MatterLog {
  versions: { version: number; from: string; elements: MatterElements }[];
  statuses: { from: string; order: number; status: string }[];
}

/** The fields of matter and application events this fold reads. */
interface EventData {
  matterId: string;
  version: number;
  effectiveFrom: string;
  elements: MatterElements;
  applicationId: string;
  matter: { departmentId: string; regionCode: string };
  channel: string;
  at: string;
}

interface Intake {
  departmentId: string;
  regionCode: string;
  acceptedOn: string | null;
  channel: string;
}

const WORKDAYS: Record<string, number> = { workday: 1, month: 22, year: 250 };
const days = (limit: { value: number; unit: string }) => limit.value * WORKDAYS[limit.unit];

export function foldIndicators(
  events: readonly RecordedEvent[],
  asOf: string,
  period: { from: string; to: string },
  scope: { regionCode?: string; departmentId?: string } = {},
  timeZone = 'Asia/Shanghai',
): IndicatorFigures {
  const matters = new Map<string, MatterLog>();
  const applications = new Map<string, Intake>();
  for (const event of events) {
    const data = event.data as EventData;
    if (event.type.startsWith('matter.')) {
      const log = matters.get(data.matterId) ?? { versions: [], statuses: [] };
      matters.set(data.matterId, log);
      if (event.type === 'matter.published' || event.type === 'matter.revised')
        log.versions.push({ version: data.version, from: data.effectiveFrom, elements: data.elements });
      if (event.type === 'matter.published' || event.type === 'matter.resumed')
        log.statuses.push({ from: data.effectiveFrom, order: event.version, status: 'in' });
      if (event.type === 'matter.suspended' || event.type === 'matter.retired')
        log.statuses.push({ from: data.effectiveFrom, order: event.version, status: 'out' });
    } else if (event.type === 'application.submitted') {
      applications.set(data.applicationId, {
        departmentId: data.matter.departmentId,
        regionCode: data.matter.regionCode,
        acceptedOn: null,
        channel: data.channel,
      });
    } else if (event.type === 'application.accepted') {
      const intake = applications.get(data.applicationId);
      if (intake && intake.acceptedOn === null)
        Object.assign(intake, { acceptedOn: toBusinessDate(data.at, timeZone), channel: data.channel });
    }
  }
  const inScope = (departmentId: string, regionCode: string) =>
    (!scope.regionCode || scope.regionCode === regionCode) && (!scope.departmentId || scope.departmentId === departmentId);

  const inForce: MatterElements[] = [];
  for (const log of matters.values()) {
    const past = log.statuses
      .filter((s) => s.from <= asOf)
      .sort((a, b) => (a.from === b.from ? a.order - b.order : a.from < b.from ? -1 : 1));
    if (past.length === 0 || past[past.length - 1].status !== 'in') continue;
    const effective = log.versions
      .filter((v) => v.from <= asOf)
      .sort((a, b) => (a.from === b.from ? a.version - b.version : a.from < b.from ? -1 : 1));
    const current = effective[effective.length - 1];
    if (current && inScope(current.elements.departmentId, current.elements.regionCode)) inForce.push(current.elements);
  }
  const count = (test: (e: MatterElements) => boolean) => inForce.filter(test).length;
  const n = inForce.length;
  const timed = inForce.filter((e) => e.legalTimeLimit !== null);
  const legal = timed.reduce((sum, e) => sum + days(e.legalTimeLimit!), 0);
  const promised = timed.reduce((sum, e) => sum + days(e.promisedTimeLimit), 0);
  const materials = inForce.flatMap((e) => e.materials);

  const accepted = [...applications.values()].filter(
    (a) => a.acceptedOn !== null && a.acceptedOn >= period.from && a.acceptedOn <= period.to && inScope(a.departmentId, a.regionCode),
  );
  return {
    onlineAvailability: { numerator: count((e) => e.channels.online || Boolean(e.exemptions?.online)), denominator: n },
    mobileAvailability: { numerator: count((e) => e.channels.mobile || Boolean(e.exemptions?.mobile)), denominator: n },
    zeroVisitRate: {
      numerator: count((e) => e.maxVisits === 0),
      denominator: n - count((e) => Boolean(e.exemptions?.zeroVisit) && e.maxVisits > 0),
    },
    instantRate: { numerator: count((e) => e.handlingType === 'instant'), denominator: n },
    timeLimitCompression: { numerator: legal - promised, denominator: legal },
    electronicMaterialRate: { numerator: materials.filter((m) => m.electronic).length, denominator: materials.length },
    onlineAcceptanceRate: { numerator: accepted.filter((a) => a.channel !== 'window').length, denominator: accepted.length },
    mobileAcceptanceRate: { numerator: accepted.filter((a) => a.channel === 'mobile').length, denominator: accepted.length },
  };
}

/** Every event of the store, oldest first (for the cross-check). */
export async function readEverything(store: Pick<EventStore, 'readAll'>): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (
    let batch = await store.readAll({ limit: 5000 });
    batch.length > 0;
    batch = await store.readAll({ after: batch[batch.length - 1].checkpoint, limit: 5000 })
  )
    all.push(...batch);
  return all;
}
