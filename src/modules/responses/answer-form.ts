// Form fields ⇄ answers for one theme page, with validation (pure: no db, no web).
// Field names: q.KEY (single/multi/text), q.KEY.ITEM (matrix), q.KEY.other, q.KEY.comment.
import { answerOptions, type Question, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Answer, Answers } from './answer.model.ts';

export const MAX_TEXT = 4000;
export const MAX_OTHER = 500;

/** A form as sent: each field name with all of its values. */
export type FormFields = Record<string, string[]>;

export type FieldError = { field: string; question: string; message: MessageKey; params?: Record<string, string | number> };
export type MessageKey =
  | 'error.otherMissing'
  | 'error.otherNotChosen'
  | 'error.exclusive'
  | 'error.tooLong'
  | 'error.invalidOption';

export function fieldId(question: string, part?: string): string {
  return part ? `q.${question}.${part}` : `q.${question}`;
}

export function isVisible(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  const a = answers[q.showIf.question];
  // The question it depends on is a single (one value) or a multi (several values) question.
  const chosen = a?.values ?? (a?.value ? [a.value] : []);
  const wanted = q.showIf.in;
  return chosen.some((c) => wanted.includes(c));
}

export function themeQuestions(qn: Questionnaire, theme: string): Question[] {
  return qn.questions.filter((q) => q.theme === theme);
}

const trim = (s: string | undefined) => (s ?? '').replace(/\r\n/g, '\n').trim();

/** Reads one question's answer from the form; invalid input stays in the answer so the page can show it back. */
export function readAnswer(q: Question, qn: Questionnaire, form: FormFields): Answer {
  const a: Answer = {};
  const first = (name: string) => trim(form[name]?.[0]);
  if (q.type === 'single') {
    const v = first(fieldId(q.key));
    if (v) a.value = v;
  } else if (q.type === 'multi') {
    const chosen = new Set((form[fieldId(q.key)] ?? []).map((v) => v.trim()).filter(Boolean));
    const known = (q.options ?? []).map((o) => o.code);
    const values = [...known.filter((c) => chosen.has(c)), ...[...chosen].filter((c) => !known.includes(c))];
    if (values.length) a.values = values;
  } else if (q.type === 'matrix') {
    const items: Record<string, string> = {};
    for (const item of q.items ?? []) {
      const v = first(fieldId(q.key, item.code));
      if (v) items[item.code] = v;
    }
    if (Object.keys(items).length) a.items = items;
  } else {
    const t = first(fieldId(q.key));
    if (t) a.text = t;
  }
  if (answerOptions(q, qn).some((o) => o.other) && q.type !== 'matrix') {
    const other = first(fieldId(q.key, 'other'));
    if (other) a.other = other;
  }
  if (q.comment) {
    const c = first(fieldId(q.key, 'comment'));
    if (c) a.comment = c;
  }
  return a;
}

export function validateAnswer(q: Question, qn: Questionnaire, a: Answer): FieldError[] {
  const errors: FieldError[] = [];
  const opts = answerOptions(q, qn);
  const codes = new Set(opts.map((o) => o.code));
  const err = (field: string, message: MessageKey, params?: FieldError['params']) =>
    errors.push({ field, question: q.key, message, params });
  const chosen = q.type === 'single' ? (a.value ? [a.value] : []) : q.type === 'multi' ? (a.values ?? []) : [];
  if (chosen.some((c) => !codes.has(c))) err(fieldId(q.key), 'error.invalidOption');
  for (const [item, v] of Object.entries(a.items ?? {})) if (!codes.has(v)) err(fieldId(q.key, item), 'error.invalidOption');
  const other = opts.find((o) => o.other);
  if (other && q.type !== 'matrix') {
    if (chosen.includes(other.code) && !a.other) err(fieldId(q.key, 'other'), 'error.otherMissing');
    if (!chosen.includes(other.code) && a.other) err(fieldId(q.key, 'other'), 'error.otherNotChosen');
    if (a.other && a.other.length > MAX_OTHER) err(fieldId(q.key, 'other'), 'error.tooLong', { max: MAX_OTHER });
  }
  const exclusive = opts.find((o) => o.exclusive && chosen.includes(o.code));
  if (q.type === 'multi' && exclusive && chosen.length > 1) err(fieldId(q.key), 'error.exclusive', { option: exclusive.code });
  if (a.text && a.text.length > MAX_TEXT) err(fieldId(q.key), 'error.tooLong', { max: MAX_TEXT });
  if (a.comment && a.comment.length > MAX_TEXT) err(fieldId(q.key, 'comment'), 'error.tooLong', { max: MAX_TEXT });
  return errors;
}

export type PageInput = { answers: Record<string, Answer | null>; errors: FieldError[] };

/**
 * Reads a theme page. Questions hidden by show_if (given the answers after this save) are
 * cleared, also in other themes, so no answer survives that the questionnaire would not ask.
 */
export function readThemePage(qn: Questionnaire, theme: string, form: FormFields, before: Answers): PageInput {
  const answers: Record<string, Answer | null> = {};
  const errors: FieldError[] = [];
  const merged: Answers = { ...before };
  for (const q of themeQuestions(qn, theme)) {
    const a = readAnswer(q, qn, form);
    answers[q.key] = a;
    merged[q.key] = a;
  }
  for (const q of qn.questions) {
    if (!isVisible(q, merged)) {
      if (merged[q.key]) answers[q.key] = null;
      delete merged[q.key];
    } else if (q.theme === theme) {
      errors.push(...validateAnswer(q, qn, answers[q.key] as Answer));
    }
  }
  return { answers, errors };
}

/**
 * Counts for "3 van 4 vragen beantwoord": visible questions and those answered in full (a matrix
 * with a blank row is not yet answered, so its theme is not "Klaar").
 */
export function themeProgress(qn: Questionnaire, theme: string, answers: Answers): { answered: number; total: number; started: boolean } {
  const visible = themeQuestions(qn, theme).filter((q) => isVisible(q, answers));
  return {
    total: visible.length,
    answered: visible.filter((q) => isComplete(q, answers[q.key])).length,
    // A matrix with some rows filled in counts as begun.
    started: visible.some((q) => hasResponse(answers[q.key])),
  };
}

/** Answered in full: a choice or a text, and for a matrix every row. */
export function isComplete(q: Question, a: Answer | undefined): boolean {
  if (!hasResponse(a)) return false;
  return q.type !== 'matrix' || (q.items ?? []).every((i) => a?.items?.[i.code]);
}

/**
 * About how many minutes the questionnaire takes, for the start page: half a minute a choice, a
 * minute a multiple choice, a quarter of a minute a matrix row, two minutes an open question,
 * rounded up to five. A rough guide, from the questionnaire itself, so it follows every edition.
 */
export function estimatedMinutes(qn: Questionnaire): number {
  const minutes = qn.questions.reduce((sum, q) => sum + (q.type === 'single' ? 0.5 : q.type === 'multi' ? 1 : q.type === 'matrix' ? 0.25 * (q.items?.length ?? 0) : 2), 0);
  return Math.max(5, Math.ceil(minutes / 5) * 5);
}

/** Required questions that are asked (show_if) but not answered: the questionnaire cannot be sent without them. */
export function unansweredRequired(qn: Questionnaire, answers: Answers): Question[] {
  return qn.questions.filter((q) => q.required && isVisible(q, answers) && !hasResponse(answers[q.key]));
}

/** An answer counts as given when it holds a choice or a text (a toelichting alone does not). */
export function hasResponse(a: Answer | undefined): boolean {
  return !!a && !!(a.value || a.values?.length || (a.items && Object.keys(a.items).length) || a.text);
}
