// Reads the CSV files of a register year (pure): header, separator, encoding, and each record with
// the line it starts on, so every problem can name its line. The rules are in import.check.ts.
import { parse } from 'csv-parse/sync';
import { type FileKind, type NamedFile, type Problem, REQUIRED_COLUMNS } from './import.model.ts';
import { decodeTextFile, singleLine, TextEncodingError } from '../../web/text-file.ts';

export type CsvRecord = { line: number; values: Record<string, string> };
export type CsvTable = { columns: string[]; records: CsvRecord[] };

/** Comma as in data/register; a semicolon when the header has more of those (Dutch Excel). */
function separator(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** The table, or the problems that keep it from being read at all (empty, unreadable, columns missing). */
export function readCsv(kind: Exclude<FileKind, 'geo' | 'wijkGeo'>, file: NamedFile): { table?: CsvTable; problems: Problem[] } {
  let text: string;
  try {
    text = decodeTextFile(file.bytes).text;
  } catch (e) {
    if (e instanceof TextEncodingError) return { problems: [{ file: kind, line: e.line, key: 'file.encoding' }] };
    throw e;
  }
  if (text.trim() === '') return { problems: [{ file: kind, key: 'file.empty' }] };
  let raw: string[][];
  try {
    raw = parse(text, { delimiter: separator(text), relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { problems: [{ file: kind, line, key: 'file.unreadable', params: { reason: (e as Error).message.split('\n')[0].slice(0, 200) } }] };
  }
  // Line numbers: csv-parse skips empty lines, so count them from the text itself.
  const starts = recordLines(text);
  const columns = (raw[0] ?? []).map((c) => c.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS[kind].filter((c) => !columns.includes(c));
  if (missing.length) {
    return { problems: [{ file: kind, line: 1, key: 'file.columns', params: { missing: missing.join(', '), found: columns.join(', ') || '–', expected: REQUIRED_COLUMNS[kind].join(',') } }] };
  }
  const records = raw.slice(1).map((cells, i) => ({
    line: starts[i + 1] ?? i + 2,
    // Every value is one line: a line break or tab in a name (an Excel cell) becomes a space.
    values: Object.fromEntries(columns.map((c, j) => [c, singleLine(cells[j] ?? '')])),
  }));
  if (records.length === 0) return { problems: [{ file: kind, key: 'file.noRows' }] };
  return { table: { columns, records }, problems: [] };
}

/** The line on which each non-empty record starts (quotes may hold line breaks). */
function recordLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (blank && ch !== '\n' && ch !== '\r') {
      out.push(line);
      blank = false;
    }
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      if (!quoted) blank = true;
    }
  }
  return out;
}
