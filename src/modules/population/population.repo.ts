// Population in the database: per register year, read per edition for the size classes.
import type { Db } from '../../db/client.ts';
import type { PopulationRow, PopulationYear } from './population.model.ts';
import { type SizeClassId, sizeClassOf } from './size-class.model.ts';

/** Replaces the figures of `year` as a whole (inside the caller's transaction). */
export async function writePopulation(tx: Db, year: number, rows: readonly PopulationRow[], fileName: string, now: Date): Promise<void> {
  await tx.query('DELETE FROM population WHERE year = $1', [year]);
  await tx.query(
    `INSERT INTO population (year, code, inhabitants) SELECT $1, * FROM unnest($2::text[], $3::int[])`,
    [year, rows.map((r) => r.code), rows.map((r) => r.inhabitants)],
  );
  await tx.query(
    `INSERT INTO population_imports (year, file_name, imported_at) VALUES ($1, $2, $3)
     ON CONFLICT (year) DO UPDATE SET file_name = excluded.file_name, imported_at = excluded.imported_at`,
    [year, fileName.slice(0, 300), now],
  );
}

export async function hasPopulation(db: Db, year: number): Promise<boolean> {
  const row = await db.one<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM population WHERE year = $1) AS found', [year]);
  return row?.found ?? false;
}

/** The years with figures, newest first, with the editions that use them. */
export async function listPopulationYears(db: Db): Promise<PopulationYear[]> {
  const rows = await db.query<{ year: number; municipalities: number; inhabitants: string; file_name: string; imported_at: Date; editions: number[] | null }>(
    `SELECT i.year, count(p.code)::int AS municipalities, coalesce(sum(p.inhabitants), 0)::text AS inhabitants, i.file_name, i.imported_at,
            (SELECT array_agg(e.year ORDER BY e.year) FROM editions e WHERE e.register_year = i.year) AS editions
       FROM population_imports i LEFT JOIN population p ON p.year = i.year
      GROUP BY i.year, i.file_name, i.imported_at ORDER BY i.year DESC`,
  );
  return rows.map((r) => ({ year: r.year, municipalities: r.municipalities, inhabitants: Number(r.inhabitants), fileName: r.file_name, importedAt: new Date(r.imported_at), editions: r.editions ?? [] }));
}

/** edition → (municipality → size class), from the population of each edition's register year. */
export async function sizeClassesByEdition(db: Db): Promise<Map<number, Map<string, SizeClassId>>> {
  const rows = await db.query<{ edition: number; code: string; inhabitants: number }>(
    'SELECT e.year AS edition, p.code, p.inhabitants FROM editions e JOIN population p ON p.year = e.register_year',
  );
  const out = new Map<number, Map<string, SizeClassId>>();
  for (const r of rows) {
    let m = out.get(r.edition);
    if (!m) out.set(r.edition, (m = new Map()));
    m.set(r.code, sizeClassOf(r.inhabitants));
  }
  return out;
}

/** municipality → inhabitants in a register year; empty without figures. */
export async function populationOfYear(db: Db, year: number): Promise<Map<string, number>> {
  const rows = await db.query<{ code: string; inhabitants: number }>('SELECT code, inhabitants FROM population WHERE year = $1', [year]);
  return new Map(rows.map((r) => [r.code, r.inhabitants]));
}

/** The size class of one municipality in a register year; undefined without a figure. */
export async function sizeClassOfMunicipality(db: Db, year: number, code: string): Promise<{ id: SizeClassId; inhabitants: number } | undefined> {
  const row = await db.one<{ inhabitants: number }>('SELECT inhabitants FROM population WHERE year = $1 AND code = $2', [year, code]);
  return row ? { id: sizeClassOf(row.inhabitants), inhabitants: row.inhabitants } : undefined;
}
