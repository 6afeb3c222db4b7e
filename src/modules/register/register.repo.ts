// Register in the database: loaded once (idempotent), read per edition's register year.
import type { Db } from '../../db/client.ts';
import { shippedGeometryFiles } from './geometry.repo.ts';
import { type Municipality, type Province, type RegisterFiles, shippedWijkenYears } from './register.load.ts';
import { shippedWijkFiles } from './wijk-geometry.repo.ts';

/**
 * Loads the shipped years the database does not have yet. A year already present stays as it is:
 * the bureau may have imported it again (a correction), and that import wins over the shipped file.
 */
export async function loadRegister(db: Db, files: RegisterFiles): Promise<void> {
  const shipped = [...new Set(files.municipalities.map((m) => m.year))];
  const have = new Set((await db.query<{ year: number }>('SELECT DISTINCT year FROM municipalities')).map((r) => r.year));
  const missing = new Set(shipped.filter((y) => !have.has(y)));
  if (missing.size === 0) return;
  await db.tx(async (tx) => {
    // Two processes starting on one new database load it once.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('een-tegen-eenzaamheid:register'))`);
    await tx.query(
      `INSERT INTO provinces (code, name) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (code) DO UPDATE SET name = excluded.name`,
      [files.provinces.map((p) => p.code), files.provinces.map((p) => p.name)],
    );
    const m = files.municipalities.filter((x) => missing.has(x.year));
    await tx.query(
      `INSERT INTO municipalities (year, code, name, province_code)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (year, code) DO NOTHING`,
      [m.map((x) => x.year), m.map((x) => x.code), m.map((x) => x.name), m.map((x) => x.provinceCode)],
    );
    const g = files.mergers.filter((x) => missing.has(x.firstListYear));
    await tx.query(
      `INSERT INTO mergers (year_effective, date_effective, first_list_year, old_code, old_name, new_code, new_name, type, area_share)
       SELECT * FROM unnest($1::int[], $2::date[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::numeric[])
       ON CONFLICT DO NOTHING`,
      [
        g.map((x) => x.yearEffective), g.map((x) => x.dateEffective), g.map((x) => x.firstListYear),
        g.map((x) => x.oldCode), g.map((x) => x.oldName), g.map((x) => x.newCode), g.map((x) => x.newName),
        g.map((x) => x.type), g.map((x) => x.areaShare),
      ],
    );
  });
}

export async function listMunicipalities(db: Db, year: number): Promise<Municipality[]> {
  return db.query<Municipality>(
    `SELECT year, code, name, province_code AS "provinceCode" FROM municipalities WHERE year = $1 ORDER BY name`,
    [year],
  );
}

export async function findMunicipality(db: Db, year: number, code: string): Promise<Municipality | undefined> {
  return db.one<Municipality>(
    `SELECT year, code, name, province_code AS "provinceCode" FROM municipalities WHERE year = $1 AND code = $2`,
    [year, code],
  );
}

export async function listProvinces(db: Db): Promise<Province[]> {
  return db.query<Province>('SELECT code, name FROM provinces ORDER BY code');
}

export async function hasRegister(db: Db, year: number): Promise<boolean> {
  return (await db.one<{ ok: boolean }>('SELECT EXISTS (SELECT 1 FROM municipalities WHERE year = $1) AS ok', [year]))?.ok ?? false;
}

export type RegisterYear = {
  year: number;
  municipalities: number;
  /** Where the map comes from: imported (database), shipped (data/geo), or none. */
  map: 'db' | 'file' | 'none';
  /** Wijken in the database (imported); null when the shipped file holds that year's wijken. */
  wijken: number | null;
  /** Where the year's wijk boundaries (the report's wijk map) come from. */
  wijkMap: 'db' | 'file' | 'none';
  importedAt: Date | null;
  editions: number[];
};

/** Every register year present, newest first, for the admin page. */
export async function listRegisterYears(db: Db): Promise<RegisterYear[]> {
  const rows = await db.query<Omit<RegisterYear, 'map' | 'wijken' | 'wijkMap'> & { geometry: boolean; wijken: number; wijkGeometry: boolean }>(
    `SELECT m.year, count(*)::int AS municipalities,
       EXISTS (SELECT 1 FROM register_geometry g WHERE g.year = m.year) AS geometry,
       EXISTS (SELECT 1 FROM register_wijk_geometry g WHERE g.year = m.year) AS "wijkGeometry",
       (SELECT count(*)::int FROM register_wijken w WHERE w.year = m.year) AS wijken,
       (SELECT imported_at FROM register_imports i WHERE i.year = m.year) AS "importedAt",
       COALESCE((SELECT array_agg(e.year ORDER BY e.year) FROM editions e WHERE e.register_year = m.year), '{}') AS editions
     FROM municipalities m GROUP BY m.year ORDER BY m.year DESC`,
  );
  const files = shippedGeometryFiles();
  const wijkFiles = shippedWijkenYears();
  const wijkMaps = shippedWijkFiles();
  return rows.map(({ geometry, wijken, wijkGeometry, ...r }) => ({
    ...r,
    map: geometry ? 'db' : files.has(r.year) ? 'file' : 'none',
    wijken: wijken === 0 && !r.importedAt && wijkFiles.has(r.year) ? null : wijken,
    wijkMap: wijkGeometry ? 'db' : wijkMaps.has(r.year) ? 'file' : 'none',
  }));
}
