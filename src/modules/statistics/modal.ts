// The most given answer per question/item of a scope, for the web report ("meest gegeven antwoord").
import { getOrAdd, groupKey, type Scope, type StatsRow } from './stats.model.ts';

export interface ModalAnswer {
  edition: number;
  scope: Scope;
  question: string;
  item: string | null;
  /** Every option with the highest count (more than one on a tie), in questionnaire order. */
  options: string[];
  count: number;
  n: number;
  percent: number | null;
}

/**
 * One entry per question/item/scope with n > 0. Ties give all tied options. A group with a
 * suppressed figure is left out: naming its most given answer would reveal what is hidden.
 */
export function modalAnswers(rows: readonly StatsRow[]): ModalAnswer[] {
  const byGroup = new Map<string, { modal: ModalAnswer; hidden: boolean }>();
  for (const r of rows) {
    const key = groupKey(r);
    const g = getOrAdd(byGroup, key, () => ({
      modal: { edition: r.edition, scope: r.scope, question: r.question, item: r.item, options: [], count: -1, n: r.n, percent: null } as ModalAnswer,
      hidden: false,
    }));
    if (r.suppressed) g.hidden = true;
    const m = g.modal;
    if (r.count > m.count) {
      m.options = [r.option];
      m.count = r.count;
      m.percent = r.percent;
    } else if (r.count === m.count) m.options.push(r.option);
  }
  return [...byGroup.values()].filter((g) => !g.hidden && g.modal.n > 0 && g.modal.count > 0).map((g) => g.modal);
}
