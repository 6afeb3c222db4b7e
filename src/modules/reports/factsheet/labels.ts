// Short labels for the factsheet's rows. The questionnaire's wording is made for answering (a whole
// sentence per option); a factsheet row has room for a few words. The bureau writes those words in
// the questionnaire (`short` on a question and on an option); without them the row shows the
// questionnaire's own text, so a new question is shown, only longer.
import { answerOptions, type Lang, type Question, type Questionnaire } from '../../questionnaire/index.ts';

/** The row's subject: the short text (`{item}` → the item's label), or the question (or item) as worded. */
export function practiceLabel(lang: Lang, q: Question | undefined, questionText: string, itemLabel: string | null): string {
  const short = q?.short?.[lang];
  if (short) return short.replace('{item}', itemLabel ?? '');
  return itemLabel ?? questionText;
}

/** The own answer in a few words; `fallback` is the questionnaire's option label. */
export function answerLabel(lang: Lang, q: Question | undefined, qn: Pick<Questionnaire, 'scales'>, code: string, fallback: string): string {
  const option = q ? answerOptions(q, qn).find((o) => o.code === code) : undefined;
  return option?.short?.[lang] ?? fallback;
}

/** A multi answer: "Ja: adviseurs, Movisie" — the sources, not only "yes"; an exclusive answer alone as it is. */
export function multiLabel(lang: Lang, q: Question | undefined, qn: Pick<Questionnaire, 'scales'>, codes: { code: string; label: string }[]): string {
  const parts = codes.map((c) => answerLabel(lang, q, qn, c.code, c.label));
  const exclusive = new Set((q?.options ?? []).filter((o) => o.exclusive).map((o) => o.code));
  if (codes.length === 1 && exclusive.has(codes[0].code)) return parts[0];
  const yes = lang === 'nl' ? 'Ja' : 'Yes';
  return `${yes}: ${parts.join(', ')}`;
}
