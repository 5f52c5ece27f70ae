/** The subscriptions as the outbox projection keeps them (a read model: rebuilt from the log). */
export const SUBSCRIPTIONS_TABLE = 'rm_webhook_subscriptions_v1';
/** Each stream's department as its events revealed it, for subscriptions of one department (rebuilt from the log). */
export const STREAM_DEPARTMENTS_TABLE = 'rm_webhook_stream_departments_v1';
/** The outbox: one row per (subscription, event) with its delivery state. Never emptied by a rebuild. */
export const DELIVERIES_TABLE = 'webhook_deliveries';
/** Each queued event's CloudEvent body, once however many subscriptions it goes to (the deliveries refer to it). */
export const EVENT_BODIES_TABLE = 'webhook_event_bodies';
/** Signing secrets, outside the log (like applicant keys): deleting one ends what can be signed with it. */
export const SECRETS_TABLE = 'webhook_secrets';
