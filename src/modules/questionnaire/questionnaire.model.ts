// The product's own questionnaire format: one self-contained definition per edition.
// Keys and codes are the public data contract (imports, exports, trends) and never change.
import { z } from 'zod';

/** A text in Dutch (always) and English (for the language switch). */
export const Text = z.object({ nl: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof Text>;

const code = z.string().regex(/^[a-z0-9_]+$/, 'alleen kleine letters, cijfers en _');

export const Option = z.object({
  code,
  label: Text,
  /** "Anders, namelijk": the respondent adds a text. */
  other: z.boolean().optional(),
  /** Multi only: cannot be combined with any other option. */
  exclusive: z.boolean().optional(),
});
export type Option = z.infer<typeof Option>;

export const Item = z.object({ code, label: Text });
export type Item = z.infer<typeof Item>;

export const Tip = z.object({ text: Text, url: z.string().url() });
export type Tip = z.infer<typeof Tip>;

export const Theme = z.object({
  key: code,
  kind: z.enum(['actielijn', 'pijler', 'actualiteit', 'overig']),
  number: z.number().int().optional(),
  title: Text,
  short: Text,
  intro: Text,
});
export type Theme = z.infer<typeof Theme>;

export const ShowIf = z.object({ question: code, in: z.array(code).min(1) });
export type ShowIf = z.infer<typeof ShowIf>;

/** Lineage: this question continues an older one; the older codes map onto ours. */
export const Replaces = z.object({ key: code, options: z.record(code, code) });
export type Replaces = z.infer<typeof Replaces>;

export const Question = z.object({
  key: code,
  theme: code,
  type: z.enum(['single', 'multi', 'matrix', 'text']),
  text: Text,
  /** single and multi: the options; matrix: the scale every item is answered on. */
  options: z.array(Option).optional(),
  /** matrix: name of the scale in `scales`. */
  scale: code.optional(),
  items: z.array(Item).optional(),
  /** Adds an optional "Toelichting" field. */
  comment: z.boolean().optional(),
  showIf: ShowIf.optional(),
  /** Advice for the web report, keyed by option code (or item code for matrices). */
  tips: z.record(code, Tip).optional(),
  replaces: Replaces.optional(),
  /** Figure number in the 2022 report, for the national results. */
  figure: z.number().int().optional(),
  /** Wording not verbatim in the report. */
  reconstructed: z.boolean().optional(),
});
export type Question = z.infer<typeof Question>;

export const Questionnaire = z.object({
  edition: z.number().int().min(2000).max(2100),
  name: Text,
  themes: z.array(Theme).min(1),
  scales: z.record(code, z.array(Option).min(2)),
  questions: z.array(Question).min(1),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

/** The options a question is answered with: its own, or its scale's for a matrix. */
export function answerOptions(q: Question, qn: Pick<Questionnaire, 'scales'>): Option[] {
  if (q.type === 'matrix') return q.scale ? (qn.scales[q.scale] ?? []) : [];
  return q.options ?? [];
}

export type Lang = 'nl' | 'en';
