// The long CSV of CONTRACTS.md ("Responses, long CSV"): one row per chosen option, matrix item or
// text; reading (with the physical line number of every row, for the report) and writing.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { answerOptions, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import { type Answers, isEmptyAnswer } from '../responses/answer.model.ts';
import { decodeTextFile, TextEncodingError } from '../../web/text-file.ts';

export const LONG_COLUMNS = ['edition', 'municipality_code', 'question', 'item', 'value', 'other_text', 'comment'] as const;

export type LongRow = {
  /** Line in the file where the row starts (a quoted text may span several lines). */
  line: number;
  edition: string;
  municipality: string;
  question: string;
  item: string;
  value: string;
  other: string;
  comment: string;
};

export type LineError = { line: number; message: string };

const lineBreaks = (s: string) => s.match(/\r\n|\r|\n/g)?.length ?? 0;
/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula
 * (OWASP "CSV injection": `=HYPERLINK(...)` in a toelichting). Such a text is written with a
 * leading apostrophe, which spreadsheets show as text and our import takes off again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
const unneutralise = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

/** Texts keep their own line breaks, as "\n" (as the answer form stores them). */
// NUL cannot be stored (PostgreSQL text/jsonb: a 500 on confirming) and is never meant: left out.
const clean = (s: string | undefined) => unneutralise((s ?? '').split('\u0000').join('')).replace(/\r\n?/g, '\n').trim();

/** Parses the file; column order is free, extra columns are ignored, empty lines are skipped. */
export function readLongCsv(data: string | Uint8Array): { rows: LongRow[]; errors: LineError[] } {
  let text: string;
  try {
    // UTF-8, or deliberately Windows-1252 (older Excel); anything else is refused (src/web/text-file.ts).
    text = typeof data === 'string' ? data.replace(/^\uFEFF/, '') : decodeTextFile(data).text;
  } catch (e) {
    if (e instanceof TextEncodingError) return { rows: [], errors: [{ line: e.line, message: e.message }] };
    throw e;
  }
  let records: { record: string[]; raw: string }[];
  try {
    // raw: the record's source text, to count the lines it spans.
    records = parse(text, { raw: true, relax_column_count: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { rows: [], errors: [{ line: err.lines ?? 1, message: `het bestand is geen geldige CSV (${err.message}); verwacht komma-gescheiden velden met RFC 4180-aanhalingstekens` }] };
  }
  let consumed = 0; // line breaks before the current record
  const located = records.map(({ record, raw }) => {
    const leading = raw.length - raw.trimStart().length;
    const line = consumed + lineBreaks(raw.slice(0, leading)) + 1;
    consumed += lineBreaks(raw);
    return { line, cells: record };
  });
  const filled = located.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...body] = filled;
  const expected = `verwacht de kopregel ${LONG_COLUMNS.join(',')}`;
  if (!head) return { rows: [], errors: [{ line: 1, message: `het bestand is leeg; ${expected}` }] };
  const header = head.cells.map((h) => h.trim().toLowerCase());
  const missing = LONG_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    return { rows: [], errors: [{ line: head.line, message: `kolom ${missing.join(', ')} ontbreekt; ${expected}` }] };
  }
  if (!body.length) return { rows: [], errors: [{ line: head.line, message: 'het bestand bevat alleen een kopregel; verwacht ten minste één antwoordregel' }] };
  const at = Object.fromEntries(LONG_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof LONG_COLUMNS)[number], number>;
  const rows = body.map(({ line, cells }) => ({
    line,
    edition: clean(cells[at.edition]),
    municipality: clean(cells[at.municipality_code]).toUpperCase(),
    question: clean(cells[at.question]),
    item: clean(cells[at.item]),
    value: clean(cells[at.value]),
    other: clean(cells[at.other_text]),
    comment: clean(cells[at.comment]),
  }));
  return { rows, errors: [] };
}

/**
 * The rows of one response in questionnaire order. The comment goes on the first row of its
 * question; a question answered with only a comment gets one row with an empty item and value
 * (the import reads such a row back as a comment-only answer). Answers to keys the questionnaire
 * does not have are left out: they cannot be imported again.
 */
export function longRows(qn: Questionnaire, edition: number, municipality: string, answers: Answers): string[][] {
  const out: string[][] = [];
  for (const q of qn.questions) {
    const a = answers[q.key];
    if (!a || isEmptyAnswer(a)) continue;
    const otherCode = answerOptions(q, qn).find((o) => o.other)?.code;
    const rows: [item: string, value: string, other: string][] = [];
    if (q.type === 'single' && a.value) rows.push(['', a.value, a.value === otherCode ? (a.other ?? '') : '']);
    if (q.type === 'multi') for (const v of a.values ?? []) rows.push(['', v, v === otherCode ? (a.other ?? '') : '']);
    if (q.type === 'matrix') {
      for (const it of q.items ?? []) if (a.items?.[it.code]) rows.push([it.code, a.items[it.code], '']);
    }
    if (q.type === 'text' && a.text) rows.push(['', a.text, '']);
    if (!rows.length && a.comment) rows.push(['', '', '']);
    rows.forEach(([item, value, other], i) => {
      out.push([String(edition), municipality, q.key, item, value, other, i === 0 ? (a.comment ?? '') : '']);
    });
  }
  return out;
}

/**
 * RFC 4180: CRLF between records, quotes only where needed; no BOM (scripts read it as data).
 * Every text that a spreadsheet would run as a formula gets a leading apostrophe (see above).
 */
export function writeCsv(header: readonly string[], rows: (string | number | null)[][]): string {
  const safe = rows.map((row) => row.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
  // csv-stringify only quotes the full CRLF delimiter; a text's own "\n" must be quoted too.
  return stringify([[...header], ...safe], { record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { number: (n) => String(n) } });
}
