// The embedded database: PGlite in DATA_DIR, shared over a Unix socket. Exactly one process
// owns a DATA_DIR (a lock file names it); a CLI run while the server owns it connects to the
// server's socket instead of opening the folder a second time.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Db, dbFromPool } from './client.ts';
import { DataDirBusyError, takeLock } from './owner-lock.ts';
import { PgliteSocketServer } from './pglite-server.ts';

export { DataDirBusyError };

const SOCKET_PORT = 5432;
/**
 * PostgreSQL's default 128 MB of shared buffers is written at start-up, so inside the process it is
 * all resident; the database (~65 MB with the demo) is read through the operating system's file
 * cache anyway. 16 MB took ~140 MB off the server's memory (issue 21; docs/decisions/014).
 */
const SETTINGS = ['-c', 'shared_buffers=16MB'];

function poolOn(socketDir: string, max: number): pg.Pool {
  return new pg.Pool({ host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres', max });
}

export async function openEmbedded(dataDir: string, role: 'server' | 'cli', max = 8): Promise<Db> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'owner.lock');
  // Unix socket paths are limited to ~100 bytes, so the socket lives in the temp folder.
  const socketDir = path.join(os.tmpdir(), `ete-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`);
  const owner = takeLock(lockFile, { pid: process.pid, role, socketDir });
  if (owner) {
    if (role === 'server') {
      throw new DataDirBusyError(
        owner.role === 'server'
          ? `Er draait al een server op ${dataDir} (proces ${owner.pid}). Stop die eerst, of kies een andere DATA_DIR.`
          : `Een opdracht (proces ${owner.pid}) gebruikt ${dataDir} nog. Wacht tot die klaar is.`,
      );
    }
    return dbFromPool(poolOn(owner.socketDir, max), 'pglite');
  }
  try {
    const pglite = await PGlite.create(path.join(dataDir, 'pgdata'), { startParams: [...PGlite.defaultStartParams, ...SETTINGS] });
    fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
    const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
    const server = new PgliteSocketServer(pglite);
    await server.listen(socketPath);
    return dbFromPool(poolOn(socketDir, max), 'pglite', async () => {
      await server.close();
      await pglite.close();
      fs.rmSync(socketDir, { recursive: true, force: true });
      fs.rmSync(lockFile, { force: true });
    });
  } catch (e) {
    fs.rmSync(lockFile, { force: true });
    throw e;
  }
}
