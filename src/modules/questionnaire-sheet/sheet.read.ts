// XLSX bytes → the text of every cell, per sheet and row, with ExcelJS's streaming reader. Excel and
// LibreOffice hand back text as rich text, numbers, booleans (TRUE), links or with spaces around:
// all become plain trimmed text here. Limits: file size, unpacked size (sheet.zip.ts), rows per sheet.
import { Readable } from 'node:stream';
import type ExcelJSType from 'exceljs';
import { LIMITS, type SheetProblem } from './sheet.model.ts';
import { checkZip } from './sheet.zip.ts';

/** A row's non-empty cells by column number (1 = A). */
export type GridRow = { row: number; cells: Map<number, string> };
/** A sheet: its rows, and cells that could not be read as text (named by the importer, who knows the headers). */
export type Grid = { name: string; rows: GridRow[]; unreadable: { row: number; col: number; message: string }[] };

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

export type ReadResult = { grids: Grid[]; problems: SheetProblem[] };

/**
 * Every sheet's rows (header row included). A file that is too large, no zip or a zip that unpacks
 * to too much is one problem and nothing is read; a sheet longer than the limit is read up to it.
 */
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** A file of `size` bytes is too large to read: why, or undefined. */
export function sizeProblem(size: number, limits: Pick<typeof LIMITS, 'bytes'> = LIMITS): string | undefined {
  return size > limits.bytes ? `het bestand is groter dan ${mb(limits.bytes)}; een vragenlijst is veel kleiner` : undefined;
}

export async function readWorkbook(data: Uint8Array, limits: typeof LIMITS = LIMITS): Promise<ReadResult> {
  const tooLarge = sizeProblem(data.byteLength, limits);
  if (tooLarge) return fail(tooLarge);
  const zip = checkZip(data, limits);
  if (!zip.ok) {
    return fail({
      notZip: 'dit is geen Excel-werkmap (.xlsx); sla het bestand op als Excel-werkmap en probeer het opnieuw',
      broken: 'de Excel-werkmap is beschadigd of op een ongebruikelijke manier ingepakt; sla haar opnieuw op als .xlsx',
      tooBig: `de werkmap pakt uit tot meer dan ${mb(limits.unpackedBytes)}; een vragenlijst is veel kleiner`,
      tooMany: `de werkmap bestaat uit meer dan ${limits.entries} delen; een vragenlijst heeft er veel minder`,
    }[zip.reason]);
  }
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: typeof ExcelJSType };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data)]), {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore',
  });
  const grids: Grid[] = [];
  const problems: SheetProblem[] = [];
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? '';
      const grid: Grid = { name, rows: [], unreadable: [] };
      grids.push(grid);
      for await (const row of sheet as unknown as AsyncIterable<ExcelJSType.Row>) {
        // Past the limit this sheet is left (its part is still skipped over, at most `unpackedBytes`).
        if (row.number > limits.rows) {
          problems.push({ sheet: name, row: row.number, message: `het werkblad heeft meer dan ${limits.rows} rijen; wat daarna komt is niet gelezen` });
          break;
        }
        const cells = new Map<number, string>();
        (row.values as Value[]).forEach((v, col) => {
          const t = cellText(v);
          if ('problem' in t) grid.unreadable.push({ row: row.number, col, message: t.problem });
          else if (t.text.length > limits.cellChars) grid.unreadable.push({ row: row.number, col, message: `de cel heeft meer dan ${limits.cellChars} tekens` });
          else if (clean(t.text)) cells.set(col, clean(t.text));
        });
        if (cells.size) grid.rows.push({ row: row.number, cells });
      }
    }
  } catch {
    return fail('de Excel-werkmap is niet te lezen; sla haar opnieuw op als .xlsx (Excel-werkmap)');
  }
  return { grids, problems };
}

function fail(message: string): ReadResult {
  return { grids: [], problems: [{ message }] };
}
