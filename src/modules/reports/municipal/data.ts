// buildMunicipalReport: everything one municipality's report (web page or factsheet) shows for one
// edition, in one language. Undefined when the edition does not exist or the municipality has not
// submitted in it — except Gravendonck, the fictitious example, whose complete response (in the newest published edition) is
// stored unsubmitted on purpose (so it never counts) and is shown as "voorbeeld".
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import { tx } from '../../../web/i18n.ts';
import { isExampleOf } from '../../demo/example.ts';
import { EXAMPLE_MUNICIPALITY } from '../../demo/gravendonck.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { municipalWijkMap } from '../../register/index.ts';
import type { Answers } from '../../responses/answer.model.ts';
import { pickRelease, type WijkRow, wijkRowsJson } from '../../wijk-figures/index.ts';
import { withMergedAnswers } from '../../statistics/index.ts';
import { type EditionContext, editionContext, MIN_N } from './context.ts';
import type { Advisor, MunicipalReport, ThemeReport } from './model.ts';
import { questionReport } from './questions.ts';

/** Gravendonck in the edition it follows (the newest published one it has answers in). */
export async function isExample(db: Db, edition: number, code: string): Promise<boolean> {
  return isExampleOf(db, edition, code);
}

type OwnRow = { edition: number; submittedAt: string | null; answers: Answers | null };
type Loaded = { own: OwnRow[]; advisor: Advisor | null; wijk: WijkRow[]; published: boolean };

/**
 * Everything about this one municipality in one round trip: its answers in this and earlier
 * editions (submitted ones; the example's unsubmitted one), its advisor (regions are kept in
 * today's codes) and its wijk figures.
 */
async function loadMunicipality(db: Db, code: string, edition: number, example: boolean): Promise<Loaded> {
  const row = await db.one<Loaded>(
    `SELECT
       (SELECT COALESCE(json_agg(x ORDER BY x.edition), '[]'::json) FROM (
          SELECT r.edition, r.submitted_at AS "submittedAt",
            (SELECT jsonb_object_agg(a.question, a.answer) FROM answers a WHERE a.response_id = r.id AND a.answer IS NOT NULL) AS answers
          FROM responses r
          WHERE r.municipality_code = $1 AND r.edition <= $2 AND (r.submitted_at IS NOT NULL OR ($3 AND r.edition = $2))) x) AS own,
       (SELECT json_build_object('name', a.name, 'email', a.email, 'phone', a.phone)
          FROM advisor_municipalities am JOIN advisors a ON a.id = am.advisor_id WHERE am.municipality_code = $1) AS advisor,
       ${wijkRowsJson('$1')} AS wijk,
       EXISTS (SELECT 1 FROM editions e WHERE e.year = $2 AND e.published_at IS NOT NULL) AS published`,
    [code, edition, example],
  );
  return row ?? { own: [], advisor: null, wijk: [], published: false };
}

/** The municipality's own advisor, for the request form. */
export async function advisorOf(db: Db, code: string): Promise<Advisor | null> {
  const row = await db.one<Advisor>(
    `SELECT a.name, a.email, a.phone FROM advisor_municipalities am JOIN advisors a ON a.id = am.advisor_id WHERE am.municipality_code = $1`,
    [code],
  );
  return row ?? null;
}

/**
 * What one municipality's report is made from: the edition's shared context (one object while its
 * fingerprint holds) and this municipality's own rows, with its wijk map (one object per boundary
 * version). The report is a pure function of these and the language (assembleReport).
 */
export type ReportInputs = {
  edition: number;
  code: string;
  example: boolean;
  ctx: EditionContext;
  loaded: Loaded;
  /** A digest of the own rows as text: equal digest, equal rows. */
  signature: string;
  loneliness: MunicipalReport['loneliness'];
  wijkMap: MunicipalReport['wijkMap'];
};

export async function reportInputs(db: Db, edition: number, code: string): Promise<ReportInputs | undefined> {
  const example = await isExample(db, edition, code);
  const [ctx, loaded] = await Promise.all([editionContext(db, edition), loadMunicipality(db, code, edition, example)]);
  if (!ctx || !loaded.own.some((r) => r.edition === edition)) return undefined;
  const loneliness = pickRelease(loaded.wijk, code, edition);
  const wijkMap = loneliness ? ((await municipalWijkMap(db, code, loneliness.year)) ?? null) : null;
  return { edition, code, example, ctx, loaded, signature: createHash('sha256').update(JSON.stringify(loaded)).digest('base64'), loneliness, wijkMap };
}

/**
 * What tells one report's inputs from another's, small to keep: the shared context and the map by
 * a number of their own (holding the objects would keep every superseded context in memory), the
 * own rows by their digest.
 */
export type ReportIdentity = { ctx: number; map: number | null; edition: number; code: string; example: boolean; signature: string };

const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;
/** A number for this object, never given to another one. */
function objectId(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) objectIds.set(o, (id = ++lastObjectId));
  return id;
}

export function reportIdentity(i: ReportInputs): ReportIdentity {
  return { ctx: objectId(i.ctx), map: i.wijkMap ? objectId(i.wijkMap.geometry) : null, edition: i.edition, code: i.code, example: i.example, signature: i.signature };
}

/** Whether two reports are made from the same inputs (so a page made from the one serves for the other). */
export function sameReport(a: ReportIdentity, b: ReportIdentity): boolean {
  return a.ctx === b.ctx && a.map === b.map && a.edition === b.edition && a.code === b.code && a.example === b.example && a.signature === b.signature;
}

export function assembleReport(inputs: ReportInputs, lang: Lang): MunicipalReport {
  const { edition, code, example, ctx, loaded, loneliness, wijkMap } = inputs;
  const current = loaded.own.find((r) => r.edition === edition) as OwnRow;
  // Earlier answers to questions merged since then also count as answers to the merged question.
  const own = new Map(loaded.own.map((r) => [r.edition, withMergedAnswers(ctx.merged, r.edition, r.answers ?? {})]));
  const provinceCode = ctx.provinceOf.get(code) ?? (example ? EXAMPLE_MUNICIPALITY.provinceCode : null);
  const population = ctx.population.get(code);
  const size = population ? { id: population.sizeClass, inhabitants: population.inhabitants, year: ctx.registerYear } : null;
  const qn = ctx.questionnaire;
  const themes: ThemeReport[] = qn.themes.map((t) => {
    const questions = qn.questions.filter((q) => q.theme === t.key).map((q) => questionReport(ctx, q, lang, own, provinceCode, size?.id ?? null));
    return {
      key: t.key, kind: t.kind, number: t.number,
      title: tx(lang, t.title), short: tx(lang, t.short), intro: tx(lang, t.intro),
      questions, tips: questions.flatMap((q) => q.tips),
    };
  });
  return {
    edition,
    lang,
    example,
    municipality: {
      code,
      name: ctx.municipalityNames.get(code) ?? (example ? EXAMPLE_MUNICIPALITY.name : code),
      provinceCode,
      provinceName: provinceCode ? (ctx.provinceNames.get(provinceCode) ?? null) : null,
      size,
    },
    submittedAt: current.submittedAt ? new Date(current.submittedAt) : null,
    published: loaded.published,
    registerYear: ctx.registerYear,
    respondents: ctx.respondents,
    minN: MIN_N,
    themes,
    loneliness,
    wijkMap,
    advisor: loaded.advisor,
  };
}

export async function buildMunicipalReport(db: Db, edition: number, code: string, lang: Lang): Promise<MunicipalReport | undefined> {
  const inputs = await reportInputs(db, edition, code);
  return inputs && assembleReport(inputs, lang);
}
