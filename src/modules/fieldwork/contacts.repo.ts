// Contacts as imported, and uploads waiting between preview and confirmation.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { RawContact } from './contacts-parse.ts';

export type Contact = { id: number; municipalityCode: string; municipalityName: string | null; name: string; email: string; function: string | null; phone: string | null };
export type PendingImport = { id: string; edition: number; fileName: string; rows: RawContact[]; createdAt: Date };

/** An upload is kept a day; older ones are removed when the next one arrives. */
const KEEP_MS = 24 * 3600_000;

export async function listContacts(db: Db, edition: number, municipalityCode?: string): Promise<Contact[]> {
  return db.query<Contact>(
    `SELECT c.id, c.municipality_code AS "municipalityCode", m.name AS "municipalityName", c.name, c.email, c.function, c.phone
     FROM contacts c JOIN editions e ON e.year = c.edition
     LEFT JOIN municipalities m ON m.year = e.register_year AND m.code = c.municipality_code
     WHERE c.edition = $1 AND ($2::text IS NULL OR c.municipality_code = $2)
     ORDER BY m.name, c.municipality_code, lower(c.email)`,
    [edition, municipalityCode ?? null],
  );
}

export async function savePendingImport(db: Db, p: { edition: number; fileName: string; rows: RawContact[]; accountId: number; now: Date }): Promise<string> {
  const id = randomBytes(18).toString('base64url');
  await db.query('DELETE FROM contact_imports WHERE created_at < $1', [new Date(p.now.getTime() - KEEP_MS)]);
  await db.query(
    'INSERT INTO contact_imports (id, edition, file_name, rows, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, p.edition, p.fileName.slice(0, 200), JSON.stringify(p.rows), p.accountId, p.now],
  );
  return id;
}

export async function findPendingImport(db: Db, edition: number, id: string): Promise<PendingImport | undefined> {
  if (!/^[A-Za-z0-9_-]{24}$/.test(id)) return undefined;
  return db.one<PendingImport>(
    `SELECT id, edition, file_name AS "fileName", rows, created_at AS "createdAt" FROM contact_imports WHERE id = $1 AND edition = $2`,
    [id, edition],
  );
}

/** Removes the upload; true for the one caller that removed it (a double click imports once). */
export async function takePendingImport(db: Db, edition: number, id: string): Promise<PendingImport | undefined> {
  if (!/^[A-Za-z0-9_-]{24}$/.test(id)) return undefined;
  return db.one<PendingImport>(
    `DELETE FROM contact_imports WHERE id = $1 AND edition = $2 RETURNING id, edition, file_name AS "fileName", rows, created_at AS "createdAt"`,
    [id, edition],
  );
}
