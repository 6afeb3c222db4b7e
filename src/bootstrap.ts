// Everything that must be in any database before use: schema (done by openDatabase),
// the CBS register and the questionnaires of every edition. Idempotent and quick when done.
import type { Db } from './db/client.ts';
import { seedEditions } from './modules/editions/index.ts';
import { loadQuestionnaires } from './modules/questionnaire/index.ts';
import { loadRegister, readRegisterFiles } from './modules/register/index.ts';

export async function loadReferenceData(db: Db): Promise<void> {
  await loadRegister(db, readRegisterFiles());
  await seedEditions(db, loadQuestionnaires().values());
}
