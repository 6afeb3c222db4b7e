// Everything that must be in any database before use: schema (done by openDatabase),
// the CBS register with its population (data/population) and the questionnaires of every edition. Idempotent and quick when done.
import type { Db } from './db/client.ts';
import { loadDemo } from './modules/demo/index.ts';
import { seedEditions } from './modules/editions/index.ts';
import { loadShippedPopulation } from './modules/population/index.ts';
import { loadQuestionnaires } from './modules/questionnaire/index.ts';
import { loadRegister, readRegisterFiles } from './modules/register/index.ts';

export async function loadReferenceData(db: Db): Promise<void> {
  await loadRegister(db, readRegisterFiles());
  await loadShippedPopulation(db, new Date());
  await seedEditions(db, loadQuestionnaires().values());
}

/** An empty database (nobody invited, nothing answered) gets the demo data set unless DEMO=0. */
export async function loadDemoIfEmpty(db: Db, now: Date): Promise<boolean> {
  const row = await db.one<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM responses) AND NOT EXISTS (SELECT 1 FROM invitations) AS empty',
  );
  if (!row?.empty) return false;
  await loadDemo(db, { now });
  return true;
}
