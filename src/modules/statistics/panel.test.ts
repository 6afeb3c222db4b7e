import { describe, expect, it } from 'vitest';
import { computeStats } from './compute-stats.ts';
import type { SubmittedResponse } from './stats.model.ts';
import { figures, questionnaireWith, single } from './test-fixtures.ts';

// One question per edition keeps the hand counts short.
const editions = [2019, 2020, 2021, 2022];
const qns = editions.map((e) => questionnaireWith(e, [single('week', ['ja', 'nee'])]));
const say = (edition: number, municipality: string, value: string): SubmittedResponse => ({
  edition,
  municipality,
  answers: { week: { value } },
});

describe('panel', () => {
  // 2019 has a questionnaire but no responses, so the default range starts in 2020.
  const responses = [
    say(2020, 'GM0100', 'ja'), // A: 2020, 2021, 2022 → panel
    say(2021, 'GM0100', 'ja'),
    say(2022, 'GM0100', 'nee'),
    say(2020, 'GM0200', 'ja'), // B skipped 2021 → not in the 2021/2022 panel
    say(2022, 'GM0200', 'ja'),
    say(2021, 'GM0300', 'nee'), // C started in 2021 → not in the default 2022 panel
    say(2022, 'GM0300', 'nee'),
  ];
  const rows = computeStats(qns, responses, new Map(), { scopes: ['national', 'panel'] });

  it('defaults to every edition with responses up to and including the edition', () => {
    // 2022 range 2020–2022: only A → nee 1/1
    expect(figures(rows, 'panel', 'week', 'nee', null, 2022)).toEqual([1, 1, 100]);
    expect(figures(rows, 'panel', 'week', 'ja', null, 2022)).toEqual([0, 1, 0]);
    // national 2022: A nee, B ja, C nee → ja 1/3 = 33.3, nee 2/3 = 66.7
    expect(figures(rows, 'national', 'week', 'nee', null, 2022)).toEqual([2, 3, 66.7]);
    // 2021 range 2020–2021: A only (B skipped 2021, C missing 2020) → ja 1/1
    expect(figures(rows, 'panel', 'week', 'ja', null, 2021)).toEqual([1, 1, 100]);
    // 2020 range [2020]: A and B → ja 2/2
    expect(figures(rows, 'panel', 'week', 'ja', null, 2020)).toEqual([2, 2, 100]);
    // 2019: range is empty (no responses yet) → n 0
    expect(figures(rows, 'panel', 'week', 'ja', null, 2019)).toEqual([0, 0, null]);
  });

  it('takes a chosen range', () => {
    // range 2021–2022: A and C → 2022: A nee, C nee → nee 2/2
    const chosen = computeStats(qns, responses, new Map(), { scopes: ['panel'], editions: [2022], panelEditions: [2021, 2022] });
    expect(figures(chosen, 'panel', 'week', 'nee', null, 2022)).toEqual([2, 2, 100]);
  });
});

describe('merged municipalities', () => {
  // Eemsdelta (GM1979) was formed on 2021-01-01 from Appingedam (GM0003), Delfzijl (GM0010) and
  // Loppersum (GM0024); Het Hogeland (GM1966) exists throughout 2019+. All in Groningen (PV20).
  const reg2020 = new Map([
    ['GM0003', 'PV20'],
    ['GM0010', 'PV20'],
    ['GM0024', 'PV20'],
    ['GM1966', 'PV20'],
    ['GM0363', 'PV27'], // Amsterdam
  ]);
  const reg2021 = new Map([
    ['GM1979', 'PV20'],
    ['GM1966', 'PV20'],
    ['GM0363', 'PV27'],
  ]);
  const register = new Map([
    [2020, reg2020],
    [2021, reg2021],
  ]);
  const responses = [
    say(2020, 'GM0003', 'ja'),
    say(2020, 'GM0010', 'nee'),
    say(2020, 'GM1966', 'ja'),
    say(2021, 'GM1979', 'ja'),
    say(2021, 'GM1966', 'nee'),
  ];
  const rows = computeStats(qns.slice(1, 3), responses, register, { scopes: ['national', 'province', 'panel'] });

  it('uses the register of each year for the province', () => {
    // a response under a code missing from that year's register counts nationally only
    const stray = computeStats(qns.slice(2, 3), [...responses, say(2021, 'GM0010', 'ja')], register, { scopes: ['national', 'province'] });
    // national 2021: GM1979 ja, GM1966 nee, GM0010 ja → ja 2/3; PV20 stays GM1979 + GM1966 → 1/2
    expect(figures(stray, 'national', 'week', 'ja', null, 2021)).toEqual([2, 3, 66.7]);
    expect(figures(stray, 'province:PV20', 'week', 'ja', null, 2021)).toEqual([1, 2, 50]);
    // 2020 PV20: GM0003 ja, GM0010 nee, GM1966 ja → ja 2/3 = 66.7
    expect(figures(rows, 'province:PV20', 'week', 'ja', null, 2020)).toEqual([2, 3, 66.7]);
    // 2021 PV20: GM1979 ja, GM1966 nee → ja 1/2 = 50.0
    expect(figures(rows, 'province:PV20', 'week', 'ja', null, 2021)).toEqual([1, 2, 50]);
    // PV27 (no responses) is present with n 0 in both years
    expect(figures(rows, 'province:PV27', 'week', 'ja', null, 2021)).toEqual([0, 0, null]);
  });

  it('treats the merged municipality as a new one in the panel', () => {
    // 2021 range 2020–2021: only GM1966 (both years) → nee 1/1; GM1979 (2021 only) is not in it,
    // its predecessors (2020 only) neither
    expect(figures(rows, 'panel', 'week', 'nee', null, 2021)).toEqual([1, 1, 100]);
    expect(figures(rows, 'panel', 'week', 'ja', null, 2021)).toEqual([0, 1, 0]);
    // 2020 range [2020]: GM0003 ja, GM0010 nee, GM1966 ja → ja 2/3
    expect(figures(rows, 'panel', 'week', 'ja', null, 2020)).toEqual([2, 3, 66.7]);
  });
});
