// Dutch toelichtingen and "Anders, namelijk" texts, so the demo's web reports and exports show
// what real officials write. Picked per answer, so a text never contradicts the choice it explains.
import { answerOptions, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Answer } from '../responses/answer.model.ts';
import type { Respondent } from './demo.model.ts';
import { pickOne, type Rng, shuffle } from './rng.ts';

/** question → (chosen code, or '*' for any) → texts */
const COMMENTS: Record<string, Record<string, string[]>> = {
  week_tegen_eenzaamheid: {
    ja: [
      'Samen met de bibliotheek organiseren we in de Week tegen Eenzaamheid een reeks ontmoetingsactiviteiten.',
      'De welzijnsorganisatie coördineert de activiteiten; de gemeente ondersteunt met communicatie.',
      'Elk jaar een aftrap met de wethouder en de partners uit de lokale coalitie.',
      'De meeste activiteiten vinden plaats in de dorpshuizen, gedragen door vrijwilligers.',
    ],
    nee: [
      'Wij organiseren liever activiteiten verspreid over het hele jaar dan in één week.',
      'Door beperkte capaciteit dit jaar niet aangesloten; volgend jaar willen we wel meedoen.',
      'De welzijnsorganisatie doet mee, de gemeente zelf niet.',
    ],
  },
  signaalpunt: {
    ja: [
      'Het signaalpunt is ondergebracht bij het sociaal wijkteam en op werkdagen telefonisch bereikbaar.',
      'Inwoners kunnen zorgen melden via het sociaal loket en een formulier op de gemeentelijke website.',
      'Via een lokaal telefoonnummer van de welzijnsorganisatie, doorverbonden met de Luisterlijn buiten kantoortijd.',
    ],
    nee: [
      'Signalen komen binnen via het wijkteam en de huisartsen; een apart signaalpunt is er niet.',
      'We onderzoeken of een signaalpunt kan aansluiten bij het sociaal loket.',
    ],
  },
  inzet_producten: {
    '*': [
      'De toolkits worden vooral door de welzijnsorganisatie ingezet, niet door de gemeente zelf.',
      'Goede ervaringen met de adviseur bij het opzetten van de lokale coalitie.',
      'Het campagnemateriaal gebruiken we jaarlijks in de Week tegen Eenzaamheid.',
      'We kennen de databank van Movisie, maar werken vooral met eigen lokale interventies.',
    ],
  },
  betrekken_doelgroep: {
    nee: [
      'Lastig: mensen die eenzaam zijn, zijn moeilijk te bereiken.',
      'We willen dit oppakken in het nieuwe uitvoeringsplan.',
    ],
    '*': [
      'Ervaringsdeskundigen denken mee in de werkgroep eenzaamheid.',
      'Via de adviesraad sociaal domein en bijeenkomsten met ouderen in de wijk.',
      'Bij het ontwikkelen van activiteiten vragen we deelnemers zelf om ideeën.',
    ],
  },
  monitoring: {
    nee: ['Hier is nu geen capaciteit voor.', 'We willen in het nieuwe uitvoeringsplan afspraken maken over monitoring.'],
    '*': [
      'Jaarlijkse evaluatie met de welzijnsorganisatie aan de hand van de prestatieafspraken.',
      'Iedere twee maanden bespreken we de voortgang met de kernpartners.',
      'We evalueren projectmatig: elk project heeft een eigen evaluatie.',
      'De welzijnsorganisatie rapporteert ieder halfjaar over bereik en resultaten.',
      'We zetten samen met de lokale coalitie een eigen monitor op.',
    ],
  },
  corona_aanpak: {
    '*': [
      'Tijdens de lockdowns zijn belrondes en brievenacties opgezet.',
      'Activiteiten zijn naar buiten of online verplaatst.',
      'Door corona is het opzetten van de lokale coalitie vertraagd.',
    ],
  },
  uitdagingen: {
    '*': [
      'Het structureel borgen van wat we de afgelopen jaren hebben opgezet.',
      'De capaciteit bij de welzijnsorganisatie is beperkt.',
      'Het bereiken van inwoners die niet zelf aan de bel trekken.',
    ],
  },
};

/** Monitoring comments naming the GGD-gezondheidsmonitor; the 2022 report counts thirteen. */
const GGD_MONITOR = [
  'We gebruiken de vierjaarlijkse GGD-gezondheidsmonitor om de ontwikkeling per wijk te volgen.',
  'De cijfers uit de GGD-gezondheidsmonitor zijn ons vertrekpunt; daarnaast evalueren we per activiteit.',
  'Monitoring via de GGD-gezondheidsmonitor; tussentijds bespreken we de voortgang met de coalitie.',
  'Naast de GGD-monitor houden we tevredenheidsonderzoeken bij deelnemers van activiteiten.',
  'De GGD-gezondheidsmonitor Volwassenen en Ouderen geeft ons het beeld per kern.',
];
export const GGD_MONITOR_COMMENTS_2022 = 13;

const OTHER: Record<string, string[]> = {
  budget_status: [
    'Budget loopt via de subsidie aan de welzijnsorganisatie.',
    'Onderdeel van het algemene preventiebudget in het sociaal domein.',
  ],
  financiering: [
    'Budget loopt via de subsidie aan de welzijnsorganisatie.',
    'Onderdeel van het algemene preventiebudget in het sociaal domein.',
    'Middelen uit het lokale preventieakkoord.',
  ],
  huisbezoeken_uitvoerders: [
    'Vrijwillige ouderenadviseurs van de ouderenbond',
    'Praktijkondersteuners van de huisarts',
    'Medewerkers van de woningcorporatie',
  ],
  best_practices: ['Ervaringen uit het regionale netwerk eenzaamheid', 'Publicaties van Platform31 en de Coalitie Erbij'],
  uitdagingen: [
    'Het structureel borgen van wat er is opgezet',
    'Borgen van de aanpak na afloop van de projectsubsidie',
    'Structurele financiering als de coronamiddelen stoppen',
  ],
};

function chosenCodes(a: Answer): string[] {
  return a.value ? [a.value] : (a.values ?? []);
}

function commentFor(question: string, a: Answer, rng: Rng): string | undefined {
  const pools = COMMENTS[question];
  if (!pools) return undefined;
  const pool = chosenCodes(a).map((c) => pools[c]).find(Boolean) ?? pools['*'];
  return pool ? pickOne(rng, pool) : undefined;
}

/** Adds the "anders" texts every answer needs, and toelichtingen to about one answer in five. */
export function addTexts(qn: Questionnaire, respondents: Respondent[], rng: Rng): void {
  for (const q of qn.questions) {
    const other = q.type === 'matrix' ? undefined : answerOptions(q, qn).find((o) => o.other);
    const answered = respondents.filter((r) => r.answers[q.key]);
    for (const r of answered) {
      const a = r.answers[q.key];
      if (other && chosenCodes(a).includes(other.code)) a.other = pickOne(rng, OTHER[q.key] ?? ['Via een regionaal samenwerkingsverband']);
    }
    if (!q.comment) continue;
    const writers = shuffle(rng, answered);
    if (q.key === 'monitoring' && qn.edition === 2022) {
      // Exactly thirteen name the GGD-monitor; it is a monitoring instrument, so only ja/deels.
      const monitoring = writers.filter((r) => r.answers[q.key].value !== 'nee');
      for (let i = 0; i < GGD_MONITOR_COMMENTS_2022; i++) monitoring[i].answers[q.key].comment = GGD_MONITOR[i % GGD_MONITOR.length];
    }
    for (const r of writers.slice(0, Math.round(answered.length / 5))) {
      const a = r.answers[q.key];
      if (a.comment) continue;
      const text = commentFor(q.key, a, rng);
      if (text) a.comment = text;
    }
  }
}
