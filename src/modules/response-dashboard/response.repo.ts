// One row per invited municipality and edition up to `year`, with its province and advisor.
// Invited is the one definition of editions/invited.ts (e-mailed, a personal link, or a response);
// municipalities outside the edition's register (the fictitious example) never count.
import type { Db } from '../../db/client.ts';
import { isInvitedSql } from '../editions/index.ts';
import type { ResponseRow } from './response.model.ts';

export async function responseRows(db: Db, year: number, advisorId?: number): Promise<ResponseRow[]> {
  return db.query<ResponseRow>(
    `WITH base AS (
       SELECT e.year AS edition, m.code, m.name, m.province_code, r.first_opened_at, r.started_at, r.submitted_at
         FROM editions e
         JOIN municipalities m ON m.year = e.register_year
         LEFT JOIN responses r ON r.edition = e.year AND r.municipality_code = m.code
        WHERE e.year <= $1 AND ${isInvitedSql('e.year', 'm.code')})
     SELECT b.edition, b.code, b.name, b.province_code AS "provinceCode", p.name AS "provinceName",
            am.advisor_id AS "advisorId", a.name AS "advisorName",
            (b.first_opened_at IS NOT NULL) AS opened, (b.started_at IS NOT NULL) AS started,
            (b.submitted_at IS NOT NULL) AS submitted
       FROM base b
       JOIN provinces p ON p.code = b.province_code
       LEFT JOIN advisor_municipalities am ON am.municipality_code = b.code
       LEFT JOIN advisors a ON a.id = am.advisor_id
      WHERE b.edition <= $1 AND ($2::bigint IS NULL OR am.advisor_id = $2)
      ORDER BY b.edition, b.code`,
    [year, advisorId ?? null],
  );
}
