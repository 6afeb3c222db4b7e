// Which municipalities are invited: an invitations row means "takes part". Chosen as all
// municipalities with contacts ("connected") or by hand; counts for the fieldwork page.
import type { Db } from '../../db/client.ts';
import { invitedCountSql, isInvitedSql } from '../editions/index.ts';

export type Selectable = {
  code: string; name: string; provinceCode: string; provinceName: string;
  contacts: number; selected: boolean; invited: boolean; submitted: boolean; locked: boolean;
};
export type FieldworkCounts = { connected: number; selected: number; selectedWithoutContacts: number; invited: number; remindedToday: number; submitted: number };

const TZ = 'Europe/Amsterdam';

/** Every municipality of the edition's register year with its fieldwork state, by province and name. */
export async function listSelectable(db: Db, edition: number): Promise<Selectable[]> {
  return db.query<Selectable>(
    `SELECT m.code, m.name, m.province_code AS "provinceCode", p.name AS "provinceName",
       (SELECT count(*) FROM contacts c WHERE c.edition = e.year AND c.municipality_code = m.code)::int AS contacts,
       i.edition IS NOT NULL AS selected, ${isInvitedSql('e.year', 'm.code')} AS invited,
       COALESCE(r.submitted_at IS NOT NULL, false) AS submitted,
       (i.invited_at IS NOT NULL OR EXISTS (SELECT 1 FROM personal_links pl WHERE pl.edition = e.year AND pl.municipality_code = m.code)) AS locked
     FROM editions e
     JOIN municipalities m ON m.year = e.register_year
     JOIN provinces p ON p.code = m.province_code
     LEFT JOIN invitations i ON i.edition = e.year AND i.municipality_code = m.code
     LEFT JOIN responses r ON r.edition = e.year AND r.municipality_code = m.code
     WHERE e.year = $1 ORDER BY p.name, m.name`,
    [edition],
  );
}

/** Selects every municipality of the register year that has at least one contact; returns how many were added. */
export async function selectConnected(db: Db, edition: number, now: Date): Promise<number> {
  const rows = await db.query(
    `INSERT INTO invitations (edition, municipality_code, created_at, selected_at)
     SELECT DISTINCT c.edition, c.municipality_code, $2::timestamptz, $2::timestamptz FROM contacts c
     JOIN editions e ON e.year = c.edition JOIN municipalities m ON m.year = e.register_year AND m.code = c.municipality_code
     WHERE c.edition = $1 ON CONFLICT DO NOTHING RETURNING municipality_code`,
    [edition, now],
  );
  return rows.length;
}

/**
 * Makes the selection exactly `codes` where it can: a municipality that was already invited or
 * has a personal link stays selected (it has been told it takes part).
 */
export async function setSelection(db: Db, edition: number, codes: string[], now: Date): Promise<{ added: number; removed: number; kept: number }> {
  return db.tx(async (tx) => {
    const added = await tx.query(
      `INSERT INTO invitations (edition, municipality_code, created_at, selected_at)
       SELECT e.year, m.code, $3::timestamptz, $3::timestamptz FROM editions e JOIN municipalities m ON m.year = e.register_year
       WHERE e.year = $1 AND m.code = ANY($2::text[]) ON CONFLICT DO NOTHING RETURNING municipality_code`,
      [edition, codes, now],
    );
    const removed = await tx.query(
      `DELETE FROM invitations i WHERE i.edition = $1 AND NOT (i.municipality_code = ANY($2::text[])) AND i.invited_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM personal_links pl WHERE pl.edition = i.edition AND pl.municipality_code = i.municipality_code)
       RETURNING municipality_code`,
      [edition, codes],
    );
    const kept = await tx.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM invitations WHERE edition = $1 AND NOT (municipality_code = ANY($2::text[]))',
      [edition, codes],
    );
    return { added: added.length, removed: removed.length, kept: kept?.n ?? 0 };
  });
}

export async function fieldworkCounts(db: Db, edition: number, now: Date): Promise<FieldworkCounts> {
  const row = await db.one<FieldworkCounts>(
    `SELECT
       (SELECT count(DISTINCT municipality_code) FROM contacts WHERE edition = $1)::int AS connected,
       count(*)::int AS selected,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.edition = i.edition AND c.municipality_code = i.municipality_code))::int AS "selectedWithoutContacts",
       (SELECT ${invitedCountSql('e')} FROM editions e WHERE e.year = $1) AS invited,
       count(*) FILTER (WHERE (i.last_reminder_at AT TIME ZONE '${TZ}')::date = ($2::timestamptz AT TIME ZONE '${TZ}')::date)::int AS "remindedToday",
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM responses r WHERE r.edition = i.edition AND r.municipality_code = i.municipality_code AND r.submitted_at IS NOT NULL))::int AS submitted
     FROM invitations i WHERE i.edition = $1`,
    [edition, now],
  );
  return row ?? { connected: 0, selected: 0, selectedWithoutContacts: 0, invited: 0, remindedToday: 0, submitted: 0 };
}
