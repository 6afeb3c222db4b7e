// A small data set for the report text tests: 2021 (8 respondents, published) and 2022 (12,
// closed; Groningen alone in its province), 8 of 11 say ja to week_tegen_eenzaamheid in 2022.
import type { Db } from '../src/db/client.ts';
import { closeEdition, publishEdition } from '../src/modules/editions/index.ts';
import type { Answers } from '../src/modules/responses/answer.model.ts';

const week = (v: string, comment?: string): Answers => ({ week_tegen_eenzaamheid: comment ? { value: v, comment } : { value: v } });
// Four explanations, three of which name the GGD monitor (the e2e test codes those three).
export const R2022: Array<[string, Answers]> = [
  ['GM0014', week('nee', 'Wij sluiten aan bij de GGD-monitor en doen daarom niet mee.')],
  ['GM0344', { ...week('ja', 'De cijfers uit de GGD-monitor waren de aanleiding.'), doelgroepen: { items: { ouderen: 'ja', jongeren: 'nee' } } }],
  ['GM0307', week('ja', 'Samen met de bibliotheek.')],
  ['GM0353', week('ja', 'Volgens de GGD monitor is eenzaamheid hier hoog.')], ['GM0356', week('ja')], ['GM0321', week('nee')], ['GM0340', { signaalpunt: { value: 'ja' } }], ['GM0363', week('ja')],
  ['GM0392', week('ja')], ['GM0361', week('ja')], ['GM0362', week('ja')], ['GM0394', week('nee')],
];
export const R2021: Array<[string, Answers]> = [
  ['GM0344', week('ja')], ['GM0307', week('ja')], ['GM0363', week('ja')], ['GM0392', week('nee')],
  ['GM0358', week('ja')], ['GM0310', week('ja')], ['GM0312', week('nee')], ['GM0313', week('nee')],
];

async function respond(db: Db, edition: number, code: string, answers: Answers): Promise<void> {
  const r = await db.one<{ id: number }>(
    `INSERT INTO responses (edition, municipality_code, status, submitted_at) VALUES ($1, $2, 'submitted', $3) RETURNING id`,
    [edition, code, new Date(`${edition}-10-15T12:00:00Z`)],
  );
  for (const [question, answer] of Object.entries(answers)) {
    await db.query('INSERT INTO answers (response_id, question, answer) VALUES ($1, $2, $3)', [r?.id, question, JSON.stringify(answer)]);
  }
}

/** 2021 published, 2022 closed (ready to publish); 12 of 16 invited municipalities responded in 2022. */
export async function seedReportTextData(db: Db, now: Date): Promise<void> {
  for (const [code, answers] of R2022) await respond(db, 2022, code, answers);
  for (const [code, answers] of R2021) await respond(db, 2021, code, answers);
  await db.query('INSERT INTO invitations (edition, municipality_code) SELECT $1, unnest($2::text[])', [2022, [...R2022.map(([c]) => c), 'GM0037', 'GM0047', 'GM0308', 'GM0327']]);
  await publishEdition(db, 2021, now);
  await closeEdition(db, 2022, now);
}
