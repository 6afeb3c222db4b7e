// Accounts of the bureau, the ministry and the advisors. E-mail is unique whatever its case.
import type { Db } from '../../db/client.ts';

export const ROLES = ['admin', 'ministry', 'advisor'] as const;
export type Role = (typeof ROLES)[number];

export type Account = {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
};

/** The columns of an Account, optionally from a table alias (`a.`) in a join. */
export function accountColumns(alias = ''): string {
  const p = alias ? `${alias}.` : '';
  return `${p}id, ${p}email, ${p}name, ${p}role, ${p}created_at AS "createdAt", ${p}disabled_at AS "disabledAt"`;
}
const ACCOUNT_COLUMNS = accountColumns();

// Deliberately loose: one @, something on both sides, a dot in the domain, no spaces.
// The real check is whether the link arrives.
const EMAIL_SHAPE = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;.]+$/;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function normalizeEmail(email: string): string {
  return email.trim();
}

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_SHAPE.test(email);
}

export class DuplicateAccountError extends Error {
  constructor(readonly email: string) {
    super('An account with this e-mail address already exists');
  }
}

export async function createAccount(
  db: Db,
  input: { email: string; name: string; role: Role },
  now: Date,
): Promise<Account> {
  const email = normalizeEmail(input.email);
  if (!isValidEmail(email)) throw new Error('Invalid e-mail address');
  try {
    const row = await db.one<Account>(
      `INSERT INTO accounts (email, name, role, created_at) VALUES ($1, $2, $3, $4) RETURNING ${ACCOUNT_COLUMNS}`,
      [email, input.name.trim(), input.role, now],
    );
    return row!;
  } catch (e) {
    // 23505: unique violation, also when two admins invite the same address at once.
    if ((e as { code?: string }).code === '23505') throw new DuplicateAccountError(email);
    throw e;
  }
}

export async function findByEmail(db: Db, email: string): Promise<Account | undefined> {
  return db.one<Account>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE lower(email) = lower($1)`, [normalizeEmail(email)]);
}

export async function findAccount(db: Db, id: number): Promise<Account | undefined> {
  return db.one<Account>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`, [id]);
}

export async function listAccounts(db: Db): Promise<Account[]> {
  return db.query<Account>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY lower(name), lower(email)`);
}

/**
 * A disabled account cannot sign in, and its sessions end at once; its unused sign-in links are
 * deleted too, so re-enabling it does not bring an old link back to life.
 */
export async function disableAccount(db: Db, id: number, now: Date): Promise<void> {
  await db.tx(async (tx) => {
    await tx.query('UPDATE accounts SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL', [id, now]);
    await tx.query('DELETE FROM sessions WHERE account_id = $1', [id]);
    await tx.query('DELETE FROM magic_links WHERE account_id = $1 AND used_at IS NULL', [id]);
  });
}

/** The account can sign in again (with a new link: the old ones went when it was disabled). */
export async function enableAccount(db: Db, id: number): Promise<void> {
  await db.query('UPDATE accounts SET disabled_at = NULL WHERE id = $1', [id]);
}
