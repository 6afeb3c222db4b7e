// A merged question (`merges`: one question made of several earlier ones) gets exact figures for
// the editions before the merge: each municipality's answers to the earlier questions are turned
// into one answer to the merged question, then counted like any other. Adding up the earlier
// questions' counts would count a municipality twice and mix two different n's.
//
// The rule per municipality (earlier questions in questionnaire order, each only when it was asked
// by its show_if): every chosen code is mapped through the lineage; codes without a counterpart
// are dropped. A merged single question takes the first mapped code; a merged multi question takes
// all of them, except that an exclusive code ("nee") is dropped when other codes were chosen too.
import { mapCodeToCurrent, type QuestionnairesByEdition, walk } from '../questionnaire/lineage.ts';
import { answerOptions, type Question, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Answer, Answers } from '../responses/answer.model.ts';
import type { SubmittedResponse } from './stats.model.ts';

export type MergedQuestion = {
  /** The merged question as the newest edition asks it, without show_if (a stand-in for counting). */
  target: Question;
  /** The earlier questions, with their codes → the merged question's codes. */
  sources: Array<{ question: Question; codes: Map<string, string> }>;
};

/** Per edition: the merged questions (asked only later) that its questions live on as. */
export function mergedQuestions(qns: QuestionnairesByEdition): Map<number, MergedQuestion[]> {
  const out = new Map<number, MergedQuestion[]>();
  for (const [edition, qn] of qns) {
    const byTarget = new Map<string, MergedQuestion>();
    for (const q of qn.questions) {
      const w = walk(qns, edition, q.key, null);
      if (!w.merged || !w.last || qn.questions.some((x) => x.key === w.key)) continue;
      const last = w.last.question;
      if (last.type !== 'single' && last.type !== 'multi') continue;
      let m = byTarget.get(w.key);
      if (!m) {
        const { showIf: _, tips: __, ...target } = last;
        m = { target: { ...target, options: answerOptions(last, w.last.qn) }, sources: [] };
        byTarget.set(w.key, m);
      }
      const codes = new Map<string, string>();
      for (const o of answerOptions(q, qn)) {
        const to = mapCodeToCurrent(qns, edition, q.key, o.code);
        if (to !== null) codes.set(o.code, to);
      }
      m.sources.push({ question: q, codes });
    }
    if (byTarget.size) out.set(edition, [...byTarget.values()]);
  }
  return out;
}

/** Asked by its show_if: the question it depends on (single or multi) has a wanted answer. */
function visible(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  const a = answers[q.showIf.question];
  const chosen = a?.values ?? (a?.value ? [a.value] : []);
  return chosen.some((c) => q.showIf?.in.includes(c));
}

/** One municipality's answer to the merged question, from its answers to the earlier ones. */
export function mergedAnswer(m: MergedQuestion, answers: Answers): Answer | undefined {
  const chosen: string[] = [];
  for (const { question, codes } of m.sources) {
    const a = answers[question.key];
    if (!a || !visible(question, answers)) continue;
    const given = question.type === 'single' ? (a.value ? [a.value] : []) : question.type === 'multi' ? (a.values ?? []) : [];
    for (const code of given) {
      const to = codes.get(code);
      if (to !== undefined && !chosen.includes(to)) chosen.push(to);
    }
  }
  if (!chosen.length) return undefined;
  if (m.target.type === 'single') return { value: chosen[0] };
  const exclusive = new Set((m.target.options ?? []).filter((o) => o.exclusive).map((o) => o.code));
  const values = chosen.length > 1 ? chosen.filter((c) => !exclusive.has(c)) : chosen;
  const order = (m.target.options ?? []).map((o) => o.code);
  return { values: values.sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
}

/** `answers` with an answer to every merged question of `edition` added (the stored answers stay as they are). */
export function withMergedAnswers(merged: ReadonlyMap<number, MergedQuestion[]>, edition: number, answers: Answers): Answers {
  const list = merged.get(edition);
  if (!list) return answers;
  const out: Answers = { ...answers };
  for (const m of list) {
    const a = mergedAnswer(m, answers);
    if (a) out[m.target.key] = a;
  }
  return out;
}

/**
 * The questionnaires and responses to count when trends should follow merges: each edition's
 * questionnaire gets its merged questions as stand-ins, each response its merged answers. The
 * stand-ins are for counting only; pages keep showing each edition's own questionnaire.
 */
export function countingMerges(qns: QuestionnairesByEdition, responses: readonly SubmittedResponse[]): {
  qns: Map<number, Questionnaire>;
  responses: SubmittedResponse[];
} {
  const merged = mergedQuestions(qns);
  if (!merged.size) return { qns: new Map(qns), responses: [...responses] };
  const augmented = new Map<number, Questionnaire>();
  for (const [edition, qn] of qns) {
    const extra = merged.get(edition)?.map((m) => m.target) ?? [];
    augmented.set(edition, extra.length ? { ...qn, questions: [...qn.questions, ...extra] } : qn);
  }
  return {
    qns: augmented,
    responses: responses.map((r) => (merged.has(r.edition) ? { ...r, answers: withMergedAnswers(merged, r.edition, r.answers) } : r)),
  };
}
