// Adjusting a questionnaire (pure: no db, no web): copy for a new edition, edit the texts of one
// question, remove one, read an uploaded file. The result is always checked by the service.
import type { FormFields } from '../../web/form.ts';
import { type Question, type Questionnaire, QuestionnaireError, type Text } from '../questionnaire/index.ts';
import type { EaKey } from './edition-admin.i18n.ts';

export const MAX_TEXT = 1000;

/**
 * An earlier edition's questionnaire for `year`: every question continues itself (`continues` is
 * its own key: same question, same codes), so `replaces` and `merges` of the earlier step go.
 */
export function copyForEdition(prev: Questionnaire, year: number): Questionnaire {
  const copy = structuredClone(prev);
  return { ...copy, edition: year, questions: copy.questions.map(({ replaces: _r, merges: _m, ...q }) => ({ ...q, continues: q.key })) };
}

/** One editable text of a question: its wording, or the label of an option or item. */
export type TextPart = { id: string; kind: 'text' | 'option' | 'item'; code?: string; value: Text };

export function textParts(q: Question): TextPart[] {
  return [
    { id: 'text', kind: 'text', value: q.text },
    ...(q.options ?? []).map((o) => ({ id: `option-${o.code}`, kind: 'option' as const, code: o.code, value: o.label })),
    ...(q.items ?? []).map((i) => ({ id: `item-${i.code}`, kind: 'item' as const, code: i.code, value: i.label })),
  ];
}

export type TextError = { field: string; key: EaKey; params?: Record<string, string | number> };
export type TextValues = Record<string, string>;

/** The form's texts (field `<part id>-nl` / `-en`) laid over the question; empty or too long texts are errors. */
export function applyTextEdits(qn: Questionnaire, key: string, form: FormFields): { values: TextValues; errors: TextError[]; next?: Questionnaire } {
  const q = qn.questions.find((x) => x.key === key);
  if (!q) return { values: {}, errors: [] };
  const values: TextValues = {};
  const errors: TextError[] = [];
  const read = (part: TextPart): Text => {
    const out = { nl: '', en: '' };
    for (const lang of ['nl', 'en'] as const) {
      const field = `${part.id}-${lang}`;
      const v = (form[field]?.[0] ?? part.value[lang]).replace(/\r\n/g, '\n').trim();
      values[field] = v;
      out[lang] = v;
      const about = { kind: part.kind, code: part.code ?? '' };
      if (!v) errors.push({ field, key: `qe.error.empty.${lang}`, params: about });
      else if (v.length > MAX_TEXT) errors.push({ field, key: 'qe.error.tooLong', params: { ...about, max: MAX_TEXT } });
    }
    return out;
  };
  const parts = new Map(textParts(q).map((p) => [p.id, read(p)]));
  if (errors.length) return { values, errors };
  const edited: Question = {
    ...q,
    text: parts.get('text') as Text,
    options: q.options?.map((o) => ({ ...o, label: parts.get(`option-${o.code}`) as Text })),
    items: q.items?.map((i) => ({ ...i, label: parts.get(`item-${i.code}`) as Text })),
  };
  if (!q.options) delete edited.options;
  if (!q.items) delete edited.items;
  return { values, errors, next: { ...qn, questions: qn.questions.map((x) => (x.key === key ? edited : x)) } };
}

/** Without the question and its key results (they say nothing without it). */
export function removeQuestion(qn: Questionnaire, key: string): Questionnaire {
  const keyResults = qn.keyResults?.filter((k) => k.question !== key);
  return { ...qn, questions: qn.questions.filter((q) => q.key !== key), ...(keyResults && { keyResults }) };
}

/** A name for messages: the uploaded file's own name, without folders or odd characters. */
export function uploadLabel(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[^\w.() -]/g, '').slice(0, 100) ?? '';
  return base || 'vragenlijst.json';
}

/** The uploaded text as JSON; unreadable JSON is a problem in the same "<file>: <key>: <problem>" form. */
export function parseUpload(text: string, label: string): unknown {
  // "\u0000" and a lone surrogate ("\ud800") are valid JSON that PostgreSQL's jsonb refuses (a 500
  // on saving): NUL is left out, a lone surrogate becomes U+FFFD, as a browser does in a form.
  const storable = (_k: string, v: unknown) =>
    typeof v === 'string' ? v.split('\u0000').join('').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : v;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''), storable);
  } catch (e) {
    throw new QuestionnaireError([`${label}: (bestand): niet te lezen als JSON (${(e as Error).message})`]);
  }
}
