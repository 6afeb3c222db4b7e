// A fresh, migrated database with reference data for one test file: embedded PGlite by default,
// or a new database on the PostgreSQL server in TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadReferenceData } from '../src/bootstrap.ts';
import { connectServer, type Db } from '../src/db/client.ts';
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';

export async function createTestDb(): Promise<Db> {
  const url = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  let db: Db;
  if (url) {
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const inner = connectServer(u.toString());
    db = {
      ...inner,
      async close() {
        await inner.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-test-'));
    const inner = await openEmbedded(dir, 'server');
    db = {
      ...inner,
      async close() {
        await inner.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  await migrate(db);
  await loadReferenceData(db);
  return db;
}
