// A spreadsheet as rows of text: XLSX (by its zip signature) or CSV (comma or semicolon, as
// Dutch Excel writes it; UTF-8 with or without BOM). Header names are trimmed and lower-cased.
import { parse } from 'csv-parse/sync';
import type ExcelJSType from 'exceljs';

export type Table = { header: string[]; rows: { line: number; cells: Record<string, string> }[] };

export class UnreadableFileError extends Error {}

const isXlsx = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readTable(data: Uint8Array): Promise<Table> {
  const grid = isXlsx(data) ? await xlsxGrid(data) : csvGrid(data);
  const [head = [], ...body] = grid;
  const header = head.map((h) => h.trim().toLowerCase());
  const rows = body
    // NUL cannot be stored (PostgreSQL text) and is never meant: left out.
    .map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? '').split('\u0000').join('').trim()])) }))
    // Empty lines (often at the end of an Excel sheet) are not rows.
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
  return { header, rows };
}

function csvGrid(data: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8').decode(data).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    // Keep empty lines so line numbers match the file; they are dropped above.
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    throw new UnreadableFileError((e as Error).message);
  }
}

async function xlsxGrid(data: Uint8Array): Promise<string[][]> {
  // Loaded when first needed: ExcelJS holds ~30 MB the answering and report pages never use.
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: typeof ExcelJSType };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError((e as Error).message);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    // `text` is what Excel shows: numbers as typed, hyperlinked addresses as their text.
    // A merged cell shows its master's value (ExcelJS gives "[object Object]" for some).
    row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = (cell.isMerged ? cell.master : cell).text ?? ''; });
    grid[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}
