// One-time sign-in links: 256 random bits, only the SHA-256 stored, valid 15 minutes, single use.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { hashToken } from './personal-link.ts';

export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
// Used and expired rows are kept a while so a second click can be told "already used".
const KEEP_MS = 24 * 60 * 60 * 1000;

/** Where a signed-in user lands when no return path is given. */
export const DEFAULT_RETURN = '/beheer';

export type LinkProblem = 'invalid' | 'expired' | 'used';

export async function createMagicLink(db: Db, accountId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query('DELETE FROM magic_links WHERE expires_at < $1', [new Date(now.getTime() - KEEP_MS)]);
  await db.query('INSERT INTO magic_links (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(token), accountId, now, new Date(now.getTime() + MAGIC_LINK_TTL_MS),
  ]);
  return token;
}

/**
 * A sign-in request, the same database work whatever the address: a token is made and hashed, old
 * links are cleared, and one statement stores a link only when the address has an active account.
 * The answer says where to send it (the account's own spelling), or nothing for an unknown or
 * disabled address; so a visitor cannot tell from the time taken whether an address is known.
 */
export async function requestSignInLink(db: Db, email: string, now: Date): Promise<{ email: string; token: string } | undefined> {
  const token = randomBytes(32).toString('base64url');
  await db.query('DELETE FROM magic_links WHERE expires_at < $1', [new Date(now.getTime() - KEEP_MS)]);
  const row = await db.one<{ email: string }>(
    `WITH account AS (SELECT id, email FROM accounts WHERE lower(email) = lower($1) AND disabled_at IS NULL),
          link AS (INSERT INTO magic_links (token_hash, account_id, created_at, expires_at)
                   SELECT $2, id, $3, $4 FROM account RETURNING account_id)
     SELECT account.email FROM account JOIN link ON link.account_id = account.id`,
    [email.trim(), hashToken(token), now, new Date(now.getTime() + MAGIC_LINK_TTL_MS)],
  );
  return row ? { email: row.email, token } : undefined;
}

/** What is wrong with a link, without using it (the page with the button shows this). */
export async function checkMagicLink(db: Db, token: string, now: Date): Promise<LinkProblem | undefined> {
  if (!TOKEN_SHAPE.test(token)) return 'invalid';
  const row = await db.one<{ usedAt: Date | null; expiresAt: Date; disabledAt: Date | null }>(
    `SELECT m.used_at AS "usedAt", m.expires_at AS "expiresAt", a.disabled_at AS "disabledAt"
       FROM magic_links m JOIN accounts a ON a.id = m.account_id WHERE m.token_hash = $1`,
    [hashToken(token)],
  );
  if (!row || row.disabledAt) return 'invalid';
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return undefined;
}

/**
 * Uses the link: one UPDATE that only succeeds while the link is unused and fresh, so two
 * simultaneous clicks (or two app instances) can never both get a session.
 */
export async function consumeMagicLink(
  db: Db,
  token: string,
  now: Date,
): Promise<{ accountId: number } | { problem: LinkProblem }> {
  if (!TOKEN_SHAPE.test(token)) return { problem: 'invalid' };
  const row = await db.one<{ accountId: number }>(
    `UPDATE magic_links m SET used_at = $2
      WHERE m.token_hash = $1 AND m.used_at IS NULL AND m.expires_at > $2
        AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = m.account_id AND a.disabled_at IS NULL)
      RETURNING m.account_id AS "accountId"`,
    [hashToken(token), now],
  );
  if (row) return row;
  return { problem: (await checkMagicLink(db, token, now)) ?? 'invalid' };
}

export function signInUrl(baseUrl: string, token: string, returnTo?: string): string {
  const url = `${baseUrl}/inloggen/${token}`;
  return returnTo && returnTo !== DEFAULT_RETURN ? `${url}?terug=${encodeURIComponent(returnTo)}` : url;
}

// A path on this site in plain URL characters: no `//host`, no backslash, no control characters.
const LOCAL_PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/;

/** Where to go after sign-in; anything but a local path becomes /beheer (no open redirect). */
export function safeReturnTo(value: string | undefined | null): string {
  return value && value.length <= 500 && LOCAL_PATH.test(value) ? value : DEFAULT_RETURN;
}
