// edition → (municipality → province), from the register year of each edition, for the statistics.
import type { Db } from '../../db/client.ts';

export async function provincesByEdition(db: Db): Promise<Map<number, Map<string, string>>> {
  const rows = await db.query<{ edition: number; code: string; province: string }>(
    `SELECT e.year AS edition, m.code, m.province_code AS province
     FROM editions e JOIN municipalities m ON m.year = e.register_year`,
  );
  const out = new Map<number, Map<string, string>>();
  for (const r of rows) {
    let m = out.get(r.edition);
    if (!m) out.set(r.edition, (m = new Map()));
    m.set(r.code, r.province);
  }
  return out;
}
