import type { RecordedEvent } from '@app/event-store';

/** The events one accepted command appended: same stream, consecutive versions, same correlation id and command. */
export interface CommandGroup {
  streamId: string;
  command: string;
  correlationId: string;
  events: RecordedEvent[];
}

export const commandOf = (event: RecordedEvent): string =>
  typeof event.metadata.command === 'string' ? event.metadata.command : `unknown:${event.type}`;

function continues(group: CommandGroup, event: RecordedEvent): boolean {
  const last = group.events[group.events.length - 1];
  return (
    event.streamId === group.streamId &&
    event.version === last.version + 1 &&
    event.metadata.correlationId === group.correlationId &&
    commandOf(event) === group.command
  );
}

/** Splits events (in the store's commit-visible order) into the commands that appended them. */
export function groupByCommand(events: readonly RecordedEvent[]): CommandGroup[] {
  const groups: CommandGroup[] = [];
  for (const event of events) {
    const current = groups[groups.length - 1];
    if (current && continues(current, event)) current.events.push(event);
    else
      groups.push({
        streamId: event.streamId,
        command: commandOf(event),
        correlationId: String(event.metadata.correlationId),
        events: [event],
      });
  }
  return groups;
}
