import { randomUUID } from 'node:crypto';

/**
 * What every contender appends: single events with an expected version. Writer `w` fills streams of
 * `eventsPerStream` events one after the other (like an application's lifecycle), so the first
 * append of each stream expects "no stream" and the others the version before them.
 */
export interface BenchEvent {
  id: string;
  streamId: string;
  /** the stream's version before this append (0 = the stream does not exist yet) */
  expectedVersion: number;
  type: string;
  data: Record<string, unknown>;
  metadata: { actor: string; roles: string[]; command: string; correlationId: string; at: string };
}

export interface AppendContender {
  readonly name: string;
  append(event: BenchEvent): Promise<void>;
  close(): Promise<void>;
}

export function benchEvent(runTag: string, writer: number, sequence: number, eventsPerStream: number): BenchEvent {
  const stream = Math.floor(sequence / eventsPerStream);
  const applicationId = `${runTag}-${writer}-${stream}`;
  return {
    id: randomUUID(),
    streamId: `application-${applicationId}`,
    expectedVersion: sequence % eventsPerStream,
    type: 'application.accepted',
    data: {
      applicationId,
      matterId: '5b0e1c9e-6f7a-4a39-9f2e-3f0f6a1d2c44',
      channel: 'online',
      acceptedAt: '2019-09-27T07:00:00+08:00',
      deadline: '2019-10-15',
      departmentId: 'dept-07',
      regionCode: '330602',
    },
    metadata: {
      actor: 'window-staff-7',
      roles: ['window_staff'],
      command: 'application.accept',
      correlationId: randomUUID(),
      at: '2019-09-27T07:00:00+08:00',
    },
  };
}
