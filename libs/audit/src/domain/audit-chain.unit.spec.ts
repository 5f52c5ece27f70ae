import { createHash } from 'node:crypto';
import {
  canonicalEntry,
  chainEntry,
  GENESIS_HASH,
  GENESIS_HEAD,
  hashEntry,
  verifyChain,
  type AuditEntry,
  type ChainedAuditEntry,
} from './audit-chain';

const entry = (n: number): Omit<AuditEntry, 'seq'> => ({
  at: `2019-10-${String(n).padStart(2, '0')}T09:00:00+08:00`,
  actor: n % 2 ? 'insp-1' : 'off-1',
  roles: n % 2 ? ['inspector'] : ['department_officer'],
  command: { type: 'SubmitRectification', data: { issueId: `qi-${n}`, note: '已改' } },
  streamId: `quality-issue-qi-${n}`,
  position: n * 10,
});

function buildChain(length: number): ChainedAuditEntry[] {
  const chain: ChainedAuditEntry[] = [];
  for (let n = 1; n <= length; n++) chain.push(chainEntry(chain.at(-1) ?? GENESIS_HEAD, entry(n)));
  return chain;
}

describe('audit hash chain', () => {
  it('genesis prevHash is 64 zeros', () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('canonical entry: the seven fields in sorted key order, hash and extras left out', () => {
    const [first] = buildChain(1);
    expect(canonicalEntry({ ...first, extra: 'ignored' } as ChainedAuditEntry)).toBe(
      '{"actor":"insp-1","at":"2019-10-01T09:00:00+08:00","command":{"data":{"issueId":"qi-1","note":"已改"},"type":"SubmitRectification"},' +
        '"position":10,"roles":["inspector"],"seq":1,"streamId":"quality-issue-qi-1"}',
    );
  });

  it('hashEntry = sha256(prevHash + canonical(entry)), hex, the same for the same entry', () => {
    const e = { ...entry(1), seq: 1 };
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonicalEntry(e))
      .digest('hex');
    expect(hashEntry(GENESIS_HASH, e)).toBe(expected);
    expect(
      hashEntry(GENESIS_HASH, { position: 10, streamId: e.streamId, command: e.command, roles: e.roles, actor: e.actor, at: e.at, seq: 1 }),
    ).toBe(expected);
    expect(hashEntry('f'.repeat(64), e)).not.toBe(expected);
  });

  it('chainEntry links each entry to the previous one', () => {
    const chain = buildChain(3);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(chain[0].prevHash).toBe(GENESIS_HASH);
    expect(chain[1].prevHash).toBe(chain[0].hash);
    expect(chain[2].prevHash).toBe(chain[1].hash);
  });

  it('a valid chain verifies, with the count and the head', () => {
    const chain = buildChain(5);
    expect(verifyChain(chain)).toEqual({ valid: true, entries: 5, head: chain[4].hash });
    expect(verifyChain([])).toEqual({ valid: true, entries: 0, head: GENESIS_HASH });
  });

  it('verifies a tail from a head checked earlier', () => {
    const chain = buildChain(5);
    expect(verifyChain(chain.slice(2), chain[1])).toEqual({ valid: true, entries: 3, head: chain[4].hash });
  });

  it.each([
    ['actor', (e: ChainedAuditEntry) => ({ ...e, actor: 'attacker' })],
    ['at', (e: ChainedAuditEntry) => ({ ...e, at: '2019-10-03T09:00:01+08:00' })],
    ['roles', (e: ChainedAuditEntry) => ({ ...e, roles: ['admin'] })],
    [
      'command payload',
      (e: ChainedAuditEntry) => ({ ...e, command: { type: 'SubmitRectification', data: { issueId: 'qi-3', note: '未改' } } }),
    ],
    ['streamId', (e: ChainedAuditEntry) => ({ ...e, streamId: null })],
    ['position', (e: ChainedAuditEntry) => ({ ...e, position: 31 })],
  ])('a changed %s is detected at its seq', (_, tamper) => {
    const chain = buildChain(5);
    chain[2] = tamper(chain[2]);
    expect(verifyChain(chain)).toEqual({ valid: false, entries: 5, head: chain[1].hash, firstBadSeq: 3, reason: 'hash_mismatch' });
  });

  it('a changed entry whose hash was recomputed breaks the link of the next entry', () => {
    const chain = buildChain(5);
    const forged = { ...chain[2], actor: 'attacker' };
    chain[2] = { ...forged, hash: hashEntry(forged.prevHash, forged) };
    expect(verifyChain(chain)).toMatchObject({ valid: false, firstBadSeq: 4, reason: 'broken_link', head: chain[2].hash });
  });

  it('a removed entry (gap in seq) names the missing seq', () => {
    const chain = buildChain(5);
    expect(verifyChain([...chain.slice(0, 2), ...chain.slice(3)])).toEqual({
      valid: false,
      entries: 4,
      head: chain[1].hash,
      firstBadSeq: 3,
      reason: 'missing_entry',
    });
    expect(verifyChain(chain.slice(1))).toMatchObject({ valid: false, firstBadSeq: 1, reason: 'missing_entry', head: GENESIS_HASH });
  });

  it('a removed entry with the later seqs renumbered is still detected where it was', () => {
    const chain = buildChain(5);
    const renumbered = [...chain.slice(0, 2), ...chain.slice(3).map((e) => ({ ...e, seq: e.seq - 1 }))];
    expect(verifyChain(renumbered)).toMatchObject({ valid: false, firstBadSeq: 3, reason: 'broken_link' });
  });

  it('swapped entries are detected at the first swapped position', () => {
    const chain = buildChain(5);
    expect(verifyChain([chain[0], chain[2], chain[1], chain[3], chain[4]])).toMatchObject({
      valid: false,
      firstBadSeq: 2,
      reason: 'missing_entry',
    });
    const swappedSeqs = [chain[0], { ...chain[2], seq: 2 }, { ...chain[1], seq: 3 }, chain[3], chain[4]];
    expect(verifyChain(swappedSeqs)).toMatchObject({ valid: false, firstBadSeq: 2, reason: 'broken_link' });
  });

  it('a duplicated entry is out of order at its seq', () => {
    const chain = buildChain(3);
    expect(verifyChain([chain[0], chain[1], chain[1], chain[2]])).toMatchObject({ valid: false, firstBadSeq: 2, reason: 'out_of_order' });
  });

  it('an altered hash is detected at its seq', () => {
    const chain = buildChain(5);
    chain[3] = { ...chain[3], hash: 'a'.repeat(64) };
    expect(verifyChain(chain)).toMatchObject({ valid: false, firstBadSeq: 4, reason: 'hash_mismatch', head: chain[2].hash });
  });

  it('an altered prevHash is detected at its seq', () => {
    const chain = buildChain(5);
    chain[1] = { ...chain[1], prevHash: 'b'.repeat(64) };
    expect(verifyChain(chain)).toMatchObject({ valid: false, firstBadSeq: 2, reason: 'broken_link', head: chain[0].hash });
  });
});
