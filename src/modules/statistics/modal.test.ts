import { describe, expect, it } from 'vitest';
import { modalAnswers } from './modal.ts';
import type { StatsRow } from './stats.model.ts';

const row = (scope: StatsRow['scope'], question: string, item: string | null, option: string, count: number, n: number): StatsRow => ({
  edition: 2022,
  scope,
  question,
  item,
  option,
  count,
  n,
  percent: n ? Math.round((1000 * count) / n) / 10 : null,
});

describe('modalAnswers', () => {
  const rows = [
    // week: ja 146 of 162 beats nee 16 → [ja]
    row('national', 'week', null, 'ja', 146, 162),
    row('national', 'week', null, 'nee', 16, 162),
    // kartrekker: ja 7 = nee 7 → tie: [ja, nee], in questionnaire order
    row('national', 'kartrekker', null, 'ja', 7, 14),
    row('national', 'kartrekker', null, 'nee', 7, 14),
    // matrix items each on their own: adviseurs → ingezet (5); toolkit → bekend and onbekend (3 = 3)
    row('national', 'inzet', 'adviseurs', 'ingezet', 5, 8),
    row('national', 'inzet', 'adviseurs', 'bekend', 3, 8),
    row('national', 'inzet', 'adviseurs', 'onbekend', 0, 8),
    row('national', 'inzet', 'toolkit', 'ingezet', 0, 6),
    row('national', 'inzet', 'toolkit', 'bekend', 3, 6),
    row('national', 'inzet', 'toolkit', 'onbekend', 3, 6),
    // PV23: nobody answered (n = 0) → no modal answer
    row('province:PV23', 'week', null, 'ja', 0, 0),
    row('province:PV23', 'week', null, 'nee', 0, 0),
  ];
  const modal = modalAnswers(rows);
  const find = (scope: string, question: string, item: string | null = null) =>
    modal.find((m) => m.scope === scope && m.question === question && m.item === item);

  it('names the most given answer', () => {
    // 146 > 16 → ja, 146/162 = 90.1%
    expect(find('national', 'week')).toMatchObject({ options: ['ja'], count: 146, n: 162, percent: 90.1 });
  });

  it('names all tied answers', () => {
    expect(find('national', 'kartrekker')?.options).toEqual(['ja', 'nee']); // 7 = 7
    expect(find('national', 'inzet', 'adviseurs')?.options).toEqual(['ingezet']); // 5 > 3 > 0
    expect(find('national', 'inzet', 'toolkit')?.options).toEqual(['bekend', 'onbekend']); // 3 = 3 > 0
  });

  it('gives none when n = 0, nor for a group with a suppressed figure', () => {
    expect(find('province:PV23', 'week')).toBeUndefined();
    const hidden = modalAnswers([
      { ...row('province:PV20', 'week', null, 'ja', 3, 4), suppressed: true },
      { ...row('province:PV20', 'week', null, 'nee', 1, 4), suppressed: true },
    ]);
    expect(hidden).toEqual([]);
    expect(modal).toHaveLength(4); // week, kartrekker, inzet×2
  });
});
