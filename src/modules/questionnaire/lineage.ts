// Lineage between editions, for trends: a question lives on under its own key, or under a new key
// whose `replaces` names the old one and maps the old answer codes onto the new ones.
import { answerOptions, type Question, type Questionnaire } from './questionnaire.model.ts';

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

/** What `key` is called in `qn`: the question that replaces it, or the same key; else undefined. */
function successor(qn: Questionnaire, key: string): Question | undefined {
  return qn.questions.find((q) => q.replaces?.key === key) ?? qn.questions.find((q) => q.key === key);
}

interface Walk {
  key: string;
  /** The code after every `replaces` step; null once a step has no counterpart. */
  code: string | null;
  /** The newest edition's question under `key`, if any edition asks it. */
  last?: { question: Question; qn: Questionnaire };
}

function walk(qns: QuestionnairesByEdition, edition: number, key: string, code: string | null): Walk {
  const start = qns.get(edition);
  const first = start?.questions.find((q) => q.key === key);
  const w: Walk = { key, code, last: start && first ? { question: first, qn: start } : undefined };
  for (const qn of editionsAfter(qns, edition)) {
    const next = successor(qn, w.key);
    if (!next) continue; // not asked this year; it may come back later
    if (next.key !== w.key && next.replaces && w.code !== null) w.code = next.replaces.options[w.code] ?? null;
    w.key = next.key;
    w.last = { question: next, qn };
  }
  return w;
}

/** The newest key the question `questionKey` of `edition` continues as (itself if never replaced). */
export function trendKey(qns: QuestionnairesByEdition, edition: number, questionKey: string): string {
  return walk(qns, edition, questionKey, null).key;
}

/**
 * Maps an answer code given in `edition` to `questionKey` onto the code of the newest question it
 * continues as; null when a `replaces` step has no counterpart or the newest question lacks the code.
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

/**
 * Every edition in which the question was asked, under any key, oldest first. `currentKey` may
 * also be an older key: its history is that of the question it continues as.
 */
export function questionHistory(qns: QuestionnairesByEdition, currentKey: string): HistoryEntry[] {
  const editions = [...qns.keys()].sort((a, b) => a - b);
  const askedIn = editions.filter((e) => qns.get(e)?.questions.some((q) => q.key === currentKey));
  const latest = askedIn.at(-1);
  if (latest === undefined) return [];
  const target = trendKey(qns, latest, currentKey);
  const history: HistoryEntry[] = [];
  for (const edition of editions) {
    const qn = qns.get(edition);
    for (const q of qn?.questions ?? []) {
      if (!qn || trendKey(qns, edition, q.key) !== target) continue;
      const codeMap: Record<string, string | null> = {};
      for (const o of answerOptions(q, qn)) codeMap[o.code] = mapCodeToCurrent(qns, edition, q.key, o.code);
      history.push({ edition, key: q.key, codeMap });
    }
  }
  return history;
}
