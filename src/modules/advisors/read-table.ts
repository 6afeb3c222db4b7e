// A spreadsheet as rows of text: XLSX (by its zip signature) or CSV (comma or semicolon, as
// Dutch Excel writes it; UTF-8 with or without BOM). Header names are trimmed and lower-cased.
import { parse } from 'csv-parse/sync';
import { decodeTextFile, TextEncodingError } from '../../web/text-file.ts';
import { isZip, LIST_LIMITS, type ListProblem, readListSheet } from '../spreadsheet/index.ts';

export type Table = { header: string[]; rows: { line: number; cells: Record<string, string> }[] };

/** A file that cannot be read, or (`limit`) one past a limit of the spreadsheet reader. */
export class UnreadableFileError extends Error {
  constructor(message: string, readonly limit?: ListProblem) {
    super(message);
  }
}

export async function readTable(data: Uint8Array): Promise<Table> {
  // A CSV is read in one go: the same size limit keeps that short.
  if (!isZip(data) && data.byteLength > LIST_LIMITS.bytes) throw new UnreadableFileError('bytes', { reason: 'bytes', limit: LIST_LIMITS.bytes });
  const grid = isZip(data) ? await xlsxGrid(data) : csvGrid(data);
  const [head = [], ...body] = grid;
  // Dense up to the last named column: cells right of it are not read.
  const named = Array.from(head, (h) => (h ?? '').trim().toLowerCase());
  while (named.length && named[named.length - 1] === '') named.pop();
  const header = named;
  const rows = body
    // NUL cannot be stored (PostgreSQL text) and is never meant: left out.
    .map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? '').split('\u0000').join('').trim()])) }))
    // Empty lines (often at the end of an Excel sheet) are not rows.
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
  return { header, rows };
}

function csvGrid(data: Uint8Array): string[][] {
  let text: string;
  try {
    text = decodeTextFile(data).text; // UTF-8, or deliberately Windows-1252 (src/web/text-file.ts)
  } catch (e) {
    if (e instanceof TextEncodingError) throw new UnreadableFileError(e.message);
    throw e;
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    // Keep empty lines so line numbers match the file; they are dropped above.
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    throw new UnreadableFileError((e as Error).message);
  }
}

/** Streaming and within limits (modules/spreadsheet); a file past a limit is refused with its message. */
async function xlsxGrid(data: Uint8Array): Promise<string[][]> {
  const read = await readListSheet(data);
  if (!read.ok) throw new UnreadableFileError(read.problem.reason, read.problem.reason === 'unreadable' ? undefined : read.problem);
  // Rows by their row number, so line numbers match the sheet; missing rows are empty.
  const grid: string[][] = [];
  for (const r of read.rows) grid[r.line - 1] = r.cells;
  return Array.from(grid, (r) => r ?? []);
}
