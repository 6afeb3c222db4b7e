// `restore FILE`: loads a backup into a database of the same schema version, in one transaction:
// either everything is replaced or (on any problem with the file) nothing changes. A database that
// already holds data is only overwritten when asked (force), and then emptied first.
import type { Db } from '../../db/client.ts';
import { readLines } from './file-io.ts';
import { BackupError, checkRow, type Header, parseControl, parseHeader, type TableStart } from './format.ts';
import { appliedMigrations, ident, listSequences, listTables, qualified, type TableInfo, tablesWithData } from './schema.ts';

export type RestoreOptions = { force?: boolean };
export type RestoreSummary = { createdAt: string; tables: number; rows: number };

const BATCH_ROWS = 1000;
const BATCH_CHARS = 8_000_000;

/** Reads only the first line: is this a backup, and of when? */
export async function readBackupHeader(file: string): Promise<Header> {
  const lines = readLines(file);
  try {
    const first = await lines.next();
    return parseHeader(first.done ? undefined : first.value);
  } finally {
    await lines.return(undefined);
  }
}

function compareMigrations(backup: string[], here: string[]): void {
  const missingHere = backup.filter((m) => !here.includes(m));
  const missingThere = here.filter((m) => !backup.includes(m));
  if (missingHere.length) {
    throw new BackupError(`De back-up is gemaakt met een nieuwere versie (migraties ${missingHere.join(', ')} ontbreken hier). Werk de toepassing eerst bij.`);
  }
  if (missingThere.length) {
    throw new BackupError(`De back-up is gemaakt met een oudere schemaversie (zonder ${missingThere.join(', ')}). Zet hem terug met de versie waarmee hij is gemaakt.`);
  }
}

export async function restoreBackup(db: Db, file: string, opts: RestoreOptions = {}): Promise<RestoreSummary> {
  const header = await readBackupHeader(file);
  const lines = readLines(file);
  let lineNo = 0;
  const next = async (): Promise<string | undefined> => {
    const r = await lines.next();
    if (r.done) return undefined;
    lineNo++;
    return r.value;
  };
  try {
    await next(); // the header, checked above
    return await db.tx(async (tx) => {
      compareMigrations(header.migrations, await appliedMigrations(tx));
      const tables = await listTables(tx);
      if (!opts.force) {
        const used = await tablesWithData(tx, tables);
        if (used.length) {
          throw new BackupError(`De database bevat al gegevens (${used.join(', ')}). Gebruik --force om alles te vervangen door de back-up.`);
        }
      }
      await tx.query(`TRUNCATE ${tables.map((t) => qualified(t.name)).join(', ')} RESTART IDENTITY CASCADE`);
      const byName = new Map(tables.map((t) => [t.name, t]));
      const seen = new Set<string>();
      let rows = 0;
      for (;;) {
        const line = await next();
        if (line === undefined) throw new BackupError('Het back-upbestand is onvolledig: het einde ontbreekt.');
        const control = parseControl(line, lineNo);
        if (control[0] === 'end') {
          const end = control[1];
          if (end.tables !== seen.size || end.rows !== rows) throw new BackupError('Het back-upbestand is onvolledig: het aantal tabellen of rijen klopt niet.');
          if ((await next()) !== undefined) throw new BackupError(`Het back-upbestand is beschadigd: na het einde (regel ${lineNo}) staat nog iets.`);
          const known = new Set(await listSequences(tx));
          for (const s of end.sequences) {
            if (!known.has(s.name)) throw new BackupError(`De reeks ${s.name} uit de back-up bestaat niet in deze database.`);
            await tx.query('SELECT setval($1::regclass, $2::bigint, $3)', [qualified(s.name), s.value, s.called]);
          }
          return { createdAt: header.createdAt, tables: seen.size, rows };
        }
        const start = control[1];
        const table = checkTable(start, byName.get(start.name), seen);
        rows += await loadRows(tx, table, start.rows, next, () => lineNo);
      }
    });
  } finally {
    await lines.return(undefined);
  }
}

function checkTable(start: TableStart, table: TableInfo | undefined, seen: Set<string>): TableInfo {
  if (!table) throw new BackupError(`De tabel ${start.name} uit de back-up bestaat niet in deze database.`);
  if (seen.has(start.name)) throw new BackupError(`Het back-upbestand is beschadigd: de tabel ${start.name} staat er twee keer in.`);
  const same = start.columns.length === table.columns.length && start.columns.every((c) => table.columns.includes(c));
  if (!same) throw new BackupError(`De kolommen van ${start.name} in de back-up verschillen van die in deze database.`);
  seen.add(start.name);
  return table;
}

async function loadRows(tx: Db, table: TableInfo, count: number, next: () => Promise<string | undefined>, lineNo: () => number): Promise<number> {
  const cols = table.insertable.map(ident).join(', ');
  const insert = `WITH ins AS (INSERT INTO ${qualified(table.name)} (${cols}) OVERRIDING SYSTEM VALUE
    SELECT ${cols} FROM json_populate_recordset(NULL::${qualified(table.name)}, $1::json) RETURNING 1) SELECT count(*)::int AS n FROM ins`;
  let batch: string[] = [];
  let chars = 0;
  let loaded = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    let n: number | undefined;
    try {
      n = (await tx.one<{ n: number }>(insert, [`[${batch.join(',')}]`]))?.n;
    } catch (e) {
      throw new BackupError(`De rijen van ${table.name} (tot regel ${lineNo()}) passen niet in de database: ${(e as Error).message}`);
    }
    if (n !== batch.length) throw new BackupError(`Het back-upbestand is beschadigd bij ${table.name} (tot regel ${lineNo()}).`);
    loaded += n;
    batch = [];
    chars = 0;
  };
  for (let i = 0; i < count; i++) {
    const line = await next();
    if (line === undefined) throw new BackupError(`Het back-upbestand is onvolledig: het houdt op in de tabel ${table.name}.`);
    checkRow(line, lineNo(), table.name);
    batch.push(line);
    chars += line.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
  }
  await flush();
  return loaded;
}
