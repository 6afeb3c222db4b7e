// Requests for a sign-in link are limited per e-mail address and per IP address, counted in the
// database so the limit holds across app instances. Unknown addresses count too: the answer must
// not reveal whether an address has an account.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Db } from '../../db/client.ts';

export const RATE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_PER_EMAIL = 5;
export const MAX_PER_IP = 30;

export type RateResult = { allowed: true } | { allowed: false; retryAt: Date };

function key(kind: 'email' | 'ip', value: string): string {
  return `${kind}:${createHash('sha256').update(value.toLowerCase()).digest('hex')}`;
}

/** Records one request for a link, unless a limit is already reached; then says when to retry. */
export async function recordSignInAttempt(db: Db, email: string, ip: string, now: Date): Promise<RateResult> {
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  const limits: [string, number][] = [[key('email', email), MAX_PER_EMAIL], [key('ip', ip), MAX_PER_IP]];
  return db.tx(async (tx) => {
    // Serialise requests for the same keys, so two instances cannot both let the sixth one through.
    for (const [k] of limits) await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [k]);
    await tx.query('DELETE FROM sign_in_attempts WHERE at <= $1', [since]);
    let retryAt: Date | undefined;
    for (const [k, max] of limits) {
      const rows = await tx.query<{ at: Date }>(
        'SELECT at FROM sign_in_attempts WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT $3',
        [k, since, max],
      );
      if (rows.length >= max) {
        // The oldest of the last `max` requests leaves the window first; then one more is allowed.
        const at = new Date(rows[max - 1].at.getTime() + RATE_WINDOW_MS);
        if (!retryAt || at > retryAt) retryAt = at;
      }
    }
    if (retryAt) return { allowed: false, retryAt };
    for (const [k] of limits) await tx.query('INSERT INTO sign_in_attempts (key, at) VALUES ($1, $2)', [k, now]);
    return { allowed: true };
  });
}

/**
 * The client's address. Without a proxy (TRUST_PROXY=0, the default) it is the socket's address
 * and X-Forwarded-For is ignored: anyone can send that header, to dodge a limit or to get others
 * blocked. Behind N proxies the socket is the nearest proxy and each proxy appended the address
 * it saw, so the client is the N-th address from the right of [...X-Forwarded-For, socket]; what
 * stands further left was sent by the client itself and is not trusted.
 */
export function clientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const socket = env?.incoming?.socket?.remoteAddress ?? 'unknown';
  const hops = (c.get('deps') as { config?: { trustProxy?: number } } | undefined)?.config?.trustProxy ?? 0;
  if (hops <= 0) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - hops)];
}
