// The outbox against a real SMTP server in this process: once, not twice, not never.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { createMailer, deliverDue, enqueue, listOutbox, type Mailer } from '../src/modules/mail/index.ts';
import { createTestDb } from './test-db.ts';

type Received = { to: string; messageId: string; raw: string };
let received: Received[] = [];
let rejectTo: string | undefined;
let smtp: SMTPServer;
let smtpUrl: string;
let db: Db;
const now = () => new Date('2022-09-01T08:00:00Z');

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _s, cb) {
      if (address.address === rejectTo) return cb(Object.assign(new Error('550 Mailbox unavailable'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d) => (raw += d));
      stream.on('end', () => {
        const messageId = raw.match(/^Message-ID: (.*)$/im)?.[1]?.trim() ?? '';
        for (const r of session.envelope.rcptTo) received.push({ to: r.address, messageId, raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
  await new Promise<void>((r) => smtp.close(r));
});
beforeEach(async () => {
  received = [];
  rejectTo = undefined;
  await db.query('DELETE FROM outbox');
});

const queue = (n: number, prefix = 'inv') =>
  Promise.all(Array.from({ length: n }, (_, i) =>
    enqueue(db, { idempotencyKey: `${prefix}:${i}`, kind: 'invitation', to: `gemeente${i}@example.org`, subject: 'Uitnodiging', text: `Link ${i}` }, now())));

describe('outbox', () => {
  it('queues a message once per idempotency key', async () => {
    const first = await enqueue(db, { idempotencyKey: 'invitation:2022:GM0363', kind: 'invitation', to: 'a@example.org', subject: 's', text: 't' }, now());
    const second = await enqueue(db, { idempotencyKey: 'invitation:2022:GM0363', kind: 'invitation', to: 'a@example.org', subject: 's', text: 't' }, now());
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
    expect(await listOutbox(db)).toHaveLength(1);
  });

  it('delivers over SMTP and records the message as sent', async () => {
    await queue(3);
    const mailer = createMailer(smtpUrl) as Mailer;
    expect(await deliverDue(db, mailer, now)).toEqual({ sent: 3, failed: 0 });
    expect(received.map((r) => r.to).sort()).toEqual(['gemeente0@example.org', 'gemeente1@example.org', 'gemeente2@example.org']);
    expect(received[0].raw).toContain('Uitnodiging');
    const rows = await listOutbox(db);
    expect(rows.every((r) => r.status === 'sent' && r.messageId)).toBe(true);
    expect(await deliverDue(db, mailer, now)).toEqual({ sent: 0, failed: 0 }); // nothing twice
    mailer.close();
  });

  it('keeps a refused message with the SMTP error and retries it later with backoff', async () => {
    rejectTo = 'gemeente1@example.org';
    await queue(2);
    const mailer = createMailer(smtpUrl) as Mailer;
    expect(await deliverDue(db, mailer, now)).toEqual({ sent: 1, failed: 1 });
    const failed = (await listOutbox(db)).find((r) => r.toAddress === rejectTo);
    expect(failed?.status).toBe('pending');
    expect(failed?.lastError).toContain('550');
    expect(failed!.nextAttemptAt.getTime()).toBe(now().getTime() + 60_000);
    expect(await deliverDue(db, mailer, now)).toEqual({ sent: 0, failed: 0 }); // not due yet
    rejectTo = undefined;
    expect(await deliverDue(db, mailer, () => new Date(now().getTime() + 61_000))).toEqual({ sent: 1, failed: 0 });
    expect(received.filter((r) => r.to === 'gemeente1@example.org')).toHaveLength(1);
    mailer.close();
  });

  it('a worker that dies mid-batch: after its lease runs out the rest goes out, each message once', async () => {
    await queue(10);
    const real = createMailer(smtpUrl) as Mailer;
    let calls = 0;
    // The 4th send never returns: the process "died" there, with messages 4–10 claimed.
    const dying: Mailer = { send: (m) => (++calls === 4 ? new Promise(() => {}) : real.send(m)), close: () => {} };
    void deliverDue(db, dying, now);
    await new Promise((r) => setTimeout(r, 500));
    expect(received).toHaveLength(3);
    expect(await deliverDue(db, real, now)).toEqual({ sent: 0, failed: 0 }); // leased rows are left alone
    const later = () => new Date(now().getTime() + 6 * 60_000);
    expect(await deliverDue(db, real, later)).toEqual({ sent: 7, failed: 0 });
    expect(new Set(received.map((r) => r.to)).size).toBe(10);
    expect(received).toHaveLength(10);
    real.close();
  });

  it('two workers at once never send the same message twice', async () => {
    await queue(30);
    const a = createMailer(smtpUrl) as Mailer;
    const b = createMailer(smtpUrl) as Mailer;
    const [ra, rb] = await Promise.all([deliverDue(db, a, now, 5), deliverDue(db, b, now, 5)]);
    expect(ra.sent + rb.sent).toBe(30);
    expect(received).toHaveLength(30);
    expect(new Set(received.map((r) => r.messageId)).size).toBe(30);
    a.close();
    b.close();
  });
});
