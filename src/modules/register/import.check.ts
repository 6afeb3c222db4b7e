// The rules for a register year (pure): each row of each file, and how the files fit together and
// with the years already known. Every problem names its file, line and field.
import { codeList } from './geometry.model.ts';
import {
  MERGER_TYPES, type MergerRow, type MergerType, MUNICIPALITY_CODE, type MunicipalityRow, type Problem, WIJK_CODE, type WijkRow,
} from './import.model.ts';
import type { CsvTable } from './import.parse.ts';

export type StoredMerger = { yearEffective: number; firstListYear: number; oldCode: string; newCode: string };
export type CheckContext = {
  year: number;
  /** Known province codes (data/register/provinces.csv). */
  provinces: ReadonlySet<string>;
  /** The newest register year before `year`, with its codes and names. */
  previous?: { year: number; names: ReadonlyMap<string, string> };
  /** Every municipality code of any register year before `year`. */
  earlierCodes: ReadonlySet<string>;
  stored: readonly StoredMerger[];
};

/** A stored merger belongs to the imported year when it first shows in a list after the previous year, up to this one. */
export const ownYear = (ctx: Pick<CheckContext, 'year' | 'previous'>, firstListYear: number) =>
  firstListYear <= ctx.year && (ctx.previous === undefined ? firstListYear === ctx.year : firstListYear > ctx.previous.year);

export function checkMunicipalities(table: CsvTable, ctx: CheckContext): { rows: MunicipalityRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: MunicipalityRow[] = [];
  const seen = new Map<string, number>();
  const known = [...ctx.provinces].sort().join(', ');
  for (const { line, values: v } of table.records) {
    const say = (field: string, key: Problem['key'], params?: Problem['params']) => problems.push({ file: 'municipalities', line, field, key, params });
    if (table.columns.includes('year') && v.year !== String(ctx.year)) say('year', 'row.year', { value: v.year, year: ctx.year });
    if (!MUNICIPALITY_CODE.test(v.code)) say('code', 'row.code', { value: v.code });
    else if (seen.has(v.code)) say('code', 'row.duplicate', { value: v.code, first: seen.get(v.code) as number });
    else seen.set(v.code, line);
    if (!v.name) say('name', 'row.name');
    if (!ctx.provinces.has(v.province_code)) say('province_code', 'row.province', { value: v.province_code, known });
    if (v.number && MUNICIPALITY_CODE.test(v.code) && v.number.padStart(4, '0') !== v.code.slice(2)) say('number', 'row.number', { value: v.number, code: v.code });
    rows.push({ line, code: v.code, name: v.name, provinceCode: v.province_code });
  }
  return { rows, problems };
}

const INT = /^\d{4}$/;
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * The merger rows of this year (first shown in a list after the previous register year, up to
 * this one). Rows of other years are skipped when already stored (a whole mergers.csv may be
 * given), and refused otherwise: they belong to the import of their own year.
 */
export function checkMergers(table: CsvTable, ctx: CheckContext, list: ReadonlySet<string>): { rows: MergerRow[]; skipped: number; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: MergerRow[] = [];
  let skipped = 0;
  const seen = new Map<string, number>();
  const stored = new Set(ctx.stored.map((m) => `${m.yearEffective}|${m.oldCode}|${m.newCode}`));
  for (const { line, values: v } of table.records) {
    const before = problems.length;
    const say = (field: string, key: Problem['key'], params?: Problem['params']) => problems.push({ file: 'mergers', line, field, key, params });
    for (const f of ['year_effective', 'first_list_year'] as const) if (!INT.test(v[f])) say(f, 'merger.int', { value: v[f] });
    if (!isDate(v.date_effective)) say('date_effective', 'merger.date', { value: v.date_effective });
    for (const f of ['old_code', 'new_code'] as const) if (!MUNICIPALITY_CODE.test(v[f])) say(f, 'row.code', { value: v[f] });
    for (const f of ['old_name', 'new_name'] as const) if (!v[f]) say(f, 'row.name');
    if (!(MERGER_TYPES as readonly string[]).includes(v.type)) say('type', 'merger.type', { value: v.type, types: MERGER_TYPES.join(', ') });
    const share = v.area_share ?? '';
    if (share !== '' && !(/^\d+(\.\d+)?$/.test(share) && Number(share) <= 1)) say('area_share', 'merger.share', { value: share });
    if (problems.length > before) continue;
    const first = Number(v.first_list_year);
    const key = `${v.year_effective}|${v.old_code}|${v.new_code}`;
    if (!ownYear(ctx, first)) {
      if (stored.has(key)) skipped++;
      else say('first_list_year', first > ctx.year ? 'merger.later' : 'merger.otherYear', { value: first, year: ctx.year });
      continue;
    }
    const pair = `${v.old_code}|${v.new_code}`;
    if (seen.has(pair)) {
      say('new_code', 'merger.duplicate', { old: v.old_code, new: v.new_code, first: seen.get(pair) as number });
      continue;
    }
    seen.set(pair, line);
    const type = v.type as MergerType;
    if (!list.has(v.new_code)) say('new_code', 'merger.newUnknown', { value: v.new_code, year: ctx.year });
    if (!ctx.earlierCodes.has(v.old_code)) say('old_code', 'merger.oldUnknown', { value: v.old_code, year: ctx.year });
    else if (type !== 'continues' && list.has(v.old_code)) say('old_code', 'merger.oldStays', { value: v.old_code, type, year: ctx.year });
    else if (type === 'continues' && !list.has(v.old_code)) say('old_code', 'merger.continuesGone', { value: v.old_code, year: ctx.year });
    rows.push({
      line, yearEffective: Number(v.year_effective), dateEffective: v.date_effective, firstListYear: first, oldCode: v.old_code,
      oldName: v.old_name, newCode: v.new_code, newName: v.new_name, type, areaShare: share === '' ? null : Number(share),
    });
  }
  problems.push(...cycles(rows, ctx));
  return { rows, skipped, problems };
}

/** A chain of mergers that comes back where it started (old → … → old). */
function cycles(rows: MergerRow[], ctx: CheckContext): Problem[] {
  const next = new Map<string, Set<string>>();
  const edge = (a: string, b: string) => {
    if (a !== b) (next.get(a) ?? next.set(a, new Set()).get(a))?.add(b);
  };
  for (const m of ctx.stored) if (!ownYear(ctx, m.firstListYear)) edge(m.oldCode, m.newCode);
  for (const m of rows) edge(m.oldCode, m.newCode);
  const problems: Problem[] = [];
  for (const m of rows) {
    if (m.oldCode === m.newCode) continue;
    const path = findPath(next, m.newCode, m.oldCode);
    if (path) problems.push({ file: 'mergers', line: m.line, field: 'new_code', key: 'merger.cycle', params: { chain: [m.oldCode, ...path].join(' → ') } });
  }
  return problems;
}

function findPath(next: Map<string, Set<string>>, from: string, to: string): string[] | undefined {
  const back = new Map<string, string>([[from, '']]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift() as string;
    if (at === to) {
      const path = [at];
      for (let p = back.get(at); p; p = back.get(p)) path.unshift(p);
      return path;
    }
    for (const n of next.get(at) ?? []) {
      if (!back.has(n)) {
        back.set(n, at);
        queue.push(n);
      }
    }
  }
  return undefined;
}

/**
 * The list against the previous register year: a code that is new must be the new code of a
 * merger, and a code that is gone the old code of one.
 */
export function checkChain(rows: MunicipalityRow[], mergers: MergerRow[], ctx: CheckContext, hasMergerFile: boolean): Problem[] {
  const prev = ctx.previous;
  if (!prev) return [];
  const problems: Problem[] = [];
  const made = new Set(mergers.filter((m) => m.type !== 'continues').map((m) => m.newCode));
  const ended = new Set(mergers.filter((m) => m.type !== 'continues').map((m) => m.oldCode));
  const hint = hasMergerFile ? '' : ' (--mergers)';
  for (const r of rows) {
    if (MUNICIPALITY_CODE.test(r.code) && !prev.names.has(r.code) && !made.has(r.code)) {
      problems.push({ file: 'municipalities', line: r.line, field: 'code', key: 'row.newWithoutMerger', params: { value: r.code, previous: prev.year, hint } });
    }
  }
  const listed = new Set(rows.map((r) => r.code));
  const gone = [...prev.names.keys()].filter((c) => !listed.has(c) && !ended.has(c));
  if (gone.length) {
    problems.push({
      file: 'municipalities', field: 'code', key: 'muni.vanished',
      params: { n: gone.length, codes: codeList(gone.map((c) => `${c} (${prev.names.get(c)})`)), previous: prev.year, year: ctx.year, hint },
    });
  }
  return problems;
}

export function checkWijken(table: CsvTable, municipalities: ReadonlySet<string>, year: number): { rows: WijkRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: WijkRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of table.records) {
    const say = (field: string, key: Problem['key'], params?: Problem['params']) => problems.push({ file: 'wijken', line, field, key, params });
    const before = problems.length;
    if (!WIJK_CODE.test(v.wijk_code)) say('wijk_code', 'wijk.code', { value: v.wijk_code });
    else if (seen.has(v.wijk_code)) say('wijk_code', 'wijk.duplicate', { value: v.wijk_code, first: seen.get(v.wijk_code) as number });
    else seen.set(v.wijk_code, line);
    if (!v.wijk_name) say('wijk_name', 'wijk.name');
    if (!municipalities.has(v.municipality_code)) say('municipality_code', 'wijk.municipality', { value: v.municipality_code, wijk: v.wijk_code, year });
    else if (WIJK_CODE.test(v.wijk_code) && v.wijk_code.slice(2, 6) !== v.municipality_code.slice(2)) {
      say('wijk_code', 'wijk.prefix', { value: v.wijk_code, municipality: v.municipality_code });
    }
    if (problems.length === before) rows.push({ line, code: v.wijk_code, name: v.wijk_name, municipalityCode: v.municipality_code });
  }
  return { rows, problems };
}
