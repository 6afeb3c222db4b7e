// Advisors and their regions (the municipalities they look after).
import type { Db } from '../../db/client.ts';

export type Advisor = { id: number; name: string; email: string; phone: string | null; accountId: number | null };
export type RegionMunicipality = { code: string; name: string | null; provinceName: string | null };
export type AdvisorWithRegion = Advisor & { municipalities: RegionMunicipality[] };

const columns = `a.id, a.name, a.email, a.phone, a.account_id AS "accountId"`;

export async function findAdvisor(db: Db, id: number): Promise<Advisor | undefined> {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return db.one<Advisor>(`SELECT ${columns} FROM advisors a WHERE a.id = $1`, [id]);
}

export async function advisorOfAccount(db: Db, accountId: number): Promise<Advisor | undefined> {
  return db.one<Advisor>(`SELECT ${columns} FROM advisors a WHERE a.account_id = $1`, [accountId]);
}

/** The newest register year: advisors' regions are kept in today's municipal codes. */
export async function latestRegisterYear(db: Db): Promise<number> {
  const row = await db.one<{ year: number | null }>('SELECT max(year) AS year FROM municipalities');
  return row?.year ?? new Date().getFullYear();
}

/** Every advisor with their municipalities (names from the newest register), by name. */
export async function listAdvisors(db: Db): Promise<AdvisorWithRegion[]> {
  const year = await latestRegisterYear(db);
  return db.query<AdvisorWithRegion>(
    `SELECT ${columns},
       COALESCE((SELECT json_agg(json_build_object('code', am.municipality_code, 'name', m.name, 'provinceName', p.name)
                                 ORDER BY m.name NULLS LAST, am.municipality_code)
                   FROM advisor_municipalities am
                   LEFT JOIN municipalities m ON m.year = $1 AND m.code = am.municipality_code
                   LEFT JOIN provinces p ON p.code = m.province_code
                  WHERE am.advisor_id = a.id), '[]'::json) AS municipalities
     FROM advisors a ORDER BY lower(a.name), a.id`,
    [year],
  );
}

/** Municipalities of the newest register that no advisor looks after. */
export async function unassignedMunicipalities(db: Db): Promise<RegionMunicipality[]> {
  const year = await latestRegisterYear(db);
  return db.query<RegionMunicipality>(
    `SELECT m.code, m.name, p.name AS "provinceName" FROM municipalities m JOIN provinces p ON p.code = m.province_code
     WHERE m.year = $1 AND NOT EXISTS (SELECT 1 FROM advisor_municipalities am WHERE am.municipality_code = m.code)
     ORDER BY m.name`,
    [year],
  );
}
