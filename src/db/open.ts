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
