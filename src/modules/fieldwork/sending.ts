// Invitations and reminders. Each municipality is claimed in the database (invited_at, or
// last_reminder_at for reminders) in the same transaction that queues its e-mails, so a crash
// queues nothing or everything, and two runs at once never claim the same municipality. The
// outbox keys (invitation:EDITION:GM:email) are a second guarantee: a key is queued once.
import type { Db } from '../../db/client.ts';
import { dutchDay, formatDate } from '../../web/i18n.ts';
import { createPersonalLink, personalLinkUrl } from '../auth/index.ts';
import { editionState, getEdition } from '../editions/index.ts';
import { enqueue } from '../mail/index.ts';
import { getTemplates, renderTemplate, type Template, type TemplateKind } from './templates.ts';

export type SendResult = { municipalities: number; messages: number };
export type SendOptions = { edition: number; baseUrl: string; now: Date; /** one municipality only */ only?: string };
export type ByHandResult = { kind: TemplateKind | null; messages: number; reason?: 'noContacts' | 'submitted' | 'remindedToday' | 'unknown' };

const TZ = 'Europe/Amsterdam';

/** SQL: the municipality of invitations row `i` has submitted (then it gets no invitation and no reminder). */
export const SUBMITTED = `EXISTS (SELECT 1 FROM responses r WHERE r.edition = i.edition AND r.municipality_code = i.municipality_code AND r.submitted_at IS NOT NULL)`;
const HAS_CONTACTS = `EXISTS (SELECT 1 FROM contacts c WHERE c.edition = i.edition AND c.municipality_code = i.municipality_code)`;

/** SQL over invitations row `i`: due for its invitation (the send and the confirmation page share it). */
export const INVITATION_DUE = `i.invited_at IS NULL AND NOT ${SUBMITTED} AND ${HAS_CONTACTS}`;

/** SQL over invitations row `i` and the time `$now`: due for a reminder (invited, not submitted, not reminded this day). */
export const reminderDue = (now: string) => `i.invited_at IS NOT NULL AND NOT ${SUBMITTED} AND ${HAS_CONTACTS}
  AND (i.last_reminder_at IS NULL OR (i.last_reminder_at < ${now}::timestamptz - interval '20 hours'
       AND (i.last_reminder_at AT TIME ZONE '${TZ}')::date < (${now}::timestamptz AT TIME ZONE '${TZ}')::date))`;

export class FieldworkError extends Error {
  constructor(readonly key: 'noEdition' | 'notOpen', readonly year: number) {
    super(key === 'noEdition' ? `Editie ${year} bestaat niet` : `Editie ${year} is niet open; open haar eerst (edition ${year} --open --closes JJJJ-MM-DD)`);
  }
}

type Ctx = SendOptions & { closesOn: string; templates: Record<TemplateKind, Template> };

async function context(db: Db, o: SendOptions): Promise<Ctx> {
  const e = await getEdition(db, o.edition);
  if (!e) throw new FieldworkError('noEdition', o.edition);
  if (editionState(e, o.now) !== 'open' || !e.closesOn) throw new FieldworkError('notOpen', o.edition);
  return { ...o, closesOn: e.closesOn, templates: await getTemplates(db, o.edition) };
}

/** A fresh personal link (only its hash is stored; the token lives in the e-mails) and one message per contact. */
async function queueFor(tx: Db, ctx: Ctx, m: { code: string; name: string }, kind: TemplateKind, key: (email: string) => string): Promise<number> {
  const token = await createPersonalLink(tx, ctx.edition, m.code);
  const contacts = await tx.query<{ name: string; email: string }>(
    'SELECT name, email FROM contacts WHERE edition = $1 AND municipality_code = $2 ORDER BY lower(email)', [ctx.edition, m.code]);
  let queued = 0;
  for (const c of contacts) {
    const vars = { gemeente: m.name, link: personalLinkUrl(ctx.baseUrl, token), sluitdatum: formatDate('nl', ctx.closesOn), naam: c.name, jaar: String(ctx.edition) };
    const { subject, text } = renderTemplate(ctx.templates[kind], vars);
    const row = await enqueue(tx, { idempotencyKey: key(c.email.toLowerCase()), kind, to: c.email, subject, text, edition: ctx.edition, municipalityCode: m.code }, ctx.now);
    if (row) queued++;
  }
  return queued;
}

/** Invites every selected municipality with contacts that was not invited yet and has not submitted, in small transactions. */
export async function sendInvitations(db: Db, o: SendOptions & { batch?: number }): Promise<SendResult> {
  const ctx = await context(db, o);
  const total = { municipalities: 0, messages: 0 };
  for (;;) {
    const done = await db.tx(async (tx) => {
      const due = await tx.query<{ code: string; name: string }>(
        `SELECT i.municipality_code AS code, m.name FROM invitations i
         JOIN editions e ON e.year = i.edition JOIN municipalities m ON m.year = e.register_year AND m.code = i.municipality_code
         WHERE i.edition = $1 AND ($3::text IS NULL OR i.municipality_code = $3) AND ${INVITATION_DUE}
         ORDER BY i.municipality_code LIMIT $2 FOR UPDATE OF i SKIP LOCKED`,
        [o.edition, o.batch ?? 25, o.only ?? null],
      );
      let messages = 0;
      for (const m of due) {
        messages += await queueFor(tx, ctx, m, 'invitation', (email) => `invitation:${o.edition}:${m.code}:${email}`);
        await tx.query('UPDATE invitations SET invited_at = $3 WHERE edition = $1 AND municipality_code = $2', [o.edition, m.code, o.now]);
      }
      return { municipalities: due.length, messages };
    });
    total.municipalities += done.municipalities;
    total.messages += done.messages;
    if (done.municipalities === 0 || o.only) return total;
  }
}

/** Reminds every invited municipality that has not submitted and was not reminded in the last day. */
export async function sendReminders(db: Db, o: SendOptions): Promise<SendResult> {
  const ctx = await context(db, o);
  const date = dutchDay(o.now);
  return db.tx(async (tx) => {
    // The claim is one UPDATE: a second run at the same moment waits for this row lock and then
    // finds last_reminder_at already set, so it skips the municipality.
    const due = await tx.query<{ code: string; name: string }>(
      `UPDATE invitations i SET last_reminder_at = $2, reminder_count = i.reminder_count + 1
       FROM editions e, municipalities m
       WHERE i.edition = $1 AND e.year = i.edition AND m.year = e.register_year AND m.code = i.municipality_code
         AND ($3::text IS NULL OR i.municipality_code = $3) AND ${reminderDue('$2')}
       RETURNING i.municipality_code AS code, m.name`,
      [o.edition, o.now, o.only ?? null],
    );
    let messages = 0;
    for (const m of due.sort((a, b) => a.code.localeCompare(b.code))) {
      messages += await queueFor(tx, ctx, m, 'reminder', (email) => `reminder:${o.edition}:${m.code}:${date}:${email}`);
    }
    return { municipalities: due.length, messages };
  });
}

/**
 * "Send" on a municipality's page: its invitation when it has none yet (selecting it if needed),
 * otherwise a reminder under the same once-a-day rule.
 */
export async function sendByHand(db: Db, o: SendOptions & { only: string }): Promise<ByHandResult> {
  await context(db, o);
  const row = await db.one<{ contacts: number; invited: boolean; submitted: boolean; known: boolean }>(
    `SELECT (SELECT count(*) FROM contacts c WHERE c.edition = e.year AND c.municipality_code = m.code)::int AS contacts,
       EXISTS (SELECT 1 FROM invitations i WHERE i.edition = e.year AND i.municipality_code = m.code AND i.invited_at IS NOT NULL) AS invited,
       EXISTS (SELECT 1 FROM responses r WHERE r.edition = e.year AND r.municipality_code = m.code AND r.submitted_at IS NOT NULL) AS submitted,
       true AS known
     FROM editions e JOIN municipalities m ON m.year = e.register_year WHERE e.year = $1 AND m.code = $2`,
    [o.edition, o.only],
  );
  if (!row) return { kind: null, messages: 0, reason: 'unknown' };
  if (row.contacts === 0) return { kind: null, messages: 0, reason: 'noContacts' };
  // A municipality that has submitted gets neither an invitation nor a reminder.
  if (row.submitted) return { kind: null, messages: 0, reason: 'submitted' };
  if (!row.invited) {
    await db.query('INSERT INTO invitations (edition, municipality_code, created_at, selected_at) VALUES ($1, $2, $3, $3) ON CONFLICT DO NOTHING', [o.edition, o.only, o.now]);
    const r = await sendInvitations(db, o);
    // Invited by someone else a moment ago: then this is a reminder request like any other.
    if (r.municipalities > 0) return { kind: 'invitation', messages: r.messages };
  }
  const r = await sendReminders(db, o);
  return r.municipalities > 0 ? { kind: 'reminder', messages: r.messages } : { kind: null, messages: 0, reason: 'remindedToday' };
}

export type Recipient = { code: string; name: string; contacts: { name: string; email: string }[] };
export type RecipientPreview = { kind: TemplateKind; recipients: Recipient[]; messages: number; example?: { subject: string; text: string } };

/**
 * Who "Verstuur uitnodigingen" or "Verstuur herinneringen" would reach now (the same conditions as
 * the send), and the message as the first recipient would get it, with a placeholder for the link.
 */
export async function previewRecipients(db: Db, o: SendOptions & { kind: TemplateKind }): Promise<RecipientPreview> {
  const ctx = await context(db, o);
  const rows = await db.query<{ code: string; name: string; contacts: { name: string; email: string }[] }>(
    `SELECT i.municipality_code AS code, m.name,
       (SELECT jsonb_agg(jsonb_build_object('name', c.name, 'email', c.email) ORDER BY lower(c.email)) FROM contacts c
         WHERE c.edition = i.edition AND c.municipality_code = i.municipality_code) AS contacts
     FROM invitations i
     JOIN editions e ON e.year = i.edition JOIN municipalities m ON m.year = e.register_year AND m.code = i.municipality_code
     WHERE i.edition = $1 AND ${o.kind === 'invitation' ? INVITATION_DUE : reminderDue('$2')}
     ORDER BY m.name, i.municipality_code`,
    o.kind === 'invitation' ? [o.edition] : [o.edition, o.now],
  );
  const first = rows[0];
  const example = first && renderTemplate(ctx.templates[o.kind], {
    gemeente: first.name, naam: first.contacts[0].name, jaar: String(o.edition),
    link: `${o.baseUrl}/v/…`, sluitdatum: formatDate('nl', ctx.closesOn),
  });
  return { kind: o.kind, recipients: rows, messages: rows.reduce((n, r) => n + r.contacts.length, 0), example };
}
