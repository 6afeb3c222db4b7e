// Reads a contact list (CSV or XLSX) into raw rows with their line numbers. Only the shape of
// the file is checked here; what the values mean is checked in contacts-import.ts.
import { parse } from 'csv-parse/sync';
import type ExcelJSType from 'exceljs';
import type { Problem } from './problems.ts';

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
    // NUL cannot be stored (PostgreSQL text/jsonb) and is never meant: left out.
    const get = (f: Field) => (idx[f] < 0 ? '' : (r.cells[idx[f]] ?? '').split('\u0000').join('').trim());
    const row = { line: r.line, municipalityCode: get('municipalityCode'), municipalityName: get('municipalityName'), name: get('name'), email: get('email'), function: get('function'), phone: get('phone') };
    if (Object.entries(row).every(([k, v]) => k === 'line' || v === '')) continue;
    rows.push(row);
  }
  if (rows.length === 0) return { rows, problems: [{ line: head.line, field: '', key: 'emptyFile' }] };
  if (rows.length > MAX_ROWS) return { rows: [], problems: [{ line: head.line, field: '', key: 'tooManyRows', params: { max: MAX_ROWS } }] };
  return { rows, problems: [] };
}

/** UTF-8 (with or without BOM); a file saved by older Excel as Windows-1252 is read too. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function readCsv(bytes: Uint8Array): ParsedFile {
  const text = decode(bytes);
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
  // Loaded when first needed: ExcelJS holds ~30 MB the answering and report pages never use.
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: typeof ExcelJSType };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ line: 1, field: '', key: 'unreadableXlsx' }] };
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { rows: [], problems: [{ line: 1, field: '', key: 'emptyFile' }] };
  const table: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    // A merged cell shows its master's value (ExcelJS gives "[object Object]" for some).
    for (let i = 1; i <= row.cellCount; i++) {
      const cell = row.getCell(i);
      cells.push((cell.isMerged ? cell.master : cell).text ?? '');
    }
    table.push({ line, cells });
  });
  return fromTable(table);
}

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** XLSX by its name or its content (a zip); everything else is read as CSV. */
export async function parseContactsFile(bytes: Uint8Array, fileName: string): Promise<ParsedFile> {
  if (/\.xls$/i.test(fileName) && !isZip(bytes)) return { rows: [], problems: [{ line: 1, field: '', key: 'oldExcel' }] };
  if (/\.xlsx$/i.test(fileName) || isZip(bytes)) return readXlsx(bytes);
  return readCsv(bytes);
}
