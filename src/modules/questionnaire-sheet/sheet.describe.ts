// A diff in words, for the preview page and the command line: sections, each with lines that say
// what is new, removed or changed, and per changed line its fields.
import type { Lang, Text } from '../questionnaire/index.ts';
import type { Entry, FieldChange, QuestionnaireDiff } from './sheet.diff.ts';
import { type SheetKey, sheetText } from './sheet.i18n.ts';

export type DiffLine = { subject: string; details: string[] };
export type DiffSection = { title: string; lines: DiffLine[] };

export function fieldText(lang: Lang, c: FieldChange): string {
  const t = (key: SheetKey, params: Record<string, string | number> = {}) => sheetText(lang, key, params);
  const field = t(`field.${c.field}` as SheetKey);
  const shown = (v: string | Text | undefined) => (v === undefined || v === '' ? t('diff.empty') : typeof v === 'string' ? v : v[lang]);
  if ('added' in c) {
    const parts = [
      ...(c.added.length ? [t('diff.codes.added', { codes: c.added.join(', ') })] : []),
      ...(c.removed.length ? [t('diff.codes.removed', { codes: c.removed.join(', ') })] : []),
      ...(c.changed.length ? [t('diff.codes.changed', {
        codes: c.changed.map((x) => `${x.code} (${x.what.map((w) => t(`attr.${w}` as SheetKey)).join(', ')})`).join(', '),
      })] : []),
    ];
    return t('diff.codes', { field, parts: parts.join('; ') });
  }
  if (c.field === 'statuses') {
    return t('diff.codes', { field, parts: c.changed.map((s) => t('diff.status', { code: s.code, from: shown(s.from), to: shown(s.to) })).join('; ') });
  }
  if (c.field === 'order') return t('diff.value', { field, from: c.from.join(', '), to: c.to.join(', ') });
  if (typeof c.from === 'object' || typeof c.to === 'object' || c.from === undefined || c.to === undefined) {
    return t('diff.text', { field, from: shown(c.from), to: shown(c.to) });
  }
  return t('diff.value', { field, from: shown(c.from), to: shown(c.to) });
}

export function describeDiff(d: QuestionnaireDiff, lang: Lang): DiffSection[] {
  const t = (key: SheetKey, params: Record<string, string | number> = {}) => sheetText(lang, key, params);
  const subject = (e: Entry) => (e.label[lang] === e.key ? e.key : `${e.key} – ${e.label[lang]}`);
  const lines = (part: { added: Entry[]; removed: Entry[]; changed: Entry[] }): DiffLine[] => [
    ...part.added.map((e) => ({ subject: t('diff.added', { subject: subject(e) }), details: [] })),
    ...part.removed.map((e) => ({ subject: t('diff.removed', { subject: subject(e) }), details: [] })),
    ...part.changed.map((e) => ({ subject: t('diff.changed', { subject: subject(e) }), details: e.changes.map((c) => fieldText(lang, c)) })),
  ];
  const scales = {
    added: d.scales.added.map((key) => ({ key, label: { nl: key, en: key }, changes: [] })),
    removed: d.scales.removed.map((key) => ({ key, label: { nl: key, en: key }, changes: [] })),
    changed: d.scales.changed,
  };
  const sections: DiffSection[] = [
    { title: t('diff.section.name'), lines: d.name ? [{ subject: t('diff.name', { from: d.name.from[lang], to: d.name.to[lang] }), details: [] }] : [] },
    { title: t('diff.section.themes'), lines: lines(d.themes) },
    { title: t('diff.section.scales'), lines: lines(scales) },
    { title: t('diff.section.questions'), lines: [...lines(d.questions), ...(d.questions.order ? [{ subject: fieldText(lang, d.questions.order), details: [] }] : [])] },
    { title: t('diff.section.keyResults'), lines: lines(d.keyResults) },
  ];
  return sections.filter((s) => s.lines.length);
}

/** "Vragen: 1 nieuw, 0 weg, 2 gewijzigd. …" */
export function diffSummary(d: QuestionnaireDiff, lang: Lang): string {
  return sheetText(lang, 'preview.summary', {
    qa: d.questions.added.length, qr: d.questions.removed.length, qc: d.questions.changed.length,
    ta: d.themes.added.length, tr: d.themes.removed.length, tc: d.themes.changed.length,
    sa: d.scales.added.length, sr: d.scales.removed.length, sc: d.scales.changed.length,
    ka: d.keyResults.added.length, kr: d.keyResults.removed.length, kc: d.keyResults.changed.length,
  });
}
