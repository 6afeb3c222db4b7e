// Answer options of a single/multi question and of a shared scale (pure): add, remove, rename,
// reorder, with labels, short labels, factsheet status, "exclusive", "Anders, namelijk" and the
// challenge subject. A code something else refers to is not renamed or removed: the error says who.
import { type Option, type Question, type Questionnaire, STATUSES, type Status } from '../../questionnaire/index.ts';
import { type Edit, type FormFields, FormReader, type Part } from './form.edit.ts';
import { blocksRename, optionReferences, type Reference, scaleReferences } from './references.edit.ts';
import { readRows, unmentioned } from './rows.edit.ts';

export type ListKind = 'single' | 'multi' | 'scale';
const ABOUT = /^[a-z0-9_]+(\.[a-z0-9_]+)?$/;

type Read = { options: Option[]; renames: Map<string, string>; removed: string[] };

function optionPart(i: number, code: string, fresh: boolean): Part {
  return fresh ? { key: 'part.newOption' } : { key: 'part.option', params: { n: i + 1, code } };
}

/** Reads rows `opt-<i>-…`; `refs` tells what refers to an existing code. Undefined result: see r.errors. */
export function readOptions(r: FormReader, current: readonly Option[], kind: ListKind, refs: (code: string) => Reference[], blank = 1): Read | undefined {
  const known = current.map((o) => o.code);
  const rows = readRows(r, 'opt', known, blank);
  const out: { option: Option; row: number }[] = [];
  const renames = new Map<string, string>();
  const removed: string[] = [];
  const before = r.errors.length;
  const taken = new Set<string>();
  rows.forEach((row, n) => {
    const f = (name: string) => `opt-${row.i}-${name}`;
    const old = current.find((o) => o.code === row.was);
    if (row.removed && old) {
      const blocking = refs(old.code);
      if (blocking.length) r.error(f('remove'), 'error.remove.referenced', optionPart(n, old.code, false), { code: old.code }, blocking);
      removed.push(old.code);
      return;
    }
    if (!old && ['code', 'label-nl', 'label-en', 'short-nl', 'short-en', 'about'].every((x) => !r.raw(f(x)))) return;
    const part = optionPart(n, old?.code ?? r.values[f('code')], row.fresh);
    const code = r.code(f('code'), part, taken, old?.code);
    if (code) taken.add(code);
    const label = r.text(f('label'), { key: 'part.label', params: { of: n + 1 } }, { required: true, current: old?.label });
    const short = r.text(f('short'), { key: 'part.short', params: { of: n + 1 } }, { required: false, current: old?.short });
    const status = r.raw(f('status'), old?.status ?? '');
    if (status && !STATUSES.includes(status as Status)) r.error(f('status'), 'error.status.invalid', part);
    const about = kind === 'scale' ? '' : r.raw(f('about'), old?.about ?? '');
    if (about && !ABOUT.test(about)) r.error(f('about'), 'error.about.invalid', part);
    const other = kind !== 'scale' && r.checked(f('other'));
    const exclusive = kind === 'multi' && r.checked(f('exclusive'));
    if (old && code && code !== old.code) {
      const blocking = refs(old.code).filter(blocksRename);
      if (blocking.length) r.error(f('code'), 'error.rename.referenced', part, { code: old.code }, blocking);
      renames.set(old.code, code);
    }
    if (!code || !label) return;
    out.push({
      row: row.i,
      option: {
        code, label, ...(short && { short }), ...(other && { other: true }), ...(exclusive && { exclusive: true }),
        ...(status && { status: status as Status }), ...(about && { about }),
      },
    });
  });
  for (const code of unmentioned(rows, known)) out.push({ row: -1, option: current.find((o) => o.code === code) as Option });
  if (r.errors.length > before) return undefined;
  if (out.length < (kind === 'scale' ? 2 : 1)) r.error('opt-0-code', kind === 'scale' ? 'error.options.tooFewScale' : 'error.options.none');
  const withStatus = out.filter((o) => o.option.status).length;
  if (withStatus > 0 && withStatus < out.length) {
    out.forEach((o, n) => {
      if (!o.option.status) r.error(`opt-${Math.max(o.row, 0)}-status`, 'error.status.missing', optionPart(n, o.option.code, false));
    });
  }
  const others = out.filter((o) => o.option.other);
  if (others.length > 1) r.error(`opt-${Math.max(others[1].row, 0)}-other`, 'error.other.twice', undefined, { codes: others.map((o) => o.option.code).join(', ') });
  return r.errors.length > before ? undefined : { options: out.map((o) => o.option), renames, removed };
}

const renameMapping = (m: Record<string, string>, renames: Map<string, string>) =>
  Object.fromEntries(Object.entries(m).map(([old, now]) => [old, renames.get(now) ?? now]));

/** A question's lineage with its mapped codes renamed. */
export function renameInLineage(q: Question, renames: Map<string, string>): Question {
  if (!renames.size) return q;
  return {
    ...q,
    ...(q.replaces && { replaces: { ...q.replaces, options: renameMapping(q.replaces.options, renames) } }),
    ...(q.merges && { merges: q.merges.map((m) => ({ ...m, options: renameMapping(m.options, renames) })) }),
  };
}

/** Tips keyed by code, renamed and without the removed codes. */
export function renameTips(tips: Question['tips'], renames: Map<string, string>, removed: readonly string[]): Question['tips'] {
  if (!tips) return tips;
  return Object.fromEntries(Object.entries(tips).filter(([c]) => !removed.includes(c)).map(([c, t]) => [renames.get(c) ?? c, t]));
}

/** The options page of a single or multi question. */
export function editQuestionOptions(qn: Questionnaire, others: readonly Questionnaire[], key: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const q = qn.questions.find((x) => x.key === key);
  if (!q || (q.type !== 'single' && q.type !== 'multi')) return { values: r.values, errors: r.errors };
  const read = readOptions(r, q.options ?? [], q.type, (code) => optionReferences(qn, others, key, code));
  if (!read) return { values: r.values, errors: r.errors };
  const tips = renameTips(q.tips, read.renames, read.removed);
  const edited: Question = { ...renameInLineage(q, read.renames), options: read.options, ...(tips && { tips }) };
  const droppedTips = read.removed.filter((c) => q.tips?.[c]);
  return {
    values: r.values, errors: [],
    next: { ...qn, questions: qn.questions.map((x) => (x.key === key ? edited : x)) },
    ...(droppedTips.length && { notice: { key: 'notice.tipsRemoved', params: { codes: droppedTips.join(', ') } } }),
  };
}

/** The page of a shared scale: its options, for every matrix question that uses it. */
export function editScaleOptions(qn: Questionnaire, others: readonly Questionnaire[], scale: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const current = qn.scales[scale];
  if (!current) return { values: r.values, errors: r.errors };
  const read = readOptions(r, current, 'scale', (code) => scaleReferences(qn, others, scale, code));
  if (!read) return { values: r.values, errors: r.errors };
  return {
    values: r.values, errors: [],
    next: {
      ...qn,
      scales: { ...qn.scales, [scale]: read.options },
      questions: qn.questions.map((q) => (q.type === 'matrix' && q.scale === scale ? renameInLineage(q, read.renames) : q)),
    },
  };
}
