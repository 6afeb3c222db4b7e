import { describe, expect, it } from 'vitest';
import { percentOf, type StatsRow } from './stats.model.ts';
import { suppress } from './suppress.ts';

/** Rows of one single question (options in order) for one scope: counts → rows with n = sum. */
function group(scope: StatsRow['scope'], counts: Record<string, number>, question = 'week'): StatsRow[] {
  const n = Object.values(counts).reduce((a, b) => a + b, 0);
  return Object.entries(counts).map(([option, count]) => ({ edition: 2022, scope, question, item: null, option, count, n, percent: percentOf(count, n) }));
}
const hidden = (rows: StatsRow[], scope?: string) =>
  rows.filter((r) => r.suppressed && (scope === undefined || r.scope === scope)).map((r) => `${r.scope} ${r.option}`);

describe('suppress: primary', () => {
  it('hides every figure of a group with 0 < n < minN, keeps n = 0 and n ≥ minN', () => {
    const rows = [
      ...group('province:PV20', { ja: 3, nee: 1 }), // n 4 < 5 → both hidden
      ...group('province:PV21', { ja: 4, nee: 1 }), // n 5 → shown
      ...group('province:PV23', { ja: 0, nee: 0 }), // n 0 → nothing to hide
    ];
    const out = suppress(rows);
    expect(hidden(out)).toEqual(['province:PV20 ja', 'province:PV20 nee']);
    expect(out.every((r) => typeof r.suppressed === 'boolean')).toBe(true);
    expect(out[0]).toMatchObject({ count: 3, n: 4, percent: 75 }); // figures stay; views hide them
    expect(rows[0].suppressed).toBeUndefined(); // input untouched
  });

  it('hides a municipality view of one answer (n = 1) and honours minN', () => {
    const rows = group('municipality:GM0001', { ja: 1, nee: 0 });
    expect(hidden(suppress(rows))).toHaveLength(2);
    expect(hidden(suppress(rows, { minN: 1 }))).toHaveLength(0);
  });
});

describe('suppress: complementary within a group', () => {
  it('hides a second figure when only one is hidden (it would be n minus the others)', () => {
    // n 20 = ja 12 + nee 6 + weet_niet 2; nee hidden by the caller → 20 − 12 − 2 = 6 would give it
    // away, so the smallest positive shown count (weet_niet 2) is hidden too
    const rows = group('national', { ja: 12, nee: 6, weet_niet: 2 });
    rows[1].suppressed = true;
    expect(hidden(suppress(rows))).toEqual(['national nee', 'national weet_niet']);
  });

  it('prefers a positive count over a zero as the second figure', () => {
    // ja 12 hidden; shown nee 8, weet_niet 0. Hiding the 0 protects little (ja + weet_niet = 12,
    // and a reader would guess 0 + 12), so nee (8) is hidden: ja + nee = 20 − 0
    const rows = group('national', { ja: 12, nee: 8, weet_niet: 0 });
    rows[0].suppressed = true;
    expect(hidden(suppress(rows))).toEqual(['national ja', 'national nee']);
  });
});

describe('suppress: complementary across scopes', () => {
  it('hides the next-smallest province when one province could be worked out from national', () => {
    // national n 19 = PV20 3 + PV21 6 + PV22 10. PV20 (n 3) is hidden; national ja 12 − PV21 ja 4 −
    // PV22 ja 6 = 2 would give PV20 away → the province with the smallest shown n (PV21, 6) is hidden
    const rows = [
      ...group('national', { ja: 12, nee: 7 }),
      ...group('province:PV20', { ja: 2, nee: 1 }),
      ...group('province:PV21', { ja: 4, nee: 2 }),
      ...group('province:PV22', { ja: 6, nee: 4 }),
    ];
    const out = suppress(rows);
    expect(hidden(out)).toEqual(['province:PV20 ja', 'province:PV20 nee', 'province:PV21 ja', 'province:PV21 nee']);
  });

  it('does nothing across scopes when the national figure is itself hidden', () => {
    // national n 4 < 5 → all hidden; PV20 n 4 → hidden; PV21 n 0 stays
    const rows = [...group('national', { ja: 3, nee: 1 }), ...group('province:PV20', { ja: 3, nee: 1 }), ...group('province:PV21', { ja: 0, nee: 0 })];
    expect(hidden(suppress(rows))).toEqual(['national ja', 'national nee', 'province:PV20 ja', 'province:PV20 nee']);
  });

  it('repeats both rules until nothing can be worked out', () => {
    // national 20 = PV20 10 + PV21 10, each ja 6 / nee 4; PV20 ja hidden by the caller.
    // rule 2: PV20 nee = 10 − ? → hide PV20 nee. rule 3: PV20 ja = 12 − 6 and PV20 nee = 8 − 4 →
    // hide PV21 ja and PV21 nee (PV21 is the only other province). National stays: 12 = ? + ?.
    const rows = [...group('national', { ja: 12, nee: 8 }), ...group('province:PV20', { ja: 6, nee: 4 }), ...group('province:PV21', { ja: 6, nee: 4 })];
    rows[2].suppressed = true;
    const out = suppress(rows);
    expect(hidden(out, 'national')).toEqual([]);
    expect(hidden(out)).toEqual(['province:PV20 ja', 'province:PV20 nee', 'province:PV21 ja', 'province:PV21 nee']);
  });

  it('hides the national figure when no other province has answers', () => {
    // national n 8 = PV20 8 (PV21 n 0); PV20 ja hidden → rule 2 hides PV20 nee; rule 3 has no
    // province left to hide, so national ja and nee (equal to PV20's) are hidden
    const rows = [...group('national', { ja: 5, nee: 3 }), ...group('province:PV20', { ja: 5, nee: 3 }), ...group('province:PV21', { ja: 0, nee: 0 })];
    rows[2].suppressed = true;
    expect(hidden(suppress(rows))).toEqual(['national ja', 'national nee', 'province:PV20 ja', 'province:PV20 nee']);
  });
});
