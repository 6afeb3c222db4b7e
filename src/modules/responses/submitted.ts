// Submitted responses as the statistics take them: every answer of every response that was sent.
// Only municipalities in the edition's register count (so the fictitious example stays out).
import type { Db } from '../../db/client.ts';
import type { Answers } from './answer.model.ts';

export type SubmittedAnswers = { edition: number; municipality: string; answers: Answers };

export async function listSubmittedResponses(db: Db, editions?: number[]): Promise<SubmittedAnswers[]> {
  const rows = await db.query<{ edition: number; municipality: string; answers: Answers | null }>(
    `SELECT r.edition, r.municipality_code AS municipality,
            jsonb_object_agg(a.question, a.answer) FILTER (WHERE a.answer IS NOT NULL) AS answers
     FROM responses r
     JOIN editions e ON e.year = r.edition
     JOIN municipalities m ON m.year = e.register_year AND m.code = r.municipality_code
     LEFT JOIN answers a ON a.response_id = r.id
     WHERE r.submitted_at IS NOT NULL AND ($1::int[] IS NULL OR r.edition = ANY($1))
     GROUP BY r.edition, r.municipality_code
     ORDER BY r.edition, r.municipality_code`,
    [editions ?? null],
  );
  return rows.map((r) => ({ edition: r.edition, municipality: r.municipality, answers: r.answers ?? {} }));
}
