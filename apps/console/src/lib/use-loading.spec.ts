import { describe, expect, it, vi } from 'vitest';
import { useLoading } from './use-loading';

// the API client it imports reads the session when loaded: an empty one (Node has no sessionStorage)
vi.hoisted(() => {
  const items = new Map<string, string>();
  globalThis.sessionStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  } as Storage;
});

/** A read that answers when told to. */
function deferred<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

describe('useLoading: the latest read wins', () => {
  it('drops an earlier read that comes back after a later one (a filter changed while it was on its way)', async () => {
    const { run, loading } = useLoading();
    const found = deferred<string[]>();
    const rectified = deferred<string[]>();
    const first = run(() => found.promise);
    const second = run(() => rectified.promise);
    rectified.resolve(['rectified issue']);
    expect(await second).toEqual(['rectified issue']);
    expect(loading.value).toBe(false);
    found.resolve(['found issue']);
    expect(await first).toBeUndefined();
    expect(loading.value).toBe(false);
  });

  it('keeps loading while the latest read is on its way, and shows only its failure', async () => {
    const { run, loading, error } = useLoading();
    const earlier = deferred<string>();
    const later = deferred<string>();
    const first = run(() => earlier.promise);
    const second = run(() => later.promise);
    earlier.reject(new Error('stale failure'));
    expect(await first).toBeUndefined();
    expect(loading.value).toBe(true);
    expect(error.value).toBe('');
    later.reject(new Error('网络错误'));
    expect(await second).toBeUndefined();
    expect(error.value).toBe('Error: 网络错误');
    expect(loading.value).toBe(false);
  });
});
