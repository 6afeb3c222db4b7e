// The national side of every factsheet of an edition: per action line and pillar how many
// municipalities are at each level, and per row how many have it in place. Computed once from all
// submitted answers and kept with the web report's edition context: editionContext hands out the
// same object while nothing it was made from changed, so a WeakMap on it is invalidated exactly
// when the statistics are, and 162 factsheets in a row share one computation.
import type { Db } from '../../../db/client.ts';
import type { Questionnaire } from '../../questionnaire/index.ts';
import { listSubmittedResponses } from '../../responses/index.ts';
import { editionContext, MIN_N } from '../municipal/index.ts';
import { assess, type Level, LEVELS } from './status.ts';

/** A share of municipalities; percent null when fewer than MIN_N answered (not shown). */
export type Share = { n: number; count: number; percent: number | null };

export type NationalProfile = {
  year: number;
  questionnaire: Questionnaire;
  respondents: number;
  minN: number;
  /** Per theme: the share of municipalities at each level (of those with a known level). */
  levels: Map<string, Record<Exclude<Level, 'onbekend'>, Share>>;
  /** Per row key: the share of municipalities that have it in place (mark ok). */
  inPlace: Map<string, Share>;
};

type Context = NonNullable<Awaited<ReturnType<typeof editionContext>>>;
const profiles = new WeakMap<Context, Promise<NationalProfile>>();

const share = (count: number, n: number): Share => ({ n, count, percent: n >= MIN_N ? Math.round((1000 * count) / n) / 10 : null });

async function compute(db: Db, ctx: Context): Promise<NationalProfile> {
  const qn = ctx.questionnaire;
  const levelCounts = new Map<string, Map<Level, number>>();
  const rowCounts = new Map<string, { n: number; ok: number }>();
  // The same selection as the context's statistics: submitted, in the edition's register.
  for (const r of await listSubmittedResponses(db, [ctx.year])) {
    for (const t of assess(qn, r.answers)) {
      const counts = levelCounts.get(t.theme) ?? new Map<Level, number>();
      counts.set(t.level, (counts.get(t.level) ?? 0) + 1);
      levelCounts.set(t.theme, counts);
      for (const row of t.rows) {
        if (row.mark === 'none') continue;
        const c = rowCounts.get(row.key) ?? { n: 0, ok: 0 };
        c.n += 1;
        if (row.mark === 'ok') c.ok += 1;
        rowCounts.set(row.key, c);
      }
    }
  }
  const levels = new Map([...levelCounts].map(([theme, counts]) => {
    const n = LEVELS.reduce((s, l) => s + (counts.get(l) ?? 0), 0);
    return [theme, Object.fromEntries(LEVELS.map((l) => [l, share(counts.get(l) ?? 0, n)])) as Record<Exclude<Level, 'onbekend'>, Share>];
  }));
  const inPlace = new Map([...rowCounts].map(([key, c]) => [key, share(c.ok, c.n)]));
  return { year: ctx.year, questionnaire: qn, respondents: ctx.respondents, minN: MIN_N, levels, inPlace };
}

export async function nationalProfile(db: Db, year: number): Promise<NationalProfile | undefined> {
  const ctx = await editionContext(db, year);
  if (!ctx) return undefined;
  let p = profiles.get(ctx);
  if (!p) {
    p = compute(db, ctx);
    profiles.set(ctx, p);
    p.catch(() => profiles.delete(ctx));
  }
  return p;
}
