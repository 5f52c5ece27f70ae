export const SUBSCRIPTION_STREAM_PREFIX = 'subscription-';
export const subscriptionStreamId = (id: string): string => `${SUBSCRIPTION_STREAM_PREFIX}${id}`;
