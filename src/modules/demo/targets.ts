// What each edition's answers must add up to. Figures the 2022 report publishes (see
// shared/reference/published-figures.yaml) are given as exact counts that round to the published
// percentage; the rest are plausible and follow the trends the report describes. Counts per
// question add up to that question's n; n below the number of respondents = deliberate skips.
import type { EditionTargets, Respondent } from './demo.model.ts';

/** Using the campaign material goes with taking part in the Week tegen Eenzaamheid. */
const weekFirst = (r: Respondent) => (r.answers.week_tegen_eenzaamheid?.value === 'ja' ? 0 : 1);
/** The report explains the lower kartrekker share by newcomers that have none yet. */
const newcomersLast = (r: Respondent) => (r.firstTime ? 0.6 : 0);

const inzet2020 = {
  adviseurs: [55, 35, 10], toolkit_campagne: [52, 36, 12], toolkit_lokale_coalitie: [25, 50, 25],
  toolkit_huisbezoeken: [18, 45, 37], toolkit_deskundigheid: [25, 48, 27], toolkit_interventies: [30, 45, 25],
  databank_movisie: [35, 38, 27],
};
// 2022 vs 2021: lokale coalitie and huisbezoeken used a bit more; Movisie, interventies and
// deskundigheid used 5–10 points less; Movisie and huisbezoeken 5–10 points better known.
const inzet2021 = {
  adviseurs: [62, 30, 8], toolkit_campagne: [58, 32, 10], toolkit_lokale_coalitie: [30, 50, 20],
  toolkit_huisbezoeken: [22, 48, 30], toolkit_deskundigheid: [28, 50, 22], toolkit_interventies: [33, 47, 20],
  databank_movisie: [38, 40, 22],
};
const inzet2022 = {
  adviseurs: [63, 30, 7], toolkit_campagne: [57, 34, 9], toolkit_lokale_coalitie: [35, 47, 18],
  toolkit_huisbezoeken: [27, 51, 22], toolkit_deskundigheid: [20, 50, 30], toolkit_interventies: [25, 48, 27],
  databank_movisie: [31, 55, 14],
};

/** kartrekker · actief · op de hoogte · niet: gemeente, welzijn and zorg carry the coalition. */
const coalition = {
  gemeente: [45, 45, 8, 2], welzijn: [40, 52, 6, 2], zorg: [5, 60, 28, 7], vrijwilligers: [3, 55, 32, 10],
  ouderenbonden: [2, 48, 38, 12], woningcorporaties: [1, 35, 44, 20], huisartsen: [1, 38, 41, 20],
  ggd: [2, 40, 43, 15], bibliotheek: [1, 42, 40, 17], levensbeschouwelijk: [1, 30, 44, 25],
  cultuur_sport: [1, 28, 46, 25], onderwijs: [0, 12, 45, 43], ondernemers: [0, 10, 44, 46],
  financiele_sector: [0, 5, 30, 65], inwoners: [2, 35, 40, 23],
};

const y2019: EditionTargets = {
  week_tegen_eenzaamheid: { counts: { ja: 54, nee: 10 }, panel: { ja: 24, nee: 0 } },
  communicatiemateriaal: { counts: { ja: 40, nee: 23 }, panel: { ja: 12, nee: 12 }, rank: weekFirst },
  signaalpunt: { counts: { ja: 22, nee: 41 }, panel: { ja: 6, nee: 18 } },
  signaleringsnetwerk: { counts: { ja: 37, nee: 26 }, panel: { ja: 15, nee: 9 } },
  bestuurlijk_commitment: { counts: { geen: 6, gemeenteraad: 12, wethouder: 24, uitvoeringsplan: 21 } },
  budget_status: { counts: { geen_budget: 38, eenmalig: 12, structureel: 8, anders: 4 } },
  lokale_coalitie: { counts: { nee: 18, initieren: 8, verkennen: 10, bestendigen: 25, weet_niet: 2 } },
  kartrekker: { counts: { ja: 32, nee: 10 }, rank: newcomersLast },
  huisbezoeken_75plus: {
    counts: { ja_alle: 18, ja_deel: 26, in_voorbereiding: 6, nee: 13 },
    panel: { ja_alle: 6, ja_deel: 8, in_voorbereiding: 4, nee: 6 },
  },
  huisbezoeken_uitvoerders: { n: 44, counts: { vrijwilligers: 35, welzijn: 30, gemeente: 20, sociaal_werk: 14, zorg: 9, anders: 3 } },
  betrekken_doelgroep: {
    counts: { beleid_en_activiteiten: 14, activiteiten: 24, beleid: 8, nee: 16 },
    panel: { beleid_en_activiteiten: 5, activiteiten: 9, beleid: 3, nee: 7 },
  },
  best_practices: { n: 62, counts: { adviseurs: 30, zonmw: 20, movisie: 34, andere_gemeenten: 30, anders: 4, nee: 6 } },
  monitoring: { counts: { ja: 31, deels: 22, nee: 9 }, panel: { ja: 12, deels: 9, nee: 3 } },
  uitdagingen: {
    n: 62,
    counts: { duurzame_aanpak: 40, sterk_netwerk: 34, betrekken_doelgroep: 30, betrekken_ondernemers: 20, signaleren: 16, monitoring: 18, bestuurlijk_commitment: 10, anders: 4 },
  },
};

const y2020: EditionTargets = {
  week_tegen_eenzaamheid: { counts: { ja: 86, nee: 14 }, panel: { ja: 24, nee: 0 } },
  communicatiemateriaal: { counts: { ja: 70, nee: 29 }, panel: { ja: 14, nee: 10 }, rank: weekFirst },
  signaalpunt: { counts: { ja: 38, nee: 61 }, panel: { ja: 8, nee: 16 } },
  signaleringsnetwerk: { counts: { ja: 60, nee: 39 }, panel: { ja: 17, nee: 7 } },
  inzet_producten: { n: 97, items: inzet2020 },
  bestuurlijk_commitment: { counts: { geen: 5, gemeenteraad: 18, wethouder: 38, uitvoeringsplan: 38 } },
  budget_status: { counts: { geen_budget: 55, eenmalig: 18, structureel: 17, anders: 8 } },
  lokale_coalitie: { counts: { nee: 22, initieren: 10, verkennen: 14, bestendigen: 50, weet_niet: 3 } },
  kartrekker: { counts: { ja: 56, nee: 17 }, rank: newcomersLast },
  huisbezoeken_75plus: {
    counts: { ja_alle: 30, ja_deel: 40, in_voorbereiding: 9, nee: 20 },
    panel: { ja_alle: 7, ja_deel: 9, in_voorbereiding: 3, nee: 5 },
  },
  huisbezoeken_uitvoerders: { n: 70, counts: { vrijwilligers: 56, welzijn: 48, gemeente: 30, sociaal_werk: 22, zorg: 15, anders: 4 } },
  betrekken_doelgroep: {
    counts: { beleid_en_activiteiten: 18, activiteiten: 35, beleid: 12, nee: 33 },
    panel: { beleid_en_activiteiten: 5, activiteiten: 8, beleid: 2, nee: 9 },
  },
  best_practices: { n: 98, counts: { adviseurs: 52, zonmw: 30, movisie: 55, andere_gemeenten: 48, anders: 6, nee: 9 } },
  monitoring: { counts: { ja: 43, deels: 40, nee: 15 }, panel: { ja: 10, deels: 10, nee: 4 } },
  uitdagingen: {
    n: 98,
    counts: { duurzame_aanpak: 66, sterk_netwerk: 52, betrekken_doelgroep: 48, betrekken_ondernemers: 35, signaleren: 28, monitoring: 30, bestuurlijk_commitment: 14, anders: 6 },
  },
};

const y2021: EditionTargets = {
  week_tegen_eenzaamheid: { counts: { ja: 104, nee: 11 }, panel: { ja: 24, nee: 0 } },
  communicatiemateriaal: { counts: { ja: 86, nee: 28 }, panel: { ja: 17, nee: 7 }, rank: weekFirst },
  signaalpunt: { counts: { ja: 47, nee: 68 }, panel: { ja: 10, nee: 14 } },
  signaleringsnetwerk: { counts: { ja: 72, nee: 42 }, panel: { ja: 19, nee: 5 } },
  inzet_producten: { n: 112, items: inzet2021 },
  bestuurlijk_commitment: { counts: { geen: 1, gemeenteraad: 19, wethouder: 44, uitvoeringsplan: 49 } },
  budget_status: { counts: { geen_budget: 56, eenmalig: 19, structureel: 26, anders: 11 } },
  lokale_coalitie: { counts: { nee: 20, initieren: 8, verkennen: 14, bestendigen: 70, weet_niet: 2 } },
  kartrekker: { counts: { ja: 72, nee: 18 }, rank: newcomersLast },
  samenstelling_coalitie: { n: 88, items: coalition },
  huisbezoeken_75plus: {
    counts: { ja_alle: 38, ja_deel: 48, in_voorbereiding: 10, nee: 18 },
    panel: { ja_alle: 8, ja_deel: 10, in_voorbereiding: 3, nee: 3 },
  },
  huisbezoeken_uitvoerders: { n: 85, counts: { vrijwilligers: 68, welzijn: 60, gemeente: 38, sociaal_werk: 29, zorg: 20, anders: 6 } },
  betrekken_doelgroep: {
    counts: { beleid_en_activiteiten: 18, activiteiten: 38, beleid: 14, nee: 43 },
    panel: { beleid_en_activiteiten: 4, activiteiten: 7, beleid: 2, nee: 11 },
  },
  best_practices: { n: 113, counts: { adviseurs: 66, zonmw: 35, movisie: 70, andere_gemeenten: 55, anders: 8, nee: 10 } },
  monitoring: { counts: { ja: 42, deels: 50, nee: 21 }, panel: { ja: 8, deels: 12, nee: 4 } },
  corona_aanpak: { counts: { geintensiveerd: 45, aangepast: 50, vertraagd: 12, geen_gevolgen: 5 } },
  uitdagingen: {
    n: 112,
    counts: { duurzame_aanpak: 74, sterk_netwerk: 58, betrekken_doelgroep: 55, betrekken_ondernemers: 40, signaleren: 30, monitoring: 35, bestuurlijk_commitment: 12, anders: 8 },
  },
};

const y2022: EditionTargets = {
  week_tegen_eenzaamheid: { counts: { ja: 146, nee: 16 }, panel: { ja: 24, nee: 0 } },
  communicatiemateriaal: { counts: { ja: 101, nee: 59 }, panel: { ja: 19, nee: 5 }, rank: weekFirst },
  signaalpunt: { counts: { ja: 64, nee: 97 }, panel: { ja: 12, nee: 12 } },
  signaleringsnetwerk: { counts: { ja: 103, nee: 58 }, panel: { ja: 21, nee: 3 } },
  inzet_producten: { n: 158, items: inzet2022, itemSkip: { toolkit_interventies: 2, databank_movisie: 1 } },
  bestuurlijk_commitment: { counts: { geen: 18, gemeenteraad: 19, wethouder: 54, uitvoeringsplan: 68 } },
  financiering: { counts: { geen_budget: 15, eenmalig: 21, structureel: 58, coronasteun: 57, anders: 7 } },
  lokale_coalitie: { counts: { nee: 26, initieren: 13, verkennen: 18, bestendigen: 101, weet_niet: 3 } },
  kartrekker: { counts: { ja: 93, nee: 38 }, rank: newcomersLast },
  samenstelling_coalitie: { n: 128, items: coalition, itemSkip: { levensbeschouwelijk: 3, financiele_sector: 4, inwoners: 2 } },
  huisbezoeken_75plus: {
    counts: { ja_alle: 52, ja_deel: 68, in_voorbereiding: 12, nee: 28 },
    panel: { ja_alle: 9, ja_deel: 11, in_voorbereiding: 2, nee: 2 },
  },
  huisbezoeken_uitvoerders: { n: 118, counts: { vrijwilligers: 96, welzijn: 85, gemeente: 52, sociaal_werk: 40, zorg: 27, anders: 9 } },
  betrekken_doelgroep: {
    counts: { beleid_en_activiteiten: 20, activiteiten: 48, beleid: 14, nee: 76 },
    panel: { beleid_en_activiteiten: 3, activiteiten: 6, beleid: 2, nee: 13 },
  },
  best_practices: { n: 160, counts: { adviseurs: 98, zonmw: 45, movisie: 92, andere_gemeenten: 80, anders: 14, nee: 11 } },
  monitoring: { counts: { ja: 65, deels: 66, nee: 28 }, panel: { ja: 11, deels: 10, nee: 3 } },
  doelgroepen: {
    n: 160,
    items: {
      ouderen: { ja: 157, nee: 3 }, jongeren: { ja: 140, nee: 17 }, gezondheidsproblemen: [82, 18], lage_ses: [76, 24],
      mantelzorgers: [68, 32], migratieachtergrond: [42, 58], lhbtiq: [31, 69],
    },
    itemSkip: { gezondheidsproblemen: 4, lage_ses: 5, mantelzorgers: 4, migratieachtergrond: 6, lhbtiq: 7 },
  },
  uitdagingen: {
    n: 158,
    counts: { duurzame_aanpak: 107, sterk_netwerk: 90, betrekken_doelgroep: 77, betrekken_ondernemers: 60, signaleren: 35, monitoring: 48, bestuurlijk_commitment: 14, anders: 12 },
  },
};

export const TARGETS: Readonly<Record<number, EditionTargets>> = { 2019: y2019, 2020: y2020, 2021: y2021, 2022: y2022 };
