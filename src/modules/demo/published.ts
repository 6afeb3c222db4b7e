// The figures the 2022 report publishes as counts or percentages (shared/reference/
// published-figures.yaml), as data: the demo is checked against them, and a results page can
// use them to show "the report said". A figure is the share of the valid answers that chose any
// of `options`, in the question's current codes (financiering 2021 = budget_status via lineage).

export type PublishedFigure = {
  edition: number;
  scope: 'national' | 'panel';
  question: string;
  item?: string;
  options: string[];
  /** Percentage as the report rounds it. */
  pct: number;
  /** Exact count and n where the report gives them. */
  count?: number;
  n?: number;
  /** The report says "zo'n", "ruim", "een kleine" … */
  approx?: boolean;
};

export const PUBLISHED_RESPONSE: Readonly<Record<number, { invited: number; responded: number; ratePct: number }>> = {
  2019: { invited: 103, responded: 64, ratePct: 62 },
  2020: { invited: 180, responded: 100, ratePct: 55 },
  2021: { invited: 263, responded: 115, ratePct: 44 },
  2022: { invited: 263, responded: 162, ratePct: 62 },
};
export const PUBLISHED_PANEL_SIZE = 24;
export const PUBLISHED_RETAINED_PCT = 75; // "Driekwart"

const coalition = ['initieren', 'verkennen', 'bestendigen'];
const f = (edition: number, question: string, options: string[], pct: number, extra: Partial<PublishedFigure> = {}): PublishedFigure => ({
  edition,
  scope: 'national',
  question,
  options,
  pct,
  ...extra,
});

export const PUBLISHED_FIGURES: readonly PublishedFigure[] = [
  f(2022, 'week_tegen_eenzaamheid', ['ja'], 90, { count: 146, n: 162 }),
  f(2021, 'week_tegen_eenzaamheid', ['ja'], 90, { approx: true }),
  f(2022, 'communicatiemateriaal', ['ja'], 63),
  f(2021, 'communicatiemateriaal', ['ja'], 75),
  f(2022, 'signaalpunt', ['ja'], 40, { approx: true }),
  f(2021, 'signaalpunt', ['ja'], 41, { approx: true }),
  f(2022, 'signaleringsnetwerk', ['ja'], 64),
  f(2022, 'signaleringsnetwerk', ['nee'], 12.5, { scope: 'panel', count: 3, n: 24 }),
  f(2022, 'bestuurlijk_commitment', ['gemeenteraad'], 12),
  f(2022, 'bestuurlijk_commitment', ['wethouder'], 34),
  f(2022, 'bestuurlijk_commitment', ['uitvoeringsplan'], 43),
  f(2021, 'bestuurlijk_commitment', ['gemeenteraad'], 17),
  f(2021, 'bestuurlijk_commitment', ['wethouder'], 39),
  f(2021, 'bestuurlijk_commitment', ['uitvoeringsplan'], 43, { approx: true }),
  f(2022, 'financiering', ['eenmalig'], 13),
  f(2022, 'financiering', ['structureel'], 37),
  f(2022, 'financiering', ['coronasteun'], 36),
  f(2021, 'financiering', ['eenmalig'], 17),
  f(2021, 'financiering', ['structureel'], 23),
  f(2022, 'lokale_coalitie', coalition, 82),
  f(2022, 'lokale_coalitie', ['nee'], 16),
  f(2022, 'lokale_coalitie', ['initieren', 'verkennen'], 19, { approx: true }),
  f(2022, 'kartrekker', ['ja'], 71, { approx: true }),
  f(2021, 'kartrekker', ['ja'], 80),
  f(2022, 'huisbezoeken_75plus', ['ja_alle', 'ja_deel'], 75, { approx: true }),
  f(2021, 'huisbezoeken_75plus', ['ja_alle', 'ja_deel'], 75, { approx: true }),
  f(2022, 'best_practices', ['nee'], 7),
  f(2022, 'doelgroepen', ['ja'], 98.1, { item: 'ouderen', count: 157, n: 160 }),
  f(2022, 'doelgroepen', ['ja'], 89.2, { item: 'jongeren', count: 140, n: 157 }),
  f(2022, 'uitdagingen', ['duurzame_aanpak'], 68),
  f(2022, 'uitdagingen', ['sterk_netwerk'], 57),
  f(2022, 'uitdagingen', ['betrekken_doelgroep'], 49),
];
