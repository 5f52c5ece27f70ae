/** A statutory or promised time limit (法定 / 承诺时限): a number of working days, months or years. */
export type TimeUnit = 'workday' | 'month' | 'year';

export interface TimeLimit {
  value: number;
  unit: TimeUnit;
}
