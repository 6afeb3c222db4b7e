// The public pages are read far more often than their data changes, and assembling an edition
// takes ~150 ms (mostly reading every answer). So the last result per database and edition is
// kept while a cheap fingerprint of everything it was made from is unchanged. The fingerprint is
// asked every time, so several app instances never serve stale figures for long: a change in any
// instance shows on the next request everywhere.
import type { Db } from '../../../db/client.ts';
import { loadResults, type ResultsData } from './data.ts';

const caches = new WeakMap<Db, Map<number, { fingerprint: string; data: ResultsData }>>();

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

/** loadResults for the public pages (published editions only), reused while the data is unchanged. */
export async function cachedResults(db: Db, year: number): Promise<ResultsData | undefined> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const fp = await fingerprint(db, year);
  const hit = cache.get(year);
  if (hit && hit.fingerprint === fp) return hit.data;
  const data = await loadResults(db, year);
  if (data) cache.set(year, { fingerprint: fp, data });
  else cache.delete(year);
  return data;
}
