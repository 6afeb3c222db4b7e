import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { fingerprintCache } from './fingerprint-cache.ts';

const db = {} as Db;

describe('fingerprintCache', () => {
  it('fifty readers at once cost one fingerprint and one build', async () => {
    let asked = 0;
    let built = 0;
    const get = fingerprintCache(async () => { asked++; return 'fp'; }, async (_db, key) => `value ${key} #${++built}`);
    const values = await Promise.all(Array.from({ length: 50 }, () => get(db, 2022)));
    expect(new Set(values)).toEqual(new Set(['value 2022 #1']));
    expect([asked, built]).toEqual([1, 1]);
    expect(await get(db, 2021)).toBe('value 2021 #2');
  });

  it('builds again when the fingerprint changed, and does not keep a failed or unwanted build', async () => {
    let fp = 'a';
    let built = 0;
    let fail = true;
    const get = fingerprintCache(async () => fp, async () => {
      built++;
      if (fail) throw new Error('database away');
      return built;
    }, (v) => v !== 3);
    await expect(get(db, 1)).rejects.toThrow('database away');
    fail = false;
    expect(await get(db, 1)).toBe(2);
    expect(await get(db, 1)).toBe(2);
    fp = 'b';
    // The fingerprint is trusted for up to a second, then asked again (the old value meanwhile).
    await new Promise((r) => setTimeout(r, 2100));
    expect(await get(db, 1)).toBe(3);
    expect(await get(db, 1)).toBe(4); // 3 was not kept
  });
});
