// What every municipal report of one edition shares: the questionnaires up to that edition (for
// lineage), the national and provincial statistics with small cells suppressed, the most given
// answers, and the register. Assembling it reads every submitted answer of the edition (tens of
// ms), so it is kept per database and edition while a fingerprint of its inputs is unchanged; the
// fingerprint is asked again after RECHECK_MS, so no instance serves stale figures for long.
import type { Db } from '../../../db/client.ts';
import { listEditions } from '../../editions/index.ts';
import type { Questionnaire } from '../../questionnaire/index.ts';
import { provincesByEdition } from '../../register/index.ts';
import { listSubmittedResponses } from '../../responses/submitted.ts';
import { computeStats, type ModalAnswer, modalAnswers, type StatsRow, suppress } from '../../statistics/index.ts';

/** Figures of fewer valid answers are hidden ("te weinig antwoorden"), as on the public pages. */
export const MIN_N = 5;

export type EditionContext = {
  year: number;
  questionnaire: Questionnaire;
  /** Every edition up to and including `year`, for the municipality's own development. */
  qns: Map<number, Questionnaire>;
  /** Suppressed rows by `scope|question|item|option`. */
  cells: Map<string, StatsRow>;
  /** Most given national answer by `question|item`. */
  modal: Map<string, ModalAnswer>;
  /** Municipalities that submitted (and are in the edition's register). */
  respondents: number;
  provinceOf: Map<string, string>;
  provinceNames: Map<string, string>;
  municipalityNames: Map<string, string>;
};

export const cellKey = (scope: string, question: string, item: string | null, option: string) => `${scope}|${question}|${item ?? ''}|${option}`;

async function fingerprint(db: Db, year: number): Promise<string> {
  const row = await db.one<{ fp: string }>(
    `SELECT concat_ws('|',
       (SELECT string_agg(concat_ws(':', year, questionnaire_rev, register_year), ',' ORDER BY year) FROM editions WHERE year <= $1),
       (SELECT concat_ws(':', count(*), max(updated_at), max(submitted_at)) FROM responses WHERE edition = $1),
       (SELECT concat_ws(':', count(*), max(a.updated_at)) FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.edition = $1)) AS fp`,
    [year],
  );
  return row?.fp ?? '';
}

async function assemble(db: Db, year: number): Promise<EditionContext | undefined> {
  const editions = (await listEditions(db)).filter((e) => e.year <= year);
  const edition = editions.find((e) => e.year === year);
  if (!edition) return undefined;
  const [submitted, register, provinces, municipalities] = await Promise.all([
    listSubmittedResponses(db, [year]),
    provincesByEdition(db),
    db.query<{ code: string; name: string }>('SELECT code, name FROM provinces'),
    db.query<{ code: string; name: string }>('SELECT code, name FROM municipalities WHERE year = $1', [edition.registerYear]),
  ]);
  const qn = edition.questionnaire;
  const stats = suppress(
    computeStats(new Map([[year, qn]]), submitted, register, { editions: [year], scopes: ['national', 'province'] }),
    { minN: MIN_N },
  );
  const cells = new Map(stats.map((r) => [cellKey(r.scope, r.question, r.item, r.option), r]));
  const modal = new Map(modalAnswers(stats.filter((r) => r.scope === 'national')).map((m) => [`${m.question}|${m.item ?? ''}`, m]));
  return {
    year,
    questionnaire: qn,
    qns: new Map(editions.map((e) => [e.year, e.questionnaire])),
    cells,
    modal,
    respondents: submitted.length,
    provinceOf: register.get(year) ?? new Map(),
    provinceNames: new Map(provinces.map((p) => [p.code, p.name])),
    municipalityNames: new Map(municipalities.map((m) => [m.code, m.name])),
  };
}

type Entry = { fingerprint: string; checkedAt: number; data: Promise<EditionContext | undefined> };
const caches = new WeakMap<Db, Map<number, Entry>>();

/**
 * How long a checked fingerprint is trusted. Under load the fingerprint query (it reads every
 * answer row of the edition) would otherwise cost more than the report itself; a change made on
 * any instance shows at most this long after.
 */
export const RECHECK_MS = 1000;

/** The edition's shared context, reused while nothing it was made from has changed. */
export async function editionContext(db: Db, year: number): Promise<EditionContext | undefined> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(year);
  if (hit && performance.now() - hit.checkedAt < RECHECK_MS) return hit.data;
  const fp = await fingerprint(db, year);
  const again = cache.get(year);
  if (again && again.fingerprint === fp) {
    again.checkedAt = performance.now();
    return again.data;
  }
  // The promise is cached, so many readers arriving at once share one assembly.
  const data = assemble(db, year);
  const entry: Entry = { fingerprint: fp, checkedAt: performance.now(), data };
  cache.set(year, entry);
  data.catch(() => {
    if (cache.get(year) === entry) cache.delete(year);
  });
  return data;
}
