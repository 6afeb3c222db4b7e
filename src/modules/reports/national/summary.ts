// The key figures of an edition (report chapter 3.2), written from the data: each sentence names
// the count, the n and the whole percentage, with the edition before for comparison. Only the
// wording is fixed here; a figure that is suppressed or not asked simply leaves its sentence out.
import type { Lang } from '../../questionnaire/index.ts';
import type { ResultsData } from './data.ts';
import { formatList, rt } from './i18n.ts';
import { type QuestionResult, shareOf } from './questions.ts';
import { wholePercent } from './response.ts';

type Headline = { keys: string[]; options: string[]; nl: string; en: string };

// Single questions (options may be added up) or one option of a multi question.
const HEADLINES: Headline[] = [
  { keys: ['week_tegen_eenzaamheid'], options: ['ja'], nl: 'doen mee aan de Week tegen Eenzaamheid', en: 'take part in the Week against Loneliness' },
  { keys: ['communicatiemateriaal'], options: ['ja'], nl: 'gebruiken het landelijke communicatiemateriaal van de Week tegen Eenzaamheid', en: 'use the national communication material of the Week against Loneliness' },
  { keys: ['signaalpunt'], options: ['ja'], nl: 'hebben een digitaal of telefonisch signaalpunt voor eenzaamheid', en: 'have a digital or telephone point to report loneliness' },
  { keys: ['signaleringsnetwerk'], options: ['ja'], nl: 'hebben een signaleringsnetwerk gericht op eenzaamheid', en: 'have a network that spots loneliness' },
  { keys: ['financiering', 'budget_status'], options: ['structureel'], nl: 'hebben structureel budget voor de aanpak van eenzaamheid op de begroting', en: 'have a structural budget for tackling loneliness' },
  { keys: ['financiering'], options: ['coronasteun'], nl: 'zetten middelen uit de coronasteunpakketten voor welzijn in', en: 'use funds from the COVID-19 support packages for welfare' },
  { keys: ['lokale_coalitie'], options: ['initieren', 'verkennen', 'bestendigen'], nl: 'hebben een lokale coalitie of een lokaal netwerk tegen eenzaamheid opgezet', en: 'have set up a local coalition or network against loneliness' },
  { keys: ['huisbezoeken_75plus'], options: ['ja_alle', 'ja_deel'], nl: 'bieden (een deel van de) 75-plussers een bezoek aan waarin eenzaamheid aan bod komt', en: 'offer (some) people aged 75 and over a visit in which loneliness is discussed' },
  { keys: ['betrekken_doelgroep'], options: ['beleid_en_activiteiten', 'activiteiten', 'beleid'], nl: 'betrekken eenzame mensen of hun vertegenwoordigers bij beleid of activiteiten', en: 'involve lonely people or their representatives in policy or activities' },
  { keys: ['best_practices'], options: ['nee'], nl: 'maken geen gebruik van best practices', en: 'do not use best practices' },
  { keys: ['monitoring'], options: ['ja'], nl: 'monitoren en evalueren hun activiteiten en projecten tegen eenzaamheid', en: 'monitor and evaluate their activities and projects against loneliness' },
  { keys: ['uitdagingen'], options: ['duurzame_aanpak'], nl: 'noemen een duurzame aanpak een van de grootste uitdagingen', en: 'name a lasting approach as one of the biggest challenges' },
];

export type KeyFigure = { question: string; count: number; n: number; pct: number; text: string; previous?: { edition: number; pct: number } };

export function keyFigures(data: ResultsData, lang: Lang): KeyFigure[] {
  const out: KeyFigure[] = [];
  const earlier = data.editions.filter((e) => e < data.year).at(-1);
  for (const h of HEADLINES) {
    const key = h.keys.find((k) => data.questionnaire.questions.some((q) => q.key === k));
    if (!key) continue;
    const now = shareOf(data, key, h.options, data.year);
    if (!now) continue;
    const pct = wholePercent(now.count, now.n) as number;
    const phrase = h[lang];
    const text = lang === 'nl' ? `${now.count} van de ${now.n} gemeenten (${pct}%) ${phrase}.` : `${now.count} of the ${now.n} municipalities (${pct}%) ${phrase}.`;
    const before = earlier === undefined ? undefined : shareOf(data, key, h.options, earlier);
    const previous = before && earlier !== undefined ? { edition: earlier, pct: wholePercent(before.count, before.n) as number } : undefined;
    out.push({ question: key, count: now.count, n: now.n, pct, text, previous });
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
