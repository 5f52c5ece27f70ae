import type { Checkpoint, RecordedEvent } from '@app/event-store';
import { groupByCommand } from './command-groups';

let position = 0;
const event = (streamId: string, version: number, correlationId: string, command: string | null = 'quality-issue.log'): RecordedEvent => ({
  id: `e${++position}`,
  streamId,
  type: 'quality-issue.found',
  schemaVersion: 1,
  data: {},
  metadata: { actor: 'u', correlationId, at: '2019-09-27T09:00:00+08:00', ...(command !== null && { command }) },
  version,
  position,
  checkpoint: String(position) as Checkpoint,
  recordedAt: '2019-09-27T01:00:00.000Z',
});

const shape = (events: RecordedEvent[]) =>
  groupByCommand(events).map((g) => `${g.streamId}:${g.command}:${g.events.map((e) => e.version).join(',')}`);

describe('groupByCommand', () => {
  it('groups the consecutive events of one append (same stream, correlation id and command)', () => {
    expect(shape([event('s1', 1, 'c1'), event('s1', 2, 'c1'), event('s2', 1, 'c2'), event('s1', 3, 'c3', 'quality-issue.assign')])).toEqual(
      ['s1:quality-issue.log:1,2', 's2:quality-issue.log:1', 's1:quality-issue.assign:3'],
    );
  });

  it('splits on another correlation id, another command or a version gap', () => {
    expect(shape([event('s1', 1, 'c1'), event('s1', 2, 'c2'), event('s1', 3, 'c2', 'x'), event('s1', 5, 'c2', 'x')])).toEqual([
      's1:quality-issue.log:1',
      's1:quality-issue.log:2',
      's1:x:3',
      's1:x:5',
    ]);
  });

  it('names events appended without a command after their type', () => {
    expect(shape([event('s9', 1, 'c9', null)])).toEqual(['s9:unknown:quality-issue.found:1']);
  });

  it('answers nothing for no events', () => {
    expect(groupByCommand([])).toEqual([]);
  });
});
