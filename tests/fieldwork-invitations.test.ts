// Fieldwork: importing the contact list (CSV, XLSX, CLI, admin upload), choosing and inviting
// municipalities, reminders, templates and the outbox view — with a real SMTP peer.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import { importContactsCommand } from '../src/cli/commands/import-contacts.ts';
import { sendInvitationsCommand } from '../src/cli/commands/send-invitations.ts';
import { sendRemindersCommand } from '../src/cli/commands/send-reminders.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createAccount, type Role } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import {
  checkContacts, createFieldworkRoutes, importContacts, parseContactsFile, problemLine, selectConnected, sendByHand, sendInvitations,
  sendReminders, setSelection, validateTemplate, visibleBody,
} from '../src/modules/fieldwork/index.ts';
import { createMailer, deliverDue, listOutbox, type Mailer } from '../src/modules/mail/index.ts';
import { formFields, parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'contacts');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false, trustProxy: 1 };
let db: Db;
let clock = new Date('2022-10-03T08:00:00Z');
const now = () => clock;
const signInLinks: { to: string; url: string }[] = [];
let app: ReturnType<typeof createApp>;

type Received = { to: string; raw: string };
let received: Received[] = [];
let smtp: SMTPServer;
let smtpUrl: string;

async function toXlsx(csv: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Contacten');
  for (const row of parseCsv(Buffer.from(csv).toString('utf8'), { relax_column_count: true }) as string[][]) ws.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const count = async (sql: string, params: unknown[] = []) => (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))!.n;
const cliRun = async (cmd: typeof importContactsCommand, ...args: string[]) => {
  const out: string[] = [];
  await cmd.run(args, { db, config, now, out: (s) => out.push(s) });
  return out;
};
/** A body as sent: quoted-printable soft breaks and escapes undone. */
const decodeQp = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d) => (raw += d));
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) received.push({ to: r.address, raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  db = await createTestDb();
  app = createApp({ db, config, now }, { sendSignInLink: async (to, url) => { signInLinks.push({ to, url }); } });
  // What src/app.tsx mounts once the fieldwork section is wired in.
  app.route('/beheer', createFieldworkRoutes());
  for (const year of [2021, 2022, 2023]) await openEdition(db, year, '2022-12-31', clock);
});
afterAll(async () => {
  await db?.close();
  await new Promise<void>((r) => smtp.close(r));
});

describe('importing the contact list', () => {
  const expected = [
    [5, 'municipality_name', 'Haaren bestaat sinds 2021 niet meer; bedoelt u Vught (GM0865), Oisterwijk (GM0824), Tilburg (GM0855) of Boxtel (GM0757)?'],
    [6, 'municipality_code', 'Bedum bestaat sinds 2019 niet meer; bedoelt u Het Hogeland (GM1966)?'],
    [7, 'municipality_code', 'Gemeentecode GM9999 staat niet in de gemeentelijke indeling van 2022'],
    [8, 'municipality_name', 'Gemeente "Gravendonck" staat niet in de gemeentelijke indeling van 2022'],
    [9, 'email', 'ANNA@Amsterdam.nl staat voor deze gemeente ook op regel 2'],
    [10, 'email', '"geen-adres" is geen geldig e-mailadres'],
    [11, 'name', 'De naam van de contactpersoon ontbreekt'],
    [12, 'municipality_name', 'Code GM0363 hoort bij Amsterdam, niet bij "Rotterdam"'],
    [13, 'municipality_code', 'De gemeente ontbreekt'],
    [14, 'email', 'greet@groningen.nl is al eerder geïmporteerd als contactpersoon van Groningen'],
  ] as const;

  beforeAll(async () => {
    // Dutch headers, semicolons, a BOM and CRLF, as Excel saves a CSV; names in any case.
    const good = await parseContactsFile(fixture('good-semicolon.csv'), 'good-semicolon.csv');
    expect(good.problems).toEqual([]);
    const r = await importContacts(db, 2022, good.rows, { now: clock });
    expect([r.imported, r.invalid]).toEqual([2, 0]);
  });

  for (const kind of ['csv', 'xlsx'] as const) {
    it(`reports every bad row of a ${kind.toUpperCase()} file with line, column and what to do, and imports nothing`, async () => {
      const bytes = kind === 'csv' ? fixture('bad.csv') : await toXlsx(fixture('bad.csv'));
      const parsed = await parseContactsFile(bytes, `lijst.${kind}`);
      expect(parsed.problems).toEqual([]);
      const before = await count('contacts');
      const r = await importContacts(db, 2022, parsed.rows, { now: clock });
      expect(r.refused).toBe(true);
      expect([r.valid, r.invalid, r.imported]).toEqual([3, 10, 0]);
      const problems = r.rows.flatMap((row) => row.problems);
      expect(problems.map((p) => [p.line, p.field])).toEqual(expected.map(([line, field]) => [line, field]));
      problems.forEach((p, i) => { expect(problemLine('nl', p)).toContain(expected[i][2]); });
      // Names match whatever their case, accents or apostrophes.
      expect(r.rows.filter((row) => !row.problems.length).map((row) => row.municipality?.code)).toEqual(['GM0363', 'GM0796', 'GM1900']);
      expect(await count('contacts')).toBe(before);
    });
  }

  it('a missing column is reported on line 1, for CSV and XLSX alike', async () => {
    for (const bytes of [fixture('missing-column.csv'), await toXlsx(fixture('missing-column.csv'))]) {
      const parsed = await parseContactsFile(bytes, bytes[0] === 0x50 ? 'x.xlsx' : 'x.csv');
      expect(parsed.rows).toEqual([]);
      expect(parsed.problems.map((p) => problemLine('nl', p))).toEqual(['regel 1, email: De kolom email ontbreekt. Voeg een kolom email toe op de eerste regel.']);
    }
    expect((await parseContactsFile(new TextEncoder().encode('PK\u0003\u0004rommel'), 'x.xlsx')).problems[0].key).toBe('unreadableXlsx');
  });

  it('CLI: refuses a file with errors (non-zero), --dry-run changes nothing, --skip-invalid imports only the good rows', async () => {
    const file = path.join(fixtures, 'bad.csv');
    const before = await count('contacts WHERE edition = 2022');
    await expect(cliRun(importContactsCommand, file, '--edition', '2022')).rejects.toThrow(/^Niets geïmporteerd: 10 rijen met fouten/);
    const dry = await cliRun(importContactsCommand, file, '--edition', '2022', '--dry-run', '--skip-invalid');
    expect(dry).toContain('regel 6, municipality_code: Bedum bestaat sinds 2019 niet meer; bedoelt u Het Hogeland (GM1966)? Vervang de gemeente door de juiste nieuwe gemeente.');
    expect(dry.at(-1)).toMatch(/^Proefrun: er is niets gewijzigd/);
    expect(await count('contacts WHERE edition = 2022')).toBe(before);
    const out = await cliRun(importContactsCommand, file, '--edition', '2022', '--skip-invalid');
    expect(out.at(-1)).toBe('3 contactpersonen geïmporteerd voor editie 2022; 10 rijen met fouten overgeslagen.');
    const rows = await db.query<{ code: string; email: string }>('SELECT municipality_code AS code, email FROM contacts WHERE edition = 2022 ORDER BY email');
    expect(rows.map((r) => `${r.code} ${r.email}`)).toEqual([
      'GM0363 anna@amsterdam.nl', 'GM0796 bert@s-hertogenbosch.nl', 'GM0014 greet@groningen.nl', 'GM0363 karel@amsterdam.nl', 'GM1900 sietske@sudwestfryslan.nl',
    ]);
    // The same file again: now the good rows are duplicates of what is imported.
    const again = await checkContacts(db, 2022, (await parseContactsFile(fixture('bad.csv'), 'bad.csv')).rows);
    expect(again.rows[0].problems.map((p) => p.key)).toEqual(['duplicateExisting']);
    await expect(cliRun(importContactsCommand, path.join(fixtures, 'missing-column.csv'), '--edition', '2022')).rejects.toThrow(/De kolom email ontbreekt/);
    await expect(cliRun(importContactsCommand, file, '--edition', '1999')).rejects.toThrow('Editie 1999 bestaat niet');
  });
});

/** One browser with its cookies, signed in with a role. */
class Browser {
  cookies = new Map<string, string>();
  async request(p: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', `10.1.${Math.floor(Math.random() * 250)}.1`);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await app.request(p, { ...init, headers });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      this.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return res;
  }
  get(p: string) { return this.request(p); }
  post(p: string, fields: [string, string][]) {
    return this.request(p, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
  async csrf() {
    return formFields(await (await this.get('/beheer')).text(), 'form[action="/uitloggen"]').find(([k]) => k === '_csrf')![1];
  }
  static async as(role: Role) {
    const b = new Browser();
    const account = await createAccount(db, { email: `${role}-${Math.random().toString(36).slice(2)}@example.nl`, name: `Test ${role}`, role }, clock);
    await b.post('/inloggen', [['email', account.email]]);
    expect((await b.post(signInLinks.at(-1)!.url.replace(config.baseUrl, ''), [])).status).toBe(303);
    return b;
  }
}

describe('admin pages', () => {
  let admin: Browser;
  beforeAll(async () => { admin = await Browser.as('admin'); });

  it('only the bureau: ministry and advisor get 403, signed out goes to sign-in, a POST without CSRF gets 403', async () => {
    const pages = ['/beheer/veldwerk', '/beheer/edities/2021/contacten', '/beheer/edities/2021/uitnodigen', '/beheer/edities/2021/sjablonen', '/beheer/outbox'];
    for (const p of pages) expect((await admin.get(p)).status, p).toBe(200);
    for (const role of ['ministry', 'advisor'] as const) {
      const b = await Browser.as(role);
      for (const p of pages) expect((await b.get(p)).status, `${role} ${p}`).toBe(403);
      expect((await b.post('/beheer/edities/2021/uitnodigen/uitnodigingen', [['_csrf', await b.csrf()]])).status).toBe(403);
      expect((await b.get('/beheer')).status).toBe(200); // the start page stays theirs
    }
    const out = await new Browser().get('/beheer/edities/2021/uitnodigen');
    expect([out.status, out.headers.get('location')]).toEqual([303, '/inloggen?terug=%2Fbeheer%2Fedities%2F2021%2Fuitnodigen']);
    expect((await new Browser().post('/beheer/edities/2021/uitnodigen/selectie', [['modus', 'verbonden']])).status).toBe(303);
    for (const p of ['/beheer/edities/2021/uitnodigen/selectie', '/beheer/edities/2021/sjablonen', '/beheer/outbox/1/opnieuw']) {
      expect((await admin.post(p, [['modus', 'verbonden']])).status, p).toBe(403);
    }
    expect(await count('invitations WHERE edition = 2021')).toBe(0);
    expect((await admin.get('/beheer/edities/1999/contacten')).status).toBe(404);
    expect(parse(await (await admin.get('/beheer/edities/2021/uitnodigen?lang=en')).text()).querySelector('h1')?.textContent).toBe('Invitations and reminders 2021');
    await admin.get('/beheer/veldwerk?lang=nl');
  });

  it('upload → check page with every problem → import only the good rows; cancel imports nothing', async () => {
    const upload = async (bytes: Uint8Array, name: string) => {
      const form = new FormData();
      form.set('_csrf', await admin.csrf());
      form.set('bestand', new File([new Uint8Array(bytes)], name));
      return admin.request('/beheer/edities/2021/contacten', { method: 'POST', body: form });
    };
    const bad = await upload(await toXlsx(fixture('bad.csv')), 'contacten.xlsx');
    expect(bad.status).toBe(303);
    const preview = await (await admin.get(bad.headers.get('location')!)).text();
    const doc = parse(preview);
    expect(doc.querySelector('h1')?.textContent).toBe('Controle van contacten.xlsx');
    expect(text(preview)).toContain('13 rijen gelezen: 4 goed, 9 met fouten.');
    expect(text(preview)).toContain('Haaren bestaat sinds 2021 niet meer; bedoelt u Vught (GM0865), Oisterwijk (GM0824)');
    expect([...doc.querySelectorAll('table th[scope=row]')].slice(0, 3).map((th) => th.textContent)).toEqual(['5', '6', '7']);
    const buttons = [...doc.querySelectorAll('main form[method=post] button')].map((b) => b.getAttribute('value'));
    expect(buttons).toEqual(['overslaan', 'annuleren']); // no "import everything" while rows are bad
    const csrf = await admin.csrf();
    expect((await admin.post(bad.headers.get('location')!, [['actie', 'importeren'], ['_csrf', csrf]])).status).toBe(409);
    expect(await count('contacts WHERE edition = 2021')).toBe(0);
    const done = await admin.post(bad.headers.get('location')!, [['actie', 'overslaan'], ['_csrf', csrf]]);
    expect(done.headers.get('location')).toBe('/beheer/edities/2021/contacten?geimporteerd=4');
    expect(text(await (await admin.get(done.headers.get('location')!)).text())).toContain('4 contactpersonen geïmporteerd.');
    expect(await count('contacts WHERE edition = 2021')).toBe(4);
    // Twice the same confirmation imports once.
    expect((await admin.post(bad.headers.get('location')!, [['actie', 'overslaan'], ['_csrf', csrf]])).headers.get('location')).toContain('import=verlopen');
    const again = await upload(fixture('good-semicolon.csv'), 'good.csv');
    expect((await admin.post(again.headers.get('location')!, [['actie', 'annuleren'], ['_csrf', csrf]])).headers.get('location')).toContain('import=geannuleerd');
    expect(await count('contacts WHERE edition = 2021')).toBe(4);
    const missing = await upload(fixture('missing-column.csv'), 'x.csv');
    expect(missing.status).toBe(400);
    expect(parse(await missing.text()).querySelector('.error-summary a[href="#bestand"]')?.textContent).toContain('De kolom email ontbreekt');
    const none = await upload(new Uint8Array(), '');
    expect(none.status).toBe(400);
    expect(parse(await none.text()).querySelector('.error-summary a[href="#bestand"]')?.textContent).toBe('Er is geen bestand gekozen. Kies een CSV- of XLSX-bestand.');
  });

  it('templates: errors are listed and nothing is saved; a preview renders for an example municipality; a valid text is saved', async () => {
    expect(validateTemplate({ subject: '', body: 'Geen link {{onbekend}}' }).map((e) => e.key)).toEqual(['subjectEmpty', 'unknownPlaceholder']);
    expect(validateTemplate({ subject: 'x', body: 'Beste {{naam}}' }).map((e) => e.key)).toEqual(['noLink']);
    const csrf = await admin.csrf();
    const bad = await admin.post('/beheer/edities/2021/sjablonen', [['_csrf', csrf], ['soort', 'invitation'], ['invitation-subject', ' '], ['invitation-body', 'Beste {{voornaam}}, doe mee.'], ['actie', 'opslaan']]);
    expect(bad.status).toBe(400);
    const doc = parse(await bad.text());
    expect([...doc.querySelectorAll('.error-summary a')].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['#invitation-subject', 'Vul een onderwerp in.'],
      ['#invitation-body', 'Onbekende plaatshouder {{voornaam}}. Gebruik alleen {{naam}}, {{gemeente}}, {{link}}, {{sluitdatum}} en {{jaar}}.'],
    ]);
    const noLink = await admin.post('/beheer/edities/2021/sjablonen', [['_csrf', csrf], ['soort', 'reminder'], ['reminder-subject', 'Herinnering'], ['reminder-body', 'Beste {{naam}}'], ['actie', 'opslaan']]);
    expect(text(await noLink.text())).toContain('Zet {{link}} in de tekst');
    expect((await db.one<{ subject: string }>("SELECT subject FROM email_templates WHERE edition = 2021 AND kind = 'invitation'"))?.subject).toMatch(/^Uitnodiging benchmark/);
    const body = 'Beste {{naam}},\n\nDoe mee namens {{gemeente}}: {{link}}\nTot en met {{sluitdatum}}.';
    const preview = await admin.post('/beheer/edities/2021/sjablonen', [['_csrf', csrf], ['soort', 'invitation'], ['invitation-subject', 'Doe mee {{jaar}}'], ['invitation-body', body], ['actie', 'voorbeeld']]);
    const shown = text(await preview.text());
    expect(shown).toMatch(/Voorbeeld: Uitnodiging voor \S+/);
    expect(shown).toContain('Doe mee 2021');
    expect(shown).toContain('Tot en met 31 december 2022.');
    const saved = await admin.post('/beheer/edities/2021/sjablonen', [['_csrf', csrf], ['soort', 'invitation'], ['invitation-subject', 'Doe mee {{jaar}}'], ['invitation-body', body], ['actie', 'opslaan']]);
    expect(saved.status).toBe(303);
    expect((await db.one<{ subject: string }>("SELECT subject FROM email_templates WHERE edition = 2021 AND kind = 'invitation'"))?.subject).toBe('Doe mee {{jaar}}');
  });

  it('the invite page selects, shows the recipients, sends only when confirmed, and the outbox shows the messages', async () => {
    const csrf = await admin.csrf();
    const sel = await admin.post('/beheer/edities/2021/uitnodigen/selectie', [['_csrf', csrf], ['modus', 'verbonden']]);
    expect(text(await (await admin.get(sel.headers.get('location')!)).text())).toContain('4 gemeenten met contactpersonen zijn aan de selectie toegevoegd.');
    // Not confirmed: back to the confirmation page, nothing queued.
    const unconfirmed = await admin.post('/beheer/edities/2021/uitnodigen/uitnodigingen', [['_csrf', csrf]]);
    expect([unconfirmed.status, unconfirmed.headers.get('location')]).toEqual([303, '/beheer/edities/2021/uitnodigen/uitnodigingen']);
    expect(await count('outbox')).toBe(0);
    const confirm = await (await admin.get('/beheer/edities/2021/uitnodigen/uitnodigingen')).text();
    expect(text(confirm)).toContain('4 gemeenten, 4 e-mails.');
    expect(text(confirm)).toContain('Anna de Boer <anna@amsterdam.nl>');
    expect(text(confirm)).toContain('Doe mee namens \'s-Hertogenbosch: http://localhost:3000/v/…');
    expect(parse(confirm).querySelector('form[action="/beheer/edities/2021/uitnodigen/uitnodigingen"] button')?.textContent).toBe('Ja, verstuur 4 uitnodigingen aan 4 gemeenten');
    const sent = await admin.post('/beheer/edities/2021/uitnodigen/uitnodigingen', [['_csrf', csrf], ['bevestigd', 'ja']]);
    const page = text(await (await admin.get(sent.headers.get('location')!)).text());
    expect(page).toContain('Uitnodigingen verstuurd aan 4 gemeenten: 4 e-mails staan in de wachtrij.');
    expect(page).toMatch(/Geselecteerd \(doen mee\)\s*4\s*.*Uitgenodigd\s*4\s*/);
    const again = await admin.post('/beheer/edities/2021/uitnodigen/uitnodigingen', [['_csrf', csrf], ['bevestigd', 'ja']]);
    expect(text(await (await admin.get(again.headers.get('location')!)).text())).toContain('Uitnodigingen verstuurd aan 0 gemeenten: 0 e-mails');
    const outbox = await (await admin.get('/beheer/outbox?editie=2021')).text();
    expect(text(outbox)).toContain('Er is geen mailserver ingesteld');
    expect(text(outbox)).toMatch(/Doe mee namens Amsterdam: http:\/\/localhost:3000\/v\/[A-Za-z0-9_-]{43}/);
    // With a mail server the personal links are left out of the view and sign-in texts never show
    // (tests/fieldwork-guards.test.ts shows both pages); without one everything can be read.
    const invitation = (await listOutbox(db, { edition: 2021 }))[0];
    expect(visibleBody(invitation, true)).toMatch(/\/v\/…/);
    expect(visibleBody(invitation, true)).not.toMatch(/\/v\/[A-Za-z0-9_-]{43}/);
    expect(visibleBody({ ...invitation, kind: 'sign-in' }, true)).toBeUndefined();
    expect(visibleBody({ ...invitation, kind: 'sign-in' }, false)).toBe(invitation.bodyText);
    const failed = (await listOutbox(db, { edition: 2021 }))[0];
    await db.query("UPDATE outbox SET status = 'failed', last_error = '550 Mailbox unavailable' WHERE id = $1", [failed.id]);
    const withFailed = parse(await (await admin.get('/beheer/outbox')).text());
    expect(withFailed.body.textContent).toContain('550 Mailbox unavailable');
    expect((await admin.post(`/beheer/outbox/${failed.id}/opnieuw`, [['_csrf', csrf]])).status).toBe(303);
    expect((await listOutbox(db, { edition: 2021 })).find((m) => m.id === failed.id)?.status).toBe('pending');
    const hand = await admin.post('/beheer/edities/2021/gemeenten/GM0014/versturen', [['_csrf', csrf]]);
    expect(text(await (await admin.get(hand.headers.get('location')!)).text())).toContain('Een herinnering voor Groningen is verstuurd: 1 e-mails staan in de wachtrij.');
    const twice = await admin.post('/beheer/edities/2021/gemeenten/GM0014/versturen', [['_csrf', csrf]]);
    expect(text(await (await admin.get(twice.headers.get('location')!)).text())).toContain('Groningen heeft vandaag al een herinnering gekregen');
  });
});

describe('invitations and reminders (edition 2023)', () => {
  const people = [
    ['GM0363', 'Anna de Boer', 'anna@amsterdam.nl'], ['GM0363', 'Karel Kok', 'Karel@Amsterdam.nl'], ['GM0014', 'Greet Groen', 'greet@groningen.nl'],
    ['GM0796', 'Bert Bosch', 'bert@s-hertogenbosch.nl'], ['GM1900', 'Sietske Hoekstra', 'sietske@sudwestfryslan.nl'],
    ['GM0599', 'Rob Ruis', 'rob@rotterdam.nl'], ['GM0344', 'Ulla Utrecht', 'ulla@utrecht.nl'],
  ];
  const names: Record<string, string> = { GM0363: 'Amsterdam', GM0014: 'Groningen', GM0796: "'s-Hertogenbosch", GM1900: 'Súdwest-Fryslân', GM0599: 'Rotterdam', GM0344: 'Utrecht' };
  const o = () => ({ edition: 2023, baseUrl: config.baseUrl, now: clock });
  const kinds = async (kind: string) => (await listOutbox(db, { edition: 2023 })).filter((m) => m.kind === kind);

  beforeAll(async () => {
    const rows = people.map(([code, name, email], i) => ({ line: i + 2, municipalityCode: code, municipalityName: '', name, email, function: '', phone: '' }));
    expect((await importContacts(db, 2023, rows, { now: clock })).imported).toBe(7);
  });
  beforeEach(async () => {
    clock = new Date('2022-10-03T08:00:00Z');
    received = [];
    for (const t of ['outbox', 'personal_links WHERE edition = 2023', 'responses WHERE edition = 2023', 'invitations WHERE edition = 2023']) await db.query(`DELETE FROM ${t}`);
    expect(await selectConnected(db, 2023, clock)).toBe(6);
  });

  it('exactly one invitation per contact, also when sending runs twice, or twice at the same moment', async () => {
    const [a, b] = await Promise.all([sendInvitations(db, { ...o(), batch: 2 }), sendInvitations(db, { ...o(), batch: 2 })]);
    expect([a.municipalities + b.municipalities, a.messages + b.messages]).toEqual([6, 7]);
    expect(await sendInvitations(db, o())).toEqual({ municipalities: 0, messages: 0 });
    expect(await cliRun(sendInvitationsCommand, '--edition', '2023')).toEqual([
      'Uitnodigingen voor 0 gemeenten: 0 e-mails in de wachtrij.', 'SMTP_URL is niet ingesteld: de e-mails blijven in de outbox (zie /beheer/outbox).',
    ]);
    const sent = await kinds('invitation');
    expect(sent.map((m) => m.toAddress.toLowerCase()).sort()).toEqual(people.map((p) => p[2].toLowerCase()).sort());
    expect(sent.find((m) => m.toAddress === 'Karel@Amsterdam.nl')?.idempotencyKey).toBe('invitation:2023:GM0363:karel@amsterdam.nl');
    const anna = sent.find((m) => m.toAddress === 'anna@amsterdam.nl')!;
    expect(anna.subject).toBe('Uitnodiging benchmark Eén tegen eenzaamheid 2023 – gemeente Amsterdam');
    expect(anna.bodyText).toContain('Beste Anna de Boer,');
    expect(anna.bodyText).toContain('De vragenlijst is open tot en met 31 december 2022.');
    // The token is in the e-mail only; the database keeps its hash.
    const token = anna.bodyText.match(/\/v\/([A-Za-z0-9_-]{43})/)![1];
    expect(JSON.stringify(await db.query("SELECT encode(token_hash, 'escape') AS h FROM personal_links"))).not.toContain(token);
    await expect(cliRun(sendInvitationsCommand, '--edition', '2019')).rejects.toThrow(/^Editie 2019 is niet open/);
  });

  it('a run killed halfway and restarted: every contact gets exactly one invitation at the SMTP peer, and its link opens the questionnaire', async () => {
    // The 4th queued message "kills the process": that batch rolls back, earlier batches stay.
    let inserts = 0;
    const dying = (d: Db): Db => {
      const check = (sql: string) => { if (/INSERT INTO outbox/.test(sql) && ++inserts === 4) throw new Error('killed'); };
      return { ...d, query: (sql, p) => { check(sql); return d.query(sql, p); }, one: (sql, p) => { check(sql); return d.one(sql, p); }, tx: (fn) => d.tx((t) => fn(dying(t))) };
    };
    await expect(sendInvitations(dying(db), { ...o(), batch: 2 })).rejects.toThrow('killed');
    expect([(await kinds('invitation')).length, await count('invitations WHERE edition = 2023 AND invited_at IS NOT NULL')]).toEqual([2, 2]);
    expect(await sendInvitations(db, o())).toEqual({ municipalities: 4, messages: 5 });
    // Delivery dies too: the 4th send never returns. After the lease runs out the rest goes out.
    const real = createMailer(smtpUrl) as Mailer;
    let calls = 0;
    void deliverDue(db, { send: (m) => (++calls === 4 ? new Promise(() => {}) : real.send(m)), close: () => {} }, now);
    for (let i = 0; i < 100 && received.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(3);
    expect(await deliverDue(db, real, now)).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDue(db, real, () => new Date(clock.getTime() + 6 * 60_000))).toEqual({ sent: 4, failed: 0 });
    real.close();
    expect(received.map((r) => r.to.toLowerCase()).sort()).toEqual(people.map((p) => p[2].toLowerCase()).sort());
    for (const r of received) {
      const link = decodeQp(r.raw).match(/http:\/\/localhost:3000(\/v\/[A-Za-z0-9_-]{43})/)![1];
      const code = people.find((p) => p[2].toLowerCase() === r.to.toLowerCase())![0];
      const res = await app.request(link);
      expect(res.status).toBe(200);
      expect(text(await res.text())).toContain(`Voor de gemeente ${names[code]}`);
    }
  });

  it('reminders: to every invited municipality that has not submitted, at most one a day, also when two runs meet', async () => {
    await sendInvitations(db, o());
    await db.query("INSERT INTO responses (edition, municipality_code, status, submitted_at) VALUES (2023, 'GM0599', 'submitted', $1)", [clock]);
    clock = new Date('2022-10-04T07:00:00Z');
    const [a, b] = await Promise.all([sendReminders(db, o()), sendReminders(db, o())]);
    expect([a.municipalities + b.municipalities, a.messages + b.messages]).toEqual([5, 6]);
    for (const at of ['2022-10-04T17:00:00Z', '2022-10-04T21:59:00Z']) {
      clock = new Date(at);
      expect(await sendReminders(db, o())).toEqual({ municipalities: 0, messages: 0 });
    }
    expect((await cliRun(sendRemindersCommand, '--edition', '2023'))[0]).toBe('Herinneringen voor 0 gemeenten: 0 e-mails in de wachtrij.');
    clock = new Date('2022-10-05T07:00:00Z');
    expect(await sendReminders(db, o())).toEqual({ municipalities: 5, messages: 6 });
    const reminders = await kinds('reminder');
    expect(reminders).toHaveLength(12);
    expect(reminders.filter((m) => m.municipalityCode === 'GM0599')).toHaveLength(0);
    expect(reminders.map((m) => m.idempotencyKey)).toContain('reminder:2023:GM0363:2022-10-05:karel@amsterdam.nl');
    expect(reminders[0].subject).toMatch(/^Herinnering: benchmark Eén tegen eenzaamheid 2023/);
    // Each reminder carries a working link of its own.
    const res = await app.request(reminders[0].bodyText.match(/http:\/\/localhost:3000(\/v\/[A-Za-z0-9_-]{43})/)![1]);
    expect(res.status).toBe(200);
    // The counts on the invite page.
    const admin = await Browser.as('admin');
    expect(text(await (await admin.get('/beheer/edities/2023/uitnodigen')).text())).toMatch(/Uitgenodigd\s*6\s*Vandaag herinnerd\s*5\s*Vragenlijst verstuurd\s*1/);
  });

  it('by hand: the invitation first, then a reminder once a day; deselecting keeps invited municipalities', async () => {
    const hand = (code: string) => sendByHand(db, { ...o(), only: code });
    expect(await hand('GM0003')).toMatchObject({ kind: null, reason: 'unknown' }); // Appingedam, merged in 2021
    expect(await hand('GM0518')).toMatchObject({ kind: null, reason: 'noContacts' });
    expect(await hand('GM0363')).toEqual({ kind: 'invitation', messages: 2 });
    expect(await hand('GM0363')).toEqual({ kind: 'reminder', messages: 2 });
    expect(await hand('GM0363')).toMatchObject({ kind: null, reason: 'remindedToday' });
    expect(await setSelection(db, 2023, ['GM0014'], clock)).toEqual({ added: 0, removed: 4, kept: 1 });
    expect((await db.query<{ code: string }>('SELECT municipality_code AS code FROM invitations WHERE edition = 2023 ORDER BY 1')).map((r) => r.code)).toEqual(['GM0014', 'GM0363']);
    expect(await sendInvitations(db, o())).toEqual({ municipalities: 1, messages: 1 });
  });
});
