import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@app/event-store';
import { ProjectionRunner } from '@app/event-store';
import { openStoreFixture, recordingLogger, type StoreFixture } from '@app/event-store/testing';
import { rebuildProjection } from '@app/event-store';
import { testBackends } from '@app/event-store/testing';
import { GENESIS_HEAD, verifyChain } from '../domain/audit-chain';
import { AUDIT_LOG_COLUMNS, toChainedEntry, type AuditLogRow } from './audit-chain.store';
import type { QueryRunner } from 'typeorm';
import { AuditLog1764160000000 } from './audit-log.migration';
import { AUDIT_LOG_TABLE } from './audit-log.table';
import { auditTrailProjection } from './audit-trail.projection';

jest.setTimeout(60_000);

/** One command's append: `count` events on `streamId` with that command's metadata. */
async function command(store: EventStore, streamId: string, name: string, count: number, expectedVersion: number | 'no_stream') {
  const metadata = { actor: 'u-1', roles: ['inspector'], command: name, correlationId: randomUUID(), at: '2019-09-27T09:00:00+08:00' };
  const events: NewEvent[] = Array.from({ length: count }, () => ({
    id: randomUUID(),
    type: 'quality-issue.assigned',
    data: {},
    metadata,
  }));
  return store.append(streamId, events, { expectedVersion });
}

describe.each(testBackends())('the audit-trail projection on %s', (backend) => {
  let fx: StoreFixture;
  let runner: ProjectionRunner | undefined;

  beforeEach(async () => {
    fx = await openStoreFixture(backend);
    await new AuditLog1764160000000().up({ query: (text: string) => fx.sql.query(text) } as unknown as QueryRunner);
  });
  afterEach(async () => {
    await runner?.stop();
    await fx.dispose();
  });

  const entries = async () =>
    (await fx.sql.query<AuditLogRow>(`SELECT ${AUDIT_LOG_COLUMNS} FROM ${AUDIT_LOG_TABLE} a ORDER BY a.seq`)).map(toChainedEntry);

  it('chains one entry per command even when a batch ends inside an append, and skips a replayed batch', async () => {
    await command(fx.store, 'quality-issue-a', 'quality-issue.log', 3, 'no_stream');
    await command(fx.store, 'quality-issue-b', 'quality-issue.log', 1, 'no_stream');
    const last = await command(fx.store, 'quality-issue-a', 'quality-issue.assign', 2, 3);
    runner = new ProjectionRunner(fx.store, fx.sql, [auditTrailProjection], { batchSize: 2, logger: recordingLogger() });
    await runner.start();
    expect(await runner.waitForPosition(last.position, 20_000)).toBe(true);

    const chain = await entries();
    expect(chain.map((e) => [e.seq, e.streamId, (e.command as { name: string }).name, e.position])).toEqual([
      [1, 'quality-issue-a', 'quality-issue.log', 3],
      [2, 'quality-issue-b', 'quality-issue.log', 4],
      [3, 'quality-issue-a', 'quality-issue.assign', 6],
    ]);
    expect(verifyChain(chain, GENESIS_HEAD)).toMatchObject({ valid: true, entries: 3 });

    // replayed from any event on (inside an append, at a command's start): nothing is chained twice
    const all = await fx.store.readAll({ limit: 100 });
    for (const from of [0, 1, 2, 3, 4, 5]) {
      await fx.sql.transaction((tx) => auditTrailProjection.apply(all.slice(from), tx));
      expect(await entries()).toHaveLength(3);
    }
    // and the commands after them are chained as before
    const next = await command(fx.store, 'quality-issue-b', 'quality-issue.assign', 1, 1);
    expect(await runner.waitForPosition(next.position, 20_000)).toBe(true);
    expect((await entries()).map((e) => [e.seq, e.streamId, e.position])).toEqual([
      [1, 'quality-issue-a', 3],
      [2, 'quality-issue-b', 4],
      [3, 'quality-issue-a', 6],
      [4, 'quality-issue-b', next.position],
    ]);
  });

  it('refuses to be reset or rebuilt', async () => {
    await expect(rebuildProjection(fx.store, fx.sql, auditTrailProjection)).rejects.toThrow(/never reset or rebuilt/);
  });
});
