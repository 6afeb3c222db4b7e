// Importing advisors: one row per municipality with the advisor's name, e-mail and phone.
// Types of the report and the pure helpers that read a row; the checks that need the
// register live in import.check.ts.
import { z } from 'zod';
import { singleLine } from '../../web/text-file.ts';
import type { ListProblem } from '../spreadsheet/index.ts';
import type { Table } from './read-table.ts';

export const COLUMNS = { name: 'advisor_name', email: 'advisor_email', phone: 'advisor_phone', code: 'municipality_code', municipality: 'municipality_name' } as const;
export const MAX_ADVISOR_NAME = 200;

export type ProblemKey =
  | 'file.empty' | 'file.unreadable' | 'file.columns' | 'file.limit'
  | 'row.nameMissing' | 'row.nameLong' | 'row.emailMissing' | 'row.emailInvalid' | 'row.phoneInvalid'
  | 'row.emailOtherRole' | 'row.nameDiffers' | 'row.phoneDiffers'
  | 'row.municipalityMissing' | 'row.codeUnknown' | 'row.nameUnknown' | 'row.merged' | 'row.mismatch'
  | 'row.twoAdvisors' | 'row.duplicate';
/** `limit` (with `file.limit`): which limit of the spreadsheet reader the file passes; its text says so. */
export type Problem = { key: ProblemKey; params?: Record<string, string | number>; limit?: ListProblem };

export type ImportRow = { line: number; name: string; email: string; phone: string; code: string; municipalityName: string };
export type CheckedRow = ImportRow & { municipality?: { code: string; name: string }; errors: Problem[] };

export type ImportOutcome = {
  advisorsCreated: number;
  advisorsUpdated: number;
  accountsCreated: number;
  accountsLinked: number;
  assigned: number;
  moved: { code: string; name: string; from: string }[];
};

export type ImportReport = {
  registerYear: number;
  fileErrors: Problem[];
  rows: CheckedRow[];
  /** Set when the import was written; absent for a dry run or a refused file. */
  outcome?: ImportOutcome;
};

export const badRows = (r: ImportReport) => r.rows.filter((x) => x.errors.length > 0);
export const goodRows = (r: ImportReport) => r.rows.filter((x) => x.errors.length === 0);

/** The table as posted back by the confirm form (the preview page carries it as JSON). */
export const TableSchema = z.object({
  header: z.array(z.string().max(100)).max(50),
  rows: z.array(z.object({ line: z.number().int().positive(), cells: z.record(z.string(), z.string().max(1000)) })).max(5000),
});

export function toRows(table: Table): ImportRow[] {
  return table.rows.map(({ line, cells }) => ({
    line,
    // Names are one line: line breaks, tabs and control characters become a space.
    name: singleLine(cells[COLUMNS.name] ?? ''),
    email: (cells[COLUMNS.email] ?? '').trim(),
    phone: (cells[COLUMNS.phone] ?? '').trim(),
    code: (cells[COLUMNS.code] ?? '').trim(),
    municipalityName: singleLine(cells[COLUMNS.municipality] ?? ''),
  }));
}

export function missingColumns(header: string[]): string[] {
  const missing: string[] = [COLUMNS.name, COLUMNS.email].filter((c) => !header.includes(c));
  if (!header.includes(COLUMNS.code) && !header.includes(COLUMNS.municipality)) missing.push(`${COLUMNS.code} / ${COLUMNS.municipality}`);
  return missing;
}

/** "GM0363", "gm363", "363" and "0363" are the same code; anything else is kept as given. */
export function normalizeCode(raw: string): string {
  const m = raw.replace(/\s+/g, '').match(/^(?:gm)?(\d{1,4})$/i);
  return m ? `GM${m[1].padStart(4, '0')}` : raw.toUpperCase();
}

/** Names compare without case, accents, curly apostrophes, extra spaces or "gemeente". */
export function normalizeName(raw: string): string {
  return raw.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[’‘`´]/g, "'").toLowerCase()
    .replace(/\s+/g, ' ').trim().replace(/^gemeente /, '');
}

// Digits with the usual separators, and at least 6 digits: "+31 6 1234 5678", "(030) 123 45 67".
export function isValidPhone(raw: string): boolean {
  return raw.length <= 40 && /^[+0-9 ()./-]+$/.test(raw) && (raw.match(/\d/g)?.length ?? 0) >= 6;
}
