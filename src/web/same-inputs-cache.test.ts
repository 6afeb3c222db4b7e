import { describe, expect, it } from 'vitest';
import { SameInputsCache } from './same-inputs-cache.ts';

describe('SameInputsCache', () => {
  it('makes a value once while the inputs are the same, again when they differ', () => {
    const cache = new SameInputsCache<{ v: number }, string>((a, b) => a.v === b.v);
    let made = 0;
    const get = (v: number) => cache.get('k', { v }, () => `page ${v} (${++made})`);
    expect(get(1)).toBe('page 1 (1)');
    expect(get(1)).toBe('page 1 (1)');
    expect(get(2)).toBe('page 2 (2)');
    expect(get(1)).toBe('page 1 (3)');
    expect(made).toBe(3);
  });

  it('keeps at most maxEntries keys, dropping the one made longest ago', () => {
    const cache = new SameInputsCache<number, string>((a, b) => a === b, 2);
    let made = 0;
    const get = (key: string) => cache.get(key, 0, () => `${key}${++made}`);
    get('a');
    get('b');
    get('a'); // kept: no new make
    get('c'); // a third key: 'a' (made first) goes
    expect(made).toBe(3);
    expect(get('b')).toBe('b2');
    expect(get('a')).toBe('a4');
  });
});
