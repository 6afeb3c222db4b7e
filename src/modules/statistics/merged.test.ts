// A merge of two questions into one: the editions before the merge are counted per municipality
// (union of the mapped answers), worked out by hand below.
import { describe, expect, it } from 'vitest';
import { computeStats } from './compute-stats.ts';
import { countingMerges, mergedQuestions } from './merged.ts';
import type { SubmittedResponse } from './stats.model.ts';
import { figures, opt, questionnaireWith, single } from './test-fixtures.ts';
import { questionLineage, trendRows } from './trends.ts';

// 2021 asks "punt" (a reporting point) and "netwerk" (a network), both ja/nee; 2022 merges them
// into one multi question "signalering": punt, netwerk, or "geen van beide" (exclusive).
const punt = single('punt', ['ja', 'nee']);
const netwerk = single('netwerk', ['ja', 'nee']);
const signalering = {
  ...single('signalering', []),
  type: 'multi' as const,
  options: [opt('punt'), opt('netwerk'), opt('geen', { exclusive: true })],
  merges: [
    { key: 'punt', options: { ja: 'punt', nee: 'geen' } },
    { key: 'netwerk', options: { ja: 'netwerk', nee: 'geen' } },
  ],
};
const qns = new Map([
  [2021, questionnaireWith(2021, [punt, netwerk])],
  [2022, questionnaireWith(2022, [signalering])],
]);
const r = (edition: number, municipality: string, answers: SubmittedResponse['answers']): SubmittedResponse => ({ edition, municipality, answers });
const responses = [
  r(2021, 'GM0001', { punt: { value: 'ja' }, netwerk: { value: 'ja' } }), // punt + netwerk
  r(2021, 'GM0002', { punt: { value: 'ja' }, netwerk: { value: 'nee' } }), // punt ("geen" dropped beside it)
  r(2021, 'GM0003', { punt: { value: 'nee' }, netwerk: { value: 'nee' } }), // geen
  r(2021, 'GM0004', { netwerk: { value: 'ja' } }), // netwerk
  r(2021, 'GM0005', {}), // no answer: not in n
  r(2022, 'GM0001', { signalering: { values: ['punt'] } }),
  r(2022, 'GM0002', { signalering: { values: ['geen'] } }),
];
const register = new Map([[2021, new Map<string, string>()], [2022, new Map<string, string>()]]);

describe('a merged question', () => {
  it('finds the merge for the edition before it', () => {
    const merged = mergedQuestions(qns);
    expect([...merged.keys()]).toEqual([2021]);
    expect(merged.get(2021)?.map((m) => [m.target.key, m.sources.map((s) => s.question.key)])).toEqual([['signalering', ['punt', 'netwerk']]]);
  });

  it('counts each municipality once in the editions before the merge (hand-worked: n 4; punt 2, netwerk 2, geen 1)', () => {
    const counting = countingMerges(qns, responses);
    const rows = computeStats(counting.qns, counting.responses, register, { scopes: ['national'] });
    expect(figures(rows, 'national', 'signalering', 'punt', null, 2021)).toEqual([2, 4, 50]);
    expect(figures(rows, 'national', 'signalering', 'netwerk', null, 2021)).toEqual([2, 4, 50]);
    expect(figures(rows, 'national', 'signalering', 'geen', null, 2021)).toEqual([1, 4, 25]);
    // the earlier questions keep their own figures
    expect(figures(rows, 'national', 'punt', 'ja', null, 2021)).toEqual([2, 3, 66.7]);
    // the stored answers are untouched
    expect(responses[0].answers.signalering).toBeUndefined();
  });

  it('is one trend line, with a note that the question was merged', () => {
    const counting = countingMerges(qns, responses);
    const rows = computeStats(counting.qns, counting.responses, register, { scopes: ['national'] });
    const lineage = questionLineage(qns, 'signalering');
    expect(lineage.map((e) => [e.edition, e.key, e.merged ?? false])).toEqual([[2021, 'signalering', true], [2022, 'signalering', false]]);
    const trend = trendRows(qns, rows, 'punt');
    expect(trend.question).toBe('signalering');
    expect(trend.rows.filter((x) => x.option === 'punt').map((x) => [x.edition, x.count, x.n])).toEqual([[2021, 2, 4], [2022, 1, 2]]);
    expect(trend.changes).toEqual([{ edition: 2022, previousEdition: 2021, reasons: ['merged'] }]);
  });

  it('a merged single question takes the first mapped answer, in questionnaire order', () => {
    const both = { ...single('beide', ['ja', 'nee']), merges: [{ key: 'punt', options: { ja: 'ja', nee: 'nee' } }, { key: 'netwerk', options: { ja: 'ja', nee: 'nee' } }] };
    const set = new Map([[2021, questionnaireWith(2021, [punt, netwerk])], [2022, questionnaireWith(2022, [both])]]);
    const counting = countingMerges(set, responses);
    const answers = counting.responses.filter((x) => x.edition === 2021).map((x) => x.answers.beide?.value ?? null);
    expect(answers).toEqual(['ja', 'ja', 'nee', 'ja', null]);
  });
});
