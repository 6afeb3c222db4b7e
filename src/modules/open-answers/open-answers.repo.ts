// The codes, their assignments to texts, and the texts themselves (from submitted responses, with
// the municipality's name and province of the edition's register).
import type { Db } from '../../db/client.ts';
import { listSubmittedResponses, type SubmittedAnswers } from '../responses/submitted.ts';
import type { Assignment, Code, TextPart } from './open-answers.model.ts';

export async function listCodes(db: Db): Promise<Code[]> {
  return db.query<Code>('SELECT id::int AS id, slug, label, description FROM answer_codes ORDER BY lower(label), id');
}

export class CodeTakenError extends Error {}

export async function createCode(db: Db, code: Omit<Code, 'id'>, accountId: number, now: Date): Promise<void> {
  try {
    await db.query('INSERT INTO answer_codes (slug, label, description, created_at, created_by) VALUES ($1, $2, $3, $4, $5)',
      [code.slug, code.label, code.description, now, accountId]);
  } catch (e) {
    // 23505: a colleague made the same code a moment ago.
    if ((e as { code?: string }).code === '23505') throw new CodeTakenError(code.slug);
    throw e;
  }
}

export async function deleteCode(db: Db, slug: string): Promise<boolean> {
  return (await db.query('DELETE FROM answer_codes WHERE slug = $1 RETURNING id', [slug])).length > 0;
}

/** Every assignment to a text of a response that is (still) submitted. */
export async function listAssignments(db: Db, editions?: number[]): Promise<Assignment[]> {
  return db.query<Assignment>(
    `SELECT a.code_id::int AS "codeId", a.edition, a.municipality_code AS municipality, a.question, a.part
       FROM answer_code_assignments a
       JOIN responses r ON r.edition = a.edition AND r.municipality_code = a.municipality_code AND r.submitted_at IS NOT NULL
      WHERE $1::int[] IS NULL OR a.edition = ANY($1)`,
    [editions ?? null],
  );
}

/** Adds and removes codes on one text, in one transaction; codes that no longer exist are skipped. */
export async function applyCoding(db: Db, text: Omit<Assignment, 'codeId'>, change: { add: number[]; remove: number[] }, accountId: number, now: Date): Promise<void> {
  await db.tx(async (tx) => {
    if (change.remove.length) {
      await tx.query(
        'DELETE FROM answer_code_assignments WHERE edition = $1 AND municipality_code = $2 AND question = $3 AND part = $4 AND code_id = ANY($5::bigint[])',
        [text.edition, text.municipality, text.question, text.part, change.remove],
      );
    }
    if (change.add.length) {
      await tx.query(
        `INSERT INTO answer_code_assignments (code_id, edition, municipality_code, question, part, assigned_at, assigned_by)
         SELECT c.id, $1, $2, $3, $4, $5, $6 FROM answer_codes c WHERE c.id = ANY($7::bigint[])
         ON CONFLICT DO NOTHING`,
        [text.edition, text.municipality, text.question, text.part, now, accountId, change.add],
      );
    }
  });
}

export type TextSource = {
  responses: SubmittedAnswers[];
  register: (edition: number, code: string) => { name: string; province: string } | undefined;
  provinces: string[];
};

/** The submitted responses of `editions` and, per edition, its register's names and provinces. */
export async function textSource(db: Db, editions: number[]): Promise<TextSource> {
  const [responses, names] = await Promise.all([
    listSubmittedResponses(db, editions),
    db.query<{ edition: number; code: string; name: string; province: string }>(
      `SELECT e.year AS edition, m.code, m.name, p.name AS province
         FROM editions e JOIN municipalities m ON m.year = e.register_year JOIN provinces p ON p.code = m.province_code
        WHERE e.year = ANY($1)`, [editions]),
  ]);
  const byKey = new Map(names.map((n) => [`${n.edition} ${n.code}`, { name: n.name, province: n.province }]));
  return {
    responses,
    register: (edition, code) => byKey.get(`${edition} ${code}`),
    provinces: [...new Set(names.map((n) => n.province))].sort((a, b) => a.localeCompare(b, 'nl')),
  };
}

export type { TextPart };
