// Issue 19.2: publishing an edition tells every municipality that submitted ("uw rapportage staat
// klaar", with its personal link to the report) through the outbox, once per contact — across a
// crash while publishing, a worker dying while sending, and publishing again — and never a
// municipality that did not submit. Before publication the report says every comparison is
// provisional and how many municipalities it rests on. A real SMTP peer in this process.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import { editionCommand } from '../src/cli/commands/edition.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { closeEdition, getEdition, openEdition } from '../src/modules/editions/index.ts';
import { createMailer, deliverDue, type Mailer } from '../src/modules/mail/index.ts';
import { buildFactsheetPdf } from '../src/modules/reports/factsheet/index.ts';
import { answerOptions, type Questionnaire } from '../src/modules/questionnaire/index.ts';
import { parse } from './html.ts';
import { storeSubmitted } from './next-edition-fixtures.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://benchmark.example.org', demo: false, trustProxy: 1 };
let clock = new Date('2023-10-02T08:00:00Z');
const now = () => clock;
let db: Db;
let smtp: SMTPServer;
let smtpUrl: string;
let received: { to: string; messageId: string; raw: string }[] = [];

// Two municipalities submitted (one with two contacts), one answered but did not submit, one has
// contacts but never answered.
const SUBMITTED = [
  { code: 'GM0363', contacts: ['a.jansen@amsterdam.example.nl', 'B.de.Vries@amsterdam.example.nl'] },
  { code: 'GM0599', contacts: ['p.pietersen@rotterdam.example.nl'] },
];
const NOT_SUBMITTED = [
  { code: 'GM0344', contacts: ['u.utrecht@utrecht.example.nl'] },
  { code: 'GM0518', contacts: ['d.haag@denhaag.example.nl'] },
];
/** An element's text as read. */
const text = (el: { textContent: string | null } | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const allSubmittedContacts = SUBMITTED.flatMap((m) => m.contacts.map((e) => e.toLowerCase())).sort();

/** The database, but the n-th message queued in a transaction fails: the process "dies" while publishing. */
function crashingAt(inner: Db, n: number): Db {
  let inserts = 0;
  const wrap = (d: Db): Db => ({
    ...d,
    query: (sql, params, opts) => d.query(sql, params, opts),
    one: async (sql, params, opts) => {
      if (sql.includes('INSERT INTO outbox') && ++inserts === n) throw new Error('killed while publishing');
      return d.one(sql, params, opts);
    },
    tx: (fn) => d.tx((t) => fn(wrap(t))),
  });
  return wrap(inner);
}

const reportMail = () => db.query<{ to: string; code: string; key: string; text: string; status: string }>(
  `SELECT to_address AS to, municipality_code AS code, idempotency_key AS key, body_text AS text, status FROM outbox
   WHERE kind = 'report-ready' ORDER BY lower(to_address)`);
/** The shared figures of an edition are rechecked about once a second (reports/municipal/context.ts). */
const settle = () => new Promise((r) => setTimeout(r, 2200));
const published = async () => (await db.one<{ p: Date | null }>('SELECT published_at AS p FROM editions WHERE year = 2023'))?.p ?? null;
const cli = async (...args: string[]) => {
  const out: string[] = [];
  await editionCommand.run(args, { db, config, now, out: (s) => out.push(s) });
  return out.join('\n');
};

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d) => (raw += d));
      stream.on('end', () => {
        const messageId = raw.match(/^Message-ID: (.*)$/im)?.[1]?.trim() ?? '';
        for (const r of session.envelope.rcptTo) received.push({ to: r.address.toLowerCase(), messageId, raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  db = await createTestDb();
  await openEdition(db, 2023, '2023-12-31', clock);
  for (const m of [...SUBMITTED, ...NOT_SUBMITTED]) {
    for (const email of m.contacts) {
      await db.query('INSERT INTO contacts (edition, municipality_code, name, email) VALUES (2023, $1, $2, $3)', [m.code, `Contact ${email.split('@')[0]}`, email]);
    }
  }
  // Both answer every single-choice question with its first option.
  const qn = (await getEdition(db, 2023))?.questionnaire as Questionnaire;
  const answers = Object.fromEntries(qn.questions.filter((q) => q.type === 'single' && !q.showIf)
    .map((q) => [q.key, { value: answerOptions(q, qn)[0].code }]));
  await storeSubmitted(db, 2023, SUBMITTED.map((m) => [m.code, answers]), clock);
  await db.query(`INSERT INTO responses (edition, municipality_code, status, started_at) VALUES (2023, 'GM0344', 'open', $1)`, [clock]);
});
afterAll(async () => {
  await db?.close();
  await new Promise<void>((r) => smtp.close(r));
});

describe('before publication: the report is provisional', () => {
  it('shows the own answers and labels every comparison provisional, with how many municipalities it rests on', async () => {
    const app = createApp({ db, config, now });
    const token = await createPersonalLink(db, 2023, 'GM0363');
    const res = await app.request(`/v/${token}/rapport?thema=alle`);
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    const notice = text(doc.querySelector('#voorlopig'));
    expect(notice).toContain('Voorlopige rapportage');
    expect(notice).toContain('de 2 gemeenten die de vragenlijst tot nu toe hebben verstuurd');
    const captions = [...doc.querySelectorAll('caption')].map(text).filter((c) => c.startsWith('Gemeenten die hetzelfde') || c.startsWith('Per onderdeel'));
    expect(captions.length).toBeGreaterThan(5);
    for (const c of captions) expect(c).toContain('(voorlopig: vergeleken met 2 gemeenten die tot nu toe verstuurden)');
    const modal = [...doc.querySelectorAll('h5')].map(text).filter((h) => h.startsWith('Meest gegeven antwoord'));
    expect(modal.length).toBeGreaterThan(5);
    for (const h of modal) expect(h).toContain('voorlopig');
    // The own answers are there: "Uw antwoord" beside each comparison.
    expect([...doc.querySelectorAll('h5')].some((h) => text(h) === 'Uw antwoord')).toBe(true);
  });

  it('the factsheet says so on top ("voorlopig")', async () => {
    const pdf = await buildFactsheetPdf(db, 2023, 'GM0363', { now: clock });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pub-pdf-'));
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdf as Buffer);
    const out = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(out).toMatch(/BENCHMARK EÉN TEGEN EENZAAMHEID 2023 · VOORLOPIG/i);
  });

  it('in English too, and "1 gemeente" when only one has submitted', async () => {
    await db.query(`UPDATE responses SET submitted_at = NULL, updated_at = now() WHERE edition = 2023 AND municipality_code = 'GM0599'`);
    await settle();
    try {
      const app = createApp({ db, config, now });
      const token = await createPersonalLink(db, 2023, 'GM0363');
      const nl = parse(await (await app.request(`/v/${token}/rapport`)).text());
      expect(text(nl.querySelector('#voorlopig'))).toContain('de 1 gemeente die');
      const en = parse(await (await app.request(`/v/${token}/rapport?lang=en`)).text());
      expect(text(en.querySelector('#voorlopig'))).toContain('Provisional report');
      expect(text(en.querySelector('#voorlopig'))).toContain('the 1 municipality that');
    } finally {
      await db.query(`UPDATE responses SET submitted_at = $1, updated_at = now() WHERE edition = 2023 AND municipality_code = 'GM0599'`, [clock]);
      await settle();
    }
  });

  it('the publish page says who gets the e-mail (submitted municipalities only)', async () => {
    await closeEdition(db, 2023, clock);
    const app = createApp({ db, config, now });
    const admin = await signedInAs(app, db, 'admin', clock);
    const res = await admin.get('/beheer/edities/2023/publiceren');
    const html = await res.text();
    expect(res.status, html.slice(0, 300)).toBe(200);
    const page = text(parse(html).querySelector('main'));
    expect(page).toContain('uw rapportage staat klaar');
    expect(page).toContain('3 e-mails aan 2 gemeenten');
  });
});

describe('publishing sends "uw rapportage staat klaar" once per contact', () => {
  it('a crash while publishing queues nothing and publishes nothing; publishing again queues each contact once', async () => {
    // The admin's POST, once against a database that fails at the second queued message.
    const post = async (app: ReturnType<typeof createApp>) => (await signedInAs(app, db, 'admin', clock)).post('/beheer/edities/2023/publiceren', []);
    const crashing = createApp({ db: crashingAt(db, 2), config, now });
    const failed = await post(crashing);
    expect(failed.status, await failed.text()).toBe(500);
    expect(await reportMail()).toEqual([]);
    expect(await published()).toBeNull();

    clock = new Date('2023-10-02T09:00:00Z');
    const ok = await post(createApp({ db, config, now }));
    expect(ok.status).toBe(303);
    expect(await published()).not.toBeNull();
    const rows = await reportMail();
    expect(rows.map((r) => r.to.toLowerCase())).toEqual(allSubmittedContacts);
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(['GM0363', 'GM0599']));
    for (const r of rows) expect(r.text).toMatch(/http:\/\/benchmark\.example\.org\/v\/[A-Za-z0-9_-]{43}\/rapport/);
  });

  it('a worker dying while sending, then a second publication: each contact gets it exactly once, non-submitters never', async () => {
    received = [];
    const real = createMailer(smtpUrl) as Mailer;
    let calls = 0;
    // The second send never returns: the process "died" there with the rest claimed.
    const dying: Mailer = { send: (m) => (++calls === 2 ? new Promise(() => {}) : real.send(m)), close: () => {} };
    void deliverDue(db, dying, now);
    await new Promise((r) => setTimeout(r, 400));
    expect(received).toHaveLength(1);
    expect(await deliverDue(db, real, now)).toEqual({ sent: 0, failed: 0 }); // the dead worker's lease holds

    // Meanwhile the bureau publishes again (CLI: open, close, publish): nothing new is queued, no new link made.
    const links = (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM personal_links'))?.n;
    await cli('2023', '--open', '--closes', '2023-12-31');
    await cli('2023', '--close');
    const out = await cli('2023', '--publish');
    expect(out).toContain('0 aan de contactpersonen van 0 gemeenten');
    expect((await db.one<{ n: number }>('SELECT count(*)::int AS n FROM personal_links'))?.n).toBe(links);

    clock = new Date(clock.getTime() + 6 * 60_000); // the lease has run out
    expect(await deliverDue(db, real, now)).toEqual({ sent: 2, failed: 0 });
    expect(await deliverDue(db, real, now)).toEqual({ sent: 0, failed: 0 });
    real.close();

    expect(received.map((r) => r.to).sort()).toEqual(allSubmittedContacts);
    expect(new Set(received.map((r) => r.messageId)).size).toBe(3);
    const nonSubmitters = NOT_SUBMITTED.flatMap((m) => m.contacts);
    expect(received.filter((r) => nonSubmitters.includes(r.to))).toEqual([]);
    expect((await reportMail()).every((r) => r.status === 'sent')).toBe(true);
    expect(received[0].raw).toContain("Subject: =?UTF-8?Q?Uw_rapportage_staat_klaar");
  });

  it('the link in the mail opens the municipality\'s own report, no longer provisional', async () => {
    const row = (await reportMail()).find((r) => r.code === 'GM0599');
    const link = row?.text.match(/http:\/\/benchmark\.example\.org(\/v\/[A-Za-z0-9_-]{43}\/rapport)/)?.[1] as string;
    const res = await createApp({ db, config, now }).request(link);
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    expect(text(doc.querySelector('h1'))).toBe('Rapportage Rotterdam');
    expect(doc.querySelector('#voorlopig')).toBeNull();
    expect([...doc.querySelectorAll('caption')].map(text).join(' ')).not.toContain('voorlopig');
  });

  it('a contact added after publication is reached by the next publication only, its colleagues not again', async () => {
    await db.query(`INSERT INTO contacts (edition, municipality_code, name, email) VALUES (2023, 'GM0599', 'Nieuwe collega', 'nieuw@rotterdam.example.nl')`);
    await cli('2023', '--open', '--closes', '2023-12-31');
    await cli('2023', '--close');
    const out = await cli('2023', '--publish');
    expect(out).toContain('1 aan de contactpersonen van 1 gemeenten');
    const rows = await reportMail();
    expect(rows.filter((r) => r.code === 'GM0599').map((r) => r.to)).toEqual(['nieuw@rotterdam.example.nl', 'p.pietersen@rotterdam.example.nl']);
    expect(rows.filter((r) => r.code === 'GM0344' || r.code === 'GM0518')).toEqual([]);
  });
});
