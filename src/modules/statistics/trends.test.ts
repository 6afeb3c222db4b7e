import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Questionnaire } from '../questionnaire/questionnaire.model.ts';
import { computeStats } from './compute-stats.ts';
import type { SubmittedResponse } from './stats.model.ts';
import { figures, questionnaireWith, single } from './test-fixtures.ts';
import { currentKeyOf, questionLineage, trendRows } from './trends.ts';

// 2020 budget_oud → 2021 budget_status → 2022 financiering, as in the real questionnaire
// (budget_status 2019–2021 → financiering 2022+). budget_oud and the code weet_niet are made up
// here to test a three-step chain, a merge of two codes and a code without counterpart.
const budgetOud = single('budget_oud', ['geen', 'eenmalig_klein', 'eenmalig_groot']);
const budgetStatus = single('budget_status', ['geen_budget', 'eenmalig', 'structureel', 'anders', 'weet_niet'], {
  replaces: { key: 'budget_oud', options: { geen: 'geen_budget', eenmalig_klein: 'eenmalig', eenmalig_groot: 'eenmalig' } },
});
const financiering = single('financiering', ['geen_budget', 'eenmalig', 'structureel', 'coronasteun', 'anders'], {
  replaces: { key: 'budget_status', options: { geen_budget: 'geen_budget', eenmalig: 'eenmalig', structureel: 'structureel', anders: 'anders' } },
});
const week = single('week', ['ja', 'nee']);
const qns = [
  questionnaireWith(2020, [week, budgetOud]),
  questionnaireWith(2021, [week, budgetStatus]),
  questionnaireWith(2022, [week, financiering]),
];
const r = (edition: number, municipality: string, key: string, value: string): SubmittedResponse => ({
  edition,
  municipality,
  answers: { [key]: { value }, week: { value: 'ja' } },
});
const responses = [
  r(2020, 'GM0001', 'budget_oud', 'eenmalig_klein'),
  r(2020, 'GM0002', 'budget_oud', 'eenmalig_groot'),
  r(2020, 'GM0003', 'budget_oud', 'geen'),
  r(2021, 'GM0001', 'budget_status', 'geen_budget'),
  r(2021, 'GM0002', 'budget_status', 'eenmalig'),
  r(2021, 'GM0003', 'budget_status', 'weet_niet'),
  r(2021, 'GM0004', 'budget_status', 'structureel'),
  r(2022, 'GM0001', 'financiering', 'coronasteun'),
  r(2022, 'GM0002', 'financiering', 'structureel'),
];
const stats = computeStats(qns, responses, new Map(), { scopes: ['national'] });

describe('trendRows', () => {
  const trend = trendRows(qns, stats, 'financiering');

  it('keeps the older key in the plain statistics rows', () => {
    // contract: the rows of 2021 carry the key as asked; weet_niet 1/4 = 25.0
    expect(figures(stats, 'national', 'budget_status', 'weet_niet', null, 2021)).toEqual([1, 4, 25]);
  });

  it('maps older keys and codes onto the current ones, for every edition asked', () => {
    expect(trend.question).toBe('financiering');
    expect([...new Set(trend.rows.map((x) => x.edition))]).toEqual([2020, 2021, 2022]);
    expect(trend.rows.every((x) => x.question === 'financiering')).toBe(true);
    // 2021: geen_budget 1 of n 4 = 25.0; weet_niet has no counterpart → dropped, n stays 4
    expect(figures(trend.rows, 'national', 'financiering', 'geen_budget', null, 2021)).toEqual([1, 4, 25]);
    expect(figures(trend.rows, 'national', 'financiering', 'structureel', null, 2021)).toEqual([1, 4, 25]);
    expect(trend.rows.filter((x) => x.edition === 2021).map((x) => x.option)).toEqual(['geen_budget', 'eenmalig', 'structureel', 'anders']);
    // 2020 via two steps: eenmalig_klein + eenmalig_groot → eenmalig, 1 + 1 = 2 of 3 = 66.7; geen → geen_budget 1/3
    expect(figures(trend.rows, 'national', 'financiering', 'eenmalig', null, 2020)).toEqual([2, 3, 66.7]);
    expect(figures(trend.rows, 'national', 'financiering', 'geen_budget', null, 2020)).toEqual([1, 3, 33.3]);
    // 2022 as it is: coronasteun 1 of 2 = 50.0
    expect(figures(trend.rows, 'national', 'financiering', 'coronasteun', null, 2022)).toEqual([1, 2, 50]);
  });

  it('flags the changes between editions', () => {
    expect(trend.changed).toBe(true);
    expect(trend.changes).toEqual([
      { edition: 2021, previousEdition: 2020, reasons: ['key', 'options'] },
      { edition: 2022, previousEdition: 2021, reasons: ['key', 'options'] },
    ]);
    const unchanged = trendRows(qns, stats, 'week');
    expect(unchanged.changed).toBe(false);
    expect(unchanged.rows).toHaveLength(6); // 3 editions × ja/nee
  });

  it('finds the current key from an older one', () => {
    expect(currentKeyOf(qns, 'budget_oud')).toBe('financiering');
    expect(trendRows(qns, stats, 'budget_status').question).toBe('financiering');
  });
});

describe('lineage in the real questionnaires', () => {
  const dir = path.resolve('data/questionnaires');
  const files = [2019, 2020, 2021, 2022, 2023].map((e) => path.join(dir, `${e}.json`));
  const present = files.every((f) => fs.existsSync(f));

  it.skipIf(!present)('follows budget_status (2019–2021) into financiering (2022+)', () => {
    const real = files.map((f) => Questionnaire.parse(JSON.parse(fs.readFileSync(f, 'utf8'))));
    const lineage = questionLineage(real, 'financiering');
    expect(lineage.map((e) => [e.edition, e.key])).toEqual([
      [2019, 'budget_status'],
      [2020, 'budget_status'],
      [2021, 'budget_status'],
      [2022, 'financiering'],
      [2023, 'financiering'],
    ]);
    const trend = trendRows(real, [], 'financiering');
    expect(trend.changes).toEqual([{ edition: 2022, previousEdition: 2021, reasons: ['key', 'options'] }]);
    // samenstelling_coalitie gained items in 2022
    expect(trendRows(real, [], 'samenstelling_coalitie').changes).toEqual([{ edition: 2022, previousEdition: 2021, reasons: ['items'] }]);
  });
});
