// One row per invited municipality and edition up to `year`, with its province and advisor.
// A response without an invitation row (imported, or a link made by hand) counts as invited;
// municipalities outside the edition's register (the fictitious example) never count.
import type { Db } from '../../db/client.ts';
import type { ResponseRow } from './response.model.ts';

export async function responseRows(db: Db, year: number, advisorId?: number): Promise<ResponseRow[]> {
  return db.query<ResponseRow>(
    `WITH base AS (
       SELECT COALESCE(i.edition, r.edition) AS edition, COALESCE(i.municipality_code, r.municipality_code) AS code,
              r.first_opened_at, r.started_at, r.submitted_at
         FROM invitations i FULL JOIN responses r ON r.edition = i.edition AND r.municipality_code = i.municipality_code)
     SELECT b.edition, b.code, m.name, m.province_code AS "provinceCode", p.name AS "provinceName",
            am.advisor_id AS "advisorId", a.name AS "advisorName",
            (b.first_opened_at IS NOT NULL) AS opened, (b.started_at IS NOT NULL) AS started,
            (b.submitted_at IS NOT NULL) AS submitted
       FROM base b
       JOIN editions e ON e.year = b.edition
       JOIN municipalities m ON m.year = e.register_year AND m.code = b.code
       JOIN provinces p ON p.code = m.province_code
       LEFT JOIN advisor_municipalities am ON am.municipality_code = b.code
       LEFT JOIN advisors a ON a.id = am.advisor_id
      WHERE b.edition <= $1 AND ($2::bigint IS NULL OR am.advisor_id = $2)
      ORDER BY b.edition, b.code`,
    [year, advisorId ?? null],
  );
}
