// One respondent's answer to one question, as stored and as compared.
// Only the field of the question's type is set; a skipped question has no Answer at all.
export type Answer = {
  /** single: the chosen option code. */
  value?: string;
  /** multi: the chosen option codes, in questionnaire order. */
  values?: string[];
  /** matrix: item code → scale code, only for the items answered. */
  items?: Record<string, string>;
  /** text questions: the text. */
  text?: string;
  /** "Anders, namelijk" text for the option with `other: true`. */
  other?: string;
  /** Toelichting. */
  comment?: string;
};

/** question key → answer */
export type Answers = Record<string, Answer>;

/** True when the answer holds nothing (treated as skipped). */
export function isEmptyAnswer(a: Answer | undefined): boolean {
  if (!a) return true;
  return (
    !a.value &&
    !(a.values && a.values.length) &&
    !(a.items && Object.keys(a.items).length) &&
    !a.text &&
    !a.other &&
    !a.comment
  );
}

/** Stable comparison of two answers (key order and undefined fields ignored). */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  return canonical(a) === canonical(b);
}

function canonical(a: Answer | undefined): string {
  if (isEmptyAnswer(a)) return '';
  const x = a as Answer;
  const items = x.items
    ? Object.fromEntries(Object.entries(x.items).sort(([p], [q]) => p.localeCompare(q)))
    : undefined;
  return JSON.stringify([x.value ?? null, x.values ?? null, items ?? null, x.text ?? null, x.other ?? null, x.comment ?? null]);
}
