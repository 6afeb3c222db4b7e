// Imports a CBS/RIVM wijk CSV: parse, check against the registers, then write in one transaction.
// All or nothing unless `skipInvalid`. Real figures push out the synthetic demo figures of the
// same municipality (all years), so a report never mixes measured and made-up wijken.
import type { Db } from '../../db/client.ts';
import { SOURCE_LABEL, type WijkFigure } from './model.ts';
import { type Known, type ParsedFile, parseWijkCsv } from './parse.ts';
import { readWijkRegister } from './register.ts';

export type ImportOptions = { dryRun?: boolean; skipInvalid?: boolean; now: Date; source?: string };
export type ImportReport = ParsedFile & {
  regions: number;
  years: number[];
  /** Figures written; null when nothing was written (dry run, file errors, or bad rows without skipInvalid). */
  imported: number | null;
};

export async function knownCodes(db: Db): Promise<Known> {
  const rows = await db.query<{ code: string; name: string }>(
    'SELECT DISTINCT ON (code) code, name FROM municipalities ORDER BY code, year DESC',
  );
  return { register: readWijkRegister(), municipalities: new Map(rows.map((r) => [r.code, r.name])) };
}

export async function importWijkFigures(db: Db, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport> {
  const parsed = parseWijkCsv(bytes, await knownCodes(db));
  const report: ImportReport = {
    ...parsed,
    regions: new Set(parsed.figures.map((f) => f.regionCode)).size,
    years: [...new Set(parsed.figures.map((f) => f.year))].sort(),
    imported: null,
  };
  const blocked = parsed.fileErrors.length > 0 || (parsed.problems.length > 0 && !options.skipInvalid);
  if (blocked || options.dryRun || parsed.figures.length === 0) return report;
  await writeFigures(db, parsed.figures, { source: options.source ?? SOURCE_LABEL, synthetic: false, now: options.now });
  return { ...report, imported: parsed.figures.length };
}

export async function writeFigures(db: Db, figures: WijkFigure[], o: { source: string; synthetic: boolean; now: Date }): Promise<void> {
  await db.tx(async (tx) => {
    if (!o.synthetic) {
      const municipalities = [...new Set(figures.map((f) => f.municipalityCode).filter((c): c is string => c !== null))];
      await tx.query('DELETE FROM wijk_figures WHERE synthetic AND municipality_code = ANY($1)', [municipalities]);
      if (figures.some((f) => f.regionCode === 'NL01')) await tx.query(`DELETE FROM wijk_figures WHERE synthetic AND region_code = 'NL01'`);
    }
    // Synthetic figures never overwrite measured ones (the WHERE on the update). In slices, so one
    // statement's parameter stays small (a full synthetic set is ~15,000 figures).
    for (let i = 0; i < figures.length; i += 4000) await tx.query(
      `INSERT INTO wijk_figures (region_code, municipality_code, region_name, year, indicator, value, source, synthetic, imported_at)
       SELECT x."regionCode", x."municipalityCode", x."regionName", x.year, x.indicator, x.value, $2, $3, $4
       FROM jsonb_to_recordset($1::jsonb) AS x("regionCode" text, "municipalityCode" text, "regionName" text, year int, indicator text, value numeric)
       ON CONFLICT (region_code, year, indicator) DO UPDATE SET municipality_code = EXCLUDED.municipality_code,
         region_name = EXCLUDED.region_name, value = EXCLUDED.value, source = EXCLUDED.source,
         synthetic = EXCLUDED.synthetic, imported_at = EXCLUDED.imported_at
       WHERE NOT EXCLUDED.synthetic OR wijk_figures.synthetic`,
      [JSON.stringify(figures.slice(i, i + 4000)), o.source, o.synthetic, o.now],
    );
  });
}
