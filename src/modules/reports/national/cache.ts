// The public pages are read far more often than their data changes, and assembling an edition
// takes ~150 ms (mostly reading every answer). So the last result per database and edition is
// kept while a cheap fingerprint of everything it was made from is unchanged. The fingerprint is
// asked every time, so several app instances never serve stale figures for long: a change in any
// instance shows on the next request everywhere.
import type { Db } from '../../../db/client.ts';
import { loadResults, type ResultsData } from './data.ts';

type Entry = { fingerprint: string; data: Promise<ResultsData | undefined>; checkedAt: number };
const caches = new WeakMap<Db, Map<number, Entry>>();
/** How long a fingerprint is trusted before it is asked again (figures may lag this much). */
const RECHECK_MS = 1000;

async function fingerprint(db: Db, year: number): Promise<string> {
  const row = await db.one<{ fp: string }>(
    `SELECT concat_ws('|',
       (SELECT string_agg(concat_ws(':', year, published_at, questionnaire_rev, register_year), ',' ORDER BY year) FROM editions WHERE year <= $1),
       (SELECT concat_ws(':', count(*), max(updated_at), max(submitted_at)) FROM responses WHERE edition <= $1),
       (SELECT concat_ws(':', count(*), max(a.updated_at)) FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.edition <= $1),
       (SELECT count(*) FROM invitations WHERE edition <= $1)) AS fp`,
    [year],
  );
  return row?.fp ?? '';
}

/**
 * loadResults for the public pages (published editions only), reused while the data is unchanged.
 * Concurrent requests share one load (the promise is cached), and the fingerprint is asked at
 * most once a second, so a burst of readers costs one assembly, not fifty.
 */
export async function cachedResults(db: Db, year: number): Promise<ResultsData | undefined> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(year);
  if (hit && Date.now() - hit.checkedAt < RECHECK_MS) return hit.data;
  const fp = await fingerprint(db, year);
  const again = cache.get(year);
  if (again && again.fingerprint === fp) {
    again.checkedAt = Date.now();
    return again.data;
  }
  const entry: Entry = { fingerprint: fp, data: loadResults(db, year), checkedAt: Date.now() };
  cache.set(year, entry);
  entry.data.then((d) => { if (!d) cache.delete(year); }, () => cache.delete(year));
  return entry.data;
}
