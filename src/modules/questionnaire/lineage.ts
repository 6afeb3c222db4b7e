// Lineage between editions, for trends: a question lives on under its own key, or under a key whose
// `continues`, `replaces` or `merges` names the old one (mapping the old codes onto the new ones).
// This is the one place that follows lineage; statistics and both reports use it.
import { answerOptions, predecessorsOf, type Question, type Questionnaire } from './questionnaire.model.ts';

export type QuestionnairesByEdition = ReadonlyMap<number, Questionnaire>;

export interface HistoryEntry {
  edition: number;
  /** The key the question had in that edition. */
  key: string;
  /** That edition's answer codes → the current codes (null: no counterpart in the current question). */
  codeMap: Record<string, string | null>;
}

function editionsAfter(qns: QuestionnairesByEdition, edition: number): Questionnaire[] {
  return [...qns.entries()]
    .filter(([e]) => e > edition)
    .sort(([a], [b]) => a - b)
    .map(([, qn]) => qn);
}

/** The question of `qn` that `key` lives on as, and the step that leads there (none: same key). */
function successor(qn: Questionnaire, key: string): { question: Question; options: Readonly<Record<string, string>> | null; merge: boolean } | undefined {
  for (const q of qn.questions) {
    const p = predecessorsOf(q).find((x) => x.key === key);
    if (p) return { question: q, options: p.options, merge: p.merge };
  }
  const same = qn.questions.find((q) => q.key === key);
  return same && { question: same, options: null, merge: false };
}

export interface Walk {
  key: string;
  /** The code after every step; null once a step has no counterpart. */
  code: string | null;
  /** True when a step was a merge: several questions of the start edition end in this one. */
  merged: boolean;
  /** The newest edition's question under `key`, if any edition asks it. */
  last?: { question: Question; qn: Questionnaire };
}

/** Follows the question `key` of `edition` (and one of its codes) forward to the newest edition. */
export function walk(qns: QuestionnairesByEdition, edition: number, key: string, code: string | null): Walk {
  const start = qns.get(edition);
  const first = start?.questions.find((q) => q.key === key);
  const w: Walk = { key, code, merged: false, last: start && first ? { question: first, qn: start } : undefined };
  for (const qn of editionsAfter(qns, edition)) {
    const next = successor(qn, w.key);
    if (!next) continue; // not asked this year; it may come back later
    if (next.options && w.code !== null) w.code = next.options[w.code] ?? null;
    if (next.merge) w.merged = true;
    w.key = next.question.key;
    w.last = { question: next.question, qn };
  }
  return w;
}

/** The newest key the question `questionKey` of `edition` continues as (itself if never replaced). */
export function trendKey(qns: QuestionnairesByEdition, edition: number, questionKey: string): string {
  return walk(qns, edition, questionKey, null).key;
}

/** The newest key `key` lives on as, starting from the newest edition that asks it. */
export function currentKey(qns: QuestionnairesByEdition, key: string): string {
  const editions = [...qns.keys()].sort((a, b) => a - b);
  const asked = editions.filter((e) => qns.get(e)?.questions.some((q) => q.key === key)).at(-1);
  return asked === undefined ? key : trendKey(qns, asked, key);
}

/**
 * Maps an answer code given in `edition` to `questionKey` onto the code of the newest question it
 * continues as; null when a step has no counterpart or the newest question lacks the code.
 */
export function mapCodeToCurrent(
  qns: QuestionnairesByEdition,
  edition: number,
  questionKey: string,
  code: string,
): string | null {
  const w = walk(qns, edition, questionKey, code);
  if (w.code === null || !w.last) return null;
  const current = answerOptions(w.last.question, w.last.qn).map((o) => o.code);
  return current.includes(w.code) ? w.code : null;
}

/** The questions of `edition` that live on as `target`, in questionnaire order, with their walks. */
export function sourcesIn(qns: QuestionnairesByEdition, edition: number, target: string): Array<{ question: Question; merged: boolean }> {
  const qn = qns.get(edition);
  return (qn?.questions ?? []).flatMap((q) => {
    const w = walk(qns, edition, q.key, null);
    return w.key === target ? [{ question: q, merged: w.merged }] : [];
  });
}

/**
 * Every edition in which the question was asked, under any key, oldest first. `currentKey` may
 * also be an older key: its history is that of the question it continues as. A merged question has
 * an entry per predecessor in the editions before the merge.
 */
export function questionHistory(qns: QuestionnairesByEdition, key: string): HistoryEntry[] {
  const target = currentKey(qns, key);
  if (![...qns.values()].some((qn) => qn.questions.some((q) => q.key === key))) return [];
  const history: HistoryEntry[] = [];
  for (const edition of [...qns.keys()].sort((a, b) => a - b)) {
    const qn = qns.get(edition);
    if (!qn) continue;
    for (const { question: q } of sourcesIn(qns, edition, target)) {
      const codeMap: Record<string, string | null> = {};
      for (const o of answerOptions(q, qn)) codeMap[o.code] = mapCodeToCurrent(qns, edition, q.key, o.code);
      history.push({ edition, key: q.key, codeMap });
    }
  }
  return history;
}
