import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MicroCache } from './micro-cache.ts';

describe('MicroCache', () => {
  beforeEach(() => { vi.useFakeTimers({ toFake: ['performance'] }); });
  afterEach(() => { vi.useRealTimers(); });

  it('readers arriving together share one build; it lives between half a ttl and a whole one', async () => {
    const cache = new MicroCache<string>(1000);
    let builds = 0;
    const build = async () => `page ${++builds}`;
    expect(await Promise.all([cache.get('a', build), cache.get('a', build), cache.get('a', build)])).toEqual(['page 1', 'page 1', 'page 1']);
    vi.advanceTimersByTime(499);
    expect(await cache.get('a', build)).toBe('page 1');
    expect(builds).toBe(1);
    expect(await cache.get('b', build)).toBe('page 2');
  });

  it('just after expiry gives the old value once while one new build runs; never a value older than two ttls', async () => {
    const cache = new MicroCache<string>(1000);
    let builds = 0;
    const build = async () => `page ${++builds}`;
    await cache.get('a', build);
    vi.advanceTimersByTime(1000);
    expect(await Promise.all([cache.get('a', build), cache.get('a', build)])).toEqual(['page 1', 'page 1']);
    expect(builds).toBe(2);
    expect(await cache.get('a', build)).toBe('page 2');
    vi.advanceTimersByTime(2000);
    expect(await cache.get('a', build)).toBe('page 3'); // waited for the new one
  });

  it('keeps neither a failed build nor one it is told not to keep', async () => {
    const cache = new MicroCache<string>(1000);
    await expect(cache.get('a', async () => { throw new Error('database away'); })).rejects.toThrow('database away');
    expect(await cache.get('a', async () => 'after')).toBe('after');
    expect(await cache.get('x', async () => 'not yet', (v) => v !== 'not yet')).toBe('not yet');
    expect(await cache.get('x', async () => 'report')).toBe('report');
  });

  it('holds at most its maximum of entries', async () => {
    const cache = new MicroCache<number>(1000, 3);
    for (let i = 0; i < 5; i++) await cache.get(`k${i}`, async () => i);
    // The oldest went first: k0 and k1 are made anew, k4 is still kept.
    expect(await cache.get('k4', async () => -1)).toBe(4);
    expect(await cache.get('k0', async () => -1)).toBe(-1);
  });
});
