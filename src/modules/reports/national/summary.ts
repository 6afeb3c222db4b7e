// The key figures of an edition (report chapter 3.2), written from the data: each sentence names
// the count, the n and the percentage (one decimal, as every share), with the edition before for comparison (through the
// question's lineage). Which figures and their wording are the questionnaire's `keyResults`, which
// the bureau edits; a figure that is suppressed simply leaves its sentence out.
import type { Lang } from '../../questionnaire/index.ts';
import type { ResultsData } from './data.ts';
import { formatList, formatPercent, rt } from './i18n.ts';
import { type QuestionResult, shareOf } from './questions.ts';
import { wholePercent } from './response.ts';

export type KeyFigure = { question: string; count: number; n: number; pct: number; text: string; previous?: { edition: number; pct: number } };

/** A share in percent with one decimal, as the statistics give it. */
const share = (count: number, n: number) => (n > 0 ? Math.round((1000 * count) / n) / 10 : 0);

export function keyFigures(data: ResultsData, lang: Lang): KeyFigure[] {
  const out: KeyFigure[] = [];
  const earlier = data.editions.filter((e) => e < data.year).at(-1);
  for (const k of data.questionnaire.keyResults ?? []) {
    const now = shareOf(data, k.question, k.options, data.year);
    if (!now) continue;
    const pct = share(now.count, now.n);
    const phrase = k.text[lang];
    const shown = formatPercent(lang, pct);
    const text = lang === 'nl' ? `${now.count} van de ${now.n} gemeenten (${shown}) ${phrase}.` : `${now.count} of the ${now.n} municipalities (${shown}) ${phrase}.`;
    const before = earlier === undefined ? undefined : shareOf(data, k.question, k.options, earlier);
    const previous = before && earlier !== undefined ? { edition: earlier, pct: share(before.count, before.n) } : undefined;
    out.push({ question: k.question, count: now.count, n: now.n, pct, text, previous });
  }
  return out;
}

/** The response of the edition in sentences (report chapter 3.1), also used by the PDF. */
export function responseSentences(lang: Lang, data: ResultsData): string[] {
  const out: string[] = [];
  const now = data.response.get(data.year);
  const pct = (count: number, n: number) => `${wholePercent(count, n) ?? 0}%`;
  if (now) out.push(rt(lang, 'response.sentence', { invited: now.invited, year: data.year, responded: now.responded, pct: pct(now.responded, now.invited) }));
  for (const edition of data.editions.filter((e) => e < data.year).reverse()) {
    const e = data.response.get(edition);
    if (e) out.push(rt(lang, 'response.earlier', { edition, responded: e.responded, invited: e.invited, pct: pct(e.responded, e.invited) }));
  }
  const r = data.retained;
  if (r && r.of > 0) out.push(rt(lang, 'response.retained', { count: r.count, of: r.of, previous: r.previous, year: data.year, pct: pct(r.count, r.of) }));
  if (data.panel.shown) out.push(rt(lang, 'response.panel', { n: data.panel.size, from: data.editions[0], to: data.year }));
  return out;
}

/** Notes above a question's chart: multiple answers, the editions asked, changes between them. */
export function questionNotes(lang: Lang, data: ResultsData, r: QuestionResult): string[] {
  const out: string[] = [];
  if (r.question.type === 'multi') out.push(rt(lang, 'note.multi'));
  if (r.askedIn.length < data.editions.length) out.push(rt(lang, 'note.askedIn', { editions: formatList(lang, r.askedIn) }));
  for (const c of r.changes) {
    const reasons = formatList(lang, c.reasons.map((reason) => rt(lang, `reason.${reason}`)));
    out.push(rt(lang, 'note.changed', { edition: c.edition, previous: c.previousEdition, reasons }));
  }
  return out;
}
