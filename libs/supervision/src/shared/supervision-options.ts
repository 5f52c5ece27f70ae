/** What the app's configuration tells supervision (README, Configuration). */
export interface SupervisionOptions {
  /** `SUPERVISION_YELLOW_WORKDAYS`: 黄牌预警 when 0 ≤ workdaysLeft ≤ this */
  yellowWorkdays: number;
  /** `SWEEP_AT`: `HH:MM` city time of the daily sweep, or `off` */
  sweepAt: string;
  /** whether this process runs the automatic sweep (it runs where the projections run: `RUN_PROJECTIONS`) */
  runSchedule: boolean;
}

export const SUPERVISION_OPTIONS = Symbol('SUPERVISION_OPTIONS');
