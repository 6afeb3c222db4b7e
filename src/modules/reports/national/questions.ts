// One question's results as the report shows them: per option (or item), a row per edition
// (national) and per panel edition, in the question's current codes through the lineage
// (budget_status 2019–2021 → financiering 2022), plus the shown edition per province and per
// size class. Pure.
import { answerOptions, type Item, type Option, type Question } from '../../questionnaire/index.ts';
import { currentKeyOf, questionLineage, type StatsRow, type Trend, type TrendChange, trendRows } from '../../statistics/index.ts';
import { SIZE_CLASS_IDS, type SizeClassId } from '../../population/index.ts';
import type { ResultsData } from './data.ts';

export type Cell = { count: number; percent: number | null; suppressed: boolean };

export type SeriesRow = {
  edition: number;
  panel: boolean;
  item: string | null;
  n: number;
  /** False for an edition that did not ask the question (a newer question): shown as "niet gevraagd". */
  asked: boolean;
  /** Per option in current order; null: the option did not exist in that edition. */
  cells: Array<Cell | null>;
};

export type ProvinceRow = { code: string; name: string; n: number; cells: Array<Cell | null> };
export type SizeRow = { id: SizeClassId; n: number; cells: Array<Cell | null> };

export type QuestionResult = {
  question: Question;
  options: Option[];
  items: Item[];
  /** Editions in which the question was asked (under any key), ascending. */
  askedIn: number[];
  /** National rows, then panel rows; per item for a matrix. Rows with n = 0 are left out. */
  rows: SeriesRow[];
  changes: TrendChange[];
  /** The shown edition per province (single and multi questions only). */
  provinces: ProvinceRow[];
  /** The shown edition per size class (single and multi questions, when the edition has size classes). */
  sizes: SizeRow[];
};

function rowsOf(stats: StatsRow[], scope: string, item: string | null, codes: string[], edition: number): SeriesRow | undefined {
  const mine = stats.filter((r) => r.edition === edition && r.scope === scope && r.item === item);
  if (!mine.length || mine[0].n === 0) return undefined;
  const byOption = new Map(mine.map((r) => [r.option, r]));
  const cells = codes.map((code) => {
    const r = byOption.get(code);
    return r ? { count: r.count, percent: r.percent, suppressed: r.suppressed === true } : null;
  });
  return { edition, panel: scope === 'panel', item, n: mine[0].n, asked: true, cells };
}

/** trendRows over only the rows of the keys the question was asked under. */
function trendOf(data: ResultsData, key: string): Trend {
  // one key per edition in the lineage: each only once, or trendRows would add its rows up twice
  const keys = new Set(questionLineage(data.qns, currentKeyOf(data.qns, key)).map((l) => l.key));
  return trendRows(data.qns, [...keys].flatMap((k) => data.byQuestion.get(k) ?? []), key);
}

export function questionResult(data: ResultsData, question: Question): QuestionResult {
  const options = answerOptions(question, data.questionnaire);
  const codes = options.map((o) => o.code);
  const items = question.type === 'matrix' ? (question.items ?? []) : [];
  const trend = trendOf(data, question.key);
  const askedIn = trend.lineage.map((l) => l.edition);
  const rows: SeriesRow[] = [];
  const scopes = data.panel.shown ? ['national', 'panel'] : ['national'];
  // A single or multi question that earlier editions did not ask shows them as "niet gevraagd"
  // (national rows only); a matrix says so in its note (a stacked bar of nothing says nothing).
  const notAsked = items.length ? [] : data.editions.filter((e) => !askedIn.includes(e));
  for (const item of items.length ? items.map((i) => i.code) : [null]) {
    for (const scope of scopes) {
      for (const edition of scope === 'national' ? [...askedIn, ...notAsked].sort((a, b) => a - b) : askedIn) {
        const row = askedIn.includes(edition)
          ? rowsOf(trend.rows, scope, item, codes, edition)
          : { edition, panel: false, item, n: 0, asked: false, cells: codes.map(() => null) };
        if (row) rows.push(row);
      }
    }
  }
  if (!rows.some((r) => r.asked)) rows.length = 0;
  const provinces: ProvinceRow[] = [];
  if (!items.length) {
    const current = trend.rows.filter((r) => r.edition === data.year);
    for (const p of data.provinces) {
      const row = rowsOf(current, `province:${p.code}`, null, codes, data.year);
      provinces.push({ code: p.code, name: p.name, n: row?.n ?? 0, cells: row?.cells ?? codes.map(() => null) });
    }
  }
  const sizes: SizeRow[] = [];
  if (!items.length && data.sizes) {
    const current = trend.rows.filter((r) => r.edition === data.year);
    for (const id of SIZE_CLASS_IDS) {
      const row = rowsOf(current, `size:${id}`, null, codes, data.year);
      sizes.push({ id, n: row?.n ?? 0, cells: row?.cells ?? codes.map(() => null) });
    }
  }
  return { question, options, items, askedIn, rows, changes: trend.changes, provinces, sizes };
}

/** The questions of a theme that have figures (free text never does). */
export function themeQuestions(data: ResultsData, theme: string): Question[] {
  return data.questionnaire.questions.filter((q) => q.theme === theme && q.type !== 'text');
}

/** Share of the valid answers that chose any of `options` (single questions: exact). */
export function shareOf(data: ResultsData, key: string, options: string[], edition: number, scope = 'national'): { count: number; n: number } | undefined {
  const trend = trendOf(data, key);
  const rows = trend.rows.filter((r) => r.edition === edition && r.scope === scope && r.item === null);
  const chosen = rows.filter((r) => options.includes(r.option));
  if (!rows.length || rows[0].n === 0 || chosen.length !== options.length || chosen.some((r) => r.suppressed)) return undefined;
  return { count: chosen.reduce((s, r) => s + r.count, 0), n: rows[0].n };
}
