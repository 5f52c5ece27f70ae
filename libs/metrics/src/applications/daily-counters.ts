/** One row of `rm_application_counters_v2`: increments for a (grain, day, department, region). */
export interface CounterRow {
  /** `d`: the business date itself; `m`: the month starting on `day` (the sum of its days) */
  grain: 'd' | 'm';
  day: string;
  department_id: string;
  region_code: string;
  accepted: number;
  online: number;
  mobile: number;
  completed: number;
  on_time: number;
  zero_visit: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  /** applications open from this day on (+) or no longer (−): open on D = the sum up to D */
  open_delta: number;
  /** likewise for "open, past the deadline and not paused" */
  overdue_delta: number;
}

export const COUNTER_COLUMNS: Record<keyof CounterRow, string> = {
  grain: 'text',
  day: 'date',
  department_id: 'text',
  region_code: 'text',
  accepted: 'int',
  online: 'int',
  mobile: 'int',
  completed: 'int',
  on_time: 'int',
  zero_visit: 'int',
  s1: 'int',
  s2: 'int',
  s3: 'int',
  s4: 'int',
  s5: 'int',
  open_delta: 'int',
  overdue_delta: 'int',
};

type Counts = Omit<CounterRow, 'grain' | 'day' | 'department_id' | 'region_code'>;

/**
 * Counter increments collected over one batch, each kept twice — on its day and on its month —
 * so a report over a period reads whole months plus the days of the partial months at its ends,
 * however many applications lie behind them. Written with one additive upsert.
 */
export class DailyCounters {
  private readonly increments = new Map<string, CounterRow>();

  accepted(day: string, department_id: string, region_code: string, channel: string): void {
    this.add(day, department_id, region_code, { accepted: 1, online: channel === 'window' ? 0 : 1, mobile: channel === 'mobile' ? 1 : 0 });
  }

  completed(day: string, department_id: string, region_code: string, onTime: boolean, zeroVisit: boolean): void {
    this.add(day, department_id, region_code, { completed: 1, on_time: onTime ? 1 : 0, zero_visit: zeroVisit ? 1 : 0 });
  }

  evaluated(day: string, department_id: string, region_code: string, score: number): void {
    this.add(day, department_id, region_code, { [`s${score}`]: 1 });
  }

  /** `open`/`overdue`: +1 or −1 from `day` on */
  moved(day: string, department_id: string, region_code: string, change: { open_delta?: number; overdue_delta?: number }): void {
    this.add(day, department_id, region_code, change);
  }

  /** The increments that change something (a +1 and a −1 within one batch cancel out). */
  rows(): CounterRow[] {
    return [...this.increments.values()].filter((row) => COUNT_NAMES.some((name) => row[name] !== 0));
  }

  private add(day: string, department_id: string, region_code: string, counts: Partial<Counts>): void {
    for (const [grain, bucket] of [['d', day] as const, ['m', `${day.slice(0, 7)}-01`] as const]) {
      const key = `${grain}|${bucket}|${department_id}|${region_code}`;
      const row = this.increments.get(key) ?? { grain, day: bucket, department_id, region_code, ...ZERO };
      for (const [name, value] of Object.entries(counts) as [keyof Counts, number][]) row[name] += value;
      this.increments.set(key, row);
    }
  }
}

/** What identifies a counter row (its grain, day, department and region); the other columns are counts. */
export const COUNTER_KEY: readonly string[] = ['grain', 'day', 'department_id', 'region_code'];

const COUNT_COLUMNS = Object.keys(COUNTER_COLUMNS).filter((name) => !COUNTER_KEY.includes(name));

/** A counter row that additive upserts brought back to all zeros (SQL condition on the row as written). */
export const ALL_ZERO = COUNT_COLUMNS.map((name) => `${name} = 0`).join(' AND ');

/**
 * Deletes the rows that came back to all zeros, $1 a JSON array of their keys: deleting them keeps
 * the table the same whichever way the events were cut into batches (a rebuild equals live
 * catch-up row for row). The upsert names them (`ALL_ZERO`), so most batches need no delete.
 */
export const DELETE_ZERO_COUNTERS = `DELETE FROM rm_application_counters_v2 WHERE ${ALL_ZERO} AND (grain, day, department_id, region_code) IN (
    SELECT grain, day::date, department_id, region_code FROM jsonb_to_recordset($1::jsonb) AS k(grain text, day text, department_id text, region_code text))`;

const ZERO: Counts = {
  accepted: 0,
  online: 0,
  mobile: 0,
  completed: 0,
  on_time: 0,
  zero_visit: 0,
  s1: 0,
  s2: 0,
  s3: 0,
  s4: 0,
  s5: 0,
  open_delta: 0,
  overdue_delta: 0,
};

const COUNT_NAMES = Object.keys(ZERO) as (keyof Counts)[];
