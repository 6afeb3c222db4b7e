// Texts whose English is missing or the same as the Dutch (pure), each with the page and field
// where it is fixed. (An English text left empty in the editor takes the Dutch one until translated.)
import type { Questionnaire, Text } from '../../questionnaire/index.ts';

export type GapPage =
  | { kind: 'theme'; theme: string }
  | { kind: 'question' | 'options' | 'items' | 'tips'; question: string }
  | { kind: 'scale'; scale: string };

export type Gap = {
  page: GapPage;
  /** The English field's id on that page. */
  field: string;
  /** What the text is, for the list: "vraagtekst", "antwoordoptie "ja"" (a key of the editor's texts, with parameters). */
  what: { key: 'gap.themeTitle' | 'gap.themeShort' | 'gap.themeIntro' | 'gap.text' | 'gap.help' | 'gap.short' | 'gap.option' | 'gap.optionShort' | 'gap.item' | 'gap.tip' | 'gap.keyResult'; params?: Record<string, string | number> };
  /** Where it is: the theme or question it belongs to. */
  owner: string;
  text: Text;
  missing: boolean;
};

/** Missing, or the same as the Dutch; a text that is only a placeholder (`{item}`) has nothing to translate. */
const needs = (t: Text | undefined): t is Text =>
  !!t && /\p{L}/u.test(t.nl.replace(/\{item\}/g, '')) && (!t.en.trim() || t.en.trim() === t.nl.trim());

export function translationGaps(qn: Questionnaire): Gap[] {
  const gaps: Gap[] = [];
  const add = (page: GapPage, field: string, what: Gap['what'], owner: string, t: Text | undefined) => {
    if (needs(t)) gaps.push({ page, field, what, owner, text: t, missing: !t.en.trim() });
  };
  for (const th of qn.themes) {
    const page = { kind: 'theme' as const, theme: th.key };
    add(page, 'title-en', { key: 'gap.themeTitle' }, th.title.nl, th.title);
    add(page, 'short-en', { key: 'gap.themeShort' }, th.title.nl, th.short);
    add(page, 'intro-en', { key: 'gap.themeIntro' }, th.title.nl, th.intro);
  }
  qn.questions.forEach((q, n) => {
    const owner = `${n + 1}. ${q.text.nl}`;
    const main = { kind: 'question' as const, question: q.key };
    add(main, 'text-en', { key: 'gap.text' }, owner, q.text);
    add(main, 'help-en', { key: 'gap.help' }, owner, q.help);
    add(main, 'short-en', { key: 'gap.short' }, owner, q.short);
    for (const [i, o] of (q.options ?? []).entries()) {
      add({ kind: 'options', question: q.key }, `opt-${i}-label-en`, { key: 'gap.option', params: { code: o.code } }, owner, o.label);
      add({ kind: 'options', question: q.key }, `opt-${i}-short-en`, { key: 'gap.optionShort', params: { code: o.code } }, owner, o.short);
    }
    for (const [i, it] of (q.items ?? []).entries()) {
      add({ kind: 'items', question: q.key }, `item-${i}-label-en`, { key: 'gap.item', params: { code: it.code } }, owner, it.label);
    }
    for (const [code, tip] of Object.entries(q.tips ?? {})) add({ kind: 'tips', question: q.key }, `tip-${code}-en`, { key: 'gap.tip', params: { code } }, owner, tip.text);
    for (const k of qn.keyResults ?? []) {
      if (k.question === q.key) add(main, 'kernresultaten', { key: 'gap.keyResult' }, owner, k.text);
    }
  });
  for (const [name, scale] of Object.entries(qn.scales)) {
    for (const [i, o] of scale.entries()) {
      add({ kind: 'scale', scale: name }, `opt-${i}-label-en`, { key: 'gap.option', params: { code: o.code } }, name, o.label);
      add({ kind: 'scale', scale: name }, `opt-${i}-short-en`, { key: 'gap.optionShort', params: { code: o.code } }, name, o.short);
    }
  }
  return gaps;
}
