// The demo data set, from a seed: pure (no I/O, no clock), so a seed always gives the same set
// and tests can check every published figure without a database.
import type { Answers } from '../responses/answer.model.ts';
import { assignEdition } from './answers.ts';
import type { DemoDataSet, DemoInput, DemoResponse, Respondent } from './demo.model.ts';
import { gravendonckResponse } from './gravendonck.ts';
import { DEMO_EDITIONS, selectMunicipalities } from './municipalities.ts';
import { fork } from './rng.ts';
import { TARGETS } from './targets.ts';
import { addTexts } from './texts.ts';
import { demoEdition, invitedAt, responseTimes } from './timeline.ts';

export const DEFAULT_SEED = 2022;

export function generateDemo(input: DemoInput, seed = DEFAULT_SEED): DemoDataSet {
  const selection = selectMunicipalities(seed, input.municipalities, input.mergers);
  const panel = new Set(selection.panel);
  const editions = DEMO_EDITIONS.map(demoEdition);
  const invitations: DemoDataSet['invitations'] = [];
  const responses: DemoResponse[] = [];
  const seen = new Set<string>();
  for (const edition of editions) {
    const year = edition.year;
    const qn = input.questionnaires.get(year);
    if (!qn) throw new Error(`Demo: geen vragenlijst voor editie ${year}`);
    for (const code of selection.invited.get(year) ?? []) invitations.push({ edition: year, municipality: code, createdAt: invitedAt(edition) });

    const respondents: Respondent[] = (selection.responded.get(year) ?? []).map((code) => ({
      code,
      panel: panel.has(code),
      firstTime: !seen.has(code),
      answers: {} as Answers,
    }));
    for (const r of respondents) seen.add(r.code);
    assignEdition(qn, respondents, TARGETS[year] ?? {}, fork(seed, `answers-${year}`));
    addTexts(qn, respondents, fork(seed, `texts-${year}`));

    const clock = fork(seed, `times-${year}`);
    for (const r of respondents) {
      responses.push({ edition: year, municipality: r.code, status: 'submitted', ...responseTimes(edition, clock), answers: r.answers });
    }
  }
  // The example follows the newest published edition: the demo's last (example.ts moves it on later).
  const exampleEdition = editions[editions.length - 1];
  const exampleQn = input.questionnaires.get(exampleEdition.year);
  if (!exampleQn) throw new Error(`Demo: geen vragenlijst voor editie ${exampleEdition.year}`);
  return {
    seed,
    editions,
    invitations,
    responses,
    panel: selection.panel,
    example: gravendonckResponse(exampleQn, exampleEdition.openedAt),
  };
}
