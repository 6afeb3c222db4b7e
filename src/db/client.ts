// One SQL interface for both database kinds: a PostgreSQL server (DATABASE_URL) or the
// embedded PGlite, which we serve over a local socket so the app, the CLI and tests all
// speak the same wire protocol (see docs/decisions/002-pglite-over-a-socket.md).
import pg from 'pg';

// COUNT(*) and bigserial come back as strings by default; our numbers fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** Runs fn in one transaction; nested calls join the outer one. */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

type Queryable = { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> };

function bind(q: Queryable, tx: Db['tx'], close: Db['close'], kind: Db['kind']): Db {
  return {
    kind,
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query(sql, params)).rows as T[];
    },
    async one<T>(sql: string, params?: unknown[]) {
      return (await q.query(sql, params)).rows[0] as T | undefined;
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
    try {
      await client.query('BEGIN');
      const inner: Db = bind(client, (f) => f(inner), async () => {}, kind);
      const result = await fn(inner);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  };
  return bind(pool, tx, async () => {
    await pool.end();
    await onClose();
  }, kind);
}

export function connectServer(url: string, max = 10): Db {
  return dbFromPool(new pg.Pool({ connectionString: url, max }), 'postgres');
}
