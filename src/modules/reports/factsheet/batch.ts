// All factsheets of an edition: for the CLI (`factsheets`, a file each) and the admin's ZIP.
// The database reads stay one after the other in this thread (the national profile and the web
// report's edition context are computed once and shared); the Typst compiles (most of the time)
// go to worker threads meanwhile, a few factsheets ahead, and come back in order.
import type { Db } from '../../../db/client.ts';
import { buildFactsheet } from './model.ts';
import { type FactsheetOptions, factsheetInput } from './pdf.ts';
import { TypstPool } from './typst-pool.service.ts';

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
  const codes = await submittedCodes(db, edition);
  if (!codes.length) return;
  const pool = new TypstPool();
  // Enough in flight to keep every worker busy, few enough to keep memory small.
  const ahead = 8;
  const queue: Array<{ code: string; pdf: Promise<Buffer | undefined> }> = [];
  try {
    for (const code of codes) {
      const f = await buildFactsheet(db, edition, code, options.lang ?? 'nl');
      const pdf = f ? pool.compile(factsheetInput(f, now)) : Promise.resolve(undefined);
      pdf.catch(() => undefined); // awaited below; not an unhandled rejection if the reader stops early
      queue.push({ code, pdf });
      while (queue.length > ahead) {
        const head = queue.shift() as (typeof queue)[number];
        const bytes = await head.pdf;
        if (bytes) yield { code: head.code, pdf: bytes };
      }
    }
    for (const head of queue) {
      const bytes = await head.pdf;
      if (bytes) yield { code: head.code, pdf: bytes };
    }
  } finally {
    await pool.close();
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
