// Opens the database the configuration asks for and brings its schema up to date.
import type { Config } from '../config.ts';
import { connectServer, type Db, SERVER_TIMEOUTS } from './client.ts';
import { migrate } from './migrate.ts';

export async function openDatabase(config: Config, role: 'server' | 'cli'): Promise<Db> {
  // PGlite is loaded only when used: on a PostgreSQL server it would hold ~20–25 MB for nothing.
  const db = config.databaseUrl
    ? connectServer(config.databaseUrl, 10, role === 'server' ? SERVER_TIMEOUTS : undefined)
    : await (await import('./embedded.ts')).openEmbedded(config.dataDir, role);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

/**
 * Which database the configuration points at, in words for an operator: the embedded one with its
 * folder, or the server with its address (the password left out).
 */
export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `ingebouwde database in ${config.dataDir} (DATA_DIR)`;
  try {
    const url = new URL(config.databaseUrl);
    url.password = '';
    return `PostgreSQL-server ${url.toString()} (DATABASE_URL)`;
  } catch {
    return 'PostgreSQL-server uit DATABASE_URL';
  }
}
