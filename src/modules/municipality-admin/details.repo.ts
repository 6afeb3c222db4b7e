// What else the municipality's page shows: contacts, phone calls and reopenings, each only when
// its table exists (see schema.ts).
import type { Db } from '../../db/client.ts';
import type { Features } from './schema.ts';

export type ContactRow = { name: string; email: string; function: string | null; phone: string | null };
export type CallRow = { calledOn: string; outcome: string; note: string; by: string | null };
export type ReopeningRow = { reason: string; actor: string; reopenedAt: Date };

/** undefined: the table is not there (yet). */
export async function contactsOf(db: Db, f: Features, edition: number, code: string): Promise<ContactRow[] | undefined> {
  if (!f.contacts) return undefined;
  return db.query<ContactRow>(
    'SELECT name, email, function, phone FROM contacts WHERE edition = $1 AND municipality_code = $2 ORDER BY name, email',
    [edition, code],
  );
}

export async function callsOf(db: Db, f: Features, edition: number, code: string): Promise<CallRow[] | undefined> {
  if (!f.calls) return undefined;
  return db.query<CallRow>(
    `SELECT to_char(c.called_at, 'YYYY-MM-DD') AS "calledOn", c.outcome, c.note, COALESCE(NULLIF(a.name, ''), a.email) AS by
       FROM calls c LEFT JOIN accounts a ON a.id = c.account_id
      WHERE c.edition = $1 AND c.municipality_code = $2 ORDER BY c.called_at DESC, c.id DESC`,
    [edition, code],
  );
}

export async function reopeningsOf(db: Db, f: Features, responseId: number | null): Promise<ReopeningRow[]> {
  if (!f.reopenings || responseId === null) return [];
  return db.query<ReopeningRow>(
    'SELECT reason, actor, reopened_at AS "reopenedAt" FROM response_reopenings WHERE response_id = $1 ORDER BY reopened_at DESC, id DESC',
    [responseId],
  );
}
