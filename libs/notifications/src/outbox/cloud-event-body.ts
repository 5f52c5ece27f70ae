import { CloudEvent, HTTP } from 'cloudevents';
import type { RecordedEvent } from '@app/event-store';
import { withoutPersonalData } from '../domain';

/** `source` of every delivery: this service's event log. */
export const CLOUD_EVENT_SOURCE = 'urn:gov-services:event-log';

/**
 * The delivery body (api.md, Notifications): a CloudEvents 1.0 structured JSON event — `id` the
 * event's id, `type` its type, `subject` its stream, `time` its business time (as the SDK writes
 * it: the same instant in UTC), the extension `position` its global position — whose `data` is the
 * event's data without personal data. Built once when the delivery is queued: every attempt sends
 * the same bytes.
 */
export function cloudEventBody(event: RecordedEvent): string {
  const cloudEvent = new CloudEvent({
    id: event.id,
    type: event.type,
    source: CLOUD_EVENT_SOURCE,
    subject: event.streamId,
    time: event.metadata.at,
    datacontenttype: 'application/json',
    data: withoutPersonalData(event.data) as object,
    position: String(event.position),
  });
  return HTTP.structured(cloudEvent).body as string;
}
