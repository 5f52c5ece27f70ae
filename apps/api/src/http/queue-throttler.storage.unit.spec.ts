import { QueueThrottlerStorage } from './queue-throttler.storage';

describe('the queue throttler storage', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('counts hits per key within the window and blocks past the limit until the oldest hit expires', async () => {
    const storage = new QueueThrottlerStorage();
    const hit = (key = 'a') => storage.increment(key, 60_000, 3, 0, 'default');
    expect((await hit()).totalHits).toBe(1);
    jest.advanceTimersByTime(10_000);
    await hit();
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: false });
    expect(await hit()).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 50 });
    expect(await hit('b')).toMatchObject({ totalHits: 1, isBlocked: false });

    jest.advanceTimersByTime(50_001); // the block has ended, but the refused hit still counts in its window
    expect(await hit()).toMatchObject({ totalHits: 4, isBlocked: true });
    jest.advanceTimersByTime(60_001); // every earlier hit has left the window
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('honours a block duration longer than the window', async () => {
    const storage = new QueueThrottlerStorage();
    for (let i = 0; i < 2; i++) await storage.increment('k', 1_000, 1, 30_000, 'default');
    jest.advanceTimersByTime(5_000);
    expect(await storage.increment('k', 1_000, 1, 30_000, 'default')).toMatchObject({ isBlocked: true, timeToBlockExpire: 25 });
  });
});
