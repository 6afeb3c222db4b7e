// The phone round (belactie): calls to a municipality in an edition, newest first.
import type { Db } from '../../db/client.ts';

export const OUTCOMES = ['reached', 'will_fill_in', 'refused', 'wrong_person', 'voicemail', 'no_answer', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function isOutcome(v: unknown): v is Outcome {
  return typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v);
}

export type Call = {
  id: number;
  calledOn: string;
  outcome: Outcome;
  note: string;
  byName: string | null;
  createdAt: Date;
};

export type NewCall = { edition: number; municipalityCode: string; calledOn: string; outcome: Outcome; note: string; accountId: number };

export async function logCall(db: Db, call: NewCall, now: Date): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO calls (edition, municipality_code, called_at, outcome, note, account_id, created_at)
     VALUES ($1, $2, $3::date, $4, $5, $6, $7) RETURNING id`,
    [call.edition, call.municipalityCode, call.calledOn, call.outcome, call.note, call.accountId, now],
  );
  return row!.id;
}

export async function listCalls(db: Db, edition: number, municipalityCode: string): Promise<Call[]> {
  return db.query<Call>(
    `SELECT c.id, to_char(c.called_at, 'YYYY-MM-DD') AS "calledOn", c.outcome, c.note,
            COALESCE(NULLIF(a.name, ''), a.email) AS "byName", c.created_at AS "createdAt"
       FROM calls c LEFT JOIN accounts a ON a.id = c.account_id
      WHERE c.edition = $1 AND c.municipality_code = $2
      ORDER BY c.called_at DESC, c.id DESC`,
    [edition, municipalityCode],
  );
}
