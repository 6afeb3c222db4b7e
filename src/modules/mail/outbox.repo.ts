// The outbox: messages waiting, being sent, sent or given up, with their SMTP errors.
import type { Db } from '../../db/client.ts';

export type OutboxMessage = {
  id: number;
  idempotencyKey: string | null;
  kind: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  edition: number | null;
  municipalityCode: string | null;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  messageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  attachments: Attachment[] | null;
};

/** A file sent with a message; `base64` is its content (kept in the outbox row with the message). */
export type Attachment = { filename: string; contentType: string; base64: string };

export type NewMessage = {
  /** Same key twice → one message: makes "send once" hold across retries, processes and instances. */
  idempotencyKey?: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  edition?: number;
  municipalityCode?: string;
  attachments?: Attachment[];
};

const columns = `id, idempotency_key AS "idempotencyKey", kind, to_address AS "toAddress", subject, body_text AS "bodyText",
  edition, municipality_code AS "municipalityCode", status, attempts, next_attempt_at AS "nextAttemptAt",
  last_error AS "lastError", message_id AS "messageId", created_at AS "createdAt", sent_at AS "sentAt", attachments`;

/** Queues a message; returns it, or undefined when one with the same key was queued before. */
export async function enqueue(db: Db, m: NewMessage, now: Date): Promise<OutboxMessage | undefined> {
  return db.one<OutboxMessage>(
    `INSERT INTO outbox (idempotency_key, kind, to_address, subject, body_text, edition, municipality_code, created_at, next_attempt_at, attachments)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9::jsonb) ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${columns}`,
    [m.idempotencyKey ?? null, m.kind, m.to, m.subject, m.text, m.edition ?? null, m.municipalityCode ?? null, now,
      m.attachments?.length ? JSON.stringify(m.attachments) : null],
  );
}

/**
 * Queues a message only when `really`, with the same statement either way: a sign-in request
 * queues its link for a known address and does the same work, writing nothing, for an unknown one.
 */
export async function enqueueIf(db: Db, really: boolean, m: NewMessage, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO outbox (idempotency_key, kind, to_address, subject, body_text, edition, municipality_code, created_at, next_attempt_at, attachments)
     SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::int, $7::text, $8::timestamptz, $8::timestamptz, $9::jsonb WHERE $10::boolean
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [m.idempotencyKey ?? null, m.kind, m.to, m.subject, m.text, m.edition ?? null, m.municipalityCode ?? null, now,
      m.attachments?.length ? JSON.stringify(m.attachments) : null, really],
  );
}

/**
 * Claims up to `limit` due messages with a lease. SKIP LOCKED lets several workers claim side by
 * side without taking the same row; a lease that runs out (a worker died) makes the row due again.
 */
export async function claimDue(db: Db, limit: number, now: Date, leaseMs = 5 * 60_000): Promise<OutboxMessage[]> {
  return db.query<OutboxMessage>(
    `UPDATE outbox SET status = 'sending', lease_until = $2::timestamptz + make_interval(secs => $3::double precision / 1000), attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM outbox
       WHERE (status = 'pending' AND next_attempt_at <= $2) OR (status = 'sending' AND lease_until <= $2)
       ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING ${columns}`,
    [limit, now, leaseMs],
  );
}

export async function markSent(db: Db, id: number, messageId: string, now: Date): Promise<void> {
  await db.query(`UPDATE outbox SET status = 'sent', sent_at = $2, message_id = $3, lease_until = NULL, last_error = NULL WHERE id = $1`, [id, now, messageId]);
}

/** Retries with exponential backoff (1, 2, 4 … minutes, at most 6 hours); gives up after maxAttempts. */
export async function markFailed(db: Db, m: OutboxMessage, error: string, now: Date, maxAttempts = 8): Promise<void> {
  const delayMs = Math.min(2 ** (m.attempts - 1) * 60_000, 6 * 3600_000);
  await db.query(
    `UPDATE outbox SET status = $2, last_error = $3, lease_until = NULL, next_attempt_at = $4 WHERE id = $1`,
    [m.id, m.attempts >= maxAttempts ? 'failed' : 'pending', error.slice(0, 1000), new Date(now.getTime() + delayMs)],
  );
}

/** The list for the admin: attachments by name and type only (their content stays in the database). */
export async function listOutbox(db: Db, filter: { edition?: number; municipalityCode?: string; limit?: number } = {}): Promise<OutboxMessage[]> {
  const listColumns = columns.replace(/, attachments$/, `, (SELECT jsonb_agg(a - 'base64') FROM jsonb_array_elements(attachments) a) AS attachments`);
  return db.query<OutboxMessage>(
    `SELECT ${listColumns} FROM outbox WHERE ($1::int IS NULL OR edition = $1) AND ($2::text IS NULL OR municipality_code = $2)
     ORDER BY created_at DESC, id DESC LIMIT $3`,
    [filter.edition ?? null, filter.municipalityCode ?? null, filter.limit ?? 500],
  );
}

/** Puts a given-up message back in the queue (the admin's "opnieuw proberen"). */
export async function retryMessage(db: Db, id: number, now: Date): Promise<void> {
  await db.query(`UPDATE outbox SET status = 'pending', next_attempt_at = $2 WHERE id = $1 AND status = 'failed'`, [id, now]);
}
