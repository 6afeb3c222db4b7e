// Which tips a municipality gets: driven by its own answers, from the questionnaire's `tips`.
//
// The rule, per question type (a question that was not asked, by its show_if, or not answered
// gives no tip — we only react to what the municipality told us):
// - single: the tip keyed by the chosen option code (e.g. signaalpunt "nee").
// - multi: the tip of every chosen option code (e.g. best_practices "nee").
// - matrix: tips are keyed by item code; an item's tip applies when the item's answer on the
//   question's scale has the status "not" or "partial" (not yet doing this), as the bureau set it
//   in the questionnaire (e.g. "bekend, maar niet ingezet"). A scale without statuses gives none.
// - text: never.
import { type Question, type Questionnaire, type Tip, answerOptions } from '../../questionnaire/index.ts';
import type { Answer } from '../../responses/answer.model.ts';

export type TipHit = {
  question: string;
  /** The option code (single/multi) or item code (matrix) the tip is keyed by. */
  code: string;
  /** Matrix: the item's answer that triggered the tip. */
  item: string | null;
  answer: string;
  tip: Tip;
};

export function tipsFor(q: Question, qn: Pick<Questionnaire, 'scales'>, answer: Answer | undefined, asked: boolean): TipHit[] {
  const tips = q.tips;
  if (!tips || !answer || !asked) return [];
  const hit = (code: string, item: string | null, given: string): TipHit[] => (tips[code] ? [{ question: q.key, code, item, answer: given, tip: tips[code] }] : []);
  switch (q.type) {
    case 'single':
      return answer.value ? hit(answer.value, null, answer.value) : [];
    case 'multi':
      return (answer.values ?? []).flatMap((v) => hit(v, null, v));
    case 'matrix': {
      const lacking = answerOptions(q, qn).filter((o) => o.status === 'not' || o.status === 'partial').map((o) => o.code);
      return (q.items ?? []).flatMap((it) => {
        const given = answer.items?.[it.code];
        return given && lacking.includes(given) ? hit(it.code, it.code, given) : [];
      });
    }
    default:
      return [];
  }
}
