import { describe, expect, it } from 'vitest';
import { csvField, toCsv, toJson } from './export.ts';
import type { StatsRow } from './stats.model.ts';

const rows: StatsRow[] = [
  { edition: 2022, scope: 'national', question: 'week_tegen_eenzaamheid', item: null, option: 'ja', count: 146, n: 162, percent: 90.1 },
  { edition: 2022, scope: 'province:PV27', question: 'inzet_producten', item: 'adviseurs', option: 'ingezet', count: 12, n: 19, percent: 63.2 },
  { edition: 2022, scope: 'panel', question: 'best_practices', item: null, option: 'nee', count: 1, n: 24, percent: 4.2 },
  { edition: 2022, scope: 'province:PV23', question: 'week_tegen_eenzaamheid', item: null, option: 'ja', count: 0, n: 0, percent: null },
  { edition: 2022, scope: 'province:PV20', question: 'week_tegen_eenzaamheid', item: null, option: 'ja', count: 2, n: 2, percent: 100, suppressed: true },
];

describe('toCsv', () => {
  it('writes the contract format: header, empty item and percent when null, one decimal', () => {
    expect(toCsv(rows).split('\n')).toEqual([
      'edition,scope,question,item,option,count,n,percent',
      '2022,national,week_tegen_eenzaamheid,,ja,146,162,90.1',
      '2022,province:PV27,inzet_producten,adviseurs,ingezet,12,19,63.2',
      '2022,panel,best_practices,,nee,1,24,4.2',
      '2022,province:PV23,week_tegen_eenzaamheid,,ja,0,0,',
      '2022,province:PV20,week_tegen_eenzaamheid,,ja,2,2,100.0',
      '',
    ]);
  });

  it('blanks suppressed figures for a public file, and takes CRLF on request', () => {
    const lines = toCsv(rows, { blankSuppressed: true, eol: '\r\n' }).split('\r\n');
    expect(lines[5]).toBe('2022,province:PV20,week_tegen_eenzaamheid,,ja,,2,');
  });

  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('toJson', () => {
  it('holds the same rows with suppressed always present', () => {
    const parsed = JSON.parse(toJson(rows));
    expect(parsed[0]).toEqual({ ...rows[0], suppressed: false });
    expect(parsed[3].percent).toBeNull();
    expect(parsed[4]).toMatchObject({ count: 2, percent: 100, suppressed: true });
    expect(JSON.parse(toJson(rows, { blankSuppressed: true }))[4]).toMatchObject({ count: null, n: 2, percent: null, suppressed: true });
  });
});
