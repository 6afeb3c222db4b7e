// Each municipality's fieldwork status in an edition: invited, opened the link, started,
// submitted; its last reminder and last call; phone numbers where the contact list has them.
import type { Db } from '../../db/client.ts';
import { lastReminderSql, phonesSql, schemaFeatures } from './features.ts';

export const STATUSES = ['not_invited', 'invited', 'opened', 'started', 'submitted'] as const;
export type Status = (typeof STATUSES)[number];
export type Phone = { name: string; phone: string };

export type MunicipalityStatus = {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  advisorId: number | null;
  advisorName: string | null;
  status: Status;
  lastReminderAt: Date | null;
  lastCallOn: string | null;
  lastCallOutcome: string | null;
  phones: Phone[];
};

export type StatusFilter = {
  edition: number;
  /** Only this advisor's region (-1: nothing); undefined: every municipality of the register. */
  advisorId?: number;
  code?: string;
  /** Invited and not submitted: the call list. */
  nonRespondersOnly?: boolean;
};

export async function listStatuses(db: Db, f: StatusFilter): Promise<MunicipalityStatus[]> {
  const features = await schemaFeatures(db);
  const rows = await db.query<Omit<MunicipalityStatus, 'status' | 'phones'> & {
    invited: boolean; opened: boolean; started: boolean; submitted: boolean; phones: Phone[] | null;
  }>(
    `SELECT m.code, m.name, m.province_code AS "provinceCode", p.name AS "provinceName",
            a.id AS "advisorId", a.name AS "advisorName",
            (i.municipality_code IS NOT NULL OR r.id IS NOT NULL) AS invited,
            (r.first_opened_at IS NOT NULL OR r.started_at IS NOT NULL OR r.submitted_at IS NOT NULL) AS opened,
            (r.started_at IS NOT NULL OR r.submitted_at IS NOT NULL) AS started,
            COALESCE(r.submitted_at IS NOT NULL, false) AS submitted,
            ${lastReminderSql(features)} AS "lastReminderAt",
            to_char(lc.called_at, 'YYYY-MM-DD') AS "lastCallOn", lc.outcome AS "lastCallOutcome",
            ${phonesSql(features)} AS phones
       FROM editions e
       JOIN municipalities m ON m.year = e.register_year
       JOIN provinces p ON p.code = m.province_code
       LEFT JOIN advisor_municipalities am ON am.municipality_code = m.code
       LEFT JOIN advisors a ON a.id = am.advisor_id
       LEFT JOIN invitations i ON i.edition = e.year AND i.municipality_code = m.code
       LEFT JOIN responses r ON r.edition = e.year AND r.municipality_code = m.code
       LEFT JOIN LATERAL (SELECT c.called_at, c.outcome FROM calls c
                           WHERE c.edition = e.year AND c.municipality_code = m.code
                           ORDER BY c.called_at DESC, c.id DESC LIMIT 1) lc ON true
      WHERE e.year = $1
        AND ($2::bigint IS NULL OR am.advisor_id = $2)
        AND ($3::text IS NULL OR m.code = $3)
        AND (NOT $4 OR ((i.municipality_code IS NOT NULL OR r.id IS NOT NULL) AND r.submitted_at IS NULL))
      ORDER BY p.name, a.name NULLS LAST, m.name`,
    [f.edition, f.advisorId ?? null, f.code ?? null, f.nonRespondersOnly ?? false],
  );
  return rows.map(({ invited, opened, started, submitted, phones, ...r }) => ({
    ...r,
    phones: phones ?? [],
    status: submitted ? 'submitted' : started ? 'started' : opened ? 'opened' : invited ? 'invited' : 'not_invited',
  }));
}
