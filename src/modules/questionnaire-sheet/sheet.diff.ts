// What an imported questionnaire changes compared with the current one: themes, scales, questions
// (field by field: texts, options, items, condition, lineage, tips, statuses) and key results. Pure.
import { isDeepStrictEqual } from 'node:util';
import { predecessorsOf, type Option, type Question, type Questionnaire, type Text, type Tip } from '../questionnaire/index.ts';
import { lineageOf, relevantOf } from './sheet.export.ts';

/** One changed field. Texts carry their old and new wording; lists carry codes. */
export type FieldChange =
  | { field: TextField; from?: Text; to?: Text }
  | { field: 'type' | 'theme' | 'scale' | 'showIf' | 'lineage' | 'kind' | 'number' | 'figure' | 'required' | 'comment' | 'reconstructed'; from: string; to: string }
  | { field: 'options' | 'items' | 'tips'; added: string[]; removed: string[]; changed: { code: string; what: OptionAttr[] }[] }
  | { field: 'statuses'; changed: { code: string; from: string; to: string }[] }
  | { field: 'order'; from: string[]; to: string[] };

type TextField = 'text' | 'help' | 'short' | 'title' | 'intro' | 'keyResultText';
export type OptionAttr = 'label' | 'short' | 'other' | 'exclusive' | 'about' | 'text' | 'url';

export type Entry = { key: string; label: Text; changes: FieldChange[] };

export type QuestionnaireDiff = {
  name?: { from: Text; to: Text };
  themes: { added: Entry[]; removed: Entry[]; changed: Entry[] };
  scales: { added: string[]; removed: string[]; changed: Entry[] };
  questions: { added: Entry[]; removed: Entry[]; changed: Entry[]; order?: FieldChange };
  keyResults: { added: Entry[]; removed: Entry[]; changed: Entry[] };
};

export function isEmptyDiff(d: QuestionnaireDiff): boolean {
  const parts = [d.themes, d.questions, d.keyResults].flatMap((p) => [p.added, p.removed, p.changed]);
  return !d.name && !d.questions.order && parts.every((p) => p.length === 0) && !d.scales.added.length && !d.scales.removed.length && !d.scales.changed.length;
}

const same = (a: unknown, b: unknown) => isDeepStrictEqual(a ?? null, b ?? null);
const flag = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');

function text(field: TextField, from: Text | undefined, to: Text | undefined): FieldChange[] {
  return same(from, to) ? [] : [{ field, from, to }];
}
function value(field: Extract<FieldChange, { from: string; to: string }>['field'], from: string, to: string): FieldChange[] {
  return from === to ? [] : [{ field, from, to } as FieldChange];
}

/** Added, removed and changed codes of two lists of coded things (options, items, tips). */
function codes<T extends { code: string }>(field: 'options' | 'items' | 'tips', before: T[], after: T[], attrs: (a: T, b: T) => OptionAttr[]): FieldChange[] {
  const old = new Map(before.map((x) => [x.code, x]));
  const now = new Map(after.map((x) => [x.code, x]));
  const added = after.filter((x) => !old.has(x.code)).map((x) => x.code);
  const removed = before.filter((x) => !now.has(x.code)).map((x) => x.code);
  const changed = after.flatMap((x) => {
    const o = old.get(x.code);
    const what = o ? attrs(o, x) : [];
    return what.length ? [{ code: x.code, what }] : [];
  });
  return added.length || removed.length || changed.length ? [{ field, added, removed, changed }] : [];
}

function optionAttrs(a: Option, b: Option): OptionAttr[] {
  return (['label', 'short', 'other', 'exclusive', 'about'] as const).filter((k) => !same(a[k], b[k]));
}

function statuses(before: Option[], after: Option[]): FieldChange[] {
  const old = new Map(before.map((o) => [o.code, o.status ?? '']));
  const changed = after.filter((o) => old.has(o.code) && old.get(o.code) !== (o.status ?? ''))
    .map((o) => ({ code: o.code, from: old.get(o.code) ?? '', to: o.status ?? '' }));
  return changed.length ? [{ field: 'statuses', changed }] : [];
}

function tips(q: Question): { code: string; tip: Tip }[] {
  return Object.entries(q.tips ?? {}).map(([code, tip]) => ({ code, tip }));
}

const lineageText = (q: Question) => {
  const l = lineageOf(q);
  return predecessorsOf(q).length ? [l.lineage, l.lineage_map].filter(Boolean).join(' · ') : '';
};

export function questionChanges(a: Question, b: Question): FieldChange[] {
  return [
    ...value('type', a.type, b.type),
    ...value('theme', a.theme, b.theme),
    ...text('text', a.text, b.text),
    ...text('help', a.help, b.help),
    ...text('short', a.short, b.short),
    ...value('required', flag(a.required), flag(b.required)),
    ...value('comment', flag(a.comment), flag(b.comment)),
    ...codes('options', a.options ?? [], b.options ?? [], optionAttrs),
    ...statuses(a.options ?? [], b.options ?? []),
    ...value('scale', a.scale ?? '', b.scale ?? ''),
    ...codes('items', a.items ?? [], b.items ?? [], (x, y) => (same(x.label, y.label) ? [] : ['label'])),
    ...value('showIf', a.showIf ? relevantOf(a.showIf) : '', b.showIf ? relevantOf(b.showIf) : ''),
    ...value('lineage', lineageText(a), lineageText(b)),
    ...codes('tips', tips(a), tips(b), (x, y) => [...(same(x.tip.text, y.tip.text) ? [] : ['text' as const]), ...(x.tip.url === y.tip.url ? [] : ['url' as const])]),
    ...value('figure', a.figure === undefined ? '' : String(a.figure), b.figure === undefined ? '' : String(b.figure)),
    ...value('reconstructed', flag(a.reconstructed), flag(b.reconstructed)),
  ];
}

/** Entries added to / removed from / changed between two keyed lists. */
function keyed<T>(before: T[], after: T[], key: (x: T) => string, label: (x: T) => Text, changes: (a: T, b: T) => FieldChange[]) {
  const old = new Map(before.map((x) => [key(x), x]));
  const now = new Set(after.map(key));
  return {
    added: after.filter((x) => !old.has(key(x))).map((x) => ({ key: key(x), label: label(x), changes: [] })),
    removed: before.filter((x) => !now.has(key(x))).map((x) => ({ key: key(x), label: label(x), changes: [] })),
    changed: after.flatMap((x) => {
      const o = old.get(key(x));
      const c = o === undefined ? [] : changes(o, x);
      return c.length ? [{ key: key(x), label: label(x), changes: c }] : [];
    }),
  };
}

export function diffQuestionnaires(a: Questionnaire, b: Questionnaire): QuestionnaireDiff {
  const themes = keyed(a.themes, b.themes, (t) => t.key, (t) => t.title, (x, y) => [
    ...text('title', x.title, y.title), ...text('short', x.short, y.short), ...text('intro', x.intro, y.intro),
    ...value('kind', x.kind, y.kind), ...value('number', x.number === undefined ? '' : String(x.number), y.number === undefined ? '' : String(y.number)),
  ]);
  const scaleNames = (q: Questionnaire) => Object.keys(q.scales);
  const scales = {
    added: scaleNames(b).filter((n) => !a.scales[n]),
    removed: scaleNames(a).filter((n) => !b.scales[n]),
    changed: scaleNames(b).filter((n) => a.scales[n]).flatMap((n) => {
      const c = [...codes('options', a.scales[n], b.scales[n], optionAttrs), ...statuses(a.scales[n], b.scales[n])];
      return c.length ? [{ key: n, label: { nl: n, en: n }, changes: c }] : [];
    }),
  };
  const questions = keyed(a.questions, b.questions, (q) => q.key, (q) => q.text, questionChanges);
  // The order of the questions that stay (added and removed ones aside).
  const kept = (q: Questionnaire, other: Questionnaire) => q.questions.map((x) => x.key).filter((k) => other.questions.some((y) => y.key === k));
  const order = same(kept(a, b), kept(b, a)) ? undefined : ({ field: 'order', from: kept(a, b), to: kept(b, a) } as const);
  const krKey = (k: NonNullable<Questionnaire['keyResults']>[number]) => `${k.question}:${k.options.join(',')}`;
  const keyResults = keyed(a.keyResults ?? [], b.keyResults ?? [], krKey, (k) => k.text, (x, y) => text('keyResultText', x.text, y.text));
  return {
    ...(same(a.name, b.name) ? {} : { name: { from: a.name, to: b.name } }),
    themes, scales, questions: { ...questions, ...(order && { order }) }, keyResults,
  };
}
