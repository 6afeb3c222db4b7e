// Read-mostly data (an edition's results, a report's shared context) is assembled from many rows
// but changes rarely. The last value per database and key is kept while a cheap fingerprint of
// everything it was made from is unchanged. The fingerprint itself is asked about once a second by
// one request (MicroCache: shared, jittered, the last one given while the next is asked), so a
// burst of readers costs one query, and several app instances show a change within about two seconds.
import type { Db } from '../db/client.ts';
import { MicroCache } from './micro-cache.ts';

type Entry<V> = { fingerprint: string; value: Promise<V> };

export function fingerprintCache<V>(
  fingerprint: (db: Db, key: number) => Promise<string>,
  build: (db: Db, key: number) => Promise<V>,
  /** Whether a built value is kept (e.g. not an "edition not found"). */
  keep: (v: V) => boolean = () => true,
): (db: Db, key: number) => Promise<V> {
  const caches = new WeakMap<Db, { entries: Map<number, Entry<V>>; fingerprints: MicroCache<string> }>();
  return async (db, key) => {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = { entries: new Map(), fingerprints: new MicroCache(1000, 100) }));
    const { entries } = cache;
    const fp = await cache.fingerprints.get(String(key), () => fingerprint(db, key));
    const hit = entries.get(key);
    if (hit && hit.fingerprint === fp) return hit.value;
    // The promise is kept, so many readers arriving at once share one assembly.
    const entry: Entry<V> = { fingerprint: fp, value: build(db, key) };
    entries.set(key, entry);
    const drop = () => { if (entries.get(key) === entry) entries.delete(key); };
    entry.value.then((v) => { if (!keep(v)) drop(); }, drop);
    return entry.value;
  };
}
