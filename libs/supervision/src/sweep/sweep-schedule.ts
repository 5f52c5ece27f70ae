import { Cron } from 'croner';
import { addDays, businessToday, type CalendarDate } from '@app/kernel';
import type { Sweeper } from './sweeper';

const STOP_WAIT_MS = 5_000;

/** `SWEEP_AT`: `HH:MM` city time, or `off`. */
export const SWEEP_AT_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|off)$/;

export interface SweepScheduleOptions {
  /** `HH:MM` in the city zone */
  sweepAt: string;
  timeZone: string;
  log: (message: string) => void;
  error: (message: string, error: unknown) => void;
}

/**
 * The automatic daily sweep (domain.md, The sweep): at `SWEEP_AT` every day, city time, through
 * croner (time-zone aware, no dependencies, overrun protection), in every process that runs the
 * projections. Only the process holding the sweep lock sweeps (the others skip that tick); it
 * sweeps every business date after the last recorded one up to today, so a process that was down
 * catches up. At start-up it catches up the dates due so far — but only once the schedule has run
 * at least once (it never sweeps dates before its first run).
 */
export class SweepSchedule {
  private job: Cron | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly sweeper: Sweeper,
    private readonly options: SweepScheduleOptions,
  ) {}

  start(): void {
    const [hours, minutes] = this.options.sweepAt.split(':').map(Number);
    this.job = new Cron(
      `${minutes} ${hours} * * *`,
      { timezone: this.options.timeZone, protect: true, unref: true, name: 'supervision-sweep' },
      () => this.run(true),
    );
    void this.run(false);
  }

  /** The business dates due by now: through today once today's `SWEEP_AT` has passed, else through yesterday. */
  dueThrough(now = new Date()): CalendarDate {
    const today = businessToday(now);
    const clock = new Intl.DateTimeFormat('en-GB', {
      timeZone: this.options.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(now);
    return clock >= this.options.sweepAt ? today : addDays(today, -1);
  }

  run(firstRun: boolean): Promise<void> {
    this.running = this.running.then(async () => {
      try {
        const swept = await this.sweeper.sweepDue(this.dueThrough(), { firstRun });
        if (swept === null) this.options.log('sweep: another process holds the sweep lock; skipped');
        else if (swept.length > 0) this.options.log(`sweep: swept ${swept.map((result) => result.date).join(', ')}`);
      } catch (error) {
        this.options.error('sweep failed; the next run catches up', error);
      }
    });
    return this.running;
  }

  /**
   * Stops the schedule and waits (up to `STOP_WAIT_MS`) for a sweep in progress, before the stores
   * close. A sweep cut short is safe: its date is not recorded, and the next run completes it.
   */
  async stop(): Promise<void> {
    this.job?.stop();
    this.job = null;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
  }
}
