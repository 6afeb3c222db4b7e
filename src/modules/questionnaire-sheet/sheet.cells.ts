// Reading one sheet of the workbook: its header row (XLSForm's column names, with the language in
// brackets), then each row's cells by column key, with the checks every cell kind needs. Each
// problem names sheet, row and the column as the file spells it. Pure.
import { z } from 'zod';
import type { Text, Tip } from '../questionnaire/index.ts';
import type { Grid } from './sheet.read.ts';
import { COLUMNS, columnLetter, headerOf, LANGUAGES, REQUIRED_COLUMNS, SETTINGS, type SHEET_NAMES, type SheetProblem, TRANSLATED } from './sheet.model.ts';

export type SheetName = (typeof SHEET_NAMES)[number];
export const CODE = /^[a-z0-9_]+$/;

/** One row of a sheet, its cells by column key (`label.nl`); empty cells are absent. */
export type SheetRow = { row: number; cells: Map<string, string> };

/** Collects problems; names a column by the header the file has (or ours, when the file lacks it). */
export class Problems {
  readonly list: SheetProblem[] = [];
  private readonly headers = new Map<string, Map<string, string>>();
  setHeader(sheet: string, key: string, header: string) {
    if (!this.headers.has(sheet)) this.headers.set(sheet, new Map());
    this.headers.get(sheet)?.set(key, header);
  }
  column(sheet: SheetName, key: string): string {
    return this.headers.get(sheet)?.get(key) ?? headerOf(sheet, key);
  }
  add(sheet: SheetName | string, row: number | undefined, key: string | undefined, message: string) {
    this.list.push({ sheet, row, column: key === undefined ? undefined : this.column(sheet as SheetName, key), message });
  }
}

/** A header cell → the column key, or why it is not one of ours. */
function columnKey(sheet: SheetName, header: string): { key: string } | { problem: string } {
  const m = /^([A-Za-z_ ]+?)\s*(?:::\s*(.*))?$/.exec(header);
  if (!m) return { problem: unknownColumn(sheet) };
  // XLSForm also accepts "list name" for list_name, and is case-insensitive about the base.
  const base = m[1].trim().toLowerCase().replace(/ +/g, '_');
  const translatedBase = (TRANSLATED as readonly string[]).includes(base);
  const example = `${base}::${LANGUAGES[0].suffix}`;
  let key = base;
  if (m[2] !== undefined) {
    const code = /\(\s*([A-Za-z-]+)\s*\)$/.exec(m[2])?.[1]?.toLowerCase();
    if (!translatedBase) return COLUMNS[sheet].some((c) => c.key === base) ? { problem: `deze kolom heeft geen taalversies; noem haar "${base}"` } : { problem: unknownColumn(sheet) };
    if (!code) return { problem: `geef de taalcode tussen haakjes, bijvoorbeeld ${example}` };
    if (!LANGUAGES.some((l) => l.lang === code)) return { problem: `onbekende taal (${code}); deze vragenlijst is in het Nederlands (nl) en het Engels (en)` };
    key = sheet === SETTINGS && base === 'form_title' && code === 'nl' ? 'form_title' : `${base}.${code}`;
  } else if (translatedBase && !(sheet === SETTINGS && base === 'form_title')) {
    return { problem: `geef de taal: ${example} en ${base}::${LANGUAGES[1].suffix}` };
  }
  return COLUMNS[sheet].some((c) => c.key === key) ? { key } : { problem: unknownColumn(sheet) };
}

function unknownColumn(sheet: SheetName): string {
  return `onbekende kolom; dit werkblad kent: ${COLUMNS[sheet].map((c) => c.header).join(', ')}`;
}

/** The rows of a sheet by column key, after checking its header row; undefined when it has none. */
export function sheetRows(grid: Grid, sheet: SheetName, problems: Problems): SheetRow[] | undefined {
  const first = grid.rows[0];
  if (first?.row !== 1) {
    problems.add(sheet, 1, undefined, `de eerste rij moet de kolomnamen bevatten (${REQUIRED_COLUMNS[sheet].map((k) => headerOf(sheet, k)).join(', ')})`);
    return undefined;
  }
  const keys = new Map<number, string>();
  const seen = new Map<string, number>();
  for (const [col, header] of first.cells) {
    const k = columnKey(sheet, header);
    if ('problem' in k) {
      problems.list.push({ sheet, row: 1, column: header, message: k.problem });
      continue;
    }
    const earlier = seen.get(k.key);
    if (earlier !== undefined) {
      problems.list.push({ sheet, row: 1, column: header, message: `staat er twee keer (ook in kolom ${columnLetter(earlier)})` });
      continue;
    }
    seen.set(k.key, col);
    keys.set(col, k.key);
    problems.setHeader(sheet, k.key, header);
  }
  const missing = REQUIRED_COLUMNS[sheet].filter((k) => !seen.has(k));
  for (const k of missing) problems.list.push({ sheet, row: 1, column: headerOf(sheet, k), message: 'deze kolom ontbreekt' });
  // Without them every row would have the same problem: the header's is enough.
  if (missing.length) return undefined;
  const headerText = (col: number) => first.cells.get(col) ?? columnLetter(col);
  for (const u of grid.unreadable) problems.list.push({ sheet, row: u.row, column: headerText(u.col), message: u.message });
  const rows: SheetRow[] = [];
  const headless = new Map<number, number[]>();
  for (const r of grid.rows.slice(1)) {
    const cells = new Map<string, string>();
    for (const [col, value] of r.cells) {
      const key = keys.get(col);
      if (key) cells.set(key, value);
      else if (!first.cells.has(col)) headless.set(col, [...(headless.get(col) ?? []), r.row]);
    }
    if (cells.size) rows.push({ row: r.row, cells });
  }
  for (const [col, at] of headless) {
    const more = at.length > 1 ? ` (en in nog ${at.length - 1} ${at.length === 2 ? 'rij' : 'rijen'})` : '';
    problems.list.push({ sheet, row: at[0], column: columnLetter(col), message: `een waarde in een kolom zonder naam in rij 1${more}` });
  }
  return rows;
}

/** Typed access to one row's cells; every reading that fails is a problem on that cell. */
export class Cells {
  constructor(readonly sheet: SheetName, readonly r: SheetRow, private readonly problems: Problems) {}
  get row() {
    return this.r.row;
  }
  get(key: string): string {
    return this.r.cells.get(key) ?? '';
  }
  say(key: string | undefined, message: string) {
    this.problems.add(this.sheet, this.r.row, key, message);
  }
  /** Cells that must stay empty on this kind of row. */
  onlyThese(allowed: readonly string[], what: string) {
    for (const key of this.r.cells.keys()) {
      if (!allowed.includes(key) && !allowed.includes(key.split('.')[0])) this.say(key, `wordt bij ${what} niet gebruikt; laat deze cel leeg`);
    }
  }
  /** A key or code: lower-case letters, digits and _. */
  code(key: string, what: string): string {
    const v = this.get(key);
    if (!v) this.say(key, `leeg; vul de ${what} in`);
    else if (!CODE.test(v)) this.say(key, `"${v}" is geen geldige ${what}: gebruik alleen kleine letters, cijfers en _`);
    return v;
  }
  /** Both languages, or (when optional) neither. */
  text(base: string, required: boolean): Text | undefined {
    const nl = this.get(`${base}.nl`);
    const en = this.get(`${base}.en`);
    if (nl && en) return { nl, en };
    if (!nl && !en && !required) return undefined;
    if (!nl) this.say(`${base}.nl`, required ? 'leeg; vul de Nederlandse tekst in' : 'leeg, terwijl de Engelse tekst er wel is; vul beide talen in of geen van beide');
    if (!en) this.say(`${base}.en`, required ? 'leeg; vul de Engelse tekst in' : 'leeg, terwijl de Nederlandse tekst er wel is; vul beide talen in of geen van beide');
    return undefined;
  }
  /** yes/no (also ja/nee, true/false, TRUE from a spreadsheet, 1/0); empty: not given. */
  flag(key: string): boolean | undefined {
    const v = this.get(key).toLowerCase();
    if (!v) return undefined;
    if (['yes', 'ja', 'true', '1', 'y'].includes(v)) return true;
    if (['no', 'nee', 'false', '0', 'n'].includes(v)) return false;
    this.say(key, `"${this.get(key)}" is geen ja of nee; gebruik yes of no (of laat de cel leeg)`);
    return undefined;
  }
  int(key: string, min = 0, max = 10_000): number | undefined {
    const v = this.get(key);
    if (!v) return undefined;
    if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      this.say(key, `"${v}" is geen heel getal${min || max !== 10_000 ? ` van ${min} tot en met ${max}` : ''}`);
      return undefined;
    }
    return Number(v);
  }
  /** A tip: Dutch and English text and a web address, all three or none. */
  tip(): Tip | undefined {
    const keys = ['tip.nl', 'tip.en', 'tip_url'];
    const given = keys.filter((k) => this.get(k));
    if (!given.length) return undefined;
    for (const k of keys.filter((x) => !this.get(x))) this.say(k, 'leeg; een tip heeft een Nederlandse en een Engelse tekst en een webadres (tip_url)');
    const url = this.get('tip_url');
    if (url && !z.string().url().safeParse(url).success) this.say('tip_url', `"${url}" is geen webadres; begin met https://`);
    if (given.length < 3 || !z.string().url().safeParse(url).success) return undefined;
    return { text: { nl: this.get('tip.nl'), en: this.get('tip.en') }, url };
  }
}
