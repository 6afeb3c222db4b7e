// The three most relevant tips of a factsheet, out of every tip the municipality's answers lead to
// (the web report lists them all). Relevance, in order of weight:
// 1. the municipality named the subject itself as one of its biggest challenges (question
//    `uitdagingen`, whose codes name themes; CHALLENGES maps them);
// 2. the row is not in place at all (a partial answer weighs less);
// 3. the theme as a whole is furthest behind;
// 4. most other municipalities already have it in place (a gap with its peers).
// Then at most one tip per theme, so three tips cover three subjects when they can; ties keep
// questionnaire order, so the choice is stable.
import type { Answers } from '../../responses/index.ts';
import type { MunicipalReport, TipItem } from '../municipal/index.ts';
import type { NationalProfile } from './national.ts';
import type { Level, Mark, ThemeStatus } from './status.ts';

/** Challenge code → the theme (or one row) it is about. */
const CHALLENGES: Readonly<Record<string, string>> = {
  signaleren: 'theme:signaleren',
  sterk_netwerk: 'theme:sterk_netwerk',
  betrekken_doelgroep: 'theme:betrokkenheid',
  duurzame_aanpak: 'theme:duurzame_aanpak',
  monitoring: 'theme:monitoring_evaluatie',
  bestuurlijk_commitment: 'theme:bestuurlijk_commitment',
  betrekken_ondernemers: 'row:samenstelling_coalitie|ondernemers',
};

const MARK_WEIGHT: Partial<Record<Mark, number>> = { not: 2, partial: 1 };
const LEVEL_WEIGHT: Partial<Record<Level, number>> = { begin: 2, opweg: 1 };

/** `row`: the factsheet row the tip belongs to (status.ts keys), to name it briefly. */
export type RankedTip = TipItem & { theme: string; row: string; challenge: boolean };

export function topTips(r: MunicipalReport, own: Answers, statuses: ThemeStatus[], profile: NationalProfile, max = 3): RankedTip[] {
  const named = new Set((own.uitdagingen?.values ?? []).map((c) => CHALLENGES[c]).filter(Boolean));
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
