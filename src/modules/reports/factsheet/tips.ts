// The three most relevant tips of a factsheet, out of every tip the municipality's answers lead to
// (the web report lists them all). Relevance, in order of weight:
// 1. the municipality named the subject itself as one of its biggest challenges (an option whose
//    `about` names a theme, a question or a matrix item, as the bureau set it in the questionnaire);
// 2. the row is not in place at all (a partial answer weighs less);
// 3. the theme as a whole is furthest behind;
// 4. most other municipalities already have it in place (a gap with its peers).
// Then at most one tip per theme, so three tips cover three subjects when they can; ties keep
// questionnaire order, so the choice is stable.
import type { Questionnaire } from '../../questionnaire/index.ts';
import type { Answers } from '../../responses/index.ts';
import type { MunicipalReport, TipItem } from '../municipal/index.ts';
import type { NationalProfile } from './national.ts';
import type { Level, Mark, ThemeStatus } from './status.ts';

/** The subjects the municipality named as challenges: `theme:KEY` or `row:QUESTION[|ITEM]`. */
export function namedChallenges(qn: Questionnaire, own: Answers): Set<string> {
  const themes = new Set(qn.themes.map((t) => t.key));
  const named = new Set<string>();
  for (const q of qn.questions) {
    const chosen = q.type === 'multi' ? (own[q.key]?.values ?? []) : q.type === 'single' ? [own[q.key]?.value] : [];
    for (const o of q.options ?? []) {
      if (!o.about || !chosen.includes(o.code)) continue;
      named.add(themes.has(o.about) ? `theme:${o.about}` : `row:${o.about.replace('.', '|')}`);
    }
  }
  return named;
}

const MARK_WEIGHT: Partial<Record<Mark, number>> = { not: 2, partial: 1 };
const LEVEL_WEIGHT: Partial<Record<Level, number>> = { begin: 2, opweg: 1 };

/** `row`: the factsheet row the tip belongs to (status.ts keys), to name it briefly. */
export type RankedTip = TipItem & { theme: string; row: string; challenge: boolean };

export function topTips(r: MunicipalReport, own: Answers, statuses: ThemeStatus[], profile: NationalProfile, max = 3): RankedTip[] {
  const named = namedChallenges(profile.questionnaire, own);
  const marks = new Map(statuses.flatMap((s) => s.rows.map((row) => [row.key, row.mark] as const)));
  const levels = new Map(statuses.map((s) => [s.theme, s.level]));
  const candidates = r.themes.flatMap((t) => t.questions.flatMap((q) => q.tips.map((tip) => {
    const key = q.type === 'matrix' ? `${q.key}|${tip.code}` : q.key;
    const challenge = named.has(`theme:${t.key}`) || named.has(`row:${key}`);
    const peers = profile.inPlace.get(key)?.percent ?? 0;
    const score = (challenge ? 8 : 0) + (MARK_WEIGHT[marks.get(key) ?? 'none'] ?? 0) + (LEVEL_WEIGHT[levels.get(t.key) ?? 'onbekend'] ?? 0) + (peers >= 50 ? 1 : 0);
    return { tip: { ...tip, theme: t.key, row: key, challenge }, score, peers };
  })));
  // Stable sort: equal scores keep questionnaire order.
  const ranked = candidates.map((c, i) => ({ ...c, i })).sort((a, b) => b.score - a.score || b.peers - a.peers || a.i - b.i);
  const chosen: RankedTip[] = [];
  for (const c of ranked) if (chosen.length < max && !chosen.some((x) => x.theme === c.tip.theme)) chosen.push(c.tip);
  for (const c of ranked) if (chosen.length < max && !chosen.includes(c.tip)) chosen.push(c.tip);
  return chosen;
}
