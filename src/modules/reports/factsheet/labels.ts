// Short labels for the factsheet's rows. The questionnaire's wording is made for answering (a whole
// sentence per option); a factsheet row has room for a few words. Keys and codes are stable across
// editions (the questionnaire README), so a table per question key is enough; anything not listed
// falls back to the questionnaire's own text, so a new question is shown, only longer.
import type { Lang } from '../../questionnaire/index.ts';

type Pair = { nl: string; en: string };
const p = (nl: string, en: string): Pair => ({ nl, en });

/** What a row is about, per question; `{item}` is the matrix item's label. */
const PRACTICE: Record<string, Pair> = {
  week_tegen_eenzaamheid: p('Meedoen aan de Week tegen Eenzaamheid', 'Taking part in the Week against Loneliness'),
  communicatiemateriaal: p('Landelijk communicatiemateriaal gebruiken', 'Using the national campaign material'),
  signaalpunt: p('Signaalpunt voor eenzaamheid', 'Reporting point for loneliness'),
  signaleringsnetwerk: p('Signaleringsnetwerk', 'Network for spotting loneliness'),
  inzet_producten: p('{item}', '{item}'),
  bestuurlijk_commitment: p('Bestuurlijk commitment', 'Administrative commitment'),
  financiering: p('Financiering van de aanpak', 'Funding of the approach'),
  lokale_coalitie: p('Lokale coalitie', 'Local coalition'),
  kartrekker: p('Kartrekker van de coalitie', 'A lead for the coalition'),
  samenstelling_coalitie: p('{item} in de coalitie', '{item} in the coalition'),
  huisbezoeken_75plus: p('Huisbezoeken aan 75-plussers', 'Home visits to people over 75'),
  betrekken_doelgroep: p('Eenzame inwoners denken mee', 'Lonely residents take part'),
  best_practices: p('Werken met best practices', 'Using best practices'),
  monitoring: p('Activiteiten monitoren en evalueren', 'Monitoring and evaluating activities'),
};

/** The own answer in a few words, per question key (or matrix scale) and option code. */
const ANSWER: Record<string, Record<string, Pair>> = {
  ja_nee: { ja: p('Ja', 'Yes'), nee: p('Nee', 'No') },
  inzet: { ingezet: p('Ingezet', 'In use'), bekend: p('Bekend, niet ingezet', 'Known, not used'), onbekend: p('Niet bekend', 'Not known') },
  rol: { kartrekker: p('Kartrekker', 'Takes the lead'), actief: p('Actief betrokken', 'Actively involved'), op_de_hoogte: p('Op de hoogte gehouden', 'Kept informed'), niet: p('Niet betrokken', 'Not involved') },
  bestuurlijk_commitment: {
    geen: p('Nog geen', 'None yet'), gemeenteraad: p('Besproken in de raad', 'Discussed by the council'),
    wethouder: p('Wethouder zet zich in', 'Alderman committed'), uitvoeringsplan: p('Uitvoeringsplan vastgesteld', 'Action plan adopted'),
  },
  financiering: {
    geen_budget: p('Geen eigen budget', 'No budget of its own'), eenmalig: p('Eenmalig budget', 'One-off budget'),
    structureel: p('Structureel budget', 'Structural budget'), coronasteun: p('Tijdelijke coronamiddelen', 'Temporary COVID funds'), anders: p('Anders', 'Other'),
  },
  lokale_coalitie: {
    nee: p('Nog geen coalitie', 'No coalition yet'), initieren: p('Wordt opgestart', 'Being started'), verkennen: p('Wordt uitgewerkt', 'Being worked out'),
    bestendigen: p('Wordt bestendigd', 'Being sustained'), weet_niet: p('Onbekend', 'Unknown'),
  },
  huisbezoeken_75plus: {
    ja_alle: p('Alle 75-plussers', 'All over-75s'), ja_deel: p('Een deel van de 75-plussers', 'Some of the over-75s'),
    in_voorbereiding: p('In voorbereiding', 'In preparation'), nee: p('Nee', 'No'),
  },
  betrekken_doelgroep: {
    beleid_en_activiteiten: p('Bij beleid en activiteiten', 'In policy and activities'), activiteiten: p('Bij activiteiten', 'In activities'),
    beleid: p('Bij beleid', 'In policy'), nee: p('Nee', 'No'),
  },
  best_practices: {
    adviseurs: p('adviseurs', 'advisors'), zonmw: p('ZonMw', 'ZonMw'), movisie: p('Movisie', 'Movisie'),
    andere_gemeenten: p('andere gemeenten', 'other municipalities'), anders: p('anders', 'other'), nee: p('Nee', 'No'),
  },
  monitoring: { ja: p('Ja', 'Yes'), deels: p('Gedeeltelijk', 'Partly'), nee: p('Nee', 'No') },
};

/** The row's subject: the short text, or the question (or item) as the questionnaire words it. */
export function practiceLabel(lang: Lang, question: string, questionText: string, itemLabel: string | null): string {
  const short = PRACTICE[question]?.[lang];
  if (short) return short.replace('{item}', itemLabel ?? '');
  return itemLabel ?? questionText;
}

/** The own answer in a few words; `fallback` is the questionnaire's option label. */
export function answerLabel(lang: Lang, question: string, scale: string | undefined, code: string, fallback: string): string {
  return (ANSWER[question] ?? ANSWER[scale ?? ''] ?? (['ja', 'nee'].includes(code) ? ANSWER.ja_nee : undefined))?.[code]?.[lang] ?? fallback;
}

/** A multi answer: "Ja: adviseurs, Movisie" — the sources, not only "yes". */
export function multiLabel(lang: Lang, question: string, codes: { code: string; label: string }[]): string {
  const parts = codes.map((c) => answerLabel(lang, question, undefined, c.code, c.label));
  if (codes.length === 1 && codes[0].code === 'nee') return parts[0];
  const yes = lang === 'nl' ? 'Ja' : 'Yes';
  return `${yes}: ${parts.join(', ')}`;
}
