// A database made before questionnaires carried their report rules (status per option, short
// labels, challenge subjects, key results) gets them from the shipped files when it starts, so the
// factsheet and the national summary keep working after an update; nothing else changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../src/bootstrap.ts';
import type { Db } from '../src/db/client.ts';
import { getEdition } from '../src/modules/editions/index.ts';
import { loadQuestionnaires, type Questionnaire } from '../src/modules/questionnaire/index.ts';
import { createTestDb } from './test-db.ts';

/** The questionnaire as version one stored it. */
function withoutRules(qn: Questionnaire): Questionnaire {
  const bare = structuredClone(qn);
  delete bare.keyResults;
  for (const options of [...Object.values(bare.scales), ...bare.questions.map((q) => q.options ?? [])]) {
    for (const o of options) {
      delete o.short;
      delete o.status;
      delete o.about;
    }
  }
  for (const q of bare.questions) delete q.short;
  return bare;
}

describe('questionnaires stored before the report rules', () => {
  let db: Db;
  const shipped = loadQuestionnaires();
  beforeAll(async () => {
    db = await createTestDb();
    await db.query('UPDATE editions SET questionnaire = $2 WHERE year = $1', [2022, JSON.stringify(withoutRules(shipped.get(2022)!))]);
    // an edition the bureau made in the product (no shipped file): rules of the newest shipped edition
    const made = { ...withoutRules(shipped.get(2023)!), edition: 2024 };
    await db.query('INSERT INTO editions (year, register_year, questionnaire) VALUES (2024, 2024, $1)', [JSON.stringify(made)]);
  }, 60_000);
  afterAll(() => db?.close());

  it('get them at start-up, once', async () => {
    expect((await getEdition(db, 2022))!.questionnaire.keyResults).toBeUndefined();
    await loadReferenceData(db);
    expect((await getEdition(db, 2022))!.questionnaire).toEqual(shipped.get(2022));
    const made = (await getEdition(db, 2024))!.questionnaire;
    expect(made).toEqual({ ...shipped.get(2023), edition: 2024 });
    const rev = await db.one<{ rev: number }>('SELECT questionnaire_rev AS rev FROM editions WHERE year = 2022');
    await loadReferenceData(db);
    expect(await db.one<{ rev: number }>('SELECT questionnaire_rev AS rev FROM editions WHERE year = 2022')).toEqual(rev);
  });

  it('an edition the bureau already adjusted keeps its own rules', async () => {
    const own = structuredClone(shipped.get(2023)!);
    own.keyResults = [];
    await db.query('UPDATE editions SET questionnaire = $1 WHERE year = 2023', [JSON.stringify(own)]);
    await loadReferenceData(db);
    expect((await getEdition(db, 2023))!.questionnaire.keyResults).toEqual([]);
  });
});
