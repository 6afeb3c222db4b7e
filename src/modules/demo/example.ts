// Gravendonck follows the newest published edition: its example report and factsheet show that
// edition. When an edition is published (the bureau's button or the CLI) and the demo is loaded,
// the example gets its answers to that edition's questionnaire, written as the demo writes them.
import type { Db } from '../../db/client.ts';
import type { Questionnaire } from '../questionnaire/questionnaire.model.ts';
import { EXAMPLE_MUNICIPALITY, gravendonckResponse } from './gravendonck.ts';
import { writeResponses } from './load.ts';

/** The edition the example shows: the newest published one in which Gravendonck has a response. */
export async function exampleEdition(db: Db): Promise<number | undefined> {
  const row = await db.one<{ year: number }>(
    `SELECT e.year FROM editions e
     WHERE e.published_at IS NOT NULL AND EXISTS (SELECT 1 FROM responses r WHERE r.edition = e.year AND r.municipality_code = $1)
     ORDER BY e.year DESC LIMIT 1`,
    [EXAMPLE_MUNICIPALITY.code],
  );
  return row?.year;
}

export async function isExampleOf(db: Db, edition: number, code: string): Promise<boolean> {
  return code === EXAMPLE_MUNICIPALITY.code && edition === (await exampleEdition(db));
}

/**
 * Gives the example its response in the newest published edition, when the demo is loaded (its
 * rows carry the demo's marker) and that edition has none yet. Without the demo there is no example.
 */
export async function ensureExampleResponse(db: Db): Promise<number | undefined> {
  return db.tx(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('een-tegen-eenzaamheid:demo'))`);
    return writeExample(tx);
  });
}

async function writeExample(db: Db): Promise<number | undefined> {
  const marker = await db.one<{ actor: string }>(`SELECT actor FROM answer_changes WHERE actor_kind = 'demo' ORDER BY id LIMIT 1`);
  if (!marker) return undefined;
  const e = await db.one<{ year: number; questionnaire: Questionnaire; at: Date }>(
    `SELECT year, questionnaire, COALESCE(opened_at, published_at) AS at FROM editions WHERE published_at IS NOT NULL ORDER BY year DESC LIMIT 1`,
  );
  if (!e) return undefined;
  const has = await db.one('SELECT 1 FROM responses WHERE edition = $1 AND municipality_code = $2', [e.year, EXAMPLE_MUNICIPALITY.code]);
  if (has) return undefined;
  await writeResponses(db, [gravendonckResponse(e.questionnaire, new Date(e.at))], marker.actor);
  return e.year;
}
