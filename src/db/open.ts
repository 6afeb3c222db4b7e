// Opens the database the configuration asks for and brings its schema up to date.
import type { Config } from '../config.ts';
import { connectServer, type Db, SERVER_TIMEOUTS } from './client.ts';
import { openEmbedded } from './embedded.ts';
import { migrate } from './migrate.ts';

export async function openDatabase(config: Config, role: 'server' | 'cli'): Promise<Db> {
  const db = config.databaseUrl
    ? connectServer(config.databaseUrl, 10, role === 'server' ? SERVER_TIMEOUTS : undefined)
    : await openEmbedded(config.dataDir, role);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
