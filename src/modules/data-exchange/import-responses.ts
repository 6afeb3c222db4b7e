// import-responses: the long CSV into the database, all or nothing (CONTRACTS.md "Responses, long CSV").
// Used by the CLI; an admin upload can call importResponses with the uploaded bytes.
import type { Db } from '../../db/client.ts';
import type { Questionnaire } from '../questionnaire/questionnaire.model.ts';
import { checkImport, type ImportContext } from './import-check.ts';
import { writePairs } from './import-write.ts';
import { type LineError, readLongCsv } from './long-csv.ts';

export type ImportReport = {
  /** (edition, municipality) pairs in the file. */
  pairs: number;
  /** Data rows (header and empty lines not counted). */
  rows: number;
  created: number;
  replaced: number;
  unchanged: number;
  /** Sorted by line; when not empty nothing was written. */
  errors: LineError[];
  dryRun: boolean;
};

export type ImportOptions = {
  now: Date;
  /** Recorded in answer_changes.actor, e.g. the file name. */
  actor?: string;
  /** Check and compare, write nothing. */
  dryRun?: boolean;
};

/** The questionnaires and registers of every edition (five small queries' worth of data). */
export async function loadImportContext(db: Db): Promise<ImportContext> {
  const editions = await db.query<{ year: number; registerYear: number; questionnaire: Questionnaire }>(
    'SELECT year, register_year AS "registerYear", questionnaire FROM editions ORDER BY year',
  );
  const registers = new Map<number, { year: number; codes: Set<string> }>();
  for (const e of editions) {
    const rows = await db.query<{ code: string }>('SELECT code FROM municipalities WHERE year = $1', [e.registerYear]);
    registers.set(e.year, { year: e.registerYear, codes: new Set(rows.map((r) => r.code)) });
  }
  return { questionnaires: new Map(editions.map((e) => [e.year, e.questionnaire])), registers };
}

export async function importResponses(db: Db, data: string | Uint8Array, opts: ImportOptions): Promise<ImportReport> {
  const dryRun = opts.dryRun === true;
  const parsed = readLongCsv(data);
  const report: ImportReport = { pairs: 0, rows: parsed.rows.length, created: 0, replaced: 0, unchanged: 0, errors: parsed.errors, dryRun };
  if (parsed.errors.length) return report;
  const checked = checkImport(parsed.rows, await loadImportContext(db));
  report.pairs = new Set(parsed.rows.map((r) => `${r.edition}|${r.municipality}`)).size;
  report.errors = checked.errors;
  if (checked.errors.length) return report;
  const outcomes = await writePairs(db, checked.pairs, { now: opts.now, actor: opts.actor ?? 'import', dryRun });
  for (const o of outcomes) report[o]++;
  return report;
}

/** The report as lines for a terminal or a page (Dutch). */
export function formatImportReport(r: ImportReport): string[] {
  const lines = [`${r.rows} regels, ${r.pairs} ingevulde vragenlijsten (editie, gemeente).`];
  if (r.errors.length) {
    lines.push(`${r.errors.length} ${r.errors.length === 1 ? 'fout' : 'fouten'}; er is niets geïmporteerd:`);
    for (const e of r.errors) lines.push(`regel ${e.line}: ${e.message}`);
    return lines;
  }
  lines.push(`Nieuw: ${r.created}, vervangen: ${r.replaced}, ongewijzigd: ${r.unchanged}.`);
  if (r.dryRun) lines.push('Proefrun (--dry-run): er is niets opgeslagen.');
  return lines;
}
