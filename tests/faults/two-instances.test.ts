// Issue 21, several instances: two real app processes (src/main.ts) on one throwaway PostgreSQL
// cluster, behind a tiny round-robin proxy (node:http) as the README's "In productie" describes.
// Both start at the same moment on the empty database (the migrations run once); a session made on
// one works on the other, as does a personal link; a questionnaire change on one shows on the
// other; the sign-in limits count across both (per address, and per client behind the proxy with
// TRUST_PROXY=1, whatever X-Forwarded-For the client forges); both deliver mail and each message
// goes out once; a planned reminder goes once.
//
// Needs the PostgreSQL binaries (.ci/run installs them); runs in the first round of `npm test`
// only: it brings its own cluster, so the second round would repeat it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type Throwaway } from '../../bench/postgres.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createAccount, createPersonalLink, createSession } from '../../src/modules/auth/index.ts';
import { getEdition, openEdition } from '../../src/modules/editions/index.ts';
import { importContacts, sendInvitations } from '../../src/modules/fieldwork/index.ts';
import { enqueue } from '../../src/modules/mail/index.ts';
import { fieldsOf } from '../editor-helpers.ts';
import { parse, text } from '../html.ts';
import { form, killAll, request, ServerProcess, waitFor } from './harness.ts';

const hasPostgres = fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const METRICS_TOKEN = 'two-instances-metrics-token-0123456789';

type Mail = { to: string; messageId: string; subject: string; body: string };
const mails: Mail[] = [];
let smtp: SMTPServer;
let cluster: Throwaway | undefined;
let proxy: http.Server;
let proxyUrl: string;
let servers: ServerProcess[] = [];
let db: Db;
const dataDirs: string[] = [];

/** The text of a message as sent: quoted-printable or base64 undone, so a link can be read back. */
function bodyOf(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return body;
}

/** A load balancer in miniature: round robin over the instances, appending the client's address to X-Forwarded-For. */
function startProxy(): Promise<void> {
  let next = 0;
  proxy = http.createServer((req, res) => {
    const target = servers[next++ % servers.length];
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request({ host: '127.0.0.1', port: target.port, path: req.url, method: req.method, headers: { ...req.headers, 'x-forwarded-for': forwarded } }, (up) => {
      res.writeHead(up.statusCode ?? 502, { ...up.headers, 'x-instance': String(target.port) });
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => {
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    resolve();
  }));
}

/** A request through the proxy from a given loopback address (a client of its own for the limits). */
function viaProxy(p: string, opts: { method?: string; body?: string; headers?: Record<string, string>; from?: string } = {}): Promise<{ status: number; instance: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(proxyUrl);
    const req = http.request({ host: u.hostname, port: u.port, path: p, method: opts.method ?? 'GET', localAddress: opts.from, headers: opts.headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, instance: String(res.headers['x-instance']) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const signInForm = (email: string) => form({ email });

describe.skipIf(!hasPostgres || process.env.TEST_DB === 'postgres')('two app instances on one PostgreSQL', () => {
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, cb) {
        let raw = '';
        stream.on('data', (d) => (raw += d));
        stream.on('end', () => {
          const messageId = raw.match(/^Message-ID: (.*)$/im)?.[1]?.trim() ?? '';
          const subject = raw.match(/^Subject: (.*)$/im)?.[1]?.trim() ?? '';
          for (const r of session.envelope.rcptTo) mails.push({ to: r.address, messageId, subject, body: bodyOf(raw) });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    cluster = await startPostgres();
    await startProxy();
  }, 120_000);

  afterAll(async () => {
    await killAll();
    await db?.close();
    await new Promise<void>((r) => proxy?.close(() => r()));
    await new Promise<void>((r) => smtp?.close(r));
    cluster?.stop();
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  const envFor = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-two-'));
    dataDirs.push(dir);
    return {
      DATA_DIR: dir, DATABASE_URL: cluster!.url, BASE_URL: proxyUrl, TRUST_PROXY: '1', METRICS_TOKEN,
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    };
  };

  it('both start at the same moment on the empty database: every migration and the reference data once', async () => {
    servers = await Promise.all([ServerProcess.start(envFor()), ServerProcess.start(envFor())]);
    expect(servers.every((s) => s.alive)).toBe(true);
    db = await openDatabase(loadConfig({ DATABASE_URL: cluster!.url }), 'cli');
    const files = fs.readdirSync(path.resolve(import.meta.dirname, '../../src/db/migrations')).filter((f) => f.endsWith('.sql')).sort();
    expect((await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name)).toEqual(files);
    expect((await db.one<{ n: number }>('SELECT count(*)::int AS n FROM editions'))?.n).toBe(5);
    for (const s of servers) expect((await request(s.url('/healthz'))).body).toBe('ok');
  }, 180_000);

  it('a session made on one instance works on the other, and so does a personal link', async () => {
    const now = new Date();
    await createAccount(db, { email: 'beheer@bureau.example.nl', name: 'Beheerder', role: 'admin' }, now);
    const [a, b] = servers;
    expect((await request(a.url('/inloggen'), signInForm('beheer@bureau.example.nl'))).status).toBe(303);
    const mail = await waitFor('the sign-in mail', () => mails.find((m) => m.to === 'beheer@bureau.example.nl'), 30_000, 200);
    const link = mail.body.match(/\/inloggen\/[A-Za-z0-9_-]{43}/)?.[0];
    expect(link).toBeDefined();
    expect((await request(b.url(link!))).status).toBe(200);
    const signedIn = await request(b.url(link!), { method: 'POST' });
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^sessie=/);
    for (const s of servers) {
      const page = await request(s.url('/beheer'), { headers: { cookie } });
      expect(page.status, s.url('/beheer')).toBe(200);
    }
    await openEdition(db, 2023, `${now.getFullYear() + 1}-12-31`, now);
    const token = await createPersonalLink(db, 2023, 'GM0363');
    for (const s of servers) {
      const start = await request(s.url(`/v/${token}`));
      expect(start.status).toBe(200);
      expect(text(start.body)).toContain('Amsterdam');
    }
  }, 90_000);

  it('a questionnaire change made on one instance is shown by the other', async () => {
    const [a, b] = servers;
    const admin = await createAccount(db, { email: 'redactie@bureau.example.nl', name: 'Redactie', role: 'admin' }, new Date());
    // A session straight in the database, as the sign-in above made one (that path is proven there).
    const session = await createSession(db, admin.id, new Date());
    const cookie = `sessie=${session.id}`;
    const qn = (await getEdition(db, 2023))!.questionnaire;
    const question = qn.questions.find((q) => q.key === 'monitoring')!;
    const token = await createPersonalLink(db, 2023, 'GM0014');
    const themePage = `/v/${token}/thema/${question.theme}`;
    // B has the questionnaire in its cache before the change.
    expect(text((await request(b.url(themePage))).body)).not.toContain('Volgt uw gemeente dit (gewijzigd op A)?');
    const editor = `/beheer/edities/2023/vragenlijst/monitoring`;
    const html = (await request(a.url(editor), { headers: { cookie } })).body;
    const fields = fieldsOf(html, `form[action="${editor}"][method=post]`, { 'text-nl': 'Volgt uw gemeente dit (gewijzigd op A)?', _csrf: session.csrfSecret });
    const saved = await request(a.url(editor), { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(saved.status, saved.body.slice(0, 500)).toBe(303);
    await waitFor('the change on B', async () => text((await request(b.url(themePage))).body).includes('Volgt uw gemeente dit (gewijzigd op A)?'), 5_000, 250);
    expect(parse((await request(b.url(themePage))).body).querySelector('title')?.textContent).toBeTruthy();
  }, 60_000);

  it('the sign-in limits count across both instances: per address, and per client behind the proxy whatever it forges', async () => {
    const [a, b] = servers;
    // Five requests for one address, alternating; the sixth is refused on either instance.
    for (const [i, s] of [a, b, a, b, a].entries()) expect((await request(s.url('/inloggen'), signInForm('iemand@gemeente.example.nl'))).status, `request ${i + 1}`).toBe(303);
    expect((await request(b.url('/inloggen'), signInForm('iemand@gemeente.example.nl'))).status).toBe(429);
    expect((await request(a.url('/inloggen'), signInForm('iemand@gemeente.example.nl'))).status).toBe(429);
    // One client (127.0.0.9) through the proxy, a new address and a forged X-Forwarded-For each time:
    // 30 requests are let through, spread over both instances, then it is refused.
    const instances = new Set<string>();
    const send = (i: number) => viaProxy('/inloggen', {
      method: 'POST', from: '127.0.0.9', body: new URLSearchParams({ email: `persoon${i}@gemeente.example.nl` }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.0.${i}.1` },
    });
    for (let i = 0; i < 30; i++) {
      const r = await send(i);
      expect(r.status, `request ${i + 1}`).toBe(303);
      instances.add(r.instance);
    }
    expect(instances.size).toBe(2);
    expect((await send(30)).status).toBe(429);
    expect((await send(31)).status).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await viaProxy('/inloggen', { method: 'POST', from: '127.0.0.10', body: 'email=ander%40gemeente.example.nl', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(303);
  }, 90_000);

  it('both deliver the outbox and every message goes out once; a planned reminder goes once', async () => {
    const now = new Date();
    // Reminders for three municipalities, planned a few seconds from now (invited yesterday).
    const contacts = [['GM0363', 'anna@amsterdam.example.nl'], ['GM0014', 'greet@groningen.example.nl'], ['GM0344', 'ulla@utrecht.example.nl']];
    const rows = contacts.map(([code, email], i) => ({ line: i + 2, municipalityCode: code, municipalityName: '', name: `Contact ${code}`, email, function: '', phone: '' }));
    expect((await importContacts(db, 2023, rows, { now })).imported).toBe(3);
    await db.query('INSERT INTO invitations (edition, municipality_code, created_at, selected_at) SELECT 2023, unnest($1::text[]), $2, $2 ON CONFLICT DO NOTHING', [contacts.map((c) => c[0]), now]);
    await db.query('UPDATE invitations SET selected_at = $2 WHERE edition = 2023 AND municipality_code = ANY($1)', [contacts.map((c) => c[0]), now]);
    await sendInvitations(db, { edition: 2023, baseUrl: proxyUrl, now });
    await db.query(`UPDATE invitations SET invited_at = invited_at - interval '1 day' WHERE edition = 2023`);
    await db.query(`INSERT INTO scheduled_mailings (edition, kind, send_at, created_at) VALUES (2023, 'reminder', now() + interval '3 seconds', now())`);
    // And 60 messages at once.
    for (let i = 0; i < 60; i++) await enqueue(db, { kind: 'test', to: `ontvanger${i}@example.nl`, subject: `Bericht ${i}`, text: 'Test' }, now);

    const waiting = async () => (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE status <> 'sent'`))?.n;
    await waitFor('the outbox to empty and the plan to go', async () =>
      (await waiting()) === 0 && (await db.one<{ s: string }>('SELECT status AS s FROM scheduled_mailings'))?.s === 'sent', 60_000, 250);
    await new Promise((r) => setTimeout(r, 11_000)); // two more rounds of each instance: nothing more may go out
    const outbox = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox`);
    const ids = mails.map((m) => m.messageId);
    expect(new Set(ids).size, 'a message delivered twice').toBe(ids.length);
    expect(ids.length).toBe(outbox[0].n);
    expect(mails.filter((m) => m.to.startsWith('ontvanger')).map((m) => m.to).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `ontvanger${i}@example.nl`).sort());
    const reminders = await db.query<{ to: string }>(`SELECT to_address AS "to" FROM outbox WHERE kind = 'reminder' ORDER BY 1`);
    expect(reminders.map((r) => r.to)).toEqual(contacts.map((c) => c[1]).sort());
    expect(await db.query('SELECT status, messages FROM scheduled_mailings')).toEqual([{ status: 'sent', messages: 3 }]);
    // Each instance counts what it delivered (/metrics); together that is every message.
    let delivered = 0;
    for (const s of servers) {
      const m = await request(s.url('/metrics'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(m.status).toBe(200);
      delivered += Number(m.body.match(/^ete_mail_deliveries_total\{result="sent"\} (\d+)/m)?.[1] ?? 0);
      expect(m.body).toMatch(/^ete_outbox_messages\{status="pending"\} 0$/m);
    }
    expect(delivered).toBe(ids.length);
    for (const s of servers) expect(await s.stop()).toBe(0);
  }, 120_000);
});
