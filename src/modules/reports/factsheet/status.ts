// How far a municipality is per action line and pillar, from its own answers. One function for the
// municipality and for every other municipality (the national comparison), so both always agree.
//
// The rule rests on the questionnaire's tips, the same that drive the web report's advice: a tip
// means "this is not (yet) in place". A question with tips is a row of the factsheet (a matrix: one
// row per item with a tip); a question without tips says nothing about progress and is left out.
// - ok: answered, no tip. partial: a tip, but the answer means "on the way" (PARTIAL below).
// - not: a tip for any other answer. none: not answered, or an answer that says nothing (NEUTRAL).
// A theme's level is the mean of its rows (ok 1, partial ½, not 0), rows without answer left out:
// all ok → 'sterk', none ok → 'begin', between → 'opweg'; no answered row → 'onbekend'.
import type { Question, Questionnaire } from '../../questionnaire/index.ts';
import { type Answer, type Answers, isVisible } from '../../responses/index.ts';
import { tipsFor } from '../municipal/index.ts';

export type Mark = 'ok' | 'partial' | 'not' | 'none';
export type Level = 'sterk' | 'opweg' | 'begin' | 'onbekend';
export const LEVELS: readonly Exclude<Level, 'onbekend'>[] = ['sterk', 'opweg', 'begin'];

/** Answers that carry a tip yet are a step on the way (a plan in preparation, a partial monitor). */
const PARTIAL: Readonly<Record<string, readonly string[]>> = {
  bestuurlijk_commitment: ['gemeenteraad'],
  financiering: ['eenmalig', 'coronasteun'],
  budget_status: ['eenmalig'],
  lokale_coalitie: ['initieren'],
  huisbezoeken_75plus: ['in_voorbereiding'],
  monitoring: ['deels'],
};
/** Single answers without a tip that still say nothing about the state of affairs. */
const NEUTRAL = new Set(['weet_niet', 'anders']);

export type Row = {
  /** `question` or `question|item`: the same key for every municipality. */
  key: string;
  question: string;
  item: string | null;
  mark: Mark;
};
export type ThemeStatus = { theme: string; rows: Row[]; level: Level };

/** The themes a factsheet covers: the action lines and the pillars, in questionnaire order. */
export function statusThemes(qn: Questionnaire) {
  return qn.themes.filter((t) => t.kind === 'actielijn' || t.kind === 'pijler');
}

export function rowsOf(q: Question, a: Answer | undefined, asked: boolean): Row[] {
  if (!q.tips || !asked) return [];
  const hits = tipsFor(q, a, true);
  const row = (item: string | null, mark: Mark): Row => ({ key: item ? `${q.key}|${item}` : q.key, question: q.key, item, mark });
  switch (q.type) {
    case 'single': {
      const v = a?.value;
      // A code the questionnaire does not know is no answer (as in the web report).
      if (!v || !q.options?.some((o) => o.code === v)) return [row(null, 'none')];
      if (hits.length) return [row(null, PARTIAL[q.key]?.includes(v) ? 'partial' : 'not')];
      return [row(null, NEUTRAL.has(v) ? 'none' : 'ok')];
    }
    case 'multi':
      return [row(null, !a?.values?.length ? 'none' : hits.length ? 'not' : 'ok')];
    case 'matrix':
      return (q.items ?? []).filter((it) => q.tips?.[it.code]).map((it) => {
        if (!a?.items?.[it.code]) return row(it.code, 'none');
        return row(it.code, hits.some((h) => h.item === it.code) ? 'not' : 'ok');
      });
    default:
      return [];
  }
}

const SCORE: Record<Exclude<Mark, 'none'>, number> = { ok: 1, partial: 0.5, not: 0 };

export function levelOf(rows: Row[]): Level {
  const scored = rows.filter((r) => r.mark !== 'none').map((r) => SCORE[r.mark as Exclude<Mark, 'none'>]);
  if (!scored.length) return 'onbekend';
  const mean = scored.reduce((s, v) => s + v, 0) / scored.length;
  return mean === 1 ? 'sterk' : mean === 0 ? 'begin' : 'opweg';
}

/** Every action line and pillar of one municipality's answers. */
export function assess(qn: Questionnaire, answers: Answers): ThemeStatus[] {
  return statusThemes(qn).map((t) => {
    const rows = qn.questions.filter((q) => q.theme === t.key).flatMap((q) => rowsOf(q, answers[q.key], isVisible(q, answers)));
    return { theme: t.key, rows, level: levelOf(rows) };
  });
}
