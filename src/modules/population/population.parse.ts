// Reads and checks a population CSV against the register of its year (pure): every problem with
// its line and field. Comma as in data/population, a semicolon when the header has more of those
// (Dutch Excel); UTF-8, or Windows-1252 when the bytes are not UTF-8.
import { parse } from 'csv-parse/sync';
import {
  MAX_INHABITANTS,
  MAX_POPULATION_BYTES,
  POPULATION_COLUMNS,
  type PopulationProblem,
  type PopulationRow,
} from './population.model.ts';
import { decodeTextFile, TextEncodingError } from '../../web/text-file.ts';

function separator(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** A whole number of inhabitants: digits, optionally grouped by thousands (`243.768`, `243 768`). */
export function parseInhabitants(text: string): number | undefined {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}([ \u00a0\u202f]\d{3})+$/.test(s)) return Number(s.replace(/\D/g, ''));
  return undefined;
}

/**
 * The rows of the file, or the problems. `register` is the year's register (code → name); every
 * municipality in it needs exactly one figure, and every code in the file must be in it.
 */
export function readPopulationCsv(bytes: Uint8Array, register: ReadonlyMap<string, string>): { rows: PopulationRow[]; problems: PopulationProblem[] } {
  if (bytes.length > MAX_POPULATION_BYTES) return { rows: [], problems: [{ key: 'file.tooBig', params: { max: '2 MB' } }] };
  let text: string;
  try {
    text = decodeTextFile(bytes).text;
  } catch (e) {
    if (!(e instanceof TextEncodingError)) throw e;
    return { rows: [], problems: [{ line: e.line, key: 'file.encoding' }] };
  }
  if (text.trim() === '') return { rows: [], problems: [{ key: 'file.empty' }] };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter: separator(text), relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { rows: [], problems: [{ line, key: 'file.unreadable', params: { reason: (e as Error).message.split('\n')[0].slice(0, 200) } }] };
  }
  const columns = (records[0]?.record ?? []).map((c) => c.trim().toLowerCase());
  const missing = POPULATION_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    return { rows: [], problems: [{ line: 1, key: 'file.columns', params: { missing: missing.join(', '), found: columns.join(', ') || '–', expected: POPULATION_COLUMNS.join(',') } }] };
  }
  if (records.length < 2) return { rows: [], problems: [{ key: 'file.noRows' }] };
  const at = (cells: string[], c: string) => (cells[columns.indexOf(c)] ?? '').trim();
  const problems: PopulationProblem[] = [];
  const rows: PopulationRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const code = at(record, 'code').toUpperCase();
    const name = at(record, 'name');
    const raw = at(record, 'inhabitants');
    let ok = true;
    if (!/^GM\d{4}$/.test(code)) {
      problems.push({ line, field: 'code', key: 'row.code', params: { value: at(record, 'code') } });
      ok = false;
    } else if (!register.has(code)) {
      problems.push({ line, field: 'code', key: 'row.unknown', params: { value: code } });
      ok = false;
    } else if (seen.has(code)) {
      problems.push({ line, field: 'code', key: 'row.duplicate', params: { value: code, other: seen.get(code) as number } });
      ok = false;
    } else seen.set(code, line);
    if (name === '') {
      problems.push({ line, field: 'name', key: 'row.name' });
      ok = false;
    }
    const inhabitants = parseInhabitants(raw);
    if (inhabitants === undefined) {
      problems.push({ line, field: 'inhabitants', key: 'row.inhabitants', params: { value: raw } });
      ok = false;
    } else if (inhabitants < 1 || inhabitants > MAX_INHABITANTS) {
      problems.push({ line, field: 'inhabitants', key: 'row.range', params: { value: raw, max: MAX_INHABITANTS } });
      ok = false;
    }
    if (ok) rows.push({ line, code, name, inhabitants: inhabitants as number });
  }
  for (const [code, name] of register) {
    if (!seen.has(code)) problems.push({ key: 'muni.missing', params: { code, name } });
  }
  return { rows, problems };
}
