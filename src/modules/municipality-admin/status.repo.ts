// The municipalities of an edition's register with their response status: not invited, invited,
// opened the link, started, submitted, with the dates. An invitations row counts as invited (as on
// the advisors' and response dashboards); its date is when the e-mails went out, if known.
import type { Db } from '../../db/client.ts';
import { schemaFeatures } from './schema.ts';

export const STATUSES = ['not_invited', 'invited', 'opened', 'started', 'submitted'] as const;
export type Status = (typeof STATUSES)[number];

export type StatusRow = {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  status: Status;
  invitedAt: Date | null;
  openedAt: Date | null;
  startedAt: Date | null;
  submittedAt: Date | null;
  updatedAt: Date | null;
  responseId: number | null;
  /** 'open' after a reopening, even with submittedAt set. */
  responseStatus: 'open' | 'submitted' | null;
  source: 'web' | 'import' | null;
};

type Raw = Omit<StatusRow, 'status'> & { invited: boolean };

export async function listStatusRows(db: Db, edition: number, only?: { code?: string; codes?: string[] }): Promise<StatusRow[]> {
  const invitedAt = (await schemaFeatures(db)).invitedAt ? 'COALESCE(i.invited_at, i.created_at)' : 'i.created_at';
  const rows = await db.query<Raw>(
    `SELECT m.code, m.name, m.province_code AS "provinceCode", p.name AS "provinceName",
            i.municipality_code IS NOT NULL AS invited, ${invitedAt} AS "invitedAt",
            r.id AS "responseId", r.status AS "responseStatus", r.source, r.first_opened_at AS "openedAt",
            r.started_at AS "startedAt", r.submitted_at AS "submittedAt", r.updated_at AS "updatedAt"
       FROM editions e
       JOIN municipalities m ON m.year = e.register_year
       JOIN provinces p ON p.code = m.province_code
       LEFT JOIN invitations i ON i.edition = e.year AND i.municipality_code = m.code
       LEFT JOIN responses r ON r.edition = e.year AND r.municipality_code = m.code
      WHERE e.year = $1 AND ($2::text IS NULL OR m.code = $2) AND ($3::text[] IS NULL OR m.code = ANY($3))
      ORDER BY m.name, m.code`,
    [edition, only?.code ?? null, only?.codes ?? null],
  );
  return rows.map(({ invited, ...r }) => ({ ...r, status: statusOf(invited, r) }));
}

export function statusOf(invited: boolean, r: Pick<StatusRow, 'responseId' | 'openedAt' | 'startedAt' | 'submittedAt'>): Status {
  if (r.submittedAt) return 'submitted';
  if (r.startedAt) return 'started';
  if (r.openedAt) return 'opened';
  return invited || r.responseId ? 'invited' : 'not_invited';
}

export type ListFilter = { province?: string; status?: string; search?: string };

/** Case and accents do not matter: "sudwest" finds Súdwest-Fryslân. */
export function searchKey(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export function filterRows(rows: StatusRow[], f: ListFilter): StatusRow[] {
  const q = f.search ? searchKey(f.search) : '';
  return rows.filter((r) =>
    (!f.province || r.provinceCode === f.province) &&
    (!f.status || r.status === f.status) &&
    (!q || searchKey(r.name).includes(q) || r.code.toLowerCase() === q.replace(/ /g, '')));
}
