// Changing an edition's questionnaire. Once a municipality has answered, the answers belong to
// these questions: every change is refused here (whatever page or command asks for it).
import type { Db } from '../../db/client.ts';
import { type Questionnaire, QuestionnaireError, validateLineage, validateQuestionnaire } from '../questionnaire/index.ts';

export class QuestionnaireLockedError extends Error {
  constructor(readonly municipalities: number) {
    super(`De vragenlijst heeft al antwoorden van ${municipalities} gemeente(n)`);
    this.name = 'QuestionnaireLockedError';
  }
}

/** Someone else changed the questionnaire since the page (or preview) this change was made on. */
export class QuestionnaireConflictError extends Error {
  constructor(readonly expected: number, readonly actual: number) {
    super(`De vragenlijst is intussen gewijzigd (versie ${actual}, deze wijziging ging uit van versie ${expected})`);
    this.name = 'QuestionnaireConflictError';
  }
}

/** Municipalities with at least one answer saved (also an answer cleared again: its history names the question). */
export async function answeredMunicipalities(db: Db, year: number): Promise<number> {
  const row = await db.one<{ n: number }>(
    `SELECT count(DISTINCT r.municipality_code)::int AS n FROM responses r
     WHERE r.edition = $1 AND EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id)`,
    [year],
  );
  return row?.n ?? 0;
}

export type QuestionnaireChange = (current: Questionnaire) => unknown;

/**
 * Replaces the questionnaire of `year` with `change(current)` after checking it as a definition
 * file (`label` names it in the problems), its edition and its lineage with the other editions.
 * Throws QuestionnaireLockedError when the edition has answers, QuestionnaireError when invalid,
 * QuestionnaireConflictError when `expectedRev` is given and the stored revision differs (a change
 * made on an older copy never silently overwrites a colleague's).
 * The trigger bumps questionnaire_rev, so every app instance drops its cached copy.
 */
export async function changeQuestionnaire(db: Db, year: number, change: QuestionnaireChange, label = `${year}.json`, expectedRev?: number): Promise<{ rev: number }> {
  return db.tx(async (tx) => {
    const row = await tx.one<{ questionnaire: Questionnaire; rev: number }>(
      'SELECT questionnaire, questionnaire_rev AS rev FROM editions WHERE year = $1 FOR UPDATE', [year]);
    if (!row) throw new Error(`Editie ${year} bestaat niet`);
    if (expectedRev !== undefined && row.rev !== expectedRev) throw new QuestionnaireConflictError(expectedRev, row.rev);
    // Lock the edition's responses: a save in progress finishes first (and is counted) or waits for us.
    await tx.query('SELECT id FROM responses WHERE edition = $1 FOR SHARE', [year]);
    const answered = await answeredMunicipalities(tx, year);
    if (answered > 0) throw new QuestionnaireLockedError(answered);
    const qn = validateQuestionnaire(change(row.questionnaire), label);
    if (qn.edition !== year) throw new QuestionnaireError([`${label}: edition: editie ${qn.edition} past niet bij editie ${year}`]);
    const others = await tx.query<{ year: number; questionnaire: Questionnaire }>('SELECT year, questionnaire FROM editions WHERE year <> $1', [year]);
    const byEdition = new Map<number, Questionnaire>(others.map((o) => [o.year, o.questionnaire]));
    byEdition.set(year, qn);
    validateLineage(byEdition, (e) => (e === year ? label : `editie ${e}`));
    const saved = await tx.one<{ rev: number }>(
      'UPDATE editions SET questionnaire = $2 WHERE year = $1 RETURNING questionnaire_rev AS rev',
      [year, JSON.stringify(qn)],
    );
    return { rev: saved?.rev ?? 0 };
  });
}

/** What the questionnaire editor works on: the edition's questionnaire, its revision, whether it has answers, the other editions. */
export type EditorState = { year: number; qn: Questionnaire; rev: number; answered: number; others: Questionnaire[] };

export async function editorState(db: Db, year: number): Promise<EditorState | undefined> {
  const rows = await db.query<{ year: number; questionnaire: Questionnaire; rev: number }>(
    'SELECT year, questionnaire, questionnaire_rev AS rev FROM editions ORDER BY year');
  const own = rows.find((r) => r.year === year);
  if (!own) return undefined;
  return {
    year, qn: own.questionnaire, rev: own.rev, answered: await answeredMunicipalities(db, year),
    others: rows.filter((r) => r.year !== year).map((r) => r.questionnaire),
  };
}
