import type { AdvisoryLock, CommandContext, CommandExecutor, EventStore, SqlClient } from '@app/event-store';
import { addDays, businessToday, DomainError, isDomainError, type CalendarDate, type WorkingDayCalendar } from '@app/kernel';
import { applications, DEFERRED_MATERIALS_OVERDUE } from '@app/matters';
import {
  dailyNoticeIdOf,
  hasNews,
  sweepPlan,
  type SupervisionLimits,
  type SweepCounts,
  type SweepStep,
  type SweepTrigger,
} from '../domain';
import { dailyNotices } from '../notices/daily-notice.aggregate';
import { dailyNoticeFigures } from '../notices/daily-notice-figures';
import { redCards } from '../red-cards/red-card.aggregate';
import { SWEEP_ACTOR } from '../shared/system-actor';
import { sweepStreamId } from '../shared/supervision-streams';
import { RED_CARDS_TABLE, SUPERVISION_APPLICATIONS_TABLE, SWEEPS_TABLE } from '../shared/supervision-tables';
import { openSnapshotsOn } from '../warnings/warnings.queries';
import { sweepRecords } from './sweep-record.aggregate';
import { startOfBusinessDate } from './start-of-business-date';

/** One sweep at a time across every process (PostgreSQL session advisory lock; PGlite: in-process). */
export const SWEEP_LOCK_KEY = 'supervision:sweep';

export interface SweepResult extends SweepCounts {
  date: CalendarDate;
}

export interface SweeperDeps {
  store: EventStore;
  sql: SqlClient;
  commands: CommandExecutor;
  calendar: WorkingDayCalendar;
  limits: Pick<SupervisionLimits, 'yellowWorkdays' | 'returnAfterWorkdays'>;
  /** waits until the supervision read models have processed every event appended so far */
  catchUp: () => Promise<void>;
  log?: (message: string) => void;
  /** how long a requested sweep waits for another one to finish */
  lockWaitMs?: number;
  /** called after each step is done (the fault tests kill a sweep between two steps) */
  afterStep?: (step: SweepStep) => Promise<void>;
}

/** The refusals of a step whose work is already done (a re-run, a rerun after a crash, a concurrent writer). */
const STALE = new Set(['already_exists', 'illegal_transition']);

/**
 * The sweep of business date D (domain.md, The sweep): load the applications open on D from the
 * supervision read model (after it has caught up with the store), plan with `sweepPlan`, execute
 * each step through the one command path as the system actor, then record the sweep on its
 * date's stream. A step refused as stale counts as done, so a rerun after a crash completes the
 * date, and a second run of a recorded date appends nothing and answers the recorded counts.
 *
 * Business time of the steps: a red card is dated at the first instant of D in the city zone (its
 * stream is new); an application step at that instant too, unless the application's stream has an
 * event later on D, then at that event's time (a command may not be dated before the stream's last
 * event); a stream whose last event is after D is past the date and left alone.
 */
export class Sweeper {
  constructor(private readonly deps: SweeperDeps) {}

  /** The sweep of `date` for an admin's request: waits for a running sweep, then sweeps or answers the recorded one. */
  async sweepOnRequest(date: CalendarDate, now = new Date()): Promise<SweepResult> {
    if (date > businessToday(now))
      throw new DomainError('invalid_command', `the sweep of ${date} cannot run before that date`, {
        kind: 'invalid',
        details: [{ field: 'date', message: 'must not be in the future' }],
      });
    const lock = await this.waitForLock();
    try {
      return await this.sweepLocked(date, 'request');
    } finally {
      await lock.release();
    }
  }

  /**
   * The scheduled sweep: if no other process holds the sweep lock, sweeps every business date
   * after the last swept one up to `through` — or, before the schedule's first run, `through`
   * alone when `firstRun` allows (at start-up it does not: the schedule never sweeps dates before
   * its first run). Answers the dates swept, or null when another process holds the lock.
   */
  async sweepDue(through: CalendarDate, options: { firstRun: boolean }): Promise<SweepResult[] | null> {
    const lock = await this.deps.sql.tryAdvisoryLock(SWEEP_LOCK_KEY);
    if (!lock) return null;
    try {
      await this.deps.catchUp();
      const last = await this.lastScheduledRun();
      const dates = last === null ? (options.firstRun ? [through] : []) : datesAfter(last, through);
      const results: SweepResult[] = [];
      for (const date of dates) results.push(await this.sweepLocked(date, 'schedule'));
      return results;
    } finally {
      await lock.release();
    }
  }

  /** The latest recorded sweep date, once the schedule has run at all (else null). */
  private async lastScheduledRun(): Promise<CalendarDate | null> {
    const [row] = await this.deps.sql.query<{ last: string | null; scheduled: boolean | null }>(
      `SELECT max(date)::text AS last, bool_or(trigger = 'schedule') AS scheduled FROM ${SWEEPS_TABLE}`,
    );
    return row?.scheduled ? row.last : null;
  }

  private async waitForLock(): Promise<AdvisoryLock> {
    const deadline = Date.now() + (this.deps.lockWaitMs ?? 60_000);
    for (;;) {
      const lock = await this.deps.sql.tryAdvisoryLock(SWEEP_LOCK_KEY);
      if (lock) return lock;
      if (Date.now() > deadline) throw new DomainError('sweep_in_progress', 'another sweep is running; try again later');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private async recorded(date: CalendarDate): Promise<SweepResult | null> {
    const [event] = await this.deps.store.readStream(sweepStreamId(date), { limit: 1 });
    if (!event) return null;
    const { counts } = event.data as { counts: SweepCounts };
    return { date, ...counts };
  }

  /** Under the sweep lock: the recorded answer, or the sweep itself. */
  private async sweepLocked(date: CalendarDate, trigger: SweepTrigger): Promise<SweepResult> {
    const done = await this.recorded(date);
    if (done) return done;
    const { calendar, limits, commands, sql } = this.deps;
    await this.deps.catchUp();
    const dayStart = startOfBusinessDate(date, calendar.timeZone);
    const open = await openSnapshotsOn(sql, date);
    const lastAt = new Map(open.map(({ row }) => [row.application_id, row.last_at]));
    const plan = sweepPlan(
      dayStart,
      open.map(({ snapshot }) => snapshot),
      limits,
      calendar,
    );
    const correlationId = `sweep-${date}`;
    for (const step of plan.steps) {
      const at = step.aggregate === 'application' ? laterOf(dayStart, lastAt.get(step.id)) : dayStart;
      if (calendar.businessDate(at) !== date) {
        this.deps.log?.(`sweep ${date}: ${step.command.type} of ${step.id} skipped: its stream has events after ${date}`);
        continue;
      }
      await this.execute(step, at, correlationId);
      await this.deps.afterStep?.(step);
    }
    await this.deps.catchUp();
    const noticesSent = await this.sendNotices(date, dayStart, correlationId);
    const counts = { ...(await this.countsOf(date)), noticesSent };
    const at = new Date().toISOString();
    const context = { actor: SWEEP_ACTOR, at, command: 'supervision.record_sweep', correlationId };
    try {
      await commands.execute(sweepRecords, date, { type: 'supervision.record_sweep', data: { date, trigger, counts, at } }, context);
    } catch (refusal) {
      if (!isDomainError(refusal) || refusal.code !== 'already_exists') throw refusal;
    }
    this.deps.log?.(`sweep ${date}: ${JSON.stringify(counts)}`);
    return (await this.recorded(date)) ?? { date, ...counts };
  }

  /**
   * The daily notice (一日一告知) of `date` to every department with something open, warned or due,
   * dated the first instant of the date like the cards; one per department and date (derived ids),
   * so a rerun counts the notices sent before it and sends none twice. Answers how many exist.
   */
  private async sendNotices(date: CalendarDate, at: string, correlationId: string): Promise<number> {
    const { sql, calendar, limits, commands } = this.deps;
    let sent = 0;
    for (const [departmentId, figures] of await dailyNoticeFigures(sql, date, calendar, limits)) {
      if (!hasNews(figures)) continue;
      const noticeId = dailyNoticeIdOf(date, departmentId);
      const command = { type: 'notice.send_daily' as const, data: { noticeId, date, departmentId, figures, at } };
      try {
        await commands.execute(dailyNotices, noticeId, command, { actor: SWEEP_ACTOR, at, command: command.type, correlationId });
      } catch (refusal) {
        if (!isDomainError(refusal) || refusal.code !== 'already_exists') throw refusal;
      }
      sent += 1;
    }
    return sent;
  }

  private async execute(step: SweepStep, at: string, correlationId: string): Promise<void> {
    const context: CommandContext = { actor: SWEEP_ACTOR, at, command: step.command.type, correlationId };
    try {
      if (step.aggregate === 'red-card') await this.deps.commands.execute(redCards, step.id, dated(step.command, at), context);
      else await this.deps.commands.execute(applications, step.id, dated(step.command, at), context);
    } catch (refusal) {
      if (isDomainError(refusal) && STALE.has(refusal.code)) return; // done already (a rerun, or a concurrent change)
      throw refusal;
    }
  }

  /** What the sweep of `date` did, from the read models (so a rerun after a crash reports the whole date). */
  private async countsOf(date: CalendarDate): Promise<Omit<SweepCounts, 'noticesSent'>> {
    const { sql, calendar } = this.deps;
    const [{ cards }] = await sql.query<{ cards: number }>(
      `SELECT count(*)::int AS cards FROM ${RED_CARDS_TABLE} WHERE issued_on = $1::date`,
      [date],
    );
    // a returned application was accepted: the condition lets the partial closed_on index find the date's returns
    const [{ returned }] = await sql.query<{ returned: number }>(
      `SELECT count(*)::int AS returned FROM ${SUPERVISION_APPLICATIONS_TABLE}
        WHERE accepted_on IS NOT NULL AND closed_as = 'returned' AND closed_on = $1::date`,
      [date],
    );
    // suspended on D: open on D or closed later (the closed_on index), instead of reading every 容缺 row's pauses
    const suspendedRows = await sql.query<{ pauses: { kind: string; detail: string; startedAt: string }[] }>(
      `SELECT pauses FROM ${SUPERVISION_APPLICATIONS_TABLE}
        WHERE accepted_on IS NOT NULL AND (closed_on IS NULL OR closed_on >= $2::date) AND deferred IS NOT NULL AND pauses::text LIKE $1`,
      [`%${DEFERRED_MATERIALS_OVERDUE}%`, date],
    );
    const suspended = suspendedRows.filter((row) =>
      row.pauses.some(
        (pause) =>
          pause.kind === 'suspension' && pause.detail === DEFERRED_MATERIALS_OVERDUE && calendar.businessDate(pause.startedAt) === date,
      ),
    ).length;
    return { cardsIssued: Number(cards), suspended, returned: Number(returned) };
  }
}

/** The command with its business time set to `at`. */
const dated = <C extends { data: { at: string } }>(command: C, at: string): C => ({ ...command, data: { ...command.data, at } });

const laterOf = (a: string, b: string | undefined) => (b !== undefined && Date.parse(b) > Date.parse(a) ? b : a);

function datesAfter(last: CalendarDate, through: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let date = addDays(last, 1); date <= through; date = addDays(date, 1)) dates.push(date);
  return dates;
}
