// Editions (years): questionnaire, register year and fieldwork dates.
import type { Db } from '../../db/client.ts';
import { carryReportRules, needsReportRules, validateQuestionnaire } from '../questionnaire/index.ts';
import type { Questionnaire } from '../questionnaire/questionnaire.model.ts';

export type Edition = {
  year: number;
  registerYear: number;
  questionnaire: Questionnaire;
  opensOn: string | null;
  closesOn: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
  publishedAt: Date | null;
};

export type EditionState = 'draft' | 'open' | 'closed' | 'published';

const columns = `year, register_year AS "registerYear", questionnaire,
  to_char(opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(closes_on, 'YYYY-MM-DD') AS "closesOn",
  opened_at AS "openedAt", closed_at AS "closedAt", published_at AS "publishedAt"`;

/**
 * Adds the editions whose questionnaire files are new; existing editions keep their (possibly
 * adjusted) questionnaire, but one stored before questionnaires carried their report rules gets
 * them from the shipped file of its edition (or, for an edition made in the product, the newest).
 */
export async function seedEditions(db: Db, questionnaires: Iterable<Questionnaire>): Promise<void> {
  const shipped = [...questionnaires].sort((a, b) => a.edition - b.edition);
  for (const q of shipped) {
    await db.query(
      `INSERT INTO editions (year, register_year, questionnaire) VALUES ($1, $1, $2) ON CONFLICT (year) DO NOTHING`,
      [q.edition, JSON.stringify(q)],
    );
  }
  const stored = await db.query<{ year: number; questionnaire: Questionnaire }>(
    `SELECT year, questionnaire FROM editions WHERE NOT (questionnaire ? 'keyResults')`,
  );
  for (const e of stored) {
    const from = shipped.find((q) => q.edition === e.year) ?? shipped.filter((q) => q.edition <= e.year).at(-1) ?? shipped.at(-1);
    if (!from || !needsReportRules(e.questionnaire)) continue;
    let upgraded: Questionnaire;
    try {
      upgraded = validateQuestionnaire(carryReportRules(from, e.questionnaire), `editie ${e.year}`);
    } catch {
      upgraded = { ...e.questionnaire, keyResults: [] }; // rules that do not fit: the bureau sets them in the editor
    }
    await db.query(`UPDATE editions SET questionnaire = $2 WHERE year = $1 AND NOT (questionnaire ? 'keyResults')`, [e.year, JSON.stringify(upgraded)]);
  }
}

export async function getEdition(db: Db, year: number): Promise<Edition | undefined> {
  return db.one<Edition>(`SELECT ${columns} FROM editions WHERE year = $1`, [year]);
}

export async function listEditions(db: Db): Promise<Edition[]> {
  return db.query<Edition>(`SELECT ${columns} FROM editions ORDER BY year`);
}

/** The last day of answering is closes_on itself (Dutch time is close enough at day level). */
export function editionState(e: Pick<Edition, 'publishedAt' | 'closedAt' | 'openedAt' | 'closesOn'>, now: Date): EditionState {
  if (e.publishedAt) return 'published';
  if (e.closedAt) return 'closed';
  if (!e.openedAt) return 'draft';
  if (e.closesOn && now.toISOString().slice(0, 10) > e.closesOn) return 'closed';
  return 'open';
}

export async function openEdition(db: Db, year: number, closesOn: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE editions SET opened_at = COALESCE(opened_at, $2), opens_on = COALESCE(opens_on, $2::date),
       closes_on = $3, closed_at = NULL, published_at = NULL WHERE year = $1`,
    [year, now, closesOn],
  );
}

export async function closeEdition(db: Db, year: number, now: Date): Promise<void> {
  await db.query(`UPDATE editions SET closed_at = COALESCE(closed_at, $2) WHERE year = $1`, [year, now]);
}

export async function publishEdition(db: Db, year: number, now: Date): Promise<void> {
  await db.query(
    `UPDATE editions SET closed_at = COALESCE(closed_at, $2), published_at = COALESCE(published_at, $2) WHERE year = $1`,
    [year, now],
  );
}
