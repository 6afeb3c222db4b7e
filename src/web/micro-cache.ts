// A page that many readers ask for within a second is made once for that second. Used where the
// product already accepts "at most a second behind" (the reports' figures are rechecked at most
// once a second, see reports/municipal/context.ts): a change shows on the next request after it.
// Readers arriving together share one build (the promise is kept), and the number of entries is
// bounded so a crawl over many links cannot grow the memory.

type Entry<V> = { at: number; value: Promise<V> };

export class MicroCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly maxEntries = 1000,
  ) {}

  /** The value made within the last ttlMs for this key, or a new one; a failed build is not kept. */
  get(key: string, build: () => Promise<V>, keep: (v: V) => boolean = () => true): Promise<V> {
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    if (hit) this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.evict(now);
    const entry: Entry<V> = { at: now, value: build() };
    this.entries.set(key, entry);
    entry.value.then(
      (v) => { if (!keep(v) && this.entries.get(key) === entry) this.entries.delete(key); },
      () => { if (this.entries.get(key) === entry) this.entries.delete(key); },
    );
    return entry.value;
  }

  /** Drops what has expired; if all are fresh, the oldest (Map keeps insertion order). */
  private evict(now: number): void {
    for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(k);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
