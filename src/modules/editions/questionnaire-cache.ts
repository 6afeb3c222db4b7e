// Parsed questionnaires per database and edition, reused while the revision is unchanged:
// a questionnaire is ~50 kB of JSON that every respondent page needs.
import type { Db } from '../../db/client.ts';
import type { Questionnaire } from '../questionnaire/questionnaire.model.ts';

const caches = new WeakMap<Db, Map<number, { rev: number; qn: Questionnaire }>>();

export async function questionnaireOf(db: Db, year: number, rev: number): Promise<Questionnaire> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(year);
  if (hit && hit.rev === rev) return hit.qn;
  const row = await db.one<{ questionnaire: Questionnaire; rev: number }>(
    'SELECT questionnaire, questionnaire_rev AS rev FROM editions WHERE year = $1',
    [year],
  );
  if (!row) throw new Error(`Editie ${year} bestaat niet`);
  cache.set(year, { rev: row.rev, qn: row.questionnaire });
  return row.questionnaire;
}
