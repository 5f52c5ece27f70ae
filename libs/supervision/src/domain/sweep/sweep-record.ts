import { DomainError, assertNoProblems, checkDate, checkTimestamp, type CalendarDate, type Decider } from '@app/kernel';
import type { DomainErrorDetail } from '@app/kernel';

/**
 * The record of one business date's sweep (one stream per date): appended once the sweep's steps
 * are all done, so "swept" means every card, suspension and return of that date is in the store.
 * A second record of the date is refused (`already_exists`): the sweep of a date happens once.
 */
export interface SweepCounts {
  cardsIssued: number;
  suspended: number;
  returned: number;
  /** the daily notices (一日一告知) sent: one per department with something open, warned or due */
  noticesSent: number;
}

/** who started it: the daily schedule (whose last date the catch-up follows) or an admin's request */
export type SweepTrigger = 'schedule' | 'request';

export interface RecordSweep {
  type: 'supervision.record_sweep';
  data: { date: CalendarDate; trigger: SweepTrigger; counts: SweepCounts; at: string };
}

export interface SupervisionSwept {
  type: 'supervision.swept';
  data: { date: CalendarDate; trigger: SweepTrigger; counts: SweepCounts; at: string };
}

export type SweepRecordState = { status: 'none' } | { status: 'swept'; date: CalendarDate; counts: SweepCounts; at: string };

export const SWEEP_EVENT_TYPES: readonly SupervisionSwept['type'][] = ['supervision.swept'];

export const sweepRecordDecider: Decider<RecordSweep, SupervisionSwept, SweepRecordState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => (state.status === 'none' ? { status: 'swept', ...event.data } : state),
  decide(command, state) {
    assertNoProblems('invalid_command', sweepProblems(command));
    if (state.status === 'swept') throw new DomainError('already_exists', `the sweep of ${state.date} was recorded already (${state.at})`);
    return [{ type: 'supervision.swept', data: command.data }];
  },
};

function sweepProblems(command: RecordSweep): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  checkDate(problems, 'date', command.data.date);
  checkTimestamp(problems, 'at', command.data.at);
  for (const [field, value] of Object.entries(command.data.counts ?? {}))
    if (!Number.isInteger(value) || value < 0) problems.push({ field: `counts.${field}`, message: 'must be a whole number ≥ 0' });
  return problems;
}
