// The size scope (`size:ID`, "gemeenten van vergelijkbare grootte"), checked against figures
// worked out by hand, and its small-cell suppression.
import { describe, expect, it } from 'vitest';
import { SIZE_CLASS_IDS, sizeClassMap, sizeClassOf } from '../population/size-class.model.ts';
import { computeStats } from './compute-stats.ts';
import { percentOf, type StatsRow, type SubmittedResponse } from './stats.model.ts';
import { suppress } from './suppress.ts';
import { figures, miniQuestionnaire } from './test-fixtures.ts';

describe('size classes (CBS)', () => {
  it('puts each number of inhabitants in one class, the bounds in the upper class', () => {
    expect([0, 944, 19_999].map(sizeClassOf)).toEqual(['lt20k', 'lt20k', 'lt20k']);
    expect([20_000, 49_999].map(sizeClassOf)).toEqual(['20k-50k', '20k-50k']);
    expect([50_000, 99_999].map(sizeClassOf)).toEqual(['50k-100k', '50k-100k']);
    expect([100_000, 931_298].map(sizeClassOf)).toEqual(['ge100k', 'ge100k']);
    expect(SIZE_CLASS_IDS).toEqual(['lt20k', '20k-50k', '50k-100k', 'ge100k']);
  });
});

// Six municipalities of 2022. GM0006 has no population figure: it counts nationally only.
const register = new Map([[2022, new Map([
  ['GM0001', 'PV20'], ['GM0002', 'PV20'], ['GM0003', 'PV21'], ['GM0004', 'PV21'], ['GM0005', 'PV22'], ['GM0006', 'PV22'],
])]]);
const population = new Map([
  ['GM0001', 5_000], // lt20k
  ['GM0002', 19_999], // lt20k
  ['GM0003', 20_000], // 20k-50k
  ['GM0004', 100_000], // ge100k
  ['GM0005', 12_000], // lt20k
]);
const sizeClasses = new Map([[2022, sizeClassMap(population)]]);

const responses: SubmittedResponse[] = [
  { edition: 2022, municipality: 'GM0001', answers: { week: { value: 'ja' }, best_practices: { values: ['adviseurs', 'movisie'] }, inzet: { items: { adviseurs: 'ingezet' } } } },
  { edition: 2022, municipality: 'GM0002', answers: { week: { value: 'nee' }, best_practices: { values: ['nee'] }, inzet: { items: { adviseurs: 'bekend', toolkit: 'ingezet' } } } },
  { edition: 2022, municipality: 'GM0003', answers: { week: { value: 'ja' }, best_practices: { values: ['adviseurs'] } } },
  { edition: 2022, municipality: 'GM0004', answers: { week: { value: 'ja' } } },
  { edition: 2022, municipality: 'GM0005', answers: { week: { value: 'ja' }, best_practices: { values: ['movisie'] } } },
  { edition: 2022, municipality: 'GM0006', answers: { week: { value: 'nee' } } },
];
const qn = miniQuestionnaire(2022);

describe('computeStats: scope size', () => {
  const rows = computeStats([qn], responses, register, { scopes: ['national', 'province', 'size'], sizeClasses });

  it('counts each municipality in the class of its inhabitants (by hand)', () => {
    // lt20k = GM0001 ja, GM0002 nee, GM0005 ja → ja 2/3 = 66.7 %, nee 1/3 = 33.3 %
    expect(figures(rows, 'size:lt20k', 'week', 'ja')).toEqual([2, 3, 66.7]);
    expect(figures(rows, 'size:lt20k', 'week', 'nee')).toEqual([1, 3, 33.3]);
    // 20k-50k = GM0003 ja → 1/1; 50k-100k nobody → count 0, n 0, no percent; ge100k = GM0004 ja
    expect(figures(rows, 'size:20k-50k', 'week', 'ja')).toEqual([1, 1, 100]);
    expect(figures(rows, 'size:50k-100k', 'week', 'ja')).toEqual([0, 0, null]);
    expect(figures(rows, 'size:ge100k', 'week', 'ja')).toEqual([1, 1, 100]);
    // national also holds GM0006 (no population figure): ja 4/6 = 66.7 %, nee 2/6 = 33.3 %
    expect(figures(rows, 'national', 'week', 'ja')).toEqual([4, 6, 66.7]);
    expect(figures(rows, 'national', 'week', 'nee')).toEqual([2, 6, 33.3]);
  });

  it('counts multi and matrix questions per class like the other scopes', () => {
    // best_practices in lt20k: GM0001 adviseurs+movisie, GM0002 nee, GM0005 movisie → n 3
    expect(figures(rows, 'size:lt20k', 'best_practices', 'adviseurs')).toEqual([1, 3, 33.3]);
    expect(figures(rows, 'size:lt20k', 'best_practices', 'movisie')).toEqual([2, 3, 66.7]);
    expect(figures(rows, 'size:lt20k', 'best_practices', 'nee')).toEqual([1, 3, 33.3]);
    // inzet/adviseurs in lt20k: ingezet (GM0001), bekend (GM0002) → n 2; toolkit only GM0002
    expect(figures(rows, 'size:lt20k', 'inzet', 'ingezet', 'adviseurs')).toEqual([1, 2, 50]);
    expect(figures(rows, 'size:lt20k', 'inzet', 'bekend', 'adviseurs')).toEqual([1, 2, 50]);
    expect(figures(rows, 'size:lt20k', 'inzet', 'ingezet', 'toolkit')).toEqual([1, 1, 100]);
  });

  it('gives every class, in the order of the class list, after the provinces', () => {
    const scopes = [...new Set(rows.map((r) => r.scope))];
    expect(scopes).toEqual(['national', 'province:PV20', 'province:PV21', 'province:PV22', 'size:lt20k', 'size:20k-50k', 'size:50k-100k', 'size:ge100k']);
    // every option of every question and item per class, as for a province
    expect(rows.filter((r) => r.scope === 'size:50k-100k').length).toBe(rows.filter((r) => r.scope === 'province:PV20').length);
  });

  it('has no size scope for an edition without population figures', () => {
    const none = computeStats([qn], responses, register, { scopes: ['national', 'size'] });
    expect(none.some((r) => r.scope.startsWith('size:'))).toBe(false);
    const otherYear = computeStats([qn], responses, register, { scopes: ['size'], sizeClasses: new Map([[2023, sizeClassMap(population)]]) });
    expect(otherYear).toEqual([]);
  });
});

/** Rows of one single question for one scope: counts → rows with n = sum. */
function group(scope: StatsRow['scope'], counts: Record<string, number>): StatsRow[] {
  const n = Object.values(counts).reduce((a, b) => a + b, 0);
  return Object.entries(counts).map(([option, count]) => ({ edition: 2022, scope, question: 'week', item: null, option, count, n, percent: percentOf(count, n) }));
}
const hidden = (rows: StatsRow[]) => rows.filter((r) => r.suppressed).map((r) => `${r.scope} ${r.option}`);

describe('suppress: size cells', () => {
  it('hides every figure of a size class with 0 < n < 5 (each class checked)', () => {
    const out = suppress(computeStats([qn], responses, register, { scopes: ['size'], sizeClasses }));
    for (const r of out) expect(r.suppressed).toBe(r.n > 0 && r.n < 5);
    // every class with answers has n < 5 here, so no figure of any size cell is shown
    expect(out.filter((r) => r.n > 0 && !r.suppressed)).toEqual([]);
  });

  it('a class that could be worked out from national minus the other classes hides the next-smallest class', () => {
    // national 21 = lt20k 3 + 20k-50k 8 + 50k-100k 10 (+ ge100k 0). lt20k (n 3) is hidden; national
    // ja 12 − 5 − 6 = 1 would give it away → 20k-50k (smallest shown n, 8) is hidden too
    const rows = [
      ...group('national', { ja: 12, nee: 9 }),
      ...group('size:lt20k', { ja: 1, nee: 2 }),
      ...group('size:20k-50k', { ja: 5, nee: 3 }),
      ...group('size:50k-100k', { ja: 6, nee: 4 }),
      ...group('size:ge100k', { ja: 0, nee: 0 }),
    ];
    expect(hidden(suppress(rows))).toEqual(['size:lt20k ja', 'size:lt20k nee', 'size:20k-50k ja', 'size:20k-50k nee']);
  });

  it('checks the size partition separately from the provinces', () => {
    // national 20 = PV20 10 + PV21 10 = lt20k 4 + ge100k 16. The provinces are all shown; lt20k
    // (n 4) is hidden, so ge100k, the only other class, would give it away: hidden too. A province
    // is not a partner for a size class (PV20 + PV21 ≠ lt20k + something).
    const rows = [
      ...group('national', { ja: 12, nee: 8 }),
      ...group('province:PV20', { ja: 6, nee: 4 }),
      ...group('province:PV21', { ja: 6, nee: 4 }),
      ...group('size:lt20k', { ja: 3, nee: 1 }),
      ...group('size:ge100k', { ja: 9, nee: 7 }),
    ];
    expect(hidden(suppress(rows))).toEqual(['size:lt20k ja', 'size:lt20k nee', 'size:ge100k ja', 'size:ge100k nee']);
  });

  it('hides the other class when one of two is hidden, in each partition on its own', () => {
    // national 8 = lt20k 3 + ge100k 5; ge100k shown, lt20k hidden → ge100k hidden (rule 3);
    // with provinces PV20 3 (hidden) + PV21 5 → PV21 hidden as well; national stays (two hidden parts)
    const rows = [
      ...group('national', { ja: 5, nee: 3 }),
      ...group('province:PV20', { ja: 2, nee: 1 }),
      ...group('province:PV21', { ja: 3, nee: 2 }),
      ...group('size:lt20k', { ja: 2, nee: 1 }),
      ...group('size:ge100k', { ja: 3, nee: 2 }),
    ];
    const out = hidden(suppress(rows));
    expect(out).not.toContain('national ja');
    expect(out).toEqual(['province:PV20 ja', 'province:PV20 nee', 'province:PV21 ja', 'province:PV21 nee', 'size:lt20k ja', 'size:lt20k nee', 'size:ge100k ja', 'size:ge100k nee']);
  });
});
