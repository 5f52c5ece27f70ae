import { getStorageToken } from '@nestjs/throttler';
import request from 'supertest';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@app/event-store/testing';
import { SharedThrottlerStorage } from '../../apps/api/src/http/shared-throttler.storage';
import { eventually } from '../support/child-process';
import { DedicatedRedis, describeWithDedicatedRedis } from '../support/dedicated-redis';
import { launchTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const LIMIT = 6;

/**
 * Issue 16, part 3: with REDIS_URL, two API instances count a token's requests in one Redis (a
 * server of the test's own), so RATE_LIMIT_PER_MINUTE holds for the two together. Redis killed,
 * each instance limits by its own count at once — no 500, no request held — and once Redis is
 * back the limit is the cluster's again.
 */
describeWithDedicatedRedis('rate limits shared by the API instances through Redis', () => {
  let redis: DedicatedRedis;
  let database: ThrowawayDatabase;
  let a: TestApp;
  let b: TestApp;
  let user = 0;

  /** a token of its own: a budget of its own */
  const freshToken = () => `Bearer ${a.token({ sub: `rate-limit-user-${++user}`, roles: ['admin'] })}`;
  /** GET /api/v1/matters on one instance: its status, within 5 s (a held request fails the test) */
  const ask = async (instance: TestApp, token: string) =>
    (await request(instance.http).get('/api/v1/matters?pageSize=1').set('Authorization', token).timeout(5_000)).status;
  const storageOf = (instance: TestApp) => instance.app.get<SharedThrottlerStorage>(getStorageToken());

  beforeAll(async () => {
    redis = await DedicatedRedis.start();
    database = await createThrowawayDatabase('e2e');
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    a = await launchTestApp(env);
    b = await launchTestApp({ ...env, RUN_PROJECTIONS: 'false' });
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await database?.drop();
    await redis?.destroy();
  });

  it('one token’s requests count against one budget on both instances: past the limit both answer 429', async () => {
    expect(storageOf(a)).toBeInstanceOf(SharedThrottlerStorage);
    const token = freshToken();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push(await ask(i % 2 === 0 ? a : b, token));
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    expect(await ask(a, token)).toBe(429);
    expect(await ask(b, token)).toBe(429);
    expect(await ask(b, freshToken())).toBe(200); // another token, another budget
  });

  it('Redis killed: each instance limits by its own count (never a 500, never held); Redis back, the budget is the cluster’s again', async () => {
    await redis.kill();
    const token = freshToken();
    const onA: number[] = [];
    const onB: number[] = [];
    for (let i = 0; i <= LIMIT; i++) onA.push(await ask(a, token));
    for (let i = 0; i <= LIMIT; i++) onB.push(await ask(b, token));
    expect(onA).toEqual([...Array(LIMIT).fill(200), 429]);
    expect(onB).toEqual([...Array(LIMIT).fill(200), 429]); // B's own count: A's requests are not in it
    expect([storageOf(a).counting, storageOf(b).counting]).toEqual(['instance', 'instance']);

    await redis.restart(); // empty: it saved nothing
    // ioredis reconnects by its back-off (at most 2 s); a request on each instance tells where it counted
    await eventually(
      async () => {
        const probe = freshToken();
        await Promise.all([ask(a, probe), ask(b, probe)]);
        return storageOf(a).counting === 'cluster' && storageOf(b).counting === 'cluster';
      },
      15_000,
      'both instances counting in Redis again',
    );
    const after = freshToken();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push(await ask(i % 2 === 0 ? b : a, after));
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    expect([await ask(a, after), await ask(b, after)]).toEqual([429, 429]);
  });

  it('the storage itself: while Redis does not answer (killed, or silent) it counts locally and warns once; when Redis answers again it says so once', async () => {
    const lines: string[] = [];
    const logger = { log: (line: string) => lines.push(`log: ${line}`), warn: (line: string) => lines.push(`warn: ${line}`) };
    const storage = new SharedThrottlerStorage(redis.url, logger as unknown as ConstructorParameters<typeof SharedThrottlerStorage>[1]);
    try {
      await eventually(
        async () => (await storage.increment('warm-up', 60_000, 100, 60_000, 'spec'), storage.counting === 'cluster'),
        10_000,
        'connected',
      );
      lines.length = 0; // a request before the first connection counts locally too (and says so)
      await redis.kill();
      const hits: number[] = [];
      for (let i = 0; i < 4; i++) hits.push((await storage.increment('k', 60_000, 3, 60_000, 'spec')).totalHits);
      expect(hits).toEqual([1, 2, 3, 4]);
      expect((await storage.increment('k', 60_000, 3, 60_000, 'spec')).isBlocked).toBe(true);
      expect(lines).toEqual([
        expect.stringMatching(new RegExp(`^warn: Redis at 127\\.0\\.0\\.1:${redis.port} does not answer .*per instance until it does$`)),
      ]);

      await redis.restart();
      await eventually(
        async () => (await storage.increment('k2', 60_000, 100, 60_000, 'spec'), storage.counting === 'cluster'),
        15_000,
        'reconnected',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe(`log: Redis at 127.0.0.1:${redis.port} answers again: rate limits hold for the cluster again`);
      expect((await storage.increment('k', 60_000, 3, 60_000, 'spec')).totalHits).toBe(1); // Redis's count (empty after the restart)

      // connected but silent: one request waits out the 200 ms timeout, the next ones for a second count locally at once
      redis.pause();
      lines.length = 0;
      const started = performance.now();
      const counts: number[] = [];
      for (let i = 0; i < 10; i++) counts.push((await storage.increment('silent', 60_000, 100, 60_000, 'spec')).totalHits);
      const waited = performance.now() - started;
      expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(storage.counting).toBe('instance');
      expect(lines).toEqual([expect.stringMatching(/^warn: .*does not answer \(Command timed out\)/)]);
      expect(waited).toBeLessThan(1_000); // ten timeouts would be 2 s: only the first request asked Redis
      redis.resume();
    } finally {
      storage.onApplicationShutdown();
    }
  });
});
