// Gravendonck: the fictitious municipality of the report's example web report and factsheet
// (figures 1 and 2). Not in the CBS register, so it can never be invited or counted; its response
// is hand-written to be complete and plausible, a typical mid-sized municipality. It follows the
// newest published edition (example.ts): the same answers, carried along each question's lineage.
import { answerOptions, predecessorsOf, type Question, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Answer, Answers } from '../responses/answer.model.ts';
import type { DemoResponse } from './demo.model.ts';

export const EXAMPLE_MUNICIPALITY = {
  code: 'GM9999',
  name: 'Gravendonck',
  provinceCode: 'PV26',
  /** Shown next to the name wherever it appears: this is not a real municipality. */
  label: { nl: 'voorbeeldgemeente (fictief)', en: 'example municipality (fictitious)' },
} as const;

const ANSWERS: Answers = {
  week_tegen_eenzaamheid: {
    value: 'ja',
    comment: 'Samen met Welzijn Gravendonck zetten we in de Week tegen Eenzaamheid een wandelroute langs ontmoetingsplekken uit.',
  },
  communicatiemateriaal: { value: 'ja' },
  signaalpunt: { value: 'nee', comment: 'We onderzoeken met het sociaal wijkteam of een signaalpunt kan aansluiten bij het sociaal loket.' },
  signaleringsnetwerk: { value: 'ja' },
  inzet_producten: {
    items: {
      adviseurs: 'ingezet', toolkit_campagne: 'ingezet', toolkit_lokale_coalitie: 'ingezet', toolkit_huisbezoeken: 'bekend',
      toolkit_deskundigheid: 'bekend', toolkit_interventies: 'onbekend', databank_movisie: 'bekend',
    },
    comment: 'De adviseur heeft ons geholpen de lokale coalitie op te zetten.',
  },
  bestuurlijk_commitment: { value: 'wethouder' },
  financiering: { value: 'coronasteun' },
  lokale_coalitie: { value: 'bestendigen' },
  kartrekker: { value: 'ja' },
  samenstelling_coalitie: {
    items: {
      gemeente: 'kartrekker', welzijn: 'actief', zorg: 'actief', vrijwilligers: 'actief', ouderenbonden: 'actief',
      woningcorporaties: 'op_de_hoogte', huisartsen: 'op_de_hoogte', ggd: 'op_de_hoogte', bibliotheek: 'actief',
      levensbeschouwelijk: 'op_de_hoogte', cultuur_sport: 'op_de_hoogte', onderwijs: 'niet', ondernemers: 'niet',
      financiele_sector: 'niet', inwoners: 'actief',
    },
  },
  huisbezoeken_75plus: { value: 'ja_deel' },
  huisbezoeken_uitvoerders: { values: ['vrijwilligers', 'welzijn'] },
  betrekken_doelgroep: { value: 'activiteiten', comment: 'Deelnemers van de ontmoetingsplekken denken mee over het programma.' },
  best_practices: { values: ['adviseurs', 'movisie', 'andere_gemeenten'] },
  monitoring: {
    value: 'deels',
    comment: 'We volgen de GGD-gezondheidsmonitor per wijk; een eigen evaluatie van de activiteiten is in voorbereiding.',
  },
  doelgroepen: {
    items: {
      ouderen: 'ja', jongeren: 'ja', gezondheidsproblemen: 'ja', lage_ses: 'nee', mantelzorgers: 'ja',
      migratieachtergrond: 'nee', lhbtiq: 'nee',
    },
  },
  uitdagingen: {
    values: ['duurzame_aanpak', 'betrekken_doelgroep', 'betrekken_ondernemers', 'anders'],
    other: 'Het structureel borgen van de ontmoetingsplekken na afloop van de coronamiddelen',
    comment: 'Ondernemers zijn nog niet aangehaakt; daar willen we in 2023 mee aan de slag.',
  },
};

/** The hand-written answer to `q`: under its own key, or under a predecessor's with the codes mapped. */
function answerFor(q: Question): Answer | undefined {
  if (ANSWERS[q.key]) return structuredClone(ANSWERS[q.key]);
  for (const p of predecessorsOf(q)) {
    const a = ANSWERS[p.key];
    if (!a) continue;
    const map = (c: string) => (p.options ? p.options[c] : c);
    const out = structuredClone(a);
    if (out.value) out.value = map(out.value);
    if (out.values) out.values = out.values.map(map).filter((c): c is string => Boolean(c));
    if (out.items) out.items = Object.fromEntries(Object.entries(out.items).map(([k, v]) => [k, map(v)]).filter(([, v]) => v));
    return out;
  }
  return undefined;
}

/** Only codes the question has: a later questionnaire may have dropped an option or an item. */
function fitAnswer(q: Question, qn: Questionnaire, a: Answer): Answer | undefined {
  const options = answerOptions(q, qn);
  const codes = new Set(options.map((o) => o.code));
  const out: Answer = { ...a };
  if (q.type === 'single' && (!out.value || !codes.has(out.value))) return undefined;
  if (q.type === 'multi') {
    out.values = (out.values ?? []).filter((c) => codes.has(c));
    if (!out.values.length) return undefined;
  }
  if (q.type === 'matrix') {
    const items = new Set((q.items ?? []).map((i) => i.code));
    out.items = Object.fromEntries(Object.entries(out.items ?? {}).filter(([k, v]) => items.has(k) && codes.has(v)));
    if (!Object.keys(out.items).length) return undefined;
  }
  const chosen = q.type === 'single' ? [out.value] : (out.values ?? []);
  if (out.other && !options.some((o) => o.other && chosen.includes(o.code))) delete out.other;
  return out;
}

/** Gravendonck's answers to a questionnaire: every question it has a (fitting) answer for. */
export function exampleAnswers(qn: Questionnaire): Answers {
  const answers: Answers = {};
  for (const q of qn.questions) {
    const a = answerFor(q);
    const fitted = a && fitAnswer(q, qn, a);
    if (fitted) answers[q.key] = fitted;
  }
  return answers;
}

/**
 * The example response to an edition's questionnaire. Never submitted (status 'open', no
 * invitation, code outside the register), so statistics and response rates, which count submitted
 * responses, leave it out.
 */
export function gravendonckResponse(qn: Questionnaire, openedAt: Date): DemoResponse {
  const startedAt = new Date(openedAt.getTime() + 8 * 86_400_000 + 2 * 3_600_000);
  return {
    edition: qn.edition,
    municipality: EXAMPLE_MUNICIPALITY.code,
    status: 'open',
    firstOpenedAt: startedAt,
    startedAt,
    submittedAt: null,
    answers: exampleAnswers(qn),
  };
}
