// Trends through lineage: the rows of every edition in which a question was asked, under its
// current key and codes. The lineage itself (continues, replaces, merges) is followed by the
// questionnaire module; this file turns it into rows.
import { currentKey, mapCodeToCurrent, sourcesIn } from '../questionnaire/lineage.ts';
import { answerOptions, type Question } from '../questionnaire/questionnaire.model.ts';
import { percentOf, type QuestionnaireSet, questionnairesByEdition, type StatsRow } from './stats.model.ts';

export interface LineageEntry {
  edition: number;
  /** The key whose rows hold the question in that edition (a merged question: its own key). */
  key: string;
  question: Question;
  /** That edition's codes → current codes; null: asked under the current key, codes as they are. */
  codeMap: ReadonlyMap<string, string> | null;
  /**
   * The edition asked the question as several questions that were later merged: its rows are those
   * of the merged answers (see merged.ts: `countingMerges`), under the current key.
   */
  merged?: boolean;
}

export type ChangeReason = 'key' | 'options' | 'items' | 'merged';
export interface TrendChange {
  edition: number;
  previousEdition: number;
  reasons: ChangeReason[];
}

export interface Trend {
  question: string;
  rows: StatsRow[];
  lineage: LineageEntry[];
  /** True when the question changed between editions: the results page shows a note. */
  changed: boolean;
  changes: TrendChange[];
}

/** The newest key that `key` lives on as (following the lineage forward); `key` itself if never replaced. */
export function currentKeyOf(questionnaires: QuestionnaireSet, key: string): string {
  return currentKey(questionnairesByEdition(questionnaires), key);
}

/** Every edition in which the question `currentKey` was asked, under any key, oldest first. */
// The lineage is pure in the questionnaires, which an edition context holds as one object for its
// life: memoized per object, so a batch of 162 municipal reports walks each question once, not 162
// times. Callers share the array: read it, never change it.
const lineages = new WeakMap<object, Map<string, LineageEntry[]>>();

export function questionLineage(questionnaires: QuestionnaireSet, current: string): LineageEntry[] {
  let memo = lineages.get(questionnaires);
  if (!memo) lineages.set(questionnaires, (memo = new Map()));
  let entries = memo.get(current);
  if (!entries) memo.set(current, (entries = computeLineage(questionnaires, current)));
  return entries;
}

function computeLineage(questionnaires: QuestionnaireSet, current: string): LineageEntry[] {
  const qns = questionnairesByEdition(questionnaires);
  const editions = [...qns.keys()].sort((a, b) => a - b);
  const newest = editions.map((e) => qns.get(e)?.questions.find((q) => q.key === current)).filter((q) => q !== undefined).at(-1);
  const entries: LineageEntry[] = [];
  for (const edition of editions) {
    const sources = sourcesIn(qns, edition, current);
    const same = sources.find((s) => s.question.key === current);
    if (same) {
      entries.push({ edition, key: current, question: same.question, codeMap: null });
    } else if (sources.some((s) => s.merged) && newest) {
      entries.push({ edition, key: current, question: newest, codeMap: null, merged: true });
    } else if (sources[0]) {
      const q = sources[0].question;
      const qn = qns.get(edition);
      const map = new Map<string, string>();
      for (const o of qn ? answerOptions(q, qn) : []) {
        const to = mapCodeToCurrent(qns, edition, q.key, o.code);
        if (to !== null) map.set(o.code, to);
      }
      entries.push({ edition, key: q.key, question: q, codeMap: map });
    }
  }
  return entries;
}

function codesOf(entry: LineageEntry, qns: ReturnType<typeof questionnairesByEdition>): string[] {
  if (entry.merged) return (entry.question.options ?? []).map((o) => o.code);
  const qn = qns.get(entry.edition);
  return qn ? answerOptions(entry.question, qn).map((o) => o.code) : [];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function changesOf(lineage: LineageEntry[], qns: ReturnType<typeof questionnairesByEdition>): TrendChange[] {
  const changes: TrendChange[] = [];
  for (let i = 1; i < lineage.length; i++) {
    const prev = lineage[i - 1];
    const cur = lineage[i];
    const reasons: ChangeReason[] = [];
    if (prev.merged && !cur.merged) reasons.push('merged');
    if (prev.key !== cur.key) reasons.push('key');
    if (!sameSet(codesOf(prev, qns), codesOf(cur, qns))) reasons.push('options');
    const items = (q: Question) => (q.items ?? []).map((it) => it.code);
    if (!sameSet(items(prev.question), items(cur.question))) reasons.push('items');
    if (reasons.length) changes.push({ edition: cur.edition, previousEdition: prev.edition, reasons });
  }
  return changes;
}

/**
 * Rows of `statsRows` for every edition in which `currentKey` (or an older key it continues) was
 * asked, carrying the current key and codes. For a merged question, compute `statsRows` with
 * `countingMerges` so the editions before the merge have rows. Older codes without a counterpart are dropped; n is
 * kept. Should several older codes map onto one current code, their counts are added (exact for
 * single and matrix; for multi an upper bound, capped at n). Rows keep their input order.
 */
export function trendRows(questionnaires: QuestionnaireSet, statsRows: readonly StatsRow[], currentKey: string): Trend {
  const qns = questionnairesByEdition(questionnaires);
  const key = currentKeyOf(qns, currentKey);
  const lineage = questionLineage(qns, key);
  const byEdition = new Map(lineage.map((e) => [e.edition, e]));
  const rows: StatsRow[] = [];
  const merged = new Map<string, StatsRow>();
  for (const r of statsRows) {
    const entry = byEdition.get(r.edition);
    if (!entry || r.question !== entry.key) continue;
    const option = entry.codeMap ? entry.codeMap.get(r.option) : r.option;
    if (option === undefined) continue;
    const mergeKey = `${r.edition}|${r.scope}|${r.item ?? ''}|${option}`;
    const earlier = merged.get(mergeKey);
    if (earlier) {
      earlier.count = Math.min(earlier.n, earlier.count + r.count);
      earlier.percent = percentOf(earlier.count, earlier.n);
      if (r.suppressed) earlier.suppressed = true;
      continue;
    }
    const row: StatsRow = { ...r, question: key, option };
    merged.set(mergeKey, row);
    rows.push(row);
  }
  rows.sort((a, b) => a.edition - b.edition); // stable: input order within an edition
  const changes = changesOf(lineage, qns);
  return { question: key, rows, lineage, changed: changes.length > 0, changes };
}
