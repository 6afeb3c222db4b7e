// CSV and JSON output of statistics rows (CONTRACTS.md "Statistics, CSV").
import type { StatsRow } from './stats.model.ts';

export const CSV_HEADER = 'edition,scope,question,item,option,count,n,percent';

export interface OutputOptions {
  /** Public output: leave count and percent of suppressed rows empty (CSV) or null (JSON). */
  blankSuppressed?: boolean;
}

export interface CsvOptions extends OutputOptions {
  /** Line ending; default "\n" (RFC 4180 parsers accept it; pass "\r\n" for strict RFC 4180). */
  eol?: string;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One decimal always ("50.0"); the value is already rounded by percentOf. */
function formatPercent(p: number | null): string {
  return p === null ? '' : p.toFixed(1);
}

export function toCsv(rows: readonly StatsRow[], { blankSuppressed = false, eol = '\n' }: CsvOptions = {}): string {
  const lines = [CSV_HEADER];
  for (const r of rows) {
    const hidden = blankSuppressed && r.suppressed === true;
    const fields = [
      String(r.edition),
      r.scope,
      r.question,
      r.item ?? '',
      r.option,
      hidden ? '' : String(r.count),
      String(r.n),
      hidden ? '' : formatPercent(r.percent),
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return lines.join(eol) + eol;
}

/** The rows as plain objects in contract order, with `suppressed` always present. */
export function toJsonRows(rows: readonly StatsRow[], { blankSuppressed = false }: OutputOptions = {}) {
  return rows.map((r) => {
    const hidden = blankSuppressed && r.suppressed === true;
    return {
      edition: r.edition,
      scope: r.scope,
      question: r.question,
      item: r.item,
      option: r.option,
      count: hidden ? null : r.count,
      n: r.n,
      percent: hidden ? null : r.percent,
      suppressed: r.suppressed === true,
    };
  });
}

export function toJson(rows: readonly StatsRow[], options: OutputOptions = {}): string {
  return JSON.stringify(toJsonRows(rows, options));
}
