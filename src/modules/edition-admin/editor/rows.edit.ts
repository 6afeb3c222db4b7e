// A list of rows in one form (answer options, scale options, matrix items), pure: each row says
// which existing code it was (`<prefix>-<i>-was`, empty for the new row at the end), whether it is
// to be removed, and a button may move one row up or down (`verplaats` = "<i>-op" / "<i>-neer").
import { direction, type FormReader, swap } from './form.edit.ts';

export type Row = { i: number; was: string; removed: boolean; fresh: boolean };

/** The form's rows in their new order; `known` are the codes the list has now, `blank` the empty rows offered. */
export function readRows(r: FormReader, prefix: string, known: readonly string[], blank = 1): Row[] {
  const count = Math.min(Number(r.raw('rijen', String(known.length + blank))) || 0, known.length + blank);
  const seen = new Set<string>();
  let rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const was = r.raw(`${prefix}-${i}-was`);
    if (was && (!known.includes(was) || seen.has(was))) continue; // not a row of this list: ignored
    if (was) seen.add(was);
    rows.push({ i, was, removed: !!was && r.checked(`${prefix}-${i}-remove`), fresh: !was });
  }
  const [index, dir] = (r.raw('verplaats') || '').split('-');
  const d = direction(dir);
  const at = rows.findIndex((row) => String(row.i) === index && !row.fresh);
  const last = rows.filter((row) => !row.fresh).length - 1;
  if (d && at >= 0 && at + d >= 0 && at + d <= last) rows = swap(rows, at, d);
  return rows;
}

/** Codes of the list that the form did not mention: kept as they are, at the end (never silently lost). */
export function unmentioned(rows: readonly Row[], known: readonly string[]): string[] {
  const mentioned = new Set(rows.map((row) => row.was));
  return known.filter((c) => !mentioned.has(c));
}
