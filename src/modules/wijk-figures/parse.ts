// Reads the CSV that CBS/RIVM publish for dataset 50120NED into figures, pure (no database).
// What the file looks like varies by release and download route, so everything is found by name:
// region code column (Codering_3, WijkenEnBuurten, RegioS or wijk_code), Perioden or a year column,
// the indicator columns by prefix (their numeric suffix shifts), ';' or ',' as separator, decimal
// commas, "." / "" / "x" for no figure. Rows for buurten (BU…), other age groups (Leeftijd) and
// margins (Marges) are skipped, not reported: a full download is mostly those.
import { parse } from 'csv-parse/sync';
import { COLUMN_PREFIX, INDICATORS, type Indicator, REQUIRED_INDICATORS, regionKind, type WijkFigure } from './model.ts';
import type { WijkRegister } from './register.ts';
import { decodeTextFile, TextEncodingError } from '../../web/text-file.ts';

export type ProblemKey =
  | 'file.empty' | 'file.unreadable' | 'file.encoding' | 'file.noRegion' | 'file.noPeriod' | 'file.missing' | 'file.twice'
  | 'row.code' | 'row.unknownWijk' | 'row.unknownMunicipality' | 'row.period' | 'row.number' | 'row.range' | 'row.duplicate';
export type Problem = { line: number; key: ProblemKey; params?: Record<string, string | number> };

export type ParsedFile = {
  figures: WijkFigure[];
  /** Rows with a problem; none of their figures is in `figures`. */
  problems: Problem[];
  /** Problems with the file as a whole (no rows read at all). */
  fileErrors: Problem[];
  /** Data rows read (after the header), and how many were skipped on purpose. */
  rows: number;
  skipped: number;
  columns: Partial<Record<Indicator, string>>;
};

/** Known codes: the wijken register, plus municipality codes of any register year. */
export type Known = { register: WijkRegister; municipalities: ReadonlyMap<string, string> };

const MISSING = new Set(['', '.', 'x', 'X']);
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const ADULTS = /^(20300|18 jaar of ouder|18\+)$/i;
const VALUE_MARGIN = /^(MW00000|waarde)$/i;

function separator(header: string): string {
  const count = (ch: string) => header.split(ch).length - 1;
  return [';', '\t', ','].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ';');
}

function findColumn(header: string[], patterns: RegExp[]): number {
  for (const p of patterns) {
    const i = header.findIndex((h) => p.test(h));
    if (i >= 0) return i;
  }
  return -1;
}

export function parseWijkCsv(bytes: Uint8Array, known: Known): ParsedFile {
  const out: ParsedFile = { figures: [], problems: [], fileErrors: [], rows: 0, skipped: 0, columns: {} };
  let text: string;
  try {
    text = decodeTextFile(bytes).text;
  } catch (e) {
    if (e instanceof TextEncodingError) return { ...out, fileErrors: [{ line: e.line, key: 'file.encoding' }] };
    throw e;
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.trim()) return { ...out, fileErrors: [{ line: 1, key: 'file.empty' }] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: separator(firstLine), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (e) {
    // E.g. a quote that is never closed: say where, not a 500.
    return { ...out, fileErrors: [{ line: (e as { lines?: number }).lines ?? 1, key: 'file.unreadable' }] };
  }
  const header = records[0].record.map((h) => h.trim());
  const region = findColumn(header, [/^Codering_\d+$/i, /^WijkenEnBuurten$/i, /^RegioS$/i, /^(wijk_code|regio_code|region_code)$/i]);
  const period = findColumn(header, [/^Perioden$/i, /^(jaar|year|periode)$/i]);
  const age = findColumn(header, [/^Leeftijd$/i]);
  const margin = findColumn(header, [/^Marges$/i]);
  if (region < 0) out.fileErrors.push({ line: 1, key: 'file.noRegion' });
  if (period < 0) out.fileErrors.push({ line: 1, key: 'file.noPeriod' });
  const columnOf = new Map<Indicator, number>();
  for (const ind of INDICATORS) {
    const re = new RegExp(`^${COLUMN_PREFIX[ind]}\\d+$`);
    const hits = header.flatMap((h, i) => (re.test(h) ? [i] : []));
    if (hits.length > 1) out.fileErrors.push({ line: 1, key: 'file.twice', params: { prefix: COLUMN_PREFIX[ind], columns: hits.map((i) => header[i]).join(', ') } });
    else if (hits.length === 1) {
      columnOf.set(ind, hits[0]);
      out.columns[ind] = header[hits[0]];
    } else if (REQUIRED_INDICATORS.includes(ind)) out.fileErrors.push({ line: 1, key: 'file.missing', params: { prefix: `${COLUMN_PREFIX[ind]}…` } });
  }
  if (out.fileErrors.length) return out;

  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const cell = (i: number) => (record[i] ?? '').trim();
    out.rows++;
    const code = cell(region).toUpperCase();
    if (code.startsWith('BU') || (age >= 0 && !ADULTS.test(cell(age))) || (margin >= 0 && !VALUE_MARGIN.test(cell(margin)))) {
      out.skipped++;
      continue;
    }
    const problem = (key: ProblemKey, params?: Problem['params']) => out.problems.push({ line, key, params });
    const kind = regionKind(code);
    if (!kind) { problem('row.code', { code }); continue; }
    const wijk = kind === 'wijk' ? known.register.wijken.get(code) : undefined;
    if (kind === 'wijk' && !wijk) { problem('row.unknownWijk', { code }); continue; }
    const gmName = kind === 'gemeente' ? (known.register.municipalities.get(code) ?? known.municipalities.get(code)) : undefined;
    if (kind === 'gemeente' && !gmName) { problem('row.unknownMunicipality', { code }); continue; }
    const year = /^(\d{4})/.exec(cell(period))?.[1];
    if (!year || Number(year) < 2000 || Number(year) > 2100) { problem('row.period', { value: cell(period) }); continue; }
    const key = `${code}|${year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) { problem('row.duplicate', { code, year, line: earlier }); continue; }
    seen.set(key, line);
    const figures: WijkFigure[] = [];
    let bad = false;
    for (const [ind, col] of columnOf) {
      const raw = cell(col);
      if (MISSING.has(raw)) continue;
      if (!NUMBER.test(raw)) { problem('row.number', { column: header[col], value: raw }); bad = true; break; }
      const value = Number(raw.replace(',', '.'));
      if (value < 0 || value > 100) { problem('row.range', { column: header[col], value: raw }); bad = true; break; }
      figures.push({
        regionCode: code, year: Number(year), indicator: ind, value: Math.round(value * 10) / 10,
        municipalityCode: kind === 'land' ? null : kind === 'gemeente' ? code : (wijk?.municipalityCode ?? null),
        regionName: kind === 'land' ? 'Nederland' : kind === 'gemeente' ? (gmName ?? '') : (wijk?.name ?? ''),
      });
    }
    if (!bad) out.figures.push(...figures);
  }
  return out;
}
