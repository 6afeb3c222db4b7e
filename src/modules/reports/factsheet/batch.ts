// All factsheets of an edition: for the CLI (`factsheets`, a file each) and the admin's ZIP.
// One after the other on purpose: Typst compiles synchronously (~20 ms each), the national profile
// and the web report's edition context are computed once and shared, and a database pool is not
// worth filling for 162 small reads.
import type { Db } from '../../../db/client.ts';
import { type FactsheetOptions, buildFactsheetPdf } from './pdf.ts';

/** Municipalities that submitted in the edition, by code (the example never submits). */
export async function submittedCodes(db: Db, edition: number): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    'SELECT municipality_code AS code FROM responses WHERE edition = $1 AND submitted_at IS NOT NULL ORDER BY municipality_code',
    [edition],
  );
  return rows.map((r) => r.code);
}

export async function* allFactsheets(db: Db, edition: number, options: FactsheetOptions = {}): AsyncGenerator<{ code: string; pdf: Buffer }> {
  const now = options.now ?? new Date();
  for (const code of await submittedCodes(db, edition)) {
    const pdf = await buildFactsheetPdf(db, edition, code, { ...options, now });
    if (pdf) yield { code, pdf };
  }
}

/** Every factsheet as `GMxxxx.pdf` in one ZIP; undefined when nobody submitted. */
export async function factsheetsZip(db: Db, edition: number, options: FactsheetOptions = {}): Promise<Buffer | undefined> {
  const { default: JSZip } = await import('jszip'); // loaded when first needed (~10 MB)
  const zip = new JSZip();
  const now = options.now ?? new Date();
  let n = 0;
  for await (const { code, pdf } of allFactsheets(db, edition, { ...options, now })) {
    // PDFs are compressed already: stored, not deflated again. The date keeps the ZIP reproducible.
    zip.file(`${code}.pdf`, pdf, { compression: 'STORE', date: now });
    n += 1;
  }
  if (!n) return undefined;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE', platform: 'UNIX' });
}
