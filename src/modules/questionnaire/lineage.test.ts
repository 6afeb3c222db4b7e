import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapCodeToCurrent, questionHistory, trendKey } from './lineage.ts';
import { loadQuestionnaires } from './questionnaire.load.ts';
import type { Question, Questionnaire, Replaces } from './questionnaire.model.ts';

const t = (s: string) => ({ nl: s, en: s });
const single = (key: string, codes: string[], replaces?: Replaces): Question => ({
  key,
  theme: 'th',
  type: 'single',
  text: t(key),
  options: codes.map((code) => ({ code, label: t(code) })),
  ...(replaces && { replaces }),
});
const edition = (year: number, ...questions: Question[]): [number, Questionnaire] => [
  year,
  { edition: year, name: t('x'), themes: [], scales: {}, questions },
];

describe('lineage in the real files', () => {
  const qns = loadQuestionnaires(fileURLToPath(new URL('../../../data/questionnaires', import.meta.url)));

  it('continues budget_status (2019–2021) as financiering', () => {
    expect(trendKey(qns, 2021, 'budget_status')).toBe('financiering');
    expect(trendKey(qns, 2019, 'budget_status')).toBe('financiering');
    expect(trendKey(qns, 2022, 'financiering')).toBe('financiering');
    expect(trendKey(qns, 2019, 'week_tegen_eenzaamheid')).toBe('week_tegen_eenzaamheid');
  });

  it('maps budget_status codes onto financiering', () => {
    expect(mapCodeToCurrent(qns, 2021, 'budget_status', 'eenmalig')).toBe('eenmalig');
    expect(mapCodeToCurrent(qns, 2019, 'budget_status', 'anders')).toBe('anders');
    expect(mapCodeToCurrent(qns, 2021, 'budget_status', 'onbekend')).toBeNull();
  });

  it('gives the whole history of financiering, also when asked by its old key', () => {
    const history = questionHistory(qns, 'financiering');
    expect(history.map((h) => [h.edition, h.key])).toEqual([
      [2019, 'budget_status'],
      [2020, 'budget_status'],
      [2021, 'budget_status'],
      [2022, 'financiering'],
      [2023, 'financiering'],
    ]);
    expect(history[0]?.codeMap).toEqual({ geen_budget: 'geen_budget', eenmalig: 'eenmalig', structureel: 'structureel', anders: 'anders' });
    expect(history[3]?.codeMap.coronasteun).toBe('coronasteun');
    expect(questionHistory(qns, 'budget_status')).toEqual(history);
  });

  it('gives a one-off question a one-edition history, an unknown key none', () => {
    expect(questionHistory(qns, 'corona_aanpak').map((h) => h.edition)).toEqual([2021]);
    expect(questionHistory(qns, 'bestaat_niet')).toEqual([]);
  });

  it('maps matrix answers on their scale codes', () => {
    const history = questionHistory(qns, 'inzet_producten');
    expect(history.map((h) => h.edition)).toEqual([2020, 2021, 2022, 2023]);
    expect(history[0]?.codeMap).toEqual({ ingezet: 'ingezet', bekend: 'bekend', onbekend: 'onbekend' });
  });
});

describe('lineage over several renames', () => {
  // a (2019) → b (2020, x→y, dropped w) → skipped in 2021 → c (2022, y→z) ; c drops v
  const qns = new Map([
    edition(2019, single('a', ['x', 'v', 'w'])),
    edition(2020, single('b', ['y', 'v'], { key: 'a', options: { x: 'y', v: 'v' } })),
    edition(2021),
    edition(2022, single('c', ['z'], { key: 'b', options: { y: 'z', v: 'v' } })),
  ]);

  it('follows the chain to the newest key, across an edition that skipped the question', () => {
    expect(trendKey(qns, 2019, 'a')).toBe('c');
    expect(trendKey(qns, 2020, 'b')).toBe('c');
    expect(trendKey(qns, 2022, 'c')).toBe('c');
  });

  it('maps codes step by step, null when a step or the newest question has no counterpart', () => {
    expect(mapCodeToCurrent(qns, 2019, 'a', 'x')).toBe('z');
    expect(mapCodeToCurrent(qns, 2019, 'a', 'w')).toBeNull();
    expect(mapCodeToCurrent(qns, 2019, 'a', 'v')).toBeNull();
  });

  it('lists every edition that asked it, with the code map per edition', () => {
    expect(questionHistory(qns, 'c')).toEqual([
      { edition: 2019, key: 'a', codeMap: { x: 'z', v: null, w: null } },
      { edition: 2020, key: 'b', codeMap: { y: 'z', v: null } },
      { edition: 2022, key: 'c', codeMap: { z: 'z' } },
    ]);
  });

  it('lists both questions of an edition that were merged into one', () => {
    const merged = new Map([edition(2021, single('p', ['ja']), single('q', ['ja'])), edition(2022, single('q', ['ja'], { key: 'p', options: { ja: 'ja' } }))]);
    expect(questionHistory(merged, 'q').map((h) => [h.edition, h.key])).toEqual([
      [2021, 'p'],
      [2021, 'q'],
      [2022, 'q'],
    ]);
  });
});
