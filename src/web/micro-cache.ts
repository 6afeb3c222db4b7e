// A page that many readers ask for within a second is made once for that second. Used where the
// product already accepts "at most a second behind" (the reports' figures are rechecked at most
// once a second, see reports/municipal/context.ts).
// - Readers arriving together share one build (the promise is kept).
// - Each entry lives a slightly different time (between half and the whole ttl), so entries made
//   together are not all rebuilt in the same moment (that stall was the slowest 1% of requests).
// - Just after expiry the old value is still given while one new build runs (stale-while-
//   revalidate); a value older than twice the ttl is never given: that reader waits for the build.
// - The number of entries is bounded, so a crawl over many links cannot grow the memory.

type Entry<V> = { at: number; ttl: number; value: Promise<V>; refreshing?: boolean };

export class MicroCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly maxEntries = 1000,
  ) {}

  /** The value made within the last ttl for this key, or a new one; a failed build is not kept. */
  get(key: string, build: () => Promise<V>, keep: (v: V) => boolean = () => true): Promise<V> {
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit) {
      const age = now - hit.at;
      if (age < hit.ttl) return hit.value;
      if (age < 2 * this.ttlMs) {
        if (!hit.refreshing) {
          hit.refreshing = true;
          this.start(key, build, keep, now).catch(() => {});
        }
        return hit.value;
      }
      this.entries.delete(key);
    }
    return this.start(key, build, keep, now);
  }

  private start(key: string, build: () => Promise<V>, keep: (v: V) => boolean, now: number): Promise<V> {
    const value = build();
    const entry: Entry<V> = { at: now, ttl: this.ttlMs * (0.5 + Math.random() / 2), value };
    const old = this.entries.get(key);
    if (old?.refreshing) {
      // The old value stays until the new one is ready.
      value.then((v) => { if (this.entries.get(key) === old) { if (keep(v)) this.entries.set(key, entry); else this.entries.delete(key); } },
        () => { if (this.entries.get(key) === old) this.entries.delete(key); });
      return value;
    }
    if (this.entries.size >= this.maxEntries) this.evict(now);
    this.entries.set(key, entry);
    value.then(
      (v) => { if (!keep(v) && this.entries.get(key) === entry) this.entries.delete(key); },
      () => { if (this.entries.get(key) === entry) this.entries.delete(key); },
    );
    return value;
  }

  /** Drops what may no longer be given; if all are younger, the oldest (Map keeps insertion order). */
  private evict(now: number): void {
    for (const [k, e] of this.entries) if (now - e.at >= 2 * this.ttlMs) this.entries.delete(k);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
