import type { Aggregate } from '@app/event-store';
import { dailyNoticeDecider, type DailyNoticeSent, type DailyNoticeState, type SendDailyNotice } from '../domain';
import { dailyNoticeStreamId } from '../shared/supervision-streams';

/** The daily notices (一日一告知) on the one command path: `daily-notice-<uuid>` streams, each its department's. */
export const dailyNotices: Aggregate<SendDailyNotice, DailyNoticeSent, DailyNoticeState> = {
  name: 'daily notice',
  decider: dailyNoticeDecider,
  streamId: dailyNoticeStreamId,
  departmentOf: (state) => (state.status === 'none' ? undefined : state.departmentId),
};
