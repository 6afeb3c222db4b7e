// The parts of a workbook (SpreadsheetML, ECMA-376 part 1 §18) that hold text, read with a SAX
// parser: which sheets there are and in what order (workbook.xml and its relationships), the shared
// strings, and per sheet its cells row by row. Styles, drawings and comments are not read: we only
// want each cell's text. Tags are matched on their local name, so "x:row" (a prefixed namespace, as
// some exporters write) is a row too.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** A cell as the sheet stores it, before shared strings are looked up. */
export type RawCell = {
  col: number;
  /** The `t` attribute: s (shared string), str, inlineStr, b, e, d, n (the default). */
  type: string;
  /** `<v>`: the value, or a formula's cached result; undefined when absent. */
  value?: string;
  /** `<is>`: an inline string's text. */
  inline?: string;
  formula: boolean;
};
export type RawRow = { row: number; cells: RawCell[] };

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Column letters of a reference ("AB12" → 28); 0 when there are none. */
export function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** Gives other requests a turn every few milliseconds while a large part is parsed. */
export function turns(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 5) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

const CHUNK = 64 * 1024;

/**
 * Feeds `bytes` (UTF-8 XML) to a parser in chunks, giving way between them; `stop()` ends early.
 * A part that is no well-formed XML throws.
 */
async function parse(bytes: Buffer, handlers: {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}, giveWay: () => Promise<void>, stop: () => boolean = () => false): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(local(tag.name), tag.attributes));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag: SaxesTagPlain) => close(local(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let at = 0; at < bytes.length && !stop(); at += CHUNK) {
    parser.write(decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true }));
    if (failure) throw failure;
    await giveWay();
  }
  if (stop()) return;
  parser.close();
  if (failure) throw failure;
}

/** Relationship id → target part name, resolved against the folder of the part they belong to. */
export async function readRelationships(bytes: Buffer, folder: string, giveWay: () => Promise<void>): Promise<Map<string, { target: string; type: string }>> {
  const found = new Map<string, { target: string; type: string }>();
  await parse(bytes, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : resolve(folder, a.Target);
      found.set(a.Id, { target, type: a.Type ?? '' });
    },
  }, giveWay);
  return found;
}

function resolve(folder: string, target: string): string {
  const parts = folder ? folder.split('/') : [];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The sheets in the workbook's own order (the order of the tabs): name and relationship id. */
export async function readSheetList(bytes: Buffer, giveWay: () => Promise<void>): Promise<{ name: string; rel: string }[]> {
  const sheets: { name: string; rel: string }[] = [];
  await parse(bytes, {
    open(name, a) {
      if (name !== 'sheet') return;
      // The relationship attribute is r:id in every writer; its prefix may differ.
      const rel = Object.entries(a).find(([k]) => local(k) === 'id' && k !== 'id')?.[1] ?? '';
      sheets.push({ name: a.name ?? '', rel });
    },
  }, giveWay);
  return sheets;
}

/**
 * The shared strings in order. A rich-text string is its runs' text together; phonetic guides
 * (`rPh`, furigana) are not part of the text.
 */
export async function readSharedStrings(bytes: Buffer, giveWay: () => Promise<void>): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  await parse(bytes, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && current && !phonetic) inText = true;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(current.join(''));
        current = undefined;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText && current) current.push(t);
    },
  }, giveWay);
  return strings;
}

/**
 * A sheet's rows in order, handed to `onRow` one by one; when it returns false, reading stops.
 * `onCell` sees every cell that holds something as soon as it is read, so a limit on cells stops
 * even inside one enormous row. Rows and cells without a reference follow the one before, as the
 * format allows.
 */
export async function readSheetRows(bytes: Buffer, on: { row: (row: RawRow) => boolean; cell: (cell: RawCell) => boolean }, giveWay: () => Promise<void>): Promise<void> {
  let stopped = false;
  let row: RawRow | undefined;
  let lastRow = 0;
  let cell: RawCell | undefined;
  let into: 'value' | 'inline' | undefined;
  let phonetic = 0;
  await parse(bytes, {
    open(name, a) {
      if (stopped) return;
      if (name === 'row') {
        lastRow = a.r ? Number.parseInt(a.r, 10) : lastRow + 1;
        row = { row: lastRow, cells: [] };
      } else if (name === 'c' && row) {
        const before = row.cells.at(-1)?.col ?? 0;
        cell = { col: (a.r && columnNumber(a.r)) || before + 1, type: a.t ?? 'n', formula: false };
      } else if (!cell) return;
      else if (name === 'v') into = 'value';
      else if (name === 'f') cell.formula = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && !phonetic) {
        into = 'inline';
        cell.inline ??= '';
      }
    },
    close(name) {
      if (stopped) return;
      if (name === 'v' || name === 't') into = undefined;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell && row) {
        const filled = cell.value !== undefined || cell.inline !== undefined || cell.formula;
        if (filled && !on.cell(cell)) stopped = true;
        else if (filled) row.cells.push(cell);
        cell = undefined;
      } else if (name === 'row' && row) {
        if (!on.row(row)) stopped = true;
        row = undefined;
      }
    },
    text(t) {
      if (!cell || !into) return;
      if (into === 'value') cell.value = (cell.value ?? '') + t;
      else cell.inline += t;
    },
  }, giveWay, () => stopped);
}
