// Register in the database: loaded once (idempotent), read per edition's register year.
import type { Db } from '../../db/client.ts';
import type { Municipality, Province, RegisterFiles } from './register.load.ts';

export async function loadRegister(db: Db, files: RegisterFiles): Promise<void> {
  const have = await db.one<{ n: number }>('SELECT count(*) AS n FROM municipalities');
  if (have && have.n === files.municipalities.length) return;
  await db.tx(async (tx) => {
    await tx.query(
      `INSERT INTO provinces (code, name) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (code) DO UPDATE SET name = excluded.name`,
      [files.provinces.map((p) => p.code), files.provinces.map((p) => p.name)],
    );
    const m = files.municipalities;
    await tx.query(
      `INSERT INTO municipalities (year, code, name, province_code)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (year, code) DO UPDATE SET name = excluded.name, province_code = excluded.province_code`,
      [m.map((x) => x.year), m.map((x) => x.code), m.map((x) => x.name), m.map((x) => x.provinceCode)],
    );
    const g = files.mergers;
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
