/** Increments of the daily counter tables collected over one batch, written with one upsert per table. */
export class DailyCounters {
  readonly acceptances = new Map<string, { day: string; department_id: string; region_code: string; channel: string; accepted: number }>();
  readonly completions = new Map<
    string,
    { day: string; department_id: string; region_code: string; completed: number; on_time: number; zero_visit: number }
  >();
  readonly evaluations = new Map<string, { day: string; department_id: string; region_code: string; score: number; evaluations: number }>();

  accepted(day: string, department_id: string, region_code: string, channel: string): void {
    const key = [day, department_id, region_code, channel].join('|');
    const row = this.acceptances.get(key) ?? { day, department_id, region_code, channel, accepted: 0 };
    row.accepted += 1;
    this.acceptances.set(key, row);
  }

  completed(day: string, department_id: string, region_code: string, onTime: boolean, zeroVisit: boolean): void {
    const key = [day, department_id, region_code].join('|');
    const row = this.completions.get(key) ?? { day, department_id, region_code, completed: 0, on_time: 0, zero_visit: 0 };
    row.completed += 1;
    row.on_time += onTime ? 1 : 0;
    row.zero_visit += zeroVisit ? 1 : 0;
    this.completions.set(key, row);
  }

  evaluated(day: string, department_id: string, region_code: string, score: number): void {
    const key = [day, department_id, region_code, score].join('|');
    const row = this.evaluations.get(key) ?? { day, department_id, region_code, score, evaluations: 0 };
    row.evaluations += 1;
    this.evaluations.set(key, row);
  }
}
