// A list on the first sheet of a workbook (the contact list, the advisors): its rows as text with
// their row numbers, or one problem that says which limit the file passes and what to do. Nothing
// of a file past a limit is used: the bureau gets the message, not half a list.
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import { count, megabytes, readSpreadsheet, type SpreadsheetLimits } from './spreadsheet.read.ts';

/**
 * Far above a real list (342 municipalities with a few contacts each: ~2,000 rows, ~100 kB) and far
 * below what would keep the server busy for more than a moment or fill its memory.
 */
export const LIST_LIMITS: SpreadsheetLimits = {
  bytes: 5 * 1024 * 1024,
  unpackedBytes: 25 * 1024 * 1024,
  entries: 200,
  rows: 5001,
  cells: 100_000,
  cellChars: 2000,
};

export type ListProblem =
  | { reason: 'bytes' | 'unpackedBytes' | 'entries' | 'rows' | 'cells'; limit: number }
  | { reason: 'cellChars'; limit: number; line: number; column: number }
  | { reason: 'unreadable' };

/** `cells[0]` is column A; empty cells are holes (read them as `cells[i] ?? ''`). */
export type ListRow = { line: number; cells: string[] };
export type ListResult = { ok: true; rows: ListRow[] } | { ok: false; problem: ListProblem };

/** The first sheet's non-empty rows; a cell that is no text (a date, an error value) counts as empty. */
export async function readListSheet(data: Uint8Array, limits: SpreadsheetLimits = LIST_LIMITS): Promise<ListResult> {
  const read = await readSpreadsheet(data, limits, { sheets: 'first', stopAtRowLimit: 'file' });
  if (!read.ok) {
    if (!('limit' in read)) return { ok: false, problem: { reason: 'unreadable' } };
    return { ok: false, problem: { reason: read.reason, limit: read.limit } };
  }
  const grid = read.grids[0];
  if (!grid) return { ok: true, rows: [] };
  // Rows are counted without the header row.
  if (grid.cutAt !== undefined) return { ok: false, problem: { reason: 'rows', limit: limits.rows - 1 } };
  const tooLong = grid.unreadable.find((u) => u.message.startsWith('de cel heeft meer dan'));
  if (tooLong) return { ok: false, problem: { reason: 'cellChars', limit: limits.cellChars, line: tooLong.row, column: tooLong.col } };
  // Sparse: a lone cell in column XFD is one entry, not 16,384.
  const sparse = (cells: Map<number, string>) => {
    const a: string[] = [];
    for (const [col, text] of cells) a[col - 1] = text;
    return a;
  };
  return { ok: true, rows: grid.rows.map((r) => ({ line: r.row, cells: sparse(r.cells) })) };
}

/** "A", "Z", "AA": the column as Excel names it. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const SAVE_ONLY = {
  nl: 'Kopieer alleen de lijst naar een nieuwe werkmap (zonder andere werkbladen of afbeeldingen) en sla die op als .xlsx of als CSV.',
  en: 'Copy only the list to a new workbook (without other sheets or images) and save that as .xlsx or as CSV.',
};

/** What is wrong with the file and what to do, in the reader's language; the limit is named. */
export function listProblemText(lang: Lang, p: ListProblem): string {
  const nl = lang === 'nl';
  switch (p.reason) {
    case 'bytes':
      return nl ? `Het bestand is groter dan ${megabytes(p.limit)} en is niet gelezen; een lijst is veel kleiner. ${SAVE_ONLY.nl}`
        : `The file is larger than ${megabytes(p.limit)} and was not read; a list is much smaller. ${SAVE_ONLY.en}`;
    case 'unpackedBytes':
      return nl ? `De Excel-werkmap pakt uit tot meer dan ${megabytes(p.limit)} en is niet gelezen; een lijst is veel kleiner. ${SAVE_ONLY.nl}`
        : `The Excel workbook unpacks to more than ${megabytes(p.limit)} and was not read; a list is much smaller. ${SAVE_ONLY.en}`;
    case 'entries':
      return nl ? `De Excel-werkmap bestaat uit meer dan ${p.limit} delen en is niet gelezen. ${SAVE_ONLY.nl}`
        : `The Excel workbook consists of more than ${p.limit} parts and was not read. ${SAVE_ONLY.en}`;
    case 'rows':
      return nl ? `Het werkblad heeft meer dan ${count(p.limit)} regels en is niet gelezen. Verwijder lege en overbodige regels of splits de lijst in kleinere bestanden.`
        : `The sheet has more than ${p.limit.toLocaleString('en-GB')} rows and was not read. Remove empty and unneeded rows or split the list into smaller files.`;
    case 'cells':
      return nl ? `Het werkblad heeft meer dan ${count(p.limit)} gevulde cellen en is niet gelezen. Laat alleen de kolommen van de lijst staan of splits de lijst in kleinere bestanden.`
        : `The sheet has more than ${p.limit.toLocaleString('en-GB')} filled cells and was not read. Keep only the list's columns or split the list into smaller files.`;
    case 'cellChars':
      return nl ? `Cel ${columnLetter(p.column)}${p.line} heeft meer dan ${count(p.limit)} tekens; het bestand is niet gelezen. Maak de cel korter of verwijder die kolom.`
        : `Cell ${columnLetter(p.column)}${p.line} has more than ${p.limit.toLocaleString('en-GB')} characters; the file was not read. Shorten the cell or remove that column.`;
    case 'unreadable':
      return nl ? 'Het Excelbestand kan niet worden gelezen. Sla het opnieuw op als Excel-werkmap (.xlsx) of als CSV.'
        : 'The Excel file cannot be read. Save it again as an Excel workbook (.xlsx) or as CSV.';
  }
}
