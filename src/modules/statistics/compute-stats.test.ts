import { describe, expect, it } from 'vitest';
import { computeStats } from './compute-stats.ts';
import { percentOf, type SubmittedResponse } from './stats.model.ts';
import { figures, miniQuestionnaire, rowOf, single } from './test-fixtures.ts';

const register2022 = new Map([
  ['GM0001', 'PV20'],
  ['GM0002', 'PV20'],
  ['GM0003', 'PV21'],
  ['GM0004', 'PV21'],
  ['GM0005', 'PV22'],
  ['GM0006', 'PV23'], // did not respond: PV23 still gets rows, with n = 0
]);
const register = new Map([[2022, register2022]]);

const responses: SubmittedResponse[] = [
  {
    edition: 2022,
    municipality: 'GM0001',
    answers: {
      week: { value: 'ja' },
      coalitie: { value: 'ja' },
      kartrekker: { value: 'ja' },
      best_practices: { values: ['adviseurs', 'movisie'] },
      inzet: { items: { adviseurs: 'ingezet', toolkit: 'bekend' } },
      opmerking: { text: 'vrije tekst' },
    },
  },
  {
    edition: 2022,
    municipality: 'GM0002',
    answers: {
      week: { value: 'ja' },
      coalitie: { value: 'nee' },
      kartrekker: { value: 'ja' }, // stale: hidden by show_if (coalitie = nee), not counted
      best_practices: { values: ['nee'] },
      inzet: { items: { adviseurs: 'ingezet' } },
    },
  },
  {
    edition: 2022,
    municipality: 'GM0003',
    answers: {
      week: { value: 'nee' },
      coalitie: { value: 'ja' }, // kartrekker shown but skipped
      best_practices: { values: ['nee', 'adviseurs'] }, // contradictory: exclusive + other → invalid
      inzet: { items: { adviseurs: 'bekend' } },
    },
  },
  {
    edition: 2022,
    municipality: 'GM0004',
    answers: {
      coalitie: { value: 'ja' }, // week skipped
      kartrekker: { value: 'nee' },
      best_practices: { values: ['movisie'] },
      inzet: { items: { toolkit: 'onbekend' } },
    },
  },
  { edition: 2022, municipality: 'GM0005', answers: { week: { value: 'ja' } } },
];

describe('computeStats', () => {
  const qns = [miniQuestionnaire(2022)];
  const rows = computeStats(qns, responses, register);

  it('counts a single question over the respondents who answered it (skipped lowers n)', () => {
    // week: ja = GM1, GM2, GM5 = 3; nee = GM3 = 1; GM4 skipped → n = 4; 3/4 = 75.0, 1/4 = 25.0
    expect(figures(rows, 'national', 'week', 'ja')).toEqual([3, 4, 75]);
    expect(figures(rows, 'national', 'week', 'nee')).toEqual([1, 4, 25]);
  });

  it('leaves a question hidden by show_if out of n, also when a stale answer is stored', () => {
    // kartrekker shown to GM1, GM3, GM4 (coalitie = ja): GM1 ja, GM3 skipped, GM4 nee; GM2's answer
    // is stale (coalitie = nee) → n = 2; ja 1/2 = 50.0, nee 1/2 = 50.0
    expect(figures(rows, 'national', 'kartrekker', 'ja')).toEqual([1, 2, 50]);
    expect(figures(rows, 'national', 'kartrekker', 'nee')).toEqual([1, 2, 50]);
    // GM2's own view: its kartrekker answer does not count → n = 0, percent null
    expect(figures(rows, 'municipality:GM0002', 'kartrekker', 'ja')).toEqual([0, 0, null]);
  });

  it('counts a multi question over respondents with at least one option; exclusive conflicts are invalid', () => {
    // valid: GM1 [adviseurs, movisie], GM2 [nee], GM4 [movisie]; GM3 [nee, adviseurs] invalid → n = 3
    // adviseurs 1/3 = 33.3; movisie 2/3 = 66.7; nee 1/3 = 33.3 (percents of a multi may sum > 100)
    expect(figures(rows, 'national', 'best_practices', 'adviseurs')).toEqual([1, 3, 33.3]);
    expect(figures(rows, 'national', 'best_practices', 'movisie')).toEqual([2, 3, 66.7]);
    expect(figures(rows, 'national', 'best_practices', 'nee')).toEqual([1, 3, 33.3]);
  });

  it('gives every matrix item its own n, with scale codes nobody chose at count 0', () => {
    // item adviseurs: GM1 ingezet, GM2 ingezet, GM3 bekend → n = 3: 2/3 = 66.7, 1/3 = 33.3, 0/3 = 0
    expect(figures(rows, 'national', 'inzet', 'ingezet', 'adviseurs')).toEqual([2, 3, 66.7]);
    expect(figures(rows, 'national', 'inzet', 'bekend', 'adviseurs')).toEqual([1, 3, 33.3]);
    expect(figures(rows, 'national', 'inzet', 'onbekend', 'adviseurs')).toEqual([0, 3, 0]);
    // item toolkit: GM1 bekend, GM4 onbekend → n = 2: 0/2 = 0, 1/2 = 50.0, 1/2 = 50.0
    expect(figures(rows, 'national', 'inzet', 'ingezet', 'toolkit')).toEqual([0, 2, 0]);
    expect(figures(rows, 'national', 'inzet', 'onbekend', 'toolkit')).toEqual([1, 2, 50]);
  });

  it('emits one row per option of every non-text question per scope, in a fixed order', () => {
    // per scope: week 2 + coalitie 2 + kartrekker 2 + best_practices 3 + inzet 2 items × 3 = 15 rows
    // scopes: national, 4 provinces (PV20–PV23), panel, 5 municipalities = 11 → 165 rows
    expect(rows).toHaveLength(165);
    expect(rows.some((r) => r.question === 'opmerking')).toBe(false);
    const scopes = [...new Set(rows.map((r) => r.scope))];
    expect(scopes).toEqual([
      'national',
      'province:PV20',
      'province:PV21',
      'province:PV22',
      'province:PV23',
      'panel',
      'municipality:GM0001',
      'municipality:GM0002',
      'municipality:GM0003',
      'municipality:GM0004',
      'municipality:GM0005',
    ]);
  });

  it('puts each response in the province of its register and keeps provinces without responses', () => {
    // PV20 = GM1 + GM2: week ja 2/2 = 100.0; kartrekker only GM1 (GM2 stale) → ja 1/1 = 100.0
    expect(figures(rows, 'province:PV20', 'week', 'ja')).toEqual([2, 2, 100]);
    expect(figures(rows, 'province:PV20', 'kartrekker', 'ja')).toEqual([1, 1, 100]);
    // PV21 = GM3 + GM4: week nee 1/1 (GM4 skipped) = 100.0
    expect(figures(rows, 'province:PV21', 'week', 'nee')).toEqual([1, 1, 100]);
    // PV23: no responses → count 0, n 0, percent null
    expect(figures(rows, 'province:PV23', 'week', 'ja')).toEqual([0, 0, null]);
  });

  it('gives a municipality its own answers with n 0 or 1', () => {
    // GM0001 chose movisie (1 of 1) and not nee (0 of 1)
    expect(figures(rows, 'municipality:GM0001', 'best_practices', 'movisie')).toEqual([1, 1, 100]);
    expect(figures(rows, 'municipality:GM0001', 'best_practices', 'nee')).toEqual([0, 1, 0]);
    // GM0005 skipped coalitie → n 0
    expect(figures(rows, 'municipality:GM0005', 'coalitie', 'ja')).toEqual([0, 0, null]);
  });

  it('computes only the scopes asked for', () => {
    const national = computeStats(qns, responses, register, { scopes: ['national'] });
    expect(new Set(national.map((r) => r.scope))).toEqual(new Set(['national'])); // 15 rows
    expect(national).toHaveLength(15);
  });
});

describe('percent rounding', () => {
  it('rounds to one decimal, half away from zero, without float noise', () => {
    expect(percentOf(146, 162)).toBe(90.1); // 90.123… → 90.1
    expect(percentOf(1, 24)).toBe(4.2); // 4.1666… → 4.2
    expect(percentOf(2, 3)).toBe(66.7); // 66.666… → 66.7
    expect(percentOf(1, 8)).toBe(12.5); // exactly 12.5 → 12.5
    expect(percentOf(1, 16)).toBe(6.3); // exactly 6.25 → half away from zero → 6.3
    expect(percentOf(1, 3)).toBe(33.3); // 33.333… → 33.3
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(0, 0)).toBeNull();
  });

  it('gives 146 of 162 as 90.1 in the rows', () => {
    // 146 ja, 16 nee over 162 respondents → ja 90.1, nee 16/162 = 9.876… → 9.9
    const qn = { ...miniQuestionnaire(2022), questions: [single('week_tegen_eenzaamheid', ['ja', 'nee'])] };
    const many: SubmittedResponse[] = Array.from({ length: 162 }, (_, i) => ({
      edition: 2022,
      municipality: `GM${String(i + 1).padStart(4, '0')}`,
      answers: { week_tegen_eenzaamheid: { value: i < 146 ? 'ja' : 'nee' } },
    }));
    const out = computeStats([qn], many, new Map(), { scopes: ['national'] });
    expect(rowOf(out, 'national', 'week_tegen_eenzaamheid', 'ja').percent).toBe(90.1);
    expect(rowOf(out, 'national', 'week_tegen_eenzaamheid', 'nee').percent).toBe(9.9);
  });
});
