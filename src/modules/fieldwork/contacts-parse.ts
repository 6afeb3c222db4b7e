// Reads a contact list (CSV or XLSX) into raw rows with their line numbers. Only the shape of
// the file is checked here; what the values mean is checked in contacts-import.ts.
import { parse } from 'csv-parse/sync';
import { isZip, LIST_LIMITS, readListSheet } from '../spreadsheet/index.ts';
import type { Problem } from './problems.ts';
import { decodeTextFile, singleLine, TextEncodingError } from '../../web/text-file.ts';

export type RawContact = {
  line: number;
  municipalityCode: string;
  municipalityName: string;
  name: string;
  email: string;
  function: string;
  phone: string;
};
export type ParsedFile = { rows: RawContact[]; problems: Problem[] };
type Field = Exclude<keyof RawContact, 'line'>;

export const MAX_ROWS = 5000;

/** Column names as in CONTRACTS.md, and the Dutch ones a ministry spreadsheet may carry. */
const ALIASES: Record<Field, string[]> = {
  municipalityCode: ['municipality_code', 'gemeentecode', 'gm_code', 'cbs_code'],
  municipalityName: ['municipality_name', 'gemeente', 'gemeentenaam'],
  name: ['name', 'naam', 'contactpersoon'],
  email: ['email', 'e-mail', 'e_mail', 'emailadres', 'e-mailadres', 'mail'],
  function: ['function', 'functie'],
  phone: ['phone', 'telefoon', 'telefoonnummer', 'telephone'],
};

const header = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, '_');

function fromTable(table: { line: number; cells: string[] }[]): ParsedFile {
  const [head, ...body] = table;
  if (!head) return { rows: [], problems: [{ line: 1, field: '', key: 'emptyFile' }] };
  const names = head.cells.map(header);
  const col = (f: Field) => names.findIndex((n) => ALIASES[f].includes(n));
  const idx = Object.fromEntries((Object.keys(ALIASES) as Field[]).map((f) => [f, col(f)])) as Record<Field, number>;
  const problems: Problem[] = [];
  if (idx.municipalityCode < 0 && idx.municipalityName < 0) problems.push({ line: head.line, field: 'municipality_code', key: 'missingMunicipalityColumn' });
  for (const f of ['name', 'email'] as const) if (idx[f] < 0) problems.push({ line: head.line, field: f, key: 'missingColumn', params: { column: f } });
  if (problems.length) return { rows: [], problems };
  const rows: RawContact[] = [];
  for (const r of body) {
    // Every field is one line: a line break or tab in a cell (Alt+Enter in Excel) is a space, NUL goes.
    const get = (f: Field) => (idx[f] < 0 ? '' : singleLine(r.cells[idx[f]] ?? ''));
    const row = { line: r.line, municipalityCode: get('municipalityCode'), municipalityName: get('municipalityName'), name: get('name'), email: get('email'), function: get('function'), phone: get('phone') };
    if (Object.entries(row).every(([k, v]) => k === 'line' || v === '')) continue;
    rows.push(row);
  }
  if (rows.length === 0) return { rows, problems: [{ line: head.line, field: '', key: 'emptyFile' }] };
  if (rows.length > MAX_ROWS) return { rows: [], problems: [{ line: head.line, field: '', key: 'tooManyRows', params: { max: MAX_ROWS } }] };
  return { rows, problems: [] };
}

function readCsv(bytes: Uint8Array): ParsedFile {
  // UTF-8 (with or without BOM), or deliberately Windows-1252 (older Excel): src/web/text-file.ts.
  let text: string;
  try {
    text = decodeTextFile(bytes).text;
  } catch (e) {
    if (!(e instanceof TextEncodingError)) throw e;
    return { rows: [], problems: [{ line: e.line, field: '', key: 'unreadableCsv', params: { reason: 'geen UTF-8 / not UTF-8' } }] };
  }
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) => (first.split(d).length > first.split(best).length ? d : best), ',');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ line, field: '', key: 'unreadableCsv', params: { reason: (e as Error).message } }] };
  }
  return fromTable(records.map((r) => ({ line: r.info.lines, cells: r.record })));
}

async function readXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  // Streaming and within limits (modules/spreadsheet): a huge sheet or a zip bomb is refused with
  // one message and the server keeps answering meanwhile.
  const read = await readListSheet(bytes);
  if (!read.ok) {
    if (read.problem.reason === 'unreadable') return { rows: [], problems: [{ line: 1, field: '', key: 'unreadableXlsx' }] };
    const line = read.problem.reason === 'cellChars' ? read.problem.line : 1;
    return { rows: [], problems: [{ line, field: '', key: 'spreadsheetLimit', limit: read.problem }] };
  }
  return fromTable(read.rows);
}

/** XLSX by its name or its content (a zip); everything else is read as CSV. */
export async function parseContactsFile(bytes: Uint8Array, fileName: string): Promise<ParsedFile> {
  if (/\.xls$/i.test(fileName) && !isZip(bytes)) return { rows: [], problems: [{ line: 1, field: '', key: 'oldExcel' }] };
  if (/\.xlsx$/i.test(fileName) || isZip(bytes)) return readXlsx(bytes);
  // A CSV is read in one go: the same size limit keeps that short.
  if (bytes.byteLength > LIST_LIMITS.bytes) return { rows: [], problems: [{ line: 1, field: '', key: 'spreadsheetLimit', limit: { reason: 'bytes', limit: LIST_LIMITS.bytes } }] };
  return readCsv(bytes);
}
