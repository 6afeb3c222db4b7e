// Seeded randomness for the demo: the same seed must give the same data set on every machine,
// so nothing here may touch Math.random or depend on object/Set iteration of unsorted input.

export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for picking demo answers (not for anything secret). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A child stream per concern, so adding a draw in one part does not reshuffle all others. */
export function fork(seed: number, label: string): Rng {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return mulberry32(h >>> 0);
}

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Counts that add up to `n` from percentages (largest remainder), keyed like `shares`. */
export function countsFromShares(n: number, shares: Record<string, number>): Record<string, number> {
  const total = Object.values(shares).reduce((s, v) => s + v, 0);
  const raw = Object.entries(shares).map(([k, v]) => ({ k, exact: (v / total) * n }));
  const out: Record<string, number> = {};
  for (const r of raw) out[r.k] = Math.floor(r.exact);
  let left = n - Object.values(out).reduce((s, v) => s + v, 0);
  const byRest = [...raw].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
  for (let i = 0; left > 0; i++, left--) out[byRest[i % byRest.length].k]++;
  return out;
}
