// The questionnaire of an edition with its revision, the other editions (for lineage), and a checked
// workbook waiting in pending_uploads between its preview and "Toepassen" (the client holds only its id).
import type { Db } from '../../db/client.ts';
import type { Questionnaire } from '../questionnaire/index.ts';

const KIND = 'questionnaire-sheet';
const DAY = 24 * 3600_000;

export async function editionQuestionnaire(db: Db, year: number): Promise<{ questionnaire: Questionnaire; rev: number } | undefined> {
  return db.one<{ questionnaire: Questionnaire; rev: number }>('SELECT questionnaire, questionnaire_rev AS rev FROM editions WHERE year = $1', [year]);
}

export async function otherEditions(db: Db, year: number): Promise<Map<number, Questionnaire>> {
  const rows = await db.query<{ year: number; questionnaire: Questionnaire }>('SELECT year, questionnaire FROM editions WHERE year <> $1', [year]);
  return new Map(rows.map((r) => [r.year, r.questionnaire]));
}

/** What waits: the checked questionnaire and the revision it was compared with. */
export type PendingSheet = { year: number; rev: number; fileName: string; questionnaire: Questionnaire };

export async function savePending(db: Db, id: string, accountId: number, p: PendingSheet, now: Date): Promise<void> {
  await db.tx(async (tx) => {
    await tx.query('DELETE FROM pending_uploads WHERE kind = $1 AND created_at < $2', [KIND, new Date(now.getTime() - DAY)]);
    await tx.query('INSERT INTO pending_uploads (id, kind, file_name, content, account_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, KIND, p.fileName, Buffer.from(JSON.stringify(p)), accountId, now]);
  });
}

/** Takes the waiting workbook (only its own admin may, once, within a day); undefined when gone. */
export async function takePending(db: Db, id: string, accountId: number, year: number, now: Date): Promise<PendingSheet | undefined> {
  const row = await db.one<{ content: Buffer }>(
    'DELETE FROM pending_uploads WHERE id = $1 AND kind = $2 AND account_id = $3 AND created_at >= $4 RETURNING content',
    [id, KIND, accountId, new Date(now.getTime() - DAY)]);
  if (!row) return undefined;
  const p = JSON.parse(Buffer.from(row.content).toString('utf8')) as PendingSheet;
  return p.year === year ? p : undefined;
}
