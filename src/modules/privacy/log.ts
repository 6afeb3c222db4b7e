// The erasure log: what was erased (counts per kind), when, why, how and by which admin; never the
// person's address or name (that would keep the very data that was erased).
import type { Db } from '../../db/client.ts';

export type ErasureReason = 'request' | 'retention';
export type ErasureVia = 'web' | 'cli' | 'server';

export type ErasureLogEntry = {
  id: number;
  erasedAt: Date;
  reason: ErasureReason;
  via: ErasureVia;
  edition: number | null;
  counts: Record<string, number>;
  /** The admin's name as it is now (NULL for the CLI and the server, or an account since removed). */
  byName: string | null;
};

export async function logErasure(
  db: Db,
  e: { at: Date; reason: ErasureReason; via: ErasureVia; accountId?: number; edition?: number; counts: Record<string, number> },
): Promise<number> {
  const row = await db.one<{ id: number }>(
    'INSERT INTO privacy_erasures (erased_at, reason, via, account_id, edition, counts) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [e.at, e.reason, e.via, e.accountId ?? null, e.edition ?? null, JSON.stringify(e.counts)],
  );
  return row!.id;
}

export async function listErasures(db: Db, limit = 50): Promise<ErasureLogEntry[]> {
  return db.query<ErasureLogEntry>(
    `SELECT p.id, p.erased_at AS "erasedAt", p.reason, p.via, p.edition, p.counts, COALESCE(NULLIF(a.name, ''), a.email) AS "byName"
       FROM privacy_erasures p LEFT JOIN accounts a ON a.id = p.account_id
      ORDER BY p.erased_at DESC, p.id DESC LIMIT $1`,
    [limit],
  );
}
