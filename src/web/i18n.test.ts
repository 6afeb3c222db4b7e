// Dates and counts as every page, mail and PDF writes them: the day is the Dutch day (Europe/
// Amsterdam, also across midnight UTC and the clock changes), counts with the language's separator.
import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime } from './i18n.ts';

describe('formatDate and formatDateTime', () => {
  it('give the day in the Netherlands, not in UTC', () => {
    // 23:30 UTC on 7 December is 00:30 on 8 December in Amsterdam (winter time, UTC+1).
    expect(formatDate('nl', new Date('2026-12-07T23:30:00Z'))).toBe('8 december 2026');
    expect(formatDate('en', new Date('2026-12-07T23:30:00Z'))).toBe('8 December 2026');
    // Summer time is UTC+2: 22:30 UTC on 30 June is already 1 July.
    expect(formatDate('nl', new Date('2026-06-30T22:30:00Z'))).toBe('1 juli 2026');
    expect(formatDate('nl', new Date('2026-06-30T21:30:00Z'))).toBe('30 juni 2026');
  });

  it('reads a YYYY-MM-DD day as it is', () => {
    expect(formatDate('nl', '2023-03-01')).toBe('1 maart 2023');
  });

  it('add the Dutch clock time', () => {
    expect(formatDateTime('nl', new Date('2026-12-07T23:30:00Z'))).toBe('8 december 2026, 00:30');
    expect(formatDateTime('en', new Date('2026-06-30T08:05:00Z'))).toBe('30 June 2026, 10:05');
  });
});

describe('formatCount', () => {
  it('groups thousands the way the language does', () => {
    expect(formatCount('nl', 1234567)).toBe('1.234.567');
    expect(formatCount('en', 1234567)).toBe('1,234,567');
    expect(formatCount('nl', 162)).toBe('162');
  });
});
