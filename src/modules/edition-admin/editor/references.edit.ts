// What refers to an answer code, an item or a question (pure): before a code is renamed or removed,
// the editor says which question (show_if, key result, challenge subject, lineage) depends on it.
import { predecessorsOf, type Questionnaire } from '../../questionnaire/index.ts';

export type Reference =
  /** A later question is shown only for this answer. */
  | { kind: 'showIf'; question: string }
  /** A sentence of the national summary counts this answer. */
  | { kind: 'keyResult'; question: string; text: string }
  /** A challenge option is about this question or item. */
  | { kind: 'about'; question: string; option: string }
  /** A question of a later edition maps this (old) code onto its own. */
  | { kind: 'lineage'; question: string; edition: number }
  /** This question's own lineage maps an old code onto this one. */
  | { kind: 'ownLineage'; question: string; old: string };

/** Questions of later editions whose lineage maps code `code` of `key`. */
function laterLineage(qn: Questionnaire, others: readonly Questionnaire[], key: string, code: string): Reference[] {
  return others
    .filter((o) => o.edition > qn.edition)
    .flatMap((o) => o.questions.flatMap((q) =>
      predecessorsOf(q).some((p) => p.key === key && p.options && code in p.options) ? [{ kind: 'lineage' as const, question: q.key, edition: o.edition }] : []));
}

/** Old codes that question `key`'s own lineage maps onto `code`. */
function ownLineage(qn: Questionnaire, key: string, code: string): Reference[] {
  const q = qn.questions.find((x) => x.key === key);
  if (!q) return [];
  return predecessorsOf(q).flatMap((p) =>
    Object.entries(p.options ?? {}).filter(([, now]) => now === code).map(([old]) => ({ kind: 'ownLineage' as const, question: key, old: `${p.key}.${old}` })));
}

/** Everything that refers to answer option `code` of question `key` (single or multi). */
export function optionReferences(qn: Questionnaire, others: readonly Questionnaire[], key: string, code: string): Reference[] {
  const refs: Reference[] = [];
  for (const q of qn.questions) {
    if (q.key !== key && q.showIf?.question === key && q.showIf.in.includes(code)) refs.push({ kind: 'showIf', question: q.key });
  }
  for (const k of qn.keyResults ?? []) {
    if (k.question === key && k.options.includes(code)) refs.push({ kind: 'keyResult', question: key, text: k.text.nl });
  }
  return [...refs, ...ownLineage(qn, key, code), ...laterLineage(qn, others, key, code)];
}

/** Everything that refers to code `code` of scale `scale`, through the matrix questions that use it. */
export function scaleReferences(qn: Questionnaire, others: readonly Questionnaire[], scale: string, code: string): Reference[] {
  return qn.questions
    .filter((q) => q.type === 'matrix' && q.scale === scale)
    .flatMap((q) => [...ownLineage(qn, q.key, code), ...laterLineage(qn, others, q.key, code)]);
}

/** Challenge options that are about `subject` (a theme, a question, or `question.item`). */
export function aboutReferences(qn: Questionnaire, subject: string): Reference[] {
  return qn.questions.flatMap((q) =>
    (q.options ?? []).filter((o) => o.about === subject).map((o) => ({ kind: 'about' as const, question: q.key, option: o.code })));
}

/** Everything that refers to item `item` of matrix question `key`. */
export function itemReferences(qn: Questionnaire, key: string, item: string): Reference[] {
  return aboutReferences(qn, `${key}.${item}`);
}

/** Whether a reference stops a rename (own lineage is carried along; everything else must be changed first). */
export function blocksRename(r: Reference): boolean {
  return r.kind !== 'ownLineage';
}
