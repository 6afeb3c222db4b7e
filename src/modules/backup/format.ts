// The backup file: gzip'ed JSON lines.
//   line 1          {"format": FORMAT, "version": 1, "createdAt", "migrations": [...], "databaseKind"}
//   per table       ["table", {"name", "columns", "rows"}], then `rows` lines, each one row as an
//                   object (PostgreSQL's row_to_json: bytea as "\\x…" hex, timestamps ISO with
//                   microseconds, jsonb as JSON, numeric exactly as written)
//   last line       ["end", {"tables", "rows", "sequences": [{"name", "value", "called"}]}]
// Rows are objects and control lines arrays, so one never passes for the other; the counts make a
// file cut at a line boundary fail too, not just one whose gzip stream is broken.
import type { SequenceValue } from './schema.ts';

export const FORMAT = 'een-tegen-eenzaamheid-backup';
export const VERSION = 1;

/** A problem with the file or the target database, for the operator; nothing was changed. */
export class BackupError extends Error {}

export type Header = { format: string; version: number; createdAt: string; migrations: string[]; databaseKind: string };
export type TableStart = { name: string; columns: string[]; rows: number };
export type Trailer = { tables: number; rows: number; sequences: SequenceValue[] };

export type Control = ['table', TableStart] | ['end', Trailer];

export function parseHeader(line: string | undefined): Header {
  let h: Partial<Header> | undefined;
  try {
    h = line ? (JSON.parse(line) as Partial<Header>) : undefined;
  } catch {
    h = undefined;
  }
  if (!h || typeof h !== 'object' || h.format !== FORMAT) {
    throw new BackupError('Dit is geen back-up van de benchmark Eén tegen eenzaamheid (de eerste regel klopt niet).');
  }
  if (h.version !== VERSION) throw new BackupError(`Back-upformaat ${String(h.version)} wordt niet ondersteund (deze versie leest formaat ${VERSION}).`);
  if (!Array.isArray(h.migrations) || typeof h.createdAt !== 'string') throw new BackupError('De kop van de back-up is onvolledig.');
  return h as Header;
}

/** A control line, or a BackupError naming the line. */
export function parseControl(line: string, lineNo: number): Control {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new BackupError(`Het back-upbestand is beschadigd: regel ${lineNo} is geen geldige JSON.`);
  }
  if (Array.isArray(v) && v[0] === 'table' && typeof v[1]?.name === 'string' && Array.isArray(v[1]?.columns) && Number.isInteger(v[1]?.rows)) {
    return v as Control;
  }
  if (Array.isArray(v) && v[0] === 'end' && Array.isArray(v[1]?.sequences)) return v as Control;
  throw new BackupError(`Het back-upbestand is beschadigd: op regel ${lineNo} werd het begin van een tabel of het einde verwacht.`);
}

/** A row line must be one JSON object; the database converts its values. */
export function checkRow(line: string, lineNo: number, table: string): void {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    v = undefined;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    throw new BackupError(`Het back-upbestand is beschadigd: regel ${lineNo} (tabel ${table}) is geen geldige rij.`);
  }
}
