// Trends through lineage: the rows of every edition in which a question was asked, under its
// current key and codes. An older key (`replaces.key`) maps its codes via `replaces.options`.
// Kept here (not shared with questionnaire/lineage.ts) so statistics stays self-contained.
import { answerOptions, type Question } from '../questionnaire/questionnaire.model.ts';
import { percentOf, type QuestionnaireSet, questionnairesByEdition, type StatsRow } from './stats.model.ts';

export interface LineageEntry {
  edition: number;
  /** The key the question was asked under in that edition. */
  key: string;
  question: Question;
  /** That edition's codes → current codes; null: asked under the current key, codes as they are. */
  codeMap: ReadonlyMap<string, string> | null;
}

export type ChangeReason = 'key' | 'options' | 'items';
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

/** The newest key that `key` lives on as (following `replaces` forward); `key` itself if never replaced. */
export function currentKeyOf(questionnaires: QuestionnaireSet, key: string): string {
  const qns = questionnairesByEdition(questionnaires);
  let current = key;
  for (const e of [...qns.keys()].sort((a, b) => a - b)) {
    const next = qns.get(e)?.questions.find((q) => q.replaces?.key === current);
    if (next) current = next.key;
  }
  return current;
}

/** Every edition in which the question `currentKey` was asked, under any key, oldest first. */
export function questionLineage(questionnaires: QuestionnaireSet, currentKey: string): LineageEntry[] {
  const qns = questionnairesByEdition(questionnaires);
  const chain: Array<{ key: string; map: ReadonlyMap<string, string> | null }> = [{ key: currentKey, map: null }];
  const entries: LineageEntry[] = [];
  for (const edition of [...qns.keys()].sort((a, b) => b - a)) {
    const qn = qns.get(edition);
    if (!qn) continue;
    let found: { question: Question; link: (typeof chain)[number] } | undefined;
    for (const link of chain) {
      const question = qn.questions.find((q) => q.key === link.key);
      if (question) {
        found = { question, link };
        break; // the newest key wins when an edition asks both
      }
    }
    if (!found) continue;
    const { question, link } = found;
    entries.push({ edition, key: link.key, question, codeMap: link.map });
    const older = question.replaces;
    if (older && !chain.some((l) => l.key === older.key)) {
      const map = new Map<string, string>();
      for (const [oldCode, code] of Object.entries(older.options)) {
        const target = link.map ? link.map.get(code) : code;
        if (target !== undefined) map.set(oldCode, target);
      }
      chain.push({ key: older.key, map });
    }
  }
  return entries.reverse();
}

function codesOf(entry: LineageEntry, qns: ReturnType<typeof questionnairesByEdition>): string[] {
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
    if (prev.key !== cur.key) reasons.push('key');
    if (!sameSet(codesOf(prev, qns), codesOf(cur, qns))) reasons.push('options');
    const items = (q: Question) => (q.items ?? []).map((it) => it.code);
    if (!sameSet(items(prev.question), items(cur.question))) reasons.push('items');
    if (reasons.length) changes.push({ edition: cur.edition, previousEdition: prev.edition, reasons });
  }
  return changes;
}

/**
 * Rows of `statsRows` for every edition in which `currentKey` (or an older key it replaces) was
 * asked, carrying the current key and codes. Older codes without a counterpart are dropped; n is
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
