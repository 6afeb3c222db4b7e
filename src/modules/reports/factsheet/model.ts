// One factsheet as plain data in one language: the web report's model (buildMunicipalReport) seen
// through the status rule (status.ts), beside the national profile, with the three tips.
import type { Db } from '../../../db/client.ts';
import type { Lang, Question, Questionnaire } from '../../questionnaire/index.ts';
import type { Answers } from '../../responses/index.ts';
import { buildMunicipalReport, type MunicipalReport, type QuestionReport } from '../municipal/index.ts';
import { answerLabel, multiLabel, practiceLabel } from './labels.ts';
import { type NationalProfile, nationalProfile, type Share } from './national.ts';
import { assess, type Level, type Mark, type Row } from './status.ts';
import { type RankedTip, topTips } from './tips.ts';

export type FactRow = { key: string; mark: Mark; practice: string; answer: string | null; inPlace: Share | null };
export type FactTheme = {
  key: string;
  kind: 'actielijn' | 'pijler';
  number: number | null;
  /** "Signaleren en bespreekbaar maken" */
  name: string;
  short: string;
  level: Level;
  rows: FactRow[];
  national: Record<Exclude<Level, 'onbekend'>, Share> | null;
};
export type Factsheet = { report: MunicipalReport; themes: FactTheme[]; tips: RankedTip[]; profile: NationalProfile };

/** The answers as stored, rebuilt from the report, so the status reads exactly what the report shows. */
export function answersOf(r: MunicipalReport): Answers {
  const answers: Answers = {};
  for (const q of r.themes.flatMap((t) => t.questions)) {
    if (!q.answered || !q.own.length) continue;
    if (q.type === 'single') answers[q.key] = { value: q.own[0].code };
    else if (q.type === 'multi') answers[q.key] = { values: q.own.map((l) => l.code) };
    else if (q.type === 'matrix') answers[q.key] = { items: Object.fromEntries(q.own.map((l) => [l.item as string, l.code])) };
  }
  return answers;
}

function ownAnswer(lang: Lang, q: QuestionReport | undefined, def: Question | undefined, qn: Questionnaire, row: Row): string | null {
  if (!q) return null;
  const lines = q.own.filter((l) => l.item === row.item);
  if (!lines.length) return null;
  if (q.type === 'multi') return multiLabel(lang, def, qn, lines);
  return answerLabel(lang, def, qn, lines[0].code, lines[0].label);
}

export function factsheetOf(r: MunicipalReport, profile: NationalProfile): Factsheet {
  const lang = r.lang;
  const qn = profile.questionnaire;
  const answers = answersOf(r);
  const statuses = assess(qn, answers);
  const questions = new Map(r.themes.flatMap((t) => t.questions).map((q) => [q.key, q]));
  const themes = statuses.map((s): FactTheme => {
    const t = r.themes.find((x) => x.key === s.theme);
    return {
      key: s.theme,
      kind: t?.kind === 'actielijn' ? 'actielijn' : 'pijler',
      number: t?.number ?? null,
      name: t?.title ?? s.theme,
      short: t?.short ?? s.theme,
      level: s.level,
      national: profile.levels.get(s.theme) ?? null,
      rows: s.rows.map((row) => {
        const q = questions.get(row.question);
        const def = qn.questions.find((x) => x.key === row.question);
        const itemLabel = row.item ? (q?.items.find((i) => i.code === row.item)?.label ?? row.item) : null;
        return {
          key: row.key,
          mark: row.mark,
          practice: practiceLabel(lang, def, q?.text ?? row.question, itemLabel),
          answer: ownAnswer(lang, q, def, qn, row),
          inPlace: profile.inPlace.get(row.key) ?? null,
        };
      }),
    };
  });
  return { report: r, themes, tips: topTips(r, answers, statuses, profile), profile };
}

/** The factsheet of one municipality; undefined when it has no report (not submitted, no edition). */
export async function buildFactsheet(db: Db, edition: number, code: string, lang: Lang): Promise<Factsheet | undefined> {
  const [r, profile] = await Promise.all([buildMunicipalReport(db, edition, code, lang), nationalProfile(db, edition)]);
  return r && profile ? factsheetOf(r, profile) : undefined;
}
