import { StreamCache } from './stream-cache';

describe('StreamCache', () => {
  const event = { id: 'e1', type: 'door.opened', data: {}, version: 1, position: 7 };

  it('keeps at most maxStreams, the least recently used going first', () => {
    const cache = new StreamCache(2);
    cache.set('a', []);
    cache.set('b', []);
    cache.get('a');
    cache.set('c', []);
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((history) => history !== undefined)).toEqual([true, false, true]);
    expect(cache.size).toBe(2);
  });

  it('keeps only what a command needs of each event', () => {
    const cache = new StreamCache();
    cache.set('a', [{ ...event, metadata: { actor: 'u1' }, recordedAt: 'x' } as typeof event]);
    expect(cache.get('a')).toEqual([event]);
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses a size below one', () => {
    expect(() => new StreamCache(0)).toThrow('maxStreams');
  });
});
