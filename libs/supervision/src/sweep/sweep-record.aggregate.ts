import type { Aggregate } from '@app/event-store';
import { sweepRecordDecider, type RecordSweep, type SupervisionSwept, type SweepRecordState } from '../domain';
import { sweepStreamId } from '../shared/supervision-streams';

/** The record of a business date's sweep: one `supervision-sweep-<date>` stream per date, no department. */
export const sweepRecords: Aggregate<RecordSweep, SupervisionSwept, SweepRecordState> = {
  name: 'sweep',
  decider: sweepRecordDecider,
  streamId: sweepStreamId,
  departmentOf: () => undefined,
};
