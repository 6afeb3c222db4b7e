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
  /** Published editions the file has answers for: importing changes published results. */
  published: number[];
  /**
   * The file touches a published edition and `publishedOk` was not given: nothing was written.
   * (A dry run reports `published` and writes nothing anyway.)
   */
  needsConfirmation: boolean;
};

export type ImportOptions = {
  now: Date;
  /** Recorded in answer_changes.actor, e.g. the file name. */
  actor?: string;
  /** Check and compare, write nothing. */
  dryRun?: boolean;
  /** The user confirmed that answers of a published edition may change (web checkbox, CLI --published-ok). */
  publishedOk?: boolean;
  /** For the audit (response_imports): where the import came from and, on the web, whose account. */
  audit?: { via: 'web' | 'cli'; accountId?: number; fileName: string };
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
  const report: ImportReport = {
    pairs: 0, rows: parsed.rows.length, created: 0, replaced: 0, unchanged: 0, errors: parsed.errors, dryRun, published: [], needsConfirmation: false,
  };
  if (parsed.errors.length) return report;
  const checked = checkImport(parsed.rows, await loadImportContext(db));
  report.pairs = new Set(parsed.rows.map((r) => `${r.edition}|${r.municipality}`)).size;
  report.errors = checked.errors;
  if (checked.errors.length) return report;
  const editions = [...new Set(checked.pairs.map((p) => p.edition))].sort((a, b) => a - b);
  return db.tx(async (tx) => {
    // In the transaction that writes: an edition published between check and write counts too.
    report.published = (await tx.query<{ year: number }>(
      'SELECT year FROM editions WHERE year = ANY($1::int[]) AND published_at IS NOT NULL ORDER BY year FOR SHARE', [editions],
    )).map((e) => e.year);
    // Not confirmed: compare only (the counts for the page that asks), write nothing.
    report.needsConfirmation = !dryRun && report.published.length > 0 && !opts.publishedOk;
    const outcomes = await writePairs(tx, checked.pairs, { now: opts.now, actor: opts.actor ?? 'import', dryRun: dryRun || report.needsConfirmation });
    for (const o of outcomes) report[o]++;
    if (!dryRun && !report.needsConfirmation) {
      await tx.query(
        `INSERT INTO response_imports (imported_at, via, account_id, file_name, editions, published_editions, pairs, created, replaced, unchanged)
         VALUES ($1, $2, $3, $4, $5::int[], $6::int[], $7, $8, $9, $10)`,
        [opts.now, opts.audit?.via ?? 'cli', opts.audit?.accountId ?? null, opts.audit?.fileName ?? opts.actor ?? '', editions, report.published,
          report.pairs, report.created, report.replaced, report.unchanged],
      );
    }
    return report;
  });
}

/** The latest imports of responses, for the audit on /beheer/gegevens. */
export type ImportAudit = {
  importedAt: Date; via: 'web' | 'cli'; who: string | null; fileName: string; editions: number[]; publishedEditions: number[];
  pairs: number; created: number; replaced: number; unchanged: number;
};

export async function listResponseImports(db: Db, limit = 20): Promise<ImportAudit[]> {
  return db.query<ImportAudit>(
    `SELECT i.imported_at AS "importedAt", i.via, COALESCE(NULLIF(a.name, ''), a.email) AS who, i.file_name AS "fileName",
            i.editions, i.published_editions AS "publishedEditions", i.pairs, i.created, i.replaced, i.unchanged
       FROM response_imports i LEFT JOIN accounts a ON a.id = i.account_id
      ORDER BY i.imported_at DESC, i.id DESC LIMIT $1`,
    [limit],
  );
}

/** The report as lines for a terminal or a page (Dutch). */
export function formatImportReport(r: ImportReport): string[] {
  const lines = [`${r.rows} regels, ${r.pairs} ingevulde vragenlijsten (editie, gemeente).`];
  if (r.errors.length) {
    lines.push(`${r.errors.length} ${r.errors.length === 1 ? 'fout' : 'fouten'}; er is niets geïmporteerd:`);
    for (const e of r.errors) lines.push(`regel ${e.line}: ${e.message}`);
    return lines;
  }
  if (r.published.length) {
    lines.push(`Let op: ${r.published.length === 1 ? 'editie' : 'edities'} ${r.published.join(', ')} ${r.published.length === 1 ? 'is' : 'zijn'} gepubliceerd; importeren verandert gepubliceerde resultaten en kan alleen met --published-ok.`);
  }
  if (r.needsConfirmation) {
    lines.push('Er is niets geïmporteerd.');
    return lines;
  }
  lines.push(`Nieuw: ${r.created}, vervangen: ${r.replaced}, ongewijzigd: ${r.unchanged}.`);
  if (r.dryRun) lines.push('Proefrun (--dry-run): er is niets opgeslagen.');
  return lines;
}
