// XLSX bytes → the text of every cell, per sheet (in tab order) and row, within limits: the file's
// size, its unpacked size and parts (spreadsheet.zip.ts, checked while unpacking), rows per sheet,
// cells in all, characters per cell. The XML is parsed in small chunks (spreadsheet.xml.ts), giving
// way to other requests every few milliseconds; memory stays bounded by the limits. Excel and
// LibreOffice hand back text as rich text, numbers, booleans (TRUE) or with spaces around: all become
// plain trimmed text here. Why not ExcelJS's streaming reader: decision 017.
import { checkZip } from './spreadsheet.zip.ts';
import { type RawCell, readRelationships, readSharedStrings, readSheetList, readSheetRows, turns } from './spreadsheet.xml.ts';

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
  /** `first`: only the first sheet (the first tab). */
  sheets: 'all' | 'first';
  /** At a sheet's row limit: `file` stops reading altogether, `sheet` goes on with the next sheet. */
  stopAtRowLimit: 'file' | 'sheet';
};

/** A cell's text, or why it has none; `shared` are the workbook's shared strings. */
export function cellText(cell: RawCell, shared: readonly string[]): { text: string } | { problem: string } {
  const v = cell.value;
  switch (cell.type) {
    case 's': {
      const text = v === undefined ? undefined : shared[Number.parseInt(v, 10)];
      return text === undefined ? { problem: 'een waarde die niet als tekst te lezen is' } : { text };
    }
    case 'inlineStr':
      return { text: cell.inline ?? v ?? '' };
    case 'e':
      return { problem: `een foutwaarde (${v ?? '?'})` };
    case 'd':
      return { problem: 'dit is een datum; typ de tekst (met een \' ervoor blijft het tekst)' };
  }
  if (v === undefined) return cell.formula ? { problem: 'een formule zonder uitkomst; typ de waarde zelf' } : { text: '' };
  if (cell.type === 'str') return { text: v };
  if (cell.type === 'b') return { text: v.trim() === '1' ? 'TRUE' : 'FALSE' };
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? { text: String(n) } : { problem: 'geen geldig getal' };
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
  const zip = await checkZip(data, limits, (name) => name.endsWith('.xml') || name.endsWith('.rels'));
  if (!zip.ok) {
    const why = { notZip: 'notZip', broken: 'broken', tooBig: 'unpackedBytes', tooMany: 'entries' } as const;
    const reason = why[zip.reason];
    return reason === 'unpackedBytes' || reason === 'entries' ? { ok: false, reason, limit: limits[reason] } : { ok: false, reason };
  }
  const giveWay = turns();
  try {
    const book = await contents(zip.files, giveWay);
    if (!book) return { ok: false, reason: 'unreadable' };
    const grids: Grid[] = [];
    let cells = 0;
    let overCells = false;
    for (const sheet of options.sheets === 'first' ? book.sheets.slice(0, 1) : book.sheets) {
      const grid: Grid = { name: sheet.name, rows: [], unreadable: [] };
      grids.push(grid);
      await readSheetRows(sheet.bytes, {
        cell: () => {
          overCells = ++cells > limits.cells;
          return !overCells;
        },
        row: (row) => {
          if (row.row > limits.rows) {
            // Past the limit the rest of this sheet is not read.
            grid.cutAt = row.row;
            return false;
          }
          const found = new Map<number, string>();
          for (const cell of row.cells) {
            const t = cellText(cell, book.shared);
            // Measured before anything is copied: one long shared string may fill thousands of cells.
            if ('problem' in t) grid.unreadable.push({ row: row.row, col: cell.col, message: t.problem });
            else if (t.text.length > limits.cellChars) grid.unreadable.push({ row: row.row, col: cell.col, message: `de cel heeft meer dan ${count(limits.cellChars)} tekens` });
            else {
              const text = clean(t.text);
              if (text) found.set(cell.col, text);
            }
          }
          if (found.size) grid.rows.push({ row: row.row, cells: found });
          return true;
        },
      }, giveWay);
      if (overCells) return { ok: false, reason: 'cells', limit: limits.cells };
      if (grid.cutAt !== undefined && options.stopAtRowLimit === 'file') break;
    }
    return { ok: true, grids };
  } catch {
    // No well-formed XML, not UTF-8, or parts that do not fit together.
    return { ok: false, reason: 'unreadable' };
  }
}

/**
 * The workbook's sheets in tab order with their parts, and its shared strings; undefined when the
 * zip is no workbook (no workbook part, or a sheet whose part is missing).
 */
async function contents(files: Map<string, Buffer>, giveWay: () => Promise<void>) {
  const rootRels = files.get('_rels/.rels');
  const root = rootRels ? await readRelationships(rootRels, '', giveWay) : new Map();
  const bookName = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const bookBytes = files.get(bookName);
  if (!bookBytes) return undefined;
  const folder = bookName.includes('/') ? bookName.slice(0, bookName.lastIndexOf('/')) : '';
  const relsBytes = files.get(`${folder ? `${folder}/` : ''}_rels/${bookName.slice(folder.length ? folder.length + 1 : 0)}.rels`);
  const rels = relsBytes ? await readRelationships(relsBytes, folder, giveWay) : new Map<string, { target: string; type: string }>();
  const sharedName = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target ?? `${folder}/sharedStrings.xml`;
  const sharedBytes = files.get(sharedName);
  const shared = sharedBytes ? await readSharedStrings(sharedBytes, giveWay) : [];
  const sheets: { name: string; bytes: Buffer }[] = [];
  for (const s of await readSheetList(bookBytes, giveWay)) {
    const target = rels.get(s.rel)?.target;
    // A chart sheet or dialog sheet has no cells to read.
    if (target && /(chart|dialog|macro)sheets\//.test(target)) continue;
    const bytes = target ? files.get(target) : undefined;
    if (!bytes) return undefined;
    sheets.push({ name: s.name, bytes });
  }
  return { sheets, shared };
}
