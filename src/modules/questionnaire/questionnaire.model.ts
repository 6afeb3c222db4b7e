// The product's own questionnaire format: one self-contained definition per edition.
// Keys and codes are the public data contract (imports, exports, trends) and never change.
import { z } from 'zod';

/** A text in Dutch (always) and English (for the language switch). */
export const Text = z.object({ nl: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof Text>;

const code = z.string().regex(/^[a-z0-9_]+$/, 'alleen kleine letters, cijfers en _');

/**
 * What an answer says about the municipality's practice, for the factsheet's pillar status:
 * ok = in place ("op orde"), partial = on the way ("deels"), not = not in place, neutral = says
 * nothing (e.g. "weet niet"). A question is a factsheet row only when its options carry a status.
 */
export const STATUSES = ['ok', 'partial', 'not', 'neutral'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const Option = z.object({
  code,
  label: Text,
  /** The answer in a few words, for the factsheet (default: the label). */
  short: Text.optional(),
  /** "Anders, namelijk": the respondent adds a text. */
  other: z.boolean().optional(),
  /** Multi only: cannot be combined with any other option. */
  exclusive: z.boolean().optional(),
  status: Status.optional(),
  /**
   * A challenge option names what it is about: a theme key, or `question` / `question.item`. The
   * factsheet ranks tips on a subject the municipality calls a challenge first.
   */
  about: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)?$/, 'een thema- of vraagsleutel, eventueel vraag.item').optional(),
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

/** Lineage: this question continues an older one; the older codes map onto ours (a code left out has no counterpart). */
export const Replaces = z.object({ key: code, options: z.record(code, code) });
export type Replaces = z.infer<typeof Replaces>;

/** A sentence of the national summary: the share of municipalities that chose any of `options`. */
export const KeyResult = z.object({
  question: code,
  /** Single: options that are added up; multi: exactly one option. */
  options: z.array(code).min(1),
  /** Follows "12 van de 162 gemeenten (7%)", e.g. "hebben een signaalpunt". */
  text: Text,
});
export type KeyResult = z.infer<typeof KeyResult>;

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
  /** Help shown under the question (XLSForm's hint). */
  help: Text.optional(),
  /** The questionnaire cannot be submitted without an answer (default: every question may be skipped). */
  required: z.boolean().optional(),
  /** The question in a few words, for the factsheet's row; `{item}` stands for a matrix item's label. */
  short: Text.optional(),
  /** Adds an optional "Toelichting" field. */
  comment: z.boolean().optional(),
  showIf: ShowIf.optional(),
  /**
   * Advice for the web report, keyed by option code: given when that option is chosen. A matrix's
   * tips are keyed by item code: given when the item's answer has status "not" or "partial".
   */
  tips: z.record(code, Tip).optional(),
  // Lineage, at most one of the three (see lineage.ts):
  /** The same question as `continues` in earlier editions, same codes (usually its own key). */
  continues: code.optional(),
  /** A reworded successor of `replaces.key`, its codes mapped. */
  replaces: Replaces.optional(),
  /** One question made of several earlier ones, each with its codes mapped (single and multi only). */
  merges: z.array(Replaces).min(2).optional(),
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
  /** The national summary's key results, in the order shown. */
  keyResults: z.array(KeyResult).optional(),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

/** The options a question is answered with: its own, or its scale's for a matrix. */
export function answerOptions(q: Question, qn: Pick<Questionnaire, 'scales'>): Option[] {
  if (q.type === 'matrix') return q.scale ? (qn.scales[q.scale] ?? []) : [];
  return q.options ?? [];
}

export type Lang = 'nl' | 'en';

/** A predecessor of a question: its key and how its codes map onto ours (null: unchanged). */
export type Predecessor = { key: string; options: Readonly<Record<string, string>> | null; merge: boolean };

/** The questions this one continues, from whichever lineage field it has. */
export function predecessorsOf(q: Question): Predecessor[] {
  if (q.continues) return [{ key: q.continues, options: null, merge: false }];
  if (q.replaces) return [{ key: q.replaces.key, options: q.replaces.options, merge: false }];
  return (q.merges ?? []).map((m) => ({ key: m.key, options: m.options, merge: true }));
}

/** The status an option carries, for single/multi (own options) and matrix (scale). */
export function hasStatuses(options: readonly Option[]): boolean {
  return options.some((o) => o.status !== undefined);
}
