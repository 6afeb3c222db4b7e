// Sessions in the database (several app instances may serve one user): a random id in an
// HttpOnly cookie, only its SHA-256 stored; 12 hours after the last request the session ends.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../../web/context.ts';
import { type Account, accountColumns } from './accounts.repo.ts';
import { hashToken } from './personal-link.ts';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
// Refreshing last_seen on every request would write on every page view; once a minute is enough.
const TOUCH_AFTER_MS = 60 * 1000;
const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type Session = { idHash: Buffer; account: Account; csrfSecret: string; expiresAt: Date };

/** `__Host-` pins the cookie to this host and path / over HTTPS; plain HTTP cannot use it. */
export function sessionCookieName(config: Config): string {
  return isHttps(config) ? '__Host-sessie' : 'sessie';
}

function isHttps(config: Config): boolean {
  return config.baseUrl.startsWith('https:');
}

export async function createSession(db: Db, accountId: number, now: Date): Promise<{ id: string; csrfSecret: string }> {
  const id = randomBytes(32).toString('base64url');
  const csrfSecret = randomBytes(32).toString('base64url');
  await db.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
  await db.query(
    'INSERT INTO sessions (id_hash, account_id, created_at, expires_at, last_seen_at, csrf_secret) VALUES ($1, $2, $3, $4, $3, $5)',
    [hashToken(id), accountId, now, new Date(now.getTime() + SESSION_IDLE_MS), csrfSecret],
  );
  return { id, csrfSecret };
}

/** The live session for a cookie value, its expiry slid forward; undefined when expired or unknown. */
export async function loadSession(db: Db, id: string, now: Date): Promise<Session | undefined> {
  if (!ID_SHAPE.test(id)) return undefined;
  const idHash = hashToken(id);
  const row = await db.one<Account & { csrfSecret: string; expiresAt: Date; lastSeenAt: Date }>(
    `SELECT ${accountColumns('a')},
            s.csrf_secret AS "csrfSecret", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt"
       FROM sessions s JOIN accounts a ON a.id = s.account_id
      WHERE s.id_hash = $1 AND s.expires_at > $2 AND a.disabled_at IS NULL`,
    [idHash, now],
  );
  if (!row) return undefined;
  const { csrfSecret, lastSeenAt, expiresAt: storedExpiry, ...account } = row;
  let expiresAt = storedExpiry;
  if (now.getTime() - lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    await db.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id_hash = $1', [idHash, now, expiresAt]);
  }
  return { idHash, account, csrfSecret, expiresAt };
}

export async function deleteSession(db: Db, idHash: Buffer): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

/** No Max-Age: the cookie goes when the browser closes; the server ends it after 12 idle hours anyway. */
export function setSessionCookie<E extends AppEnv>(c: Context<E>, id: string): void {
  const config = c.get('deps').config;
  setCookie(c, sessionCookieName(config), id, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(config) });
}

export function clearSessionCookie<E extends AppEnv>(c: Context<E>): void {
  const config = c.get('deps').config;
  deleteCookie(c, sessionCookieName(config), { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(config) });
}

export function readSessionCookie<E extends AppEnv>(c: Context<E>): string | undefined {
  return getCookie(c, sessionCookieName(c.get('deps').config));
}

// One lookup per request, however many middlewares ask (requireRole on the sub-app and the route).
const perRequest = new WeakMap<Request, Promise<Session | undefined>>();

/** The signed-in user of this request, if any. */
export function currentSession<E extends AppEnv>(c: Context<E>): Promise<Session | undefined> {
  let found = perRequest.get(c.req.raw);
  if (!found) {
    const id = readSessionCookie(c);
    const { db, now } = c.get('deps');
    found = id ? loadSession(db, id, now()) : Promise.resolve(undefined);
    perRequest.set(c.req.raw, found);
  }
  return found;
}
