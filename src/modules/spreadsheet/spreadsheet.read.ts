// XLSX bytes → the text of every cell, per sheet and row, with ExcelJS's streaming reader, within
// limits: the file's size, its unpacked size and parts (spreadsheet.zip.ts, checked before ExcelJS
// sees a byte), rows per sheet, cells in all, characters per cell. The reader works through the
// unpacked XML in small chunks and gives way to other requests every few milliseconds; memory stays
// bounded by the limits. (The first read after a start loads ExcelJS itself: a one-time pause.) Excel and LibreOffice hand back text as rich text, numbers,
// booleans (TRUE), links or with spaces around: all become plain trimmed text here.
import { Readable } from 'node:stream';
import type ExcelJSType from 'exceljs';
import { checkZip } from './spreadsheet.zip.ts';

export type SpreadsheetLimits = {
  /** The uploaded file itself. */
  bytes: number;
  /** All parts of the zip unpacked together. */
  unpackedBytes: number;
  /** Parts in the zip (a workbook of four sheets has about 15). */
  entries: number;
  /** Rows per sheet, header included (by row number: row 5001 is past a limit of 5000). */
  rows: number;
  /** Non-empty cells in all sheets together. */
  cells: number;
  /** Characters in one cell. */
  cellChars: number;
};

/** A row's non-empty cells by column number (1 = A). */
export type GridRow = { row: number; cells: Map<number, string> };
/**
 * A sheet: its rows, cells that could not be read as text (a date, an error, a cell longer than
 * `cellChars`), and the row number past the row limit where reading the sheet stopped.
 */
export type Grid = { name: string; rows: GridRow[]; unreadable: { row: number; col: number; message: string }[]; cutAt?: number };

/** Why a file was not read at all. */
export type FileProblem =
  | { reason: 'bytes' | 'unpackedBytes' | 'entries' | 'cells'; limit: number }
  | { reason: 'notZip' | 'broken' | 'unreadable' };

export type ReadResult =
  | { ok: true; grids: Grid[] }
  | { ok: false; reason: 'bytes' | 'unpackedBytes' | 'entries' | 'cells'; limit: number }
  | { ok: false; reason: 'notZip' | 'broken' | 'unreadable' };

export type ReadOptions = {
  /** `first`: only the first sheet (in the zip's order, as ExcelJS's streaming reader meets them). */
  sheets: 'all' | 'first';
  /** At a sheet's row limit: `file` stops reading altogether, `sheet` goes on with the next sheet. */
  stopAtRowLimit: 'file' | 'sheet';
};

type Value = ExcelJSType.CellValue | { sharedString: number } | undefined;

/** A cell's value as text, or why it has none. */
export function cellText(v: Value): { text: string } | { problem: string } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return Number.isFinite(v) ? { text: String(v) } : { problem: 'geen geldig getal' };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { problem: 'dit is een datum; typ de tekst (met een \' ervoor blijft het tekst)' };
  if ('richText' in v) return { text: v.richText.map((r) => r.text ?? '').join('') };
  if ('error' in v) return { problem: `een foutwaarde (${v.error})` };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: Value }).result;
    return result === undefined ? { problem: 'een formule zonder uitkomst; typ de waarde zelf' } : cellText(result);
  }
  if ('hyperlink' in v) return cellText((v as { text?: Value }).text);
  return { problem: 'een waarde die niet als tekst te lezen is' };
}

/** Line ends as \n, no NUL (PostgreSQL cannot store it and nobody types it), no spaces around. */
export function clean(s: string): string {
  return s.replace(/\r\n?/g, '\n').split('\u0000').join('').trim();
}

/** The same test on the zip signature everywhere: an XLSX is a zip. */
export const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** "5 MB", "25 MB"; "5.000" for counts. */
export const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
export const count = (n: number) => n.toLocaleString('nl-NL');

export async function readSpreadsheet(data: Uint8Array, limits: SpreadsheetLimits, options: ReadOptions): Promise<ReadResult> {
  if (data.byteLength > limits.bytes) return { ok: false, reason: 'bytes', limit: limits.bytes };
  const zip = await checkZip(data, limits);
  if (!zip.ok) {
    const why = { notZip: 'notZip', broken: 'broken', tooBig: 'unpackedBytes', tooMany: 'entries' } as const;
    const reason = why[zip.reason];
    return reason === 'unpackedBytes' || reason === 'entries' ? { ok: false, reason, limit: limits[reason] } : { ok: false, reason };
  }
  // Loaded when first needed: ExcelJS holds ~30 MB the answering and report pages never use.
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: typeof ExcelJSType };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore',
  });
  const grids: Grid[] = [];
  let cells = 0;
  // ExcelJS hands over rows in promise callbacks: while unpacked XML is waiting, one row follows the
  // next without other requests getting a turn. Every few milliseconds we give them one.
  let turn = performance.now();
  const giveWay = async () => {
    if (performance.now() - turn < 5) return;
    await new Promise((resolve) => setImmediate(resolve));
    turn = performance.now();
  };
  try {
    sheets: for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? '';
      const grid: Grid = { name, rows: [], unreadable: [] };
      grids.push(grid);
      for await (const row of sheet as unknown as AsyncIterable<ExcelJSType.Row>) {
        await giveWay();
        if (row.number > limits.rows) {
          grid.cutAt = row.number;
          // Past the limit this sheet is left (its part is still skipped over, at most `unpackedBytes`).
          if (options.stopAtRowLimit === 'file') break sheets;
          break;
        }
        const found = new Map<number, string>();
        let over = false;
        // forEach skips the holes of a sparse row (a lone cell in column XFD is one cell, not 16,384).
        (row.values as Value[]).forEach((v, col) => {
          if (over || v === undefined || v === null) return;
          if (++cells > limits.cells) {
            over = true;
            return;
          }
          const t = cellText(v);
          // Measured before anything is copied: one long shared string may fill thousands of cells.
          if ('problem' in t) grid.unreadable.push({ row: row.number, col, message: t.problem });
          else if (t.text.length > limits.cellChars) grid.unreadable.push({ row: row.number, col, message: `de cel heeft meer dan ${count(limits.cellChars)} tekens` });
          else {
            const text = clean(t.text);
            if (text) found.set(col, text);
          }
        });
        if (over) return { ok: false, reason: 'cells', limit: limits.cells };
        if (found.size) grid.rows.push({ row: row.number, cells: found });
      }
      if (options.sheets === 'first') break;
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  return { ok: true, grids };
}
