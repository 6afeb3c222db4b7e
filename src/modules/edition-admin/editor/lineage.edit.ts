// Lineage of one question (pure): none, "continues <key>" (same codes), "replaces <key>" with a
// mapping of the old codes onto ours, or "merges <key>, <key>…" with a mapping per predecessor.
// The keys and codes on offer come from the earlier editions in the database.
import { answerOptions, predecessorsOf, type Question, type Questionnaire, type Replaces, type Text } from '../../questionnaire/index.ts';
import { type Edit, type FormFields, FormReader } from './form.edit.ts';

export const LINEAGE_KINDS = ['none', 'continues', 'replaces', 'merges'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

export type EarlierQuestion = { key: string; type: Question['type']; editions: number[]; text: Text; codes: { code: string; label: Text }[] };

/**
 * Every question of an edition before `year`, under its key: wording of the newest edition, codes
 * of all. Keys in `asked` (this edition's other questions) are left out: a question cannot continue
 * one that is asked beside it.
 */
export function earlierQuestions(others: readonly Questionnaire[], year: number, asked: ReadonlySet<string> = new Set()): EarlierQuestion[] {
  const byKey = new Map<string, EarlierQuestion>();
  for (const o of [...others].filter((x) => x.edition < year).sort((a, b) => b.edition - a.edition)) {
    for (const q of o.questions) {
      if (asked.has(q.key)) continue;
      const e = byKey.get(q.key) ?? { key: q.key, type: q.type, editions: [], text: q.text, codes: [] };
      e.editions.unshift(o.edition);
      for (const opt of answerOptions(q, o)) if (!e.codes.some((c) => c.code === opt.code)) e.codes.push({ code: opt.code, label: opt.label });
      byKey.set(q.key, e);
    }
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The keys of this edition's other questions. */
export function askedBeside(qn: Questionnaire, key: string): Set<string> {
  return new Set(qn.questions.map((q) => q.key).filter((k) => k !== key));
}

export function lineageKind(q: Question): LineageKind {
  return q.continues ? 'continues' : q.replaces ? 'replaces' : q.merges ? 'merges' : 'none';
}

/** The mapping offered for predecessor `from`: as saved if it is the same, else the same code where ours has it. */
export function suggestedMapping(q: Question, qn: Questionnaire, from: EarlierQuestion): Record<string, string> {
  const saved = predecessorsOf(q).find((p) => p.key === from.key)?.options;
  const ours = new Set(answerOptions(q, qn).map((o) => o.code));
  return Object.fromEntries(from.codes.map((c) => [c.code, saved ? (saved[c.code] ?? '') : ours.has(c.code) ? c.code : '']));
}

/**
 * The lineage page: `soort`, the predecessors `van` (one; several for merges) and per predecessor
 * n and old code the new code `map-<n>-<old>` (empty: no counterpart).
 */
export function editLineage(qn: Questionnaire, others: readonly Questionnaire[], key: string, form: FormFields): Edit<Questionnaire> {
  const r = new FormReader(form);
  const q = qn.questions.find((x) => x.key === key);
  if (!q) return { values: r.values, errors: r.errors };
  const kind = r.raw('soort') as LineageKind;
  if (!LINEAGE_KINDS.includes(kind)) r.error('soort-none', 'error.lineage.kind');
  const earlier = earlierQuestions(others, qn.edition, askedBeside(qn, key));
  const keys = [...new Set(r.all('van'))];
  r.values.van = keys.join(' ');
  const from = keys.map((k) => earlier.find((e) => e.key === k));
  if (kind !== 'none' && (!keys.length || from.some((f) => !f))) r.error('van', 'error.lineage.key');
  else if ((kind === 'continues' || kind === 'replaces') && keys.length !== 1) r.error('van', 'error.lineage.one');
  else if (kind === 'merges' && keys.length < 2) r.error('van', 'error.lineage.two');
  if (kind === 'merges' && q.type !== 'single' && q.type !== 'multi') r.error('soort-merges', 'error.lineage.mergeType');
  if (r.errors.length) return { values: r.values, errors: r.errors };
  const ours = new Set(answerOptions(q, qn).map((o) => o.code));
  const mapped: Replaces[] = (from as EarlierQuestion[]).map((f, n) => {
    const options: Record<string, string> = {};
    for (const c of f.codes) {
      const field = `map-${n}-${c.code}`;
      const v = r.raw(field);
      if (v && !ours.has(v)) r.error(field, 'error.lineage.mapping', { key: 'part.mapping', params: { key: f.key, code: c.code } }, { code: v });
      else if (v) options[c.code] = v;
    }
    return { key: f.key, options };
  });
  if (r.errors.length) return { values: r.values, errors: r.errors };
  const { continues: _c, replaces: _r, merges: _m, ...rest } = q;
  const edited: Question = kind === 'continues' ? { ...rest, continues: keys[0] }
    : kind === 'replaces' ? { ...rest, replaces: mapped[0] }
    : kind === 'merges' ? { ...rest, merges: mapped }
    : rest;
  return { values: r.values, errors: [], next: { ...qn, questions: qn.questions.map((x) => (x.key === key ? edited : x)) } };
}
