// The public pages are read far more often than their data changes, and assembling an edition
// takes ~150 ms (mostly reading every answer): see web/fingerprint-cache.ts.
import type { Db } from '../../../db/client.ts';
import { fingerprintCache } from '../../../web/fingerprint-cache.ts';
import { loadResults } from './data.ts';

async function fingerprint(db: Db, year: number): Promise<string> {
  const row = await db.one<{ fp: string }>(
    `SELECT concat_ws('|',
       (SELECT string_agg(concat_ws(':', year, published_at, questionnaire_rev, register_year), ',' ORDER BY year) FROM editions WHERE year <= $1),
       (SELECT concat_ws(':', count(*), max(updated_at), max(submitted_at)) FROM responses WHERE edition <= $1),
       (SELECT concat_ws(':', count(*), max(a.updated_at)) FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.edition <= $1),
       (SELECT count(*) FROM invitations WHERE edition <= $1),
       (SELECT g.imported_at FROM register_geometry g JOIN editions e ON g.year = e.register_year WHERE e.year = $1),
       (SELECT p.imported_at FROM population_imports p JOIN editions e ON p.year = e.register_year WHERE e.year = $1),
       (SELECT t.published_at FROM report_text_publications t WHERE t.edition = $1),
       -- the codes of the open answers, cited in the text as {code.SLUG.aantal}
       (SELECT concat_ws(':', count(*), max(id)) FROM answer_codes),
       (SELECT concat_ws(':', count(*), max(assigned_at)) FROM answer_code_assignments WHERE edition = $1)) AS fp`,
    [year],
  );
  return row?.fp ?? '';
}

/** loadResults for the public pages (published editions only), reused while the data is unchanged. */
export const cachedResults = fingerprintCache(fingerprint, loadResults, (d) => d !== undefined);
