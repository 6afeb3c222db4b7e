// The items (rows) of a matrix question and the scale it is answered on (pure). An item a challenge
// option is about is not renamed or removed; an item's tip moves along with a rename.
import type { Item, Option, Question, Questionnaire } from '../../questionnaire/index.ts';
import { type Edit, type FormFields, FormReader } from './form.edit.ts';
import { readOptions, renameTips } from './options.edit.ts';
import { itemReferences, type Reference } from './references.edit.ts';
import { readRows, unmentioned } from './rows.edit.ts';

type ReadItems = { items: Item[]; renames: Map<string, string>; removed: string[] };

/** Reads rows `item-<i>-…` as for options (see readOptions); undefined when something is wrong. */
export function readItems(r: FormReader, current: readonly Item[], refs: (code: string) => Reference[], blank = 1): ReadItems | undefined {
  const rows = readRows(r, 'item', current.map((i) => i.code), blank);
  const before = r.errors.length;
  const items: Item[] = [];
  const renames = new Map<string, string>();
  const removed: string[] = [];
  const taken = new Set<string>();
  rows.forEach((row, n) => {
    const f = (name: string) => `item-${row.i}-${name}`;
    const old = current.find((i) => i.code === row.was);
    const part = row.fresh ? { key: 'part.newItem' as const } : { key: 'part.item' as const, params: { n: n + 1, code: row.was } };
    if (row.removed && old) {
      const blocking = refs(old.code);
      if (blocking.length) r.error(f('remove'), 'error.remove.referenced', part, { code: old.code }, blocking);
      removed.push(old.code);
      return;
    }
    if (!old && ['code', 'label-nl', 'label-en'].every((x) => !r.raw(f(x)))) return;
    const code = r.code(f('code'), part, taken, old?.code);
    if (code) taken.add(code);
    const label = r.text(f('label'), { key: 'part.itemLabel', params: { of: n + 1 } }, { required: true, current: old?.label });
    if (old && code && code !== old.code) {
      const blocking = refs(old.code);
      if (blocking.length) r.error(f('code'), 'error.rename.referenced', part, { code: old.code }, blocking);
      renames.set(old.code, code);
    }
    if (code && label) items.push({ code, label });
  });
  for (const code of unmentioned(rows, current.map((i) => i.code))) items.push(current.find((i) => i.code === code) as Item);
  if (r.errors.length === before && !items.length) r.error('item-0-code', 'error.items.none');
  return r.errors.length > before ? undefined : { items, renames, removed };
}

/** The items page of a matrix question. */
export function editItems(qn: Questionnaire, key: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const q = qn.questions.find((x) => x.key === key);
  if (q?.type !== 'matrix') return { values: r.values, errors: r.errors };
  const read = readItems(r, q.items ?? [], (code) => itemReferences(qn, key, code));
  if (!read) return { values: r.values, errors: r.errors };
  const tips = renameTips(q.tips, read.renames, read.removed);
  const edited: Question = { ...q, items: read.items, ...(tips && { tips }) };
  return { values: r.values, errors: [], next: { ...qn, questions: qn.questions.map((x) => (x.key === key ? edited : x)) } };
}

/** Empty option rows offered for a new scale (at least two are needed). */
export const NEW_SCALE_ROWS = 4;

/** The questions that answer on scale `name`. */
export function scaleUsers(qn: Questionnaire, name: string): Question[] {
  return qn.questions.filter((q) => q.type === 'matrix' && q.scale === name);
}

/**
 * The scale page of a matrix question: `schaal` names an existing scale, or (with `actie=nieuw`)
 * `naam` and option rows make a new one, shared from then on.
 */
export function chooseScale(qn: Questionnaire, key: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const q = qn.questions.find((x) => x.key === key);
  if (q?.type !== 'matrix') return { values: r.values, errors: r.errors };
  let scales = qn.scales;
  let name: string | undefined;
  if (r.raw('actie') === 'nieuw') {
    name = r.code('naam', { key: 'part.scaleName' }, new Set(Object.keys(qn.scales)));
    const read = readOptions(r, [], 'scale', () => [], NEW_SCALE_ROWS);
    if (!name || !read) return { values: r.values, errors: r.errors };
    scales = { ...qn.scales, [name]: read.options as Option[] };
  } else {
    name = r.raw('schaal');
    if (!qn.scales[name]) {
      r.error('schaal', 'error.scale.choose');
      return { values: r.values, errors: r.errors };
    }
  }
  const edited: Question = { ...q, scale: name };
  return { values: r.values, errors: [], next: { ...qn, scales, questions: qn.questions.map((x) => (x.key === key ? edited : x)) } };
}
