// `backup FILE`: every table of the schema and the sequences, from one consistent snapshot (a
// read-only REPEATABLE READ transaction), through the ordinary Db interface, so it works the same
// on PGlite and on a PostgreSQL server (no pg_dump needed). Rows are read with a cursor in
// batches, so a large table never sits in memory at once.
import type { Db } from '../../db/client.ts';
import { openLineWriter } from './file-io.ts';
import { FORMAT, type Header, type TableStart, type Trailer, VERSION } from './format.ts';
import { appliedMigrations, listSequences, listTables, qualified, readSequence } from './schema.ts';

export type BackupSummary = { file: string; tables: number; rows: number; bytes: number };

const MAX_BATCH = 1000;
const BATCH_CHARS = 8_000_000;

export async function writeBackup(db: Db, file: string, now: Date): Promise<BackupSummary> {
  const out = openLineWriter(file);
  try {
    const { tables, rows } = await db.tx(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      // Fixed output settings, so the text of every value reads back the same wherever restored.
      await tx.query(`SELECT set_config('TimeZone', 'UTC', true), set_config('bytea_output', 'hex', true),
        set_config('extra_float_digits', '1', true), set_config('IntervalStyle', 'iso_8601', true)`);
      const header: Header = {
        format: FORMAT, version: VERSION, createdAt: now.toISOString(), migrations: await appliedMigrations(tx), databaseKind: tx.kind,
      };
      await out.write(`${JSON.stringify(header)}\n`);
      const list = await listTables(tx);
      let total = 0;
      for (const t of list) {
        const count = (await tx.one<{ n: number }>(`SELECT count(*)::bigint AS n FROM ${qualified(t.name)}`))!.n;
        const start: TableStart = { name: t.name, columns: t.columns, rows: count };
        await out.write(`${JSON.stringify(['table', start])}\n`);
        const written = await copyRows(tx, t.name, out.write);
        if (written !== count) throw new Error(`table ${t.name}: ${written} rows read, ${count} counted`);
        total += written;
      }
      // Read last: a sequence is never behind the rows of the snapshot (sequences are not transactional).
      const sequences = [];
      for (const s of await listSequences(tx)) sequences.push(await readSequence(tx, s));
      const trailer: Trailer = { tables: list.length, rows: total, sequences };
      await out.write(`${JSON.stringify(['end', trailer])}\n`);
      return { tables: list.length, rows: total };
    });
    const bytes = await out.commit();
    return { file, tables, rows, bytes };
  } catch (e) {
    await out.abort();
    throw e;
  }
}

async function copyRows(tx: Db, table: string, write: (s: string) => Promise<void>): Promise<number> {
  await tx.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${qualified(table)} t`);
  let n = 0;
  let size = 100;
  for (;;) {
    const rows = await tx.query<{ j: string }>(`FETCH FORWARD ${size} FROM backup_rows`);
    if (rows.length === 0) break;
    // A value of type json keeps its original whitespace, which may include line breaks: outside
    // strings (inside them JSON escapes them) a line break is just whitespace, so a space will do.
    const text = rows.map((r) => (r.j.includes('\n') ? r.j.replace(/\n/g, ' ') : r.j)).join('\n');
    await write(`${text}\n`);
    n += rows.length;
    // Fewer rows per batch for wide rows (uploads in bytea), more for narrow ones.
    size = text.length > BATCH_CHARS ? Math.max(1, Math.floor(size / 4)) : Math.min(MAX_BATCH, size * 2);
  }
  await tx.query('CLOSE backup_rows');
  return n;
}
