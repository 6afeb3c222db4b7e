// Parts of the schema that other modules add (fieldwork: contacts, invitations.last_reminder_at).
// Checked per request, so this module works before they land and picks them up when they do.
import type { Db } from '../../db/client.ts';

export type Features = { contacts: boolean; lastReminderAt: boolean };

export async function schemaFeatures(db: Db): Promise<Features> {
  const row = await db.one<Features>(
    `SELECT to_regclass('contacts') IS NOT NULL AS contacts,
            EXISTS (SELECT 1 FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = 'invitations'
                       AND column_name = 'last_reminder_at') AS "lastReminderAt"`,
  );
  return { contacts: row?.contacts ?? false, lastReminderAt: row?.lastReminderAt ?? false };
}

/** SQL for the last reminder of (edition, code) in scope as `e.year`, `m.code`, `i` (invitations). */
export function lastReminderSql(f: Features): string {
  const fromOutbox = `(SELECT max(o.created_at) FROM outbox o
     WHERE o.edition = e.year AND o.municipality_code = m.code AND o.kind = 'reminder')`;
  return f.lastReminderAt ? `GREATEST(i.last_reminder_at, ${fromOutbox})` : fromOutbox;
}

/** SQL for the municipality's phone numbers as json [{name, phone}], or NULL without contacts. */
export function phonesSql(f: Features): string {
  if (!f.contacts) return 'NULL::json';
  return `(SELECT json_agg(json_build_object('name', ct.name, 'phone', ct.phone) ORDER BY ct.name)
     FROM contacts ct WHERE ct.edition = e.year AND ct.municipality_code = m.code
       AND ct.phone IS NOT NULL AND btrim(ct.phone) <> '')`;
}
