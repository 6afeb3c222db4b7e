// One SQL interface for both database kinds: a PostgreSQL server (DATABASE_URL) or the
// embedded PGlite, which we serve over a local socket so the app, the CLI and tests all
// speak the same wire protocol (see docs/decisions/002-pglite-over-a-socket.md).
import pg from 'pg';

// COUNT(*) and bigserial come back as strings by default; our numbers fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * `prepared`: a name for a statement on a hot path. On a PostgreSQL server each connection then
 * parses and plans it once instead of at every request (for the big CTEs that is most of their
 * cost). Ignored on PGlite: its connections share one session, where the same name would clash.
 */
export type QueryOptions = { prepared?: string };

export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<T | undefined>;
  /** Runs fn in one transaction; nested calls join the outer one. */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
  /** Connections of this process's pool, for /metrics (absent inside a transaction). */
  poolStats?(): { total: number; idle: number; waiting: number };
}

type Queryable = { query: (q: { text: string; values?: unknown[]; name?: string }) => Promise<{ rows: unknown[] }> };

function bind(q: Queryable, tx: Db['tx'], close: Db['close'], kind: Db['kind']): Db {
  const run = (text: string, values?: unknown[], opts?: QueryOptions) =>
    q.query({ text, values, name: kind === 'postgres' ? opts?.prepared : undefined });
  return {
    kind,
    async query<T>(sql: string, params?: unknown[], opts?: QueryOptions) {
      return (await run(sql, params, opts)).rows as T[];
    },
    async one<T>(sql: string, params?: unknown[], opts?: QueryOptions) {
      return (await run(sql, params, opts)).rows[0] as T | undefined;
    },
    tx,
    close,
  };
}

export function dbFromPool(pool: pg.Pool, kind: Db['kind'], onClose: () => Promise<void> = async () => {}): Db {
  // Without a listener an idle client's error (server restart) would crash the process.
  pool.on('error', () => {});
  const tx = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let result: T;
    try {
      await client.query('BEGIN');
      const inner: Db = bind(client, (f) => f(inner), async () => {}, kind);
      result = await fn(inner);
      await client.query('COMMIT');
    } catch (err) {
      // A connection whose query got no answer, or whose ROLLBACK failed, is in an unknown state
      // (it may still be inside this transaction): it is closed, never handed to the next request.
      const rolledBack = !isReadTimeout(err) && (await client.query('ROLLBACK').then(() => true, () => false));
      client.release(rolledBack ? undefined : (err as Error));
      throw err;
    }
    client.release();
    return result;
  };
  const db = bind(pool, tx, async () => {
    await pool.end();
    await onClose();
  }, kind);
  return { ...db, poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }) };
}

/** pg's error for a query that got no answer within query_timeout. */
export function isReadTimeout(err: unknown): boolean {
  return (err as Error | undefined)?.message === 'Query read timeout';
}

/**
 * Limits for the web server: a database server that stops answering (frozen host, lost network)
 * must give the visitor a 503 page within seconds, not a request that hangs until it answers again.
 * Not for the CLI, whose restores and exports may take longer.
 */
export const SERVER_TIMEOUTS = { connectMs: 5_000, queryMs: 10_000 };

export function connectServer(url: string, max = 10, timeouts?: { connectMs: number; queryMs: number }): Db {
  return dbFromPool(new pg.Pool({
    connectionString: url, max,
    ...(timeouts && { connectionTimeoutMillis: timeouts.connectMs, query_timeout: timeouts.queryMs }),
  }), 'postgres');
}
