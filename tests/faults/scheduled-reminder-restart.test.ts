// Fault (issue 20): reminders planned for a moment while the server is down at that moment. The
// real server (src/main.ts) is stopped before the moment and started after it: the plan is sent
// then, once, through the outbox to a real SMTP peer; further rounds send nothing more. In the
// PostgreSQL round two servers share the database and the plan still goes once.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importContacts, sendInvitations } from '../../src/modules/fieldwork/index.ts';
import { openEdition } from '../../src/modules/editions/index.ts';
import { dbKind, freshTarget, killAll, ServerProcess, type Target, waitFor } from './harness.ts';

type Delivery = { to: string };
let taken: Delivery[] = [];
let smtp: SMTPServer;
let smtpUrl: string;
let target: Target;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      stream.on('data', () => {});
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) taken.push({ to: r.address });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  target = await freshTarget();
});
afterAll(async () => {
  await killAll();
  await new Promise<void>((r) => smtp.close(r));
  await target?.cleanup();
});

const CONTACTS = [['GM0363', 'anna@amsterdam.example.nl'], ['GM0014', 'greet@groningen.example.nl'], ['GM0344', 'ulla@utrecht.example.nl']];

it('a reminder planned while the server is down goes once when it is back (two servers in the PostgreSQL round)', async () => {
  const env = { ...target.env, SMTP_URL: smtpUrl };
  const first = await ServerProcess.start(env);
  const db = await target.open();
  const plannedAt = await (async () => {
    try {
      const now = new Date();
      await openEdition(db, 2023, `${now.getFullYear() + 1}-12-31`, now);
      const rows = CONTACTS.map(([code, email], i) => ({ line: i + 2, municipalityCode: code, municipalityName: '', name: `Contact ${code}`, email, function: '', phone: '' }));
      expect((await importContacts(db, 2023, rows, { now })).imported).toBe(3);
      await db.query(`INSERT INTO invitations (edition, municipality_code, created_at, selected_at) SELECT 2023, unnest($1::text[]), $2, $2`, [CONTACTS.map((c) => c[0]), now]);
      expect(await sendInvitations(db, { edition: 2023, baseUrl: 'http://localhost:3000', now })).toEqual({ municipalities: 3, messages: 3 });
      // Invited yesterday (so a reminder is due today); Utrecht has submitted since.
      await db.query(`UPDATE invitations SET invited_at = invited_at - interval '1 day' WHERE edition = 2023`);
      await db.query(`INSERT INTO responses (edition, municipality_code, status, submitted_at) VALUES (2023, 'GM0344', 'submitted', now())`);
      // Planned a few seconds from now (the page plans by the minute; the moment is what counts).
      const row = await db.one<{ at: Date }>(
        `INSERT INTO scheduled_mailings (edition, kind, send_at, created_at) VALUES (2023, 'reminder', now() + interval '6 seconds', now()) RETURNING send_at AS at`);
      return row!.at;
    } finally {
      await db.close();
    }
  })();
  await waitFor('the invitations', () => taken.length === 3, 30_000);
  // Stopped before the moment (SIGTERM, as an operator does), still down after it.
  expect(await first.stop()).toBe(0);
  await new Promise((r) => setTimeout(r, Math.max(0, plannedAt.getTime() - Date.now()) + 1000));
  const down = await target.open();
  try {
    expect((await down.one<{ status: string }>('SELECT status FROM scheduled_mailings'))?.status).toBe('scheduled');
  } finally {
    await down.close();
  }
  expect(taken).toHaveLength(3);

  // Back: the plan goes at the first round, to the two that have not submitted, once.
  const servers = [await ServerProcess.start(env)];
  if (dbKind === 'postgres') servers.push(await ServerProcess.start(env));
  await waitFor('the planned reminders', () => taken.length >= 5, 45_000, 200);
  await new Promise((r) => setTimeout(r, 11_000)); // two more rounds of every server
  for (const s of servers) expect(await s.stop()).toBe(0);
  const after = taken.slice(3);
  expect(after.map((d) => d.to).sort()).toEqual(['anna@amsterdam.example.nl', 'greet@groningen.example.nl']);
  const check = await target.open();
  try {
    expect(await check.query('SELECT status, municipalities, messages FROM scheduled_mailings')).toEqual([{ status: 'sent', municipalities: 2, messages: 2 }]);
    expect(await check.query(`SELECT kind, status, count(*)::int AS n FROM outbox GROUP BY kind, status ORDER BY kind`)).toEqual([
      { kind: 'invitation', status: 'sent', n: 3 }, { kind: 'reminder', status: 'sent', n: 2 },
    ]);
  } finally {
    await check.close();
  }
}, 240_000);
