import type { RecordedEvent } from '@app/event-store';

/**
 * The department an event names itself, where it does: `departmentId` in its data (cards, cases,
 * quality issues, notices), its matter snapshot's (`application.submitted`) or its elements'
 * (`matter.registered`, `matter.revised`). Later events of a stream name none (`application.accepted`):
 * the outbox remembers each stream's department from the first that does.
 */
export function departmentNamedBy(event: Pick<RecordedEvent, 'data'>): string | undefined {
  const data = event.data as Record<string, unknown> | null;
  if (!data) return undefined;
  return textOf(data.departmentId) ?? textOf(nested(data.matter)?.departmentId) ?? textOf(nested(data.elements)?.departmentId);
}

const nested = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
