// After sending: a confirmation e-mail to every contact person of the municipality, with the PDF
// of its answers, queued in the outbox in the same transaction as the submission itself (so it
// goes once per submission, never twice, and not never). Sent again after a change and a new
// submission: that is a new submission, with new answers.
import type { Db } from '../../db/client.ts';
import { formatDateTime, t } from '../../web/i18n.ts';
import { enqueue } from '../mail/index.ts';
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import { answersFileName } from './answers-pdf.ts';
import { submitResponse } from './responses.repo.ts';

export type Confirmation = {
  responseId: number; edition: number; code: string; municipality: string; lang: Lang; submittedAt: Date; pdf: Buffer;
};

/** Queues one confirmation per contact for this submission; returns how many were queued. */
export async function queueConfirmation(db: Db, submissionId: number, c: Confirmation): Promise<number> {
  const contacts = await db.query<{ name: string; email: string }>(
    'SELECT name, email FROM contacts WHERE edition = $1 AND municipality_code = $2 ORDER BY lower(email)', [c.edition, c.code]);
  const params = { name: c.municipality, year: c.edition, date: formatDateTime(c.lang, c.submittedAt) };
  const attachment = { filename: answersFileName(c.edition, c.code), contentType: 'application/pdf', base64: c.pdf.toString('base64') };
  let queued = 0;
  for (const contact of contacts) {
    const row = await enqueue(db, {
      idempotencyKey: `confirmation:${c.edition}:${c.code}:${submissionId}:${contact.email.toLowerCase()}`,
      kind: 'confirmation',
      to: contact.email,
      subject: t(c.lang, 'mail.confirmation.subject', params),
      text: t(c.lang, 'mail.confirmation.body', { ...params, contact: contact.name }),
      edition: c.edition,
      municipalityCode: c.code,
      attachments: [attachment],
    }, c.submittedAt);
    if (row) queued++;
  }
  return queued;
}

/**
 * Submits the response and queues its confirmation e-mails, all or nothing. Two clicks at once:
 * the second waits for the row lock, finds the response submitted and sends nothing.
 */
export async function submitWithConfirmation(db: Db, c: Confirmation): Promise<number> {
  return db.tx(async (tx) => {
    const row = await tx.one<{ status: string }>('SELECT status FROM responses WHERE id = $1 FOR UPDATE', [c.responseId]);
    if (row?.status !== 'open') return 0;
    const submissionId = await submitResponse(tx, c.responseId, c.submittedAt);
    return queueConfirmation(tx, submissionId, c);
  });
}
