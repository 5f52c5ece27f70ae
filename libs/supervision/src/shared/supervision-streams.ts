/** A red card's stream (`red-card-<uuid>`); the API's `{id}` is the uuid alone (`redCardIdOf(applicationId)`). */
export const RED_CARD_STREAM_PREFIX = 'red-card-';
export const redCardStreamId = (cardId: string): string => `${RED_CARD_STREAM_PREFIX}${cardId}`;
export const bareRedCardId = (streamId: string): string =>
  streamId.startsWith(RED_CARD_STREAM_PREFIX) ? streamId.slice(RED_CARD_STREAM_PREFIX.length) : streamId;

/** The record of one business date's sweep: `supervision-sweep-2019-10-11`. */
export const SWEEP_STREAM_PREFIX = 'supervision-sweep-';
export const sweepStreamId = (date: string): string => `${SWEEP_STREAM_PREFIX}${date}`;

export const DAILY_NOTICE_STREAM_PREFIX = 'daily-notice-';
export const dailyNoticeStreamId = (noticeId: string): string => `${DAILY_NOTICE_STREAM_PREFIX}${noticeId}`;
