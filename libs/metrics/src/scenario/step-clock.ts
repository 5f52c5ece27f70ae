import type { Rng } from './rng';
import { type WorkingDayCalendar } from '@app/kernel';

const LAST_MINUTE = 23 * 60 + 50;

/**
 * Business times for one stream's steps, never going backwards: `later` moves on within the day,
 * `after(n)` to the nth working day after the current one (during office hours).
 */
export class StepClock {
  private minute: number;

  constructor(
    private readonly rng: Rng,
    private readonly calendar: WorkingDayCalendar,
    public date: string,
    minute = 8 * 60 + 30 + rng.int(0, 420),
  ) {
    this.minute = minute;
  }

  get at(): string {
    const hh = String(Math.floor(this.minute / 60)).padStart(2, '0');
    const mm = String(this.minute % 60).padStart(2, '0');
    return `${this.date}T${hh}:${mm}:00+08:00`;
  }

  later(minMinutes = 5, maxMinutes = 60): string {
    this.minute = Math.min(LAST_MINUTE, this.minute + this.rng.int(minMinutes, maxMinutes));
    return this.at;
  }

  /** moves to the nth working day after the current date (0 = stays, moves later) */
  after(workdays: number): string {
    if (workdays <= 0) return this.later();
    this.date = this.calendar.addWorkingDays(this.date, workdays);
    this.minute = 9 * 60 + this.rng.int(0, 420);
    return this.at;
  }

  /** the date `workdays` working days after the current one, without moving */
  peek(workdays: number): string {
    return this.calendar.addWorkingDays(this.date, workdays);
  }
}
