import {
  ANY,
  DeadlineExceededError,
  NO_STREAM,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import fc from 'fast-check';
import type { Checkpoint, EventMetadata } from '../event-store.port';
import { isUnavailable } from './esdb-errors';
import {
  checkRetry,
  checkpointCovers,
  compareCheckpoints,
  comparePositions,
  decodeCheckpoint,
  encodeCheckpoint,
  fromEsdbMetadata,
  fromEsdbStreamName,
  isSystemEvent,
  positionToNumber,
  revisionToVersion,
  toActualVersion,
  toEsdbMetadata,
  toEsdbStreamName,
  toExpectedRevision,
  versionToRevision,
} from './esdb-mapping';

const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const position = fc.record({ commit: u64, prepare: u64 });

describe('versions and revisions', () => {
  it('maps expected versions: no_stream and 0 to NO_STREAM, any to ANY, N to revision N-1', () => {
    expect(toExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toExpectedRevision('any')).toBe(ANY);
    expect(toExpectedRevision(0)).toBe(NO_STREAM);
    expect(toExpectedRevision(1)).toBe(0n);
    expect(toExpectedRevision(42)).toBe(41n);
  });

  it('refuses expected versions that are not whole non-negative numbers', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => toExpectedRevision(bad)).toThrow(RangeError);
  });

  it('version N is revision N-1, both ways', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (version) => revisionToVersion(versionToRevision(version)) === version,
      ),
    );
    expect(versionToRevision(1)).toBe(0n);
    expect(revisionToVersion(0n)).toBe(1);
  });

  it("reports ESDB's current revision as the actual version", () => {
    expect(toActualVersion(NO_STREAM)).toBe('no_stream');
    expect(toActualVersion(0n)).toBe(1);
    expect(toActualVersion(2n)).toBe(3);
  });
});

describe('positions and checkpoints', () => {
  it('hands out commit positions as numbers up to 2^53 - 1 and refuses larger ones', () => {
    expect(positionToNumber(0n)).toBe(0);
    expect(positionToNumber(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => positionToNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    expect(() => positionToNumber(-1n)).toThrow(RangeError);
  });

  it('encodes commit:prepare and decodes it back', () => {
    expect(encodeCheckpoint({ commit: 1234n, prepare: 1230n })).toBe('00000000000000001234:00000000000000001230');
    fc.assert(fc.property(position, (p) => expect(decodeCheckpoint(encodeCheckpoint(p))).toEqual(p)));
  });

  it('orders checkpoints like $all (commit, then prepare), and their strings sort the same way', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        const [ca, cb] = [encodeCheckpoint(a), encodeCheckpoint(b)];
        const order = Math.sign(compareCheckpoints(ca, cb));
        expect(order).toBe(Math.sign(comparePositions(a, b)));
        expect(order).toBe(ca < cb ? -1 : ca > cb ? 1 : 0);
        expect(Math.sign(compareCheckpoints(cb, ca))).toBe(-order || 0);
      }),
    );
    expect(comparePositions({ commit: 5n, prepare: 9n }, { commit: 6n, prepare: 1n })).toBeLessThan(0);
    expect(comparePositions({ commit: 6n, prepare: 2n }, { commit: 6n, prepare: 1n })).toBeGreaterThan(0);
  });

  it('refuses tokens that are not its own', () => {
    for (const bad of ['', '12', '12:', ':12', '-1:0', '1:2:3', 'abc:def', '1.5:2', `${'9'.repeat(21)}:0`, '42 ']) {
      expect(() => decodeCheckpoint(bad as Checkpoint)).toThrow(TypeError);
    }
    expect(() => encodeCheckpoint({ commit: -1n, prepare: 0n })).toThrow(RangeError);
  });

  it('covers an event when the checkpoint commit position reached its position', () => {
    const at = (commit: bigint) => encodeCheckpoint({ commit, prepare: commit });
    expect(checkpointCovers(at(500n), 499)).toBe(true);
    expect(checkpointCovers(at(500n), 500)).toBe(true);
    expect(checkpointCovers(at(500n), 501)).toBe(false);
    expect(checkpointCovers(null, 1)).toBe(false);
    expect(checkpointCovers(null, 0)).toBe(true);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) }), fc.nat(), (commit, p) =>
        expect(checkpointCovers(at(commit), p)).toBe(BigInt(p) <= commit),
      ),
    );
  });
});

describe('metadata', () => {
  const metadata: EventMetadata = {
    actor: 'user-1',
    correlationId: 'corr-1',
    causationId: 'cmd-7',
    at: '2019-09-27T07:00:00+08:00',
    tenant: { region: '330600' },
  };

  it('wraps ours with the schema version and ESDB correlation names, and reads both back after JSON', () => {
    const envelope = toEsdbMetadata({ schemaVersion: 3, metadata });
    expect(envelope).toEqual({ schemaVersion: 3, metadata, $correlationId: 'corr-1', $causationId: 'cmd-7' });
    expect(fromEsdbMetadata(JSON.parse(JSON.stringify(envelope)))).toEqual({ schemaVersion: 3, metadata });
  });

  it('defaults the schema version to 1 and leaves out a null causation', () => {
    const envelope = toEsdbMetadata({ metadata: { ...metadata, causationId: null } });
    expect(envelope).toEqual({ schemaVersion: 1, metadata: { ...metadata, causationId: null }, $correlationId: 'corr-1' });
    expect(fromEsdbMetadata(JSON.parse(JSON.stringify(envelope))).metadata.causationId).toBeNull();
  });

  it("keeps a user key that looks like ours ('schemaVersion', '$…') inside our metadata", () => {
    const odd = { ...metadata, schemaVersion: 9, $correlationId: 'mine' };
    expect(fromEsdbMetadata(JSON.parse(JSON.stringify(toEsdbMetadata({ schemaVersion: 2, metadata: odd }))))).toEqual({
      schemaVersion: 2,
      metadata: odd,
    });
  });

  it('reads events written by others: their metadata as it is, schema version 1', () => {
    expect(fromEsdbMetadata({ $correlationId: 'x' })).toEqual({ schemaVersion: 1, metadata: { $correlationId: 'x' } });
    expect(fromEsdbMetadata(undefined)).toEqual({ schemaVersion: 1, metadata: {} });
    expect(fromEsdbMetadata(new Uint8Array([1, 2]))).toEqual({ schemaVersion: 1, metadata: {} });
  });
});

describe('stream names', () => {
  it('prefixes streams with the namespace and reads back only its own', () => {
    expect(toEsdbStreamName(undefined, 'matter-1')).toBe('matter-1');
    expect(toEsdbStreamName('t42', 'matter-1')).toBe('t42/matter-1');
    expect(fromEsdbStreamName('t42', 't42/matter-1')).toBe('matter-1');
    expect(fromEsdbStreamName('t42', 't4/matter-1')).toBeNull();
    expect(fromEsdbStreamName('t42', 't42matter-1')).toBeNull();
    expect(fromEsdbStreamName(undefined, 'anything')).toBe('anything');
  });

  it("recognises ESDB's own events and streams", () => {
    expect(isSystemEvent('$metadata', '$$matter-1')).toBe(true);
    expect(isSystemEvent('$>', '$ce-matter')).toBe(true);
    expect(isSystemEvent('$statsCollected', '$stats-127.0.0.1:2113')).toBe(true);
    expect(isSystemEvent('matter.published', '$projections-x')).toBe(true);
    expect(isSystemEvent('matter.published', 'matter-1')).toBe(false);
  });
});

describe('retries by event id', () => {
  const stored = [
    { id: 'a', version: 1, position: 100 },
    { id: 'b', version: 2, position: 200 },
    { id: 'c', version: 3, position: 300 },
    { id: 'd', version: 4, position: 400 },
  ];

  it('new ids are new', () => {
    expect(checkRetry(['x', 'y'], stored)).toEqual({ kind: 'new' });
    expect(checkRetry(['x'], [])).toEqual({ kind: 'new' });
  });

  it('the ids of one earlier append, in order, are a retry answered with its last event', () => {
    expect(checkRetry(['b', 'c'], stored)).toEqual({ kind: 'retry', version: 3, position: 300 });
    expect(checkRetry(['a'], stored)).toEqual({ kind: 'retry', version: 1, position: 100 });
    expect(checkRetry(['C', 'D'], stored)).toEqual({ kind: 'retry', version: 4, position: 400 });
  });

  it('a partial overlap is a duplicate, naming the stored id', () => {
    expect(checkRetry(['x', 'b'], stored)).toEqual({ kind: 'duplicate', eventId: 'b' });
    expect(checkRetry(['d', 'e'], stored)).toEqual({ kind: 'duplicate', eventId: 'd' });
  });

  it('stored ids in another order or with gaps are a duplicate, not a retry', () => {
    expect(checkRetry(['c', 'b'], stored)).toEqual({ kind: 'duplicate', eventId: 'c' });
    expect(checkRetry(['a', 'c'], stored)).toEqual({ kind: 'duplicate', eventId: 'a' });
  });

  it('an id twice in one append is a duplicate', () => {
    expect(checkRetry(['x', 'X'], stored)).toEqual({ kind: 'duplicate', eventId: 'X' });
  });
});

describe('unavailability', () => {
  it('treats connection, deadline and discovery failures as unavailable', () => {
    expect(isUnavailable(new UnavailableError(undefined, 'no connection'))).toBe(true);
    expect(isUnavailable(new DeadlineExceededError(undefined, 'deadline'))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('14 UNAVAILABLE: connect ECONNREFUSED'), { code: 14 }))).toBe(true);
    expect(isUnavailable(new Error('Failed to discover after 10 attempts.'))).toBe(true);
  });

  it('leaves refusals and bugs alone', () => {
    const conflict = new EsdbWrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 1n });
    expect(isUnavailable(conflict)).toBe(false);
    expect(isUnavailable(new StreamNotFoundError(undefined, 's'))).toBe(false);
    expect(isUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isUnavailable('down')).toBe(false);
  });
});
