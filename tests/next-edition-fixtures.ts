// The history of the next-edition tests: 2022 answered by six municipalities (GM0014 Groningen, the
// rest Utrecht) to the three questions the 2025 edition renames and merges, and a way to store
// submitted answers directly (the history is not what these tests are about).
import type { Db } from '../src/db/client.ts';
import type { Answers } from '../src/modules/responses/answer.model.ts';

export const A2022: Array<[string, Answers]> = [
  ['GM0014', { week_tegen_eenzaamheid: { value: 'ja' }, communicatiemateriaal: { value: 'ja' }, signaalpunt: { value: 'ja' } }],
  ['GM0344', { week_tegen_eenzaamheid: { value: 'ja' }, communicatiemateriaal: { value: 'nee' }, signaalpunt: { value: 'nee' } }],
  ['GM0307', { week_tegen_eenzaamheid: { value: 'nee' }, communicatiemateriaal: { value: 'nee' }, signaalpunt: { value: 'ja' } }],
  ['GM0353', { week_tegen_eenzaamheid: { value: 'ja' }, communicatiemateriaal: { value: 'ja' }, signaalpunt: { value: 'ja' } }],
  ['GM0356', { week_tegen_eenzaamheid: { value: 'nee' }, communicatiemateriaal: { value: 'ja' }, signaalpunt: { value: 'nee' } }],
  ['GM0321', { signaalpunt: { value: 'ja' } }],
];
// By hand, week_tegen_eenzaamheid + communicatiemateriaal merged (ja → meedoen / materiaal, nee →
// geen): GM0014 meedoen+materiaal; GM0344 meedoen ("geen" dropped beside it); GM0307 geen; GM0353
// meedoen+materiaal; GM0356 materiaal; GM0321 nothing → n 5: meedoen 3, materiaal 3, geen 1.
// signaalpunt: ja 4, nee 2 of 6.

/** Stores each municipality's answers as a submitted response of `edition`. */
export async function storeSubmitted(db: Db, edition: number, answers: Array<[string, Answers]>, at: Date): Promise<void> {
  for (const [code, a] of answers) {
    const r = await db.one<{ id: number }>(
      `INSERT INTO responses (edition, municipality_code, status, started_at, submitted_at) VALUES ($1, $2, 'submitted', $3, $3) RETURNING id`,
      [edition, code, at],
    );
    for (const [question, answer] of Object.entries(a)) {
      await db.query('INSERT INTO answers (response_id, question, answer) VALUES ($1, $2, $3)', [r?.id, question, JSON.stringify(answer)]);
    }
  }
}
