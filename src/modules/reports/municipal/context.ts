// What every municipal report of one edition shares: the questionnaires up to that edition (for
// lineage), the national, provincial and size-class statistics with small cells suppressed, the most given
// answers, and the register. Assembling it reads every submitted answer of the edition (tens of
// ms), so it is kept per database and edition while a fingerprint of its inputs is unchanged
// (web/fingerprint-cache.ts: a change shows on every instance within about two seconds).
import type { Db } from '../../../db/client.ts';
import { fingerprintCache } from '../../../web/fingerprint-cache.ts';
import { listEditions } from '../../editions/index.ts';
import type { Questionnaire } from '../../questionnaire/index.ts';
import { populationOfYear, type SizeClassId, sizeClassOf } from '../../population/index.ts';
import { provincesByEdition } from '../../register/index.ts';
import { listSubmittedResponses } from '../../responses/submitted.ts';
import { computeStats, type MergedQuestion, mergedQuestions, type ModalAnswer, modalAnswers, type StatsRow, suppress } from '../../statistics/index.ts';

/** Figures of fewer valid answers are hidden ("te weinig antwoorden"), as on the public pages. */
export const MIN_N = 5;

export type EditionContext = {
  year: number;
  questionnaire: Questionnaire;
  /** Every edition up to and including `year`, for the municipality's own development. */
  qns: Map<number, Questionnaire>;
  /** Per edition, the questions that a later merge makes one of (for the own history). */
  merged: Map<number, MergedQuestion[]>;
  /** Suppressed rows by `scope|question|item|option`. */
  cells: Map<string, StatsRow>;
  /** Most given national answer by `question|item`. */
  modal: Map<string, ModalAnswer>;
  /** Municipalities that submitted (and are in the edition's register). */
  respondents: number;
  provinceOf: Map<string, string>;
  /** The edition's register year. */
  registerYear: number;
  /** Inhabitants and size class per municipality in the register year; empty without population figures. */
  population: Map<string, { inhabitants: number; sizeClass: SizeClassId }>;
  provinceNames: Map<string, string>;
  municipalityNames: Map<string, string>;
};

export const cellKey = (scope: string, question: string, item: string | null, option: string) => `${scope}|${question}|${item ?? ''}|${option}`;

async function fingerprint(db: Db, year: number): Promise<string> {
  const row = await db.one<{ fp: string }>(
    `SELECT concat_ws('|',
       (SELECT string_agg(concat_ws(':', year, questionnaire_rev, register_year), ',' ORDER BY year) FROM editions WHERE year <= $1),
       (SELECT concat_ws(':', count(*), max(updated_at), max(submitted_at)) FROM responses WHERE edition = $1),
       (SELECT concat_ws(':', count(*), max(a.updated_at)) FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.edition = $1),
       (SELECT p.imported_at FROM population_imports p JOIN editions e ON p.year = e.register_year WHERE e.year = $1)) AS fp`,
    [year],
  );
  return row?.fp ?? '';
}

async function assemble(db: Db, year: number): Promise<EditionContext | undefined> {
  const editions = (await listEditions(db)).filter((e) => e.year <= year);
  const edition = editions.find((e) => e.year === year);
  if (!edition) return undefined;
  const [submitted, register, provinces, municipalities, inhabitants] = await Promise.all([
    listSubmittedResponses(db, [year]),
    provincesByEdition(db),
    db.query<{ code: string; name: string }>('SELECT code, name FROM provinces'),
    db.query<{ code: string; name: string }>('SELECT code, name FROM municipalities WHERE year = $1', [edition.registerYear]),
    populationOfYear(db, edition.registerYear),
  ]);
  const population = new Map([...inhabitants].map(([code, n]) => [code, { inhabitants: n, sizeClass: sizeClassOf(n) }]));
  const sizeClasses = new Map(population.size ? [[year, new Map([...population].map(([code, p]) => [code, p.sizeClass]))]] : []);
  const qn = edition.questionnaire;
  const qns = new Map(editions.map((e) => [e.year, e.questionnaire]));
  const stats = suppress(
    computeStats(new Map([[year, qn]]), submitted, register, { editions: [year], scopes: ['national', 'province', 'size'], sizeClasses }),
    { minN: MIN_N },
  );
  const cells = new Map(stats.map((r) => [cellKey(r.scope, r.question, r.item, r.option), r]));
  const modal = new Map(modalAnswers(stats.filter((r) => r.scope === 'national')).map((m) => [`${m.question}|${m.item ?? ''}`, m]));
  return {
    year,
    questionnaire: qn,
    qns,
    merged: mergedQuestions(qns),
    cells,
    modal,
    respondents: submitted.length,
    provinceOf: register.get(year) ?? new Map(),
    registerYear: edition.registerYear,
    population,
    provinceNames: new Map(provinces.map((p) => [p.code, p.name])),
    municipalityNames: new Map(municipalities.map((m) => [m.code, m.name])),
  };
}

/** The edition's shared context, reused while nothing it was made from has changed. */
export const editionContext = fingerprintCache(fingerprint, assemble);
