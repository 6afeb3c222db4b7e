// Publishing tells the municipalities: every contact person of every municipality that submitted
// gets "uw rapportage staat klaar" with a personal link to its report. Queued in the publishing
// transaction (a crash queues all or nothing, and publication with it); the outbox key
// report-ready:EDITION:GM:email makes it once per contact, also when an edition is published again.
import type { Db } from '../../db/client.ts';
import { createPersonalLink, personalLinkUrl } from '../auth/index.ts';
import { enqueue } from '../mail/index.ts';
import { fillReportReady, reportReadyText } from './report-ready.i18n.ts';

export type ReportReadyRecipient = { code: string; name: string; contacts: { name: string; email: string }[] };

export const reportReadyKey = (edition: number, code: string, email: string) => `report-ready:${edition}:${code}:${email.toLowerCase()}`;

/** The municipalities that submitted in `edition` (never one that did not), with their contacts who have no report mail yet. */
export async function reportReadyRecipients(db: Db, edition: number): Promise<ReportReadyRecipient[]> {
  const rows = await db.query<ReportReadyRecipient>(
    `SELECT r.municipality_code AS code, COALESCE(m.name, r.municipality_code) AS name,
       (SELECT COALESCE(jsonb_agg(jsonb_build_object('name', c.name, 'email', c.email) ORDER BY lower(c.email)), '[]'::jsonb)
          FROM contacts c WHERE c.edition = r.edition AND c.municipality_code = r.municipality_code
            AND NOT EXISTS (SELECT 1 FROM outbox o
              WHERE o.idempotency_key = 'report-ready:' || r.edition || ':' || r.municipality_code || ':' || lower(c.email))) AS contacts
     FROM responses r JOIN editions e ON e.year = r.edition
     LEFT JOIN municipalities m ON m.year = e.register_year AND m.code = r.municipality_code
     WHERE r.edition = $1 AND r.submitted_at IS NOT NULL
     ORDER BY r.municipality_code`,
    [edition],
  );
  return rows.filter((r) => r.contacts.length > 0);
}

export type ReportReadyResult = { municipalities: number; messages: number };

/**
 * Queues the report mails of `edition`; call it inside the transaction that publishes. A
 * municipality whose contacts all have theirs already gets no new link (so no unused tokens).
 */
export async function queueReportReady(tx: Db, o: { edition: number; baseUrl: string; now: Date }): Promise<ReportReadyResult> {
  const result = { municipalities: 0, messages: 0 };
  for (const m of await reportReadyRecipients(tx, o.edition)) {
    const link = `${personalLinkUrl(o.baseUrl, await createPersonalLink(tx, o.edition, m.code))}/rapport`;
    let queued = 0;
    for (const c of m.contacts) {
      const vars = { year: o.edition, name: m.name, contact: c.name, link };
      const row = await enqueue(tx, {
        idempotencyKey: reportReadyKey(o.edition, m.code, c.email), kind: 'report-ready', to: c.email,
        subject: fillReportReady(reportReadyText.subject, vars), text: fillReportReady(reportReadyText.body, vars),
        edition: o.edition, municipalityCode: m.code,
      }, o.now);
      if (row) queued++;
    }
    if (queued) result.municipalities++;
    result.messages += queued;
  }
  return result;
}
