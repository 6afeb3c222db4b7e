// How far a municipality is per action line and pillar, from its own answers. One function for the
// municipality and for every other municipality (the national comparison), so both always agree.
//
// The rule rests on the questionnaire's status per option (edited by the bureau with the
// questionnaire): ok = in place, partial = on the way, not = not in place, neutral = says nothing.
// - single: a row, marked by the chosen option's status (neutral or not answered → none).
// - multi: a row; any chosen "not" → not, else any "partial" → partial, else any "ok" → ok, else none.
// - matrix: one row per item with a tip, marked by the status of the item's answer on the scale.
// A question whose options (or scale) carry no status says nothing about progress and is left out.
// A theme's level is the mean of its rows (ok 1, partial ½, not 0), rows without answer left out:
// all ok → 'sterk', none ok → 'begin', between → 'opweg'; no answered row → 'onbekend'.
import { answerOptions, hasStatuses, type Question, type Questionnaire, type Status } from '../../questionnaire/index.ts';
import { type Answer, type Answers, isVisible } from '../../responses/index.ts';

export type Mark = 'ok' | 'partial' | 'not' | 'none';
export type Level = 'sterk' | 'opweg' | 'begin' | 'onbekend';
export const LEVELS: readonly Exclude<Level, 'onbekend'>[] = ['sterk', 'opweg', 'begin'];

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

const markOf = (s: Status | undefined): Mark => (s === undefined || s === 'neutral' ? 'none' : s);

/** The worst mark of a multi answer's chosen options. */
function multiMark(statuses: Array<Status | undefined>): Mark {
  for (const m of ['not', 'partial', 'ok'] as const) if (statuses.includes(m)) return m;
  return 'none';
}

export function rowsOf(q: Question, qn: Questionnaire, a: Answer | undefined, asked: boolean): Row[] {
  const options = answerOptions(q, qn);
  if (!asked || !hasStatuses(options)) return [];
  const status = new Map(options.map((o) => [o.code, o.status]));
  const row = (item: string | null, mark: Mark): Row => ({ key: item ? `${q.key}|${item}` : q.key, question: q.key, item, mark });
  switch (q.type) {
    case 'single':
      // A code the questionnaire does not know is no answer (as in the web report).
      return [row(null, markOf(a?.value ? status.get(a.value) : undefined))];
    case 'multi':
      return [row(null, multiMark((a?.values ?? []).map((v) => status.get(v))))];
    case 'matrix':
      return (q.items ?? []).filter((it) => q.tips?.[it.code]).map((it) => {
        const given = a?.items?.[it.code];
        return row(it.code, markOf(given ? status.get(given) : undefined));
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
    const rows = qn.questions.filter((q) => q.theme === t.key).flatMap((q) => rowsOf(q, qn, answers[q.key], isVisible(q, answers)));
    return { theme: t.key, rows, level: levelOf(rows) };
  });
}
