import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Checkpoint, EventStore, ExpectedVersion, NewEvent, RecordedEvent, WrongExpectedVersionError } from '../event-store.port';
import { ContractContext, expectStrictlyIncreasing, head, newEvents, readOwn, withoutCheckpoint } from './contract-fixtures';

type Expectation = 'any' | 'current' | 'no_stream' | 'stale';
interface Append {
  stream: number;
  size: number;
  expect: Expectation;
  pauseMs: number;
}

const append: fc.Arbitrary<Append> = fc.record({
  stream: fc.nat({ max: 3 }),
  size: fc.integer({ min: 1, max: 3 }),
  expect: fc.constantFrom<Expectation>('any', 'current', 'current', 'no_stream', 'stale'),
  pauseMs: fc.nat({ max: 3 }),
});
/** Several writers, each a sequence of appends; the writers run concurrently. */
const writers = fc.array(fc.array(append, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });

export function interleavingProperty(ctx: ContractContext, numRuns = 40): void {
  it('property: a subscriber reading concurrently with random writers sees exactly the committed events, each once, streams in version order', async () => {
    const store = ctx.store();
    let start = await head(store);
    await fc.assert(
      fc.asyncProperty(writers, async (scripts) => {
        const run = randomUUID();
        const streamOf = (n: number) => `contract-prop-${run}-${n}`;
        const own = (e: RecordedEvent) => e.streamId.startsWith(`contract-prop-${run}-`);
        const committed = new Map<string, NewEvent>();
        let writing = true;
        const subscriber = subscribe(store, start, own, () => (writing ? null : committed.size));
        try {
          await Promise.all(
            scripts.map(async (script) => {
              for (const step of script) {
                await new Promise((resolve) => setTimeout(resolve, step.pauseMs));
                const stream = streamOf(step.stream);
                const events = newEvents(step.size, `prop.w${step.stream}`);
                try {
                  await store.append(stream, events, { expectedVersion: await expectation(store, stream, step.expect) });
                  for (const e of events) committed.set(e.id, e);
                } catch (error) {
                  if (!(error instanceof WrongExpectedVersionError)) throw error;
                }
              }
            }),
          );
        } finally {
          writing = false;
        }
        const seen = await subscriber;

        expect(seen.map((e) => e.id).sort()).toEqual([...committed.keys()].sort());
        for (const event of seen) expect(event.data).toEqual(committed.get(event.id)?.data);
        expectStrictlyIncreasing(
          store,
          seen.map((e) => e.checkpoint),
        );
        for (const stream of new Set(seen.map((e) => e.streamId))) {
          const ofStream = seen.filter((e) => e.streamId === stream);
          expect(ofStream.map((e) => e.version)).toEqual(ofStream.map((_, i) => i + 1));
          expect(ofStream.map(withoutCheckpoint)).toEqual((await store.readStream(stream)).map(withoutCheckpoint));
        }
        const fresh = await readOwn(store, { after: start, batchSize: 1000, own, expected: committed.size });
        expect(fresh.events.map((e) => e.id)).toEqual(seen.map((e) => e.id));
        start = fresh.checkpoint;
      }),
      { numRuns },
    );
  }, 120_000);
}

async function expectation(store: EventStore, stream: string, kind: Expectation): Promise<ExpectedVersion> {
  if (kind === 'any' || kind === 'no_stream') return kind;
  const read = await store.readStream(stream);
  const current = read.length === 0 ? 0 : read[read.length - 1].version;
  if (kind === 'current') return current === 0 ? 'no_stream' : current;
  return current + 2;
}

/**
 * A subscriber: polls `readAll` in batches of 3 from `start` while the writers run; once they are
 * done (`committed()` gives their count) it reads on until it has seen that many of its events.
 */
async function subscribe(
  store: EventStore,
  start: Checkpoint | null,
  own: (e: RecordedEvent) => boolean,
  committed: () => number | null,
): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  let checkpoint = start;
  for (;;) {
    const batch = await store.readAll({ after: checkpoint, limit: 3 });
    seen.push(...batch.filter(own));
    if (batch.length > 0) {
      checkpoint = batch[batch.length - 1].checkpoint;
      continue;
    }
    const total = committed();
    if (total !== null)
      return [...seen, ...(await readOwn(store, { after: checkpoint, batchSize: 3, own, expected: total - seen.length })).events];
    await store.waitForAppend(5);
  }
}
