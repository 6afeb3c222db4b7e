// XLSX bytes → the text of every cell, per sheet and row, with the shared streaming reader
// (modules/spreadsheet) and this workbook's limits; its problems in the words of the questionnaire.
import { type Grid, megabytes, readSpreadsheet } from '../spreadsheet/index.ts';
import { LIMITS, type SheetProblem } from './sheet.model.ts';

export { cellText, clean, type Grid, type GridRow } from '../spreadsheet/index.ts';

export type ReadResult = { grids: Grid[]; problems: SheetProblem[] };

/** A file of `size` bytes is too large to read: why, or undefined. */
export function sizeProblem(size: number, limits: Pick<typeof LIMITS, 'bytes'> = LIMITS): string | undefined {
  return size > limits.bytes ? `het bestand is groter dan ${megabytes(limits.bytes)}; een vragenlijst is veel kleiner` : undefined;
}

/**
 * Every sheet's rows (header row included). A file that is too large, no zip or a zip that unpacks
 * to too much is one problem and nothing is read; a sheet longer than the limit is read up to it.
 */
export async function readWorkbook(data: Uint8Array, limits: typeof LIMITS = LIMITS): Promise<ReadResult> {
  const read = await readSpreadsheet(data, limits, { sheets: 'all', stopAtRowLimit: 'sheet' });
  if (!read.ok) {
    return fail({
      bytes: sizeProblem(data.byteLength, limits) ?? '',
      notZip: 'dit is geen Excel-werkmap (.xlsx); sla het bestand op als Excel-werkmap en probeer het opnieuw',
      broken: 'de Excel-werkmap is beschadigd of op een ongebruikelijke manier ingepakt; sla haar opnieuw op als .xlsx',
      unpackedBytes: `de werkmap pakt uit tot meer dan ${megabytes(limits.unpackedBytes)}; een vragenlijst is veel kleiner`,
      entries: `de werkmap bestaat uit meer dan ${limits.entries} delen; een vragenlijst heeft er veel minder`,
      cells: `de werkmap heeft meer dan ${limits.cells.toLocaleString('nl-NL')} gevulde cellen; een vragenlijst heeft er veel minder`,
      unreadable: 'de Excel-werkmap is niet te lezen; sla haar opnieuw op als .xlsx (Excel-werkmap)',
    }[read.reason]);
  }
  const problems: SheetProblem[] = read.grids.filter((g) => g.cutAt !== undefined)
    .map((g) => ({ sheet: g.name, row: g.cutAt, message: `het werkblad heeft meer dan ${limits.rows} rijen; wat daarna komt is niet gelezen` }));
  return { grids: read.grids, problems };
}

function fail(message: string): ReadResult {
  return { grids: [], problems: [{ message }] };
}
