// Fault (issue 7): the server is killed (SIGKILL) while its outbox worker sends the invitations of
// 30 municipalities to a slow SMTP peer; after a restart every municipality has its invitation.
//
// Two kill points, chosen by the SMTP peer itself so they are exact:
// - while message 8 is being handed over (after RCPT TO, before DATA): the peer never took it.
//   Then each municipality gets exactly one invitation.
// - right after the peer took message 8 (the final dot), before it answered 250: the peer has the
//   message, the outbox cannot know. No SMTP client can rule out a second copy here; what must hold
//   is that the outbox does not resend blindly: not while the killed worker's lease runs, nothing
//   it had noted as sent, and the copy carries the same Message-ID, so the receiving server (or
//   mail program) can drop it. Every other municipality gets exactly one.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContactsCommand } from '../../src/cli/commands/import-contacts.ts';
import { sendInvitationsCommand } from '../../src/cli/commands/send-invitations.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { openEdition } from '../../src/modules/editions/index.ts';
import { listMunicipalities } from '../../src/modules/register/index.ts';
import { dbKind, freshTarget, killAll, ServerProcess, type Target, waitFor } from './harness.ts';

const MUNICIPALITIES = 30;
const KILL_AT = 8;
/** The peer is slow: every message waits this long after MAIL FROM. */
const PEER_DELAY_MS = 75;

type Delivery = { to: string; messageId: string };
/** Messages the peer took (it had the whole message): what lands in the mailbox. */
let taken: Delivery[] = [];
/** Where the peer kills the sender; consumed once. */
let killPoint: { at: 'rcpt' | 'data'; server: ServerProcess } | undefined;
let killed: Promise<void> | undefined;
/** The peer answers nobody until the bureau's setup is done (so the kill cannot cut the setup short). */
let gate: Promise<void> = Promise.resolve();
let smtp: SMTPServer;
let smtpUrl: string;
const targets: Target[] = [];

function killNow(): void {
  const k = killPoint;
  killPoint = undefined;
  if (k) killed = k.server.kill();
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, cb) {
      void gate.then(() => setTimeout(() => cb(), PEER_DELAY_MS));
    },
    onRcptTo(_address, _session, cb) {
      if (killPoint?.at === 'rcpt' && taken.length === KILL_AT - 1) killNow();
      cb();
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d) => (raw += d));
      stream.on('end', () => {
        const messageId = raw.match(/^Message-ID: (.*)$/im)?.[1]?.trim() ?? '';
        for (const r of session.envelope.rcptTo) taken.push({ to: r.address, messageId });
        if (killPoint?.at === 'data' && taken.length === KILL_AT) killNow(); // before the 250
        cb();
      });
    },
  });
  smtp.on('error', () => {}); // the killed sender's connection drops mid-conversation
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await killAll();
  await new Promise<void>((r) => smtp.close(r));
  for (const t of targets) await t.cleanup();
});

type OutboxRow = { id: number; municipality: string; to: string; status: string; messageId: string | null };
const outbox = (db: Db) =>
  db.query<OutboxRow>(`SELECT id, municipality_code AS municipality, to_address AS "to", status, message_id AS "messageId"
    FROM outbox WHERE kind = 'invitation' ORDER BY id`);
const messageIdOf = (id: number) => `<outbox-${id}@eentegeneenzaamheid.example>`;

/** Opens the database with the server down, as an operator's CLI would (on PGlite it takes over the dead server's lock). */
async function withDb<T>(t: Target, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await t.open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function scenario(at: 'rcpt' | 'data') {
  taken = [];
  killed = undefined;
  const t = await freshTarget();
  targets.push(t);
  const env = { ...t.env, SMTP_URL: smtpUrl };
  let open: () => void = () => {};
  gate = new Promise((r) => (open = r));
  const first = await ServerProcess.start(env);

  // The bureau's steps beside the running server, through the CLI's own commands (without
  // SMTP_URL the CLI only queues; the server's outbox worker sends).
  const cliConfig = loadConfig(first.cliEnv(t.env));
  const contacts: Map<string, string> = new Map();
  await withDb(t, async (db) => {
    const now = () => new Date();
    await openEdition(db, 2023, `${now().getFullYear() + 1}-12-31`, now());
    const munis = (await listMunicipalities(db, 2023)).slice(0, MUNICIPALITIES);
    for (const m of munis) contacts.set(m.code, `contact-${m.code.toLowerCase()}@gemeente.example.org`);
    const file = path.join(t.env.DATA_DIR, 'contacten.csv');
    fs.writeFileSync(file, ['municipality_code,name,email', ...munis.map((m) => `${m.code},Contact ${m.name},${contacts.get(m.code)}`)].join('\n'));
    const out: string[] = [];
    const ctx = { db, config: cliConfig, now, out: (s: string) => out.push(s) };
    killPoint = { at, server: first }; // armed before the worker can start sending
    await importContactsCommand.run([file, '--edition', '2023'], ctx);
    await sendInvitationsCommand.run(['--edition', '2023', '--select-connected'], ctx);
    expect(out.join('\n')).toContain(`Uitnodigingen voor ${MUNICIPALITIES} gemeenten: ${MUNICIPALITIES} e-mails in de wachtrij.`);
  });
  open();

  // The worker sends; the peer kills it at the chosen point.
  await waitFor('the kill', () => killed !== undefined, 60_000);
  await killed;
  expect(first.alive).toBe(false);
  const inFlight = at === 'data' ? taken[KILL_AT - 1] : undefined;
  expect(taken).toHaveLength(at === 'data' ? KILL_AT : KILL_AT - 1);

  // Right after the kill: what the peer has is noted as sent, except the message the kill cut off;
  // the killed worker's other claimed messages wait under its lease; every invitation is queued.
  const atKill = await withDb(t, async (db) => {
    const rows = await outbox(db);
    const invited = await db.one<{ n: number }>('SELECT count(*)::int AS n FROM invitations WHERE edition = 2023 AND invited_at IS NOT NULL');
    expect(invited?.n).toBe(MUNICIPALITIES);
    return rows;
  });
  expect(atKill).toHaveLength(MUNICIPALITIES);
  const sentBefore = atKill.filter((r) => r.status === 'sent');
  expect(sentBefore.map((r) => r.messageId).sort()).toEqual(taken.filter((d) => d !== inFlight).map((d) => d.messageId).sort());
  const leased = atKill.filter((r) => r.status === 'sending');
  const pending = atKill.filter((r) => r.status === 'pending');
  expect(leased.length).toBeGreaterThan(0);
  if (inFlight) expect(leased.map((r) => messageIdOf(r.id))).toContain(inFlight.messageId);

  // Restart on the same data with the same SMTP peer.
  const second = await ServerProcess.start(env);
  try {
    // Everything still waiting goes out, but nothing the killed worker holds under its lease.
    await waitFor('the waiting invitations to go out', () =>
      pending.every((p) => taken.some((d) => d.messageId === messageIdOf(p.id))), 60_000);
    await withDb(t, async (db) => {
      const rows = new Map((await outbox(db)).map((r) => [r.id, r]));
      expect(leased.every((r) => rows.get(r.id)?.status === 'sending')).toBe(true);
      for (const d of taken) expect(taken.filter((x) => x.messageId === d.messageId)).toHaveLength(1);
      // Five minutes after the kill the lease has run out; rather than wait, the test moves its end.
      await db.query(`UPDATE outbox SET lease_until = now() - interval '1 second' WHERE id = ANY($1::bigint[]) AND status = 'sending'`, [leased.map((r) => r.id)]);
    });
    await waitFor('the rest of the invitations to go out', () =>
      withDb(t, async (db) => (await outbox(db)).every((r) => r.status === 'sent')), 60_000, 500);
    const final = await withDb(t, outbox);

    // Every municipality: one outbox row, sent, with the Message-ID the peer has.
    expect(new Set(final.map((r) => r.municipality)).size).toBe(MUNICIPALITIES);
    for (const r of final) expect(r.messageId).toBe(messageIdOf(r.id));
    for (const [code, email] of contacts) {
      const mine = taken.filter((d) => d.to === email);
      const row = final.find((r) => r.municipality === code);
      expect(new Set(mine.map((d) => d.messageId)), code).toEqual(new Set([row?.messageId]));
      if (inFlight && email === inFlight.to) {
        // The one message the peer took as the sender died: sent once more after the lease, same Message-ID.
        expect(mine.length, code).toBeLessThanOrEqual(2);
      } else {
        expect(mine, code).toHaveLength(1);
      }
    }
  } finally {
    await second.stop();
  }
}

describe(`SIGKILL while invitations are sent (${dbKind})`, () => {
  it('killed while handing over a message: each municipality gets exactly one invitation', async () => {
    await scenario('rcpt');
  }, 150_000);

  it('killed after the peer took a message but before it was noted: no blind resend, one invitation per municipality by Message-ID', async () => {
    await scenario('data');
  }, 150_000);
});
