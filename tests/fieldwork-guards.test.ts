// Issue 20, "Fieldwork must not embarrass the bureau": a municipality that submitted gets no
// invitation or reminder; bulk mail shows its recipients and waits for a confirmation; reminders
// planned for a moment go once, across a restart and with two instances; "uitgenodigd" counts the
// same everywhere; sign-in links readable in the outbox only without a mail server; a warning
// before publishing few responses; the confirmation e-mail with the PDF of the answers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import { sendInvitationsCommand } from '../src/cli/commands/send-invitations.ts';
import { sendRemindersCommand } from '../src/cli/commands/send-reminders.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createAccount, createPersonalLink } from '../src/modules/auth/index.ts';
import { fewResponses } from '../src/modules/edition-admin/index.ts';
import { closeEdition, openEdition } from '../src/modules/editions/index.ts';
import { amsterdamInstant, importContacts, runDueSchedules, sendByHand } from '../src/modules/fieldwork/index.ts';
import { createMailer, deliverDue, listOutbox, type Mailer, startDeliveryLoop } from '../src/modules/mail/index.ts';
import { type SmtpPeer, startSmtpPeer } from './e2e/staff-helpers.ts';
import { parse, text } from './html.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false, trustProxy: 1 };
let db: Db;
let clock = new Date('2023-10-02T08:00:00Z');
const now = () => clock;
let app: ReturnType<typeof createApp>;
let smtp: SmtpPeer;
let mailer: Mailer;
type Staff = Awaited<ReturnType<typeof signedInAs>>;
const sessions = new Map<number, Staff>();
/** The bureau, signed in at the test's clock (a session from a day earlier has expired). */
const admin = {
  async session() {
    if (!sessions.has(clock.getTime())) sessions.set(clock.getTime(), await signedInAs(app, db, 'admin', clock));
    return sessions.get(clock.getTime())!;
  },
  get: async (p: string) => (await admin.session()).get(p),
  post: async (p: string, fields: [string, string][]) => (await admin.session()).post(p, fields),
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-guards-'));

const contacts = async (edition: number, rows: [string, string, string][]) => {
  const r = await importContacts(db, edition, rows.map(([code, name, email], i) => ({
    line: i + 2, municipalityCode: code, municipalityName: '', name, email, function: '', phone: '',
  })), { now: clock });
  expect(r.imported).toBe(rows.length);
};
const submit = (edition: number, code: string) =>
  db.query(`INSERT INTO responses (edition, municipality_code, status, first_opened_at, started_at, submitted_at)
    VALUES ($1, $2, 'submitted', $3, $3, $3)`, [edition, code, clock]);
const cli = async (cmd: typeof sendInvitationsCommand, ...args: string[]) => {
  const out: string[] = [];
  await cmd.run(args, { db, config: { ...config, smtpUrl: smtp.url }, now, out: (s) => out.push(s) });
  return out;
};
const delivered = async () => {
  await deliverDue(db, mailer, now);
  return smtp.received.map((m) => m.to).sort();
};
const wait = async (until: () => boolean, ms = 5000) => {
  for (let t = 0; t < ms && !until(); t += 20) await new Promise((r) => setTimeout(r, 20));
};

beforeAll(async () => {
  db = await createTestDb();
  smtp = await startSmtpPeer();
  mailer = createMailer(smtp.url)!;
  app = createApp({ db, config, now });
  // Editions 2022 (for answering and publishing) and 2023 (fieldwork).
  await openEdition(db, 2022, '2022-12-31', new Date('2022-10-01T08:00:00Z'));
  await openEdition(db, 2023, '2023-10-31', clock);
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a municipality that has submitted gets nothing (edition 2023)', () => {
  beforeAll(async () => {
    await contacts(2023, [
      ['GM0363', 'Anna de Boer', 'anna@amsterdam.example.nl'],
      ['GM0014', 'Greet Groen', 'greet@groningen.example.nl'],
      ['GM0344', 'Ulla Utrecht', 'ulla@utrecht.example.nl'],
    ]);
  });
  beforeEach(() => { smtp.received.length = 0; });

  it('"Selecteer alle gemeenten met contactpersonen" → "Verstuur uitnodigingen": the confirmation lists and the peer receives only those that did not submit', async () => {
    // Groningen answered through a link the bureau gave by hand, before any invitation went out.
    await createPersonalLink(db, 2023, 'GM0014');
    await submit(2023, 'GM0014');
    await admin.post('/beheer/edities/2023/uitnodigen/selectie', [['modus', 'verbonden']]);
    const confirm = text(await (await admin.get('/beheer/edities/2023/uitnodigen/uitnodigingen')).text());
    expect(confirm).toContain('2 gemeenten, 2 e-mails.');
    expect(confirm).toContain('Amsterdam (GM0363)');
    expect(confirm).toContain('Utrecht (GM0344)');
    expect(confirm).not.toContain('Groningen');
    const sent = await admin.post('/beheer/edities/2023/uitnodigen/uitnodigingen', [['bevestigd', 'ja']]);
    expect(sent.headers.get('location')).toBe('/beheer/edities/2023/uitnodigen?klaar=uitnodigingen&gemeenten=2&berichten=2');
    expect(await delivered()).toEqual(['anna@amsterdam.example.nl', 'ulla@utrecht.example.nl']);
    // The CLI and sending by hand agree.
    expect((await cli(sendInvitationsCommand, '--edition', '2023'))[0]).toBe('Uitnodigingen voor 0 gemeenten: 0 e-mails in de wachtrij.');
    expect(await sendByHand(db, { edition: 2023, baseUrl: config.baseUrl, now: clock, only: 'GM0014' })).toMatchObject({ kind: null, reason: 'submitted' });
    expect(await delivered()).toEqual(['anna@amsterdam.example.nl', 'ulla@utrecht.example.nl']);
  });

  it('reminders go only to those that have not submitted, from the web and the CLI', async () => {
    await submit(2023, 'GM0344'); // Utrecht answered after its invitation
    clock = new Date('2023-10-03T08:00:00Z');
    const confirm = text(await (await admin.get('/beheer/edities/2023/uitnodigen/herinneringen')).text());
    expect(confirm).toContain('1 gemeenten, 1 e-mails.');
    expect(confirm).toContain('Anna de Boer <anna@amsterdam.example.nl>');
    expect(confirm).not.toMatch(/Utrecht|Groningen/);
    expect((await cli(sendRemindersCommand, '--edition', '2023'))[0]).toBe('Herinneringen voor 1 gemeenten: 1 e-mails in de wachtrij.');
    expect(smtp.received.map((m) => [m.to, m.subject.slice(0, 11)])).toEqual([['anna@amsterdam.example.nl', 'Herinnering']]);
    // The same day a second time: nobody left, and the page says so instead of offering a button.
    const none = await (await admin.get('/beheer/edities/2023/uitnodigen/herinneringen')).text();
    expect(text(none)).toContain('Er is nu niemand om te herinneren');
    expect(parse(none).querySelector('form[action="/beheer/edities/2023/uitnodigen/herinneringen"]')).toBeNull();
  });

  it('"Uitgenodigde gemeenten" is the same number on /beheer/edities, /beheer/veldwerk, the invite page and the response dashboard', async () => {
    // Also selected but without contacts (not invited), and a link given by hand (invited).
    await admin.post('/beheer/edities/2023/uitnodigen/selectie', [['gemeente', 'GM0363'], ['gemeente', 'GM0344'], ['gemeente', 'GM0014'], ['gemeente', 'GM0518'], ['gemeente', 'GM0599']]);
    await createPersonalLink(db, 2023, 'GM0796');
    // Amsterdam, Utrecht (e-mailed), Groningen and 's-Hertogenbosch (a link); not Den Haag (GM0518) nor Rotterdam (GM0599).
    const expected = '4';
    const editions = parse(await (await admin.get('/beheer/edities')).text());
    const editionRow = [...editions.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent === 'Editie 2023')!;
    expect(editionRow.querySelectorAll('td')[4].textContent).toBe(expected);
    const fieldwork = parse(await (await admin.get('/beheer/veldwerk')).text());
    const fieldworkRow = [...fieldwork.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent === '2023')!;
    expect(fieldworkRow.querySelectorAll('td')[3].textContent).toBe(expected);
    expect(fieldworkRow.querySelectorAll('td')[2].textContent).toBe('6'); // selected is another figure
    expect(text(await (await admin.get('/beheer/edities/2023/uitnodigen')).text())).toMatch(new RegExp(`Uitgenodigd\\s*${expected}\\s*Vandaag`));
    expect(text(await (await admin.get('/beheer/edities/2023/respons')).text())).toContain(`2 van de ${expected} uitgenodigde gemeenten hebben de vragenlijst verstuurd`);
  });
});

describe('reminders planned for a date and time', () => {
  beforeEach(async () => {
    smtp.received.length = 0;
    await db.query(`UPDATE invitations SET last_reminder_at = NULL WHERE edition = 2023`);
  });

  it('a moment in the past, after closing or no moment at all is refused with a message, and nothing is planned', async () => {
    clock = new Date('2023-10-04T08:00:00Z');
    for (const [date, time, message] of [
      ['2023-10-04', '09:59', 'Dit moment is al voorbij'], ['2023-11-01', '09:00', 'Dat is na de sluitdatum (31 oktober 2023)'],
      ['', '09:00', 'Vul een datum in'], ['2023-10-05', '25:00', 'Vul een tijd in'], ['2023-02-30', '09:00', 'Vul een datum in'],
    ]) {
      const res = await admin.post('/beheer/edities/2023/uitnodigen/herinneringen/plannen', [['datum', date], ['tijd', time]]);
      expect(res.status, date + time).toBe(400);
      const doc = parse(await res.text());
      expect(doc.querySelector('.error-summary a')?.textContent).toContain(message);
      expect(doc.querySelector('title')?.textContent).toMatch(/^Fout: /);
    }
    expect((await db.query('SELECT 1 FROM scheduled_mailings')).length).toBe(0);
  });

  it('goes at its time, once: a restart in between, two instances at once, a cancelled plan never', async () => {
    clock = new Date('2023-10-04T08:00:00Z'); // 10:00 in Amsterdam
    const plan = async (date: string, time: string) => {
      const res = await admin.post('/beheer/edities/2023/uitnodigen/herinneringen/plannen', [['datum', date], ['tijd', time]]);
      expect(res.status).toBe(303);
      return res.headers.get('location')!;
    };
    const cancelled = await plan('2023-10-05', '08:30');
    const kept = await plan('2023-10-05', '09:00');
    expect(text(await (await admin.get(kept)).text())).toContain('De herinneringen zijn gepland op 5 oktober 2023, 09:00.');
    const invite = parse(await (await admin.get('/beheer/edities/2023/uitnodigen')).text());
    const cancel = invite.querySelector('button[aria-label="Geplande herinnering van 5 oktober 2023, 08:30 annuleren"]')!.closest('form')!.getAttribute('action')!;
    expect((await admin.post(cancel, [])).headers.get('location')).toBe('/beheer/edities/2023/uitnodigen?klaar=geannuleerd');
    expect((await admin.post(cancel, [])).headers.get('location')).toBe('/beheer/edities/2023/uitnodigen?klaar=alverstuurd');
    expect(new URLSearchParams(cancelled.split('?')[1]).get('klaar')).toBe('gepland');

    // The server's loop runs before the moment: nothing goes.
    const loop = (clockFn: () => Date) => startDeliveryLoop(db, mailer, clockFn, 20, { before: (at) => runDueSchedules(db, config.baseUrl, at) });
    let stop = loop(now);
    await new Promise((r) => setTimeout(r, 300));
    await stop();
    expect(smtp.received).toEqual([]);
    // The server is stopped; it restarts after the moment, twice (two instances on one database).
    clock = amsterdamInstant('2023-10-05', '09:00')!;
    expect(clock.toISOString()).toBe('2023-10-05T07:00:00.000Z');
    clock = new Date(clock.getTime() + 60_000);
    const stops = [loop(now), loop(now)];
    await wait(() => smtp.received.length > 0);
    await new Promise((r) => setTimeout(r, 300)); // more rounds: nothing more
    for (stop of stops) await stop();
    expect(smtp.received.map((m) => m.to)).toEqual(['anna@amsterdam.example.nl']);
    expect(smtp.received[0].subject).toMatch(/^Herinnering: /);
    const rows = await db.query<{ status: string; messages: number | null }>('SELECT status, messages FROM scheduled_mailings ORDER BY send_at');
    expect(rows).toEqual([{ status: 'cancelled', messages: null }, { status: 'sent', messages: 1 }]);
    expect(text(await (await admin.get('/beheer/edities/2023/uitnodigen')).text())).toContain('verstuurd: 1 gemeenten, 1 e-mails');
    // The cancelled one stays cancelled and nothing runs again later.
    clock = new Date('2023-10-06T08:00:00Z');
    expect(await runDueSchedules(db, config.baseUrl, clock)).toBe(0);
  });

  it('a crash between claiming and queueing leaves the plan scheduled, and the next round sends it once', async () => {
    clock = new Date('2023-10-06T08:00:00Z');
    await plan2('2023-10-06', '11:00');
    clock = new Date('2023-10-06T09:30:00Z');
    // The process "dies" at the first e-mail it queues: the claim rolls back with it.
    const check = (sql: string) => { if (/INSERT INTO outbox/.test(sql)) throw new Error('killed'); };
    const dying = (d: Db): Db => ({
      ...d, query: (sql, p) => { check(sql); return d.query(sql, p); }, one: (sql, p) => { check(sql); return d.one(sql, p); }, tx: (fn) => d.tx((t) => fn(dying(t))),
    });
    await expect(runDueSchedules(dying(db), config.baseUrl, clock)).rejects.toThrow('killed');
    expect((await db.one<{ status: string }>(`SELECT status FROM scheduled_mailings WHERE send_at = $1`, [amsterdamInstant('2023-10-06', '11:00')]))?.status).toBe('scheduled');
    expect(await runDueSchedules(db, config.baseUrl, clock)).toBe(1);
    expect(await runDueSchedules(db, config.baseUrl, clock)).toBe(0);
    expect(await delivered()).toEqual(['anna@amsterdam.example.nl']);
  });

  it('the CLI plans too (send-reminders --at), and refuses a moment in the past', async () => {
    clock = new Date('2023-10-07T08:00:00Z');
    expect(await cli(sendRemindersCommand, '--edition', '2023', '--at', '2023-10-09T09:15')).toEqual([
      'Herinneringen gepland op 9 oktober 2023, 09:15. De server (npm start) verstuurt ze dan; annuleren kan in /beheer/edities/2023/uitnodigen.',
    ]);
    await expect(cli(sendRemindersCommand, '--edition', '2023', '--at', '2023-10-07T09:00')).rejects.toThrow('Dit moment is al voorbij');
    await expect(cli(sendRemindersCommand, '--edition', '2023', '--at', 'morgen')).rejects.toThrow('--at verwacht een datum en tijd');
    expect(smtp.received).toEqual([]);
    const planned = await db.query<{ at: Date }>(`SELECT send_at AS at FROM scheduled_mailings WHERE status = 'scheduled'`);
    expect(planned.map((r) => r.at.toISOString())).toEqual(['2023-10-09T07:15:00.000Z']);
    await db.query(`UPDATE scheduled_mailings SET status = 'cancelled' WHERE status = 'scheduled'`);
  });

  async function plan2(date: string, time: string) {
    const res = await admin.post('/beheer/edities/2023/uitnodigen/herinneringen/plannen', [['datum', date], ['tijd', time]]);
    expect(res.status).toBe(303);
  }
});

describe('sign-in links in the outbox', () => {
  it('are readable with an "alleen zonder mailserver" notice without SMTP_URL, and never with it', async () => {
    const advisor = await createAccount(db, { email: 'adviseur@adviseurs.example.org', name: 'Ad Viseur', role: 'advisor' }, clock);
    const res = await app.request('/inloggen', {
      method: 'POST', body: new URLSearchParams([['email', advisor.email]]),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.9.9.9', origin: 'http://localhost:3000' },
    });
    expect(res.status).toBe(303);
    const message = (await listOutbox(db)).find((m) => m.kind === 'sign-in' && m.toAddress === advisor.email)!;
    const link = message.bodyText.match(/http:\/\/localhost:3000\/inloggen\/[A-Za-z0-9_-]{43}/)![0];
    const without = await (await admin.get('/beheer/outbox')).text();
    expect(without).toContain(link);
    expect(text(without)).toContain('Alleen zonder mailserver: deze inloglink is hier te lezen');
    const withSmtp = createApp({ db, config: { ...config, smtpUrl: smtp.url }, now });
    const admin2 = await signedInAs(withSmtp, db, 'admin', clock);
    const withIt = await (await admin2.get('/beheer/outbox')).text();
    expect(withIt).not.toContain(link.slice(-43));
    expect(withIt).not.toMatch(/\/inloggen\/[A-Za-z0-9_-]{43}/);
    expect(text(withIt)).not.toContain('Alleen zonder mailserver');
    expect(text(withIt)).toContain('De tekst wordt niet getoond: die bevat een werkende inloglink.');
  });
});

describe('publishing', () => {
  it('says how many municipalities responded and warns when that is few, before the bureau confirms', async () => {
    expect(fewResponses({ invited: 300, submitted: 200 })).toBe(false);
    expect(fewResponses({ invited: 300, submitted: 140 })).toBe(true);
    expect(fewResponses({ invited: 30, submitted: 24 })).toBe(true);
    await closeEdition(db, 2023, new Date('2023-11-01T08:00:00Z'));
    clock = new Date('2023-11-02T08:00:00Z');
    const html = await (await admin.get('/beheer/edities/2023/publiceren')).text();
    const doc = parse(html);
    expect(text(html)).toContain('2 van de 4 uitgenodigde gemeenten hebben de vragenlijst verstuurd (50%).');
    expect(doc.querySelector('.notice--warn')?.textContent).toContain('Let op: Dat is weinig');
    expect(doc.querySelector('form[action="/beheer/edities/2023/publiceren"] button')?.textContent).toBe('Ja, publiceer editie 2023 met 2 antwoorden');
    expect((await db.one<{ p: Date | null }>('SELECT published_at AS p FROM editions WHERE year = 2023'))?.p).toBeNull();
    expect((await admin.post('/beheer/edities/2023/publiceren', [])).headers.get('location')).toBe('/beheer/edities/2023?klaar=publish');
  });
});

describe('the confirmation after sending (edition 2022)', () => {
  it('each contact receives one e-mail with the PDF of the answers; the confirmation page offers the same PDF', async () => {
    smtp.received.length = 0;
    clock = new Date('2022-10-03T08:00:00Z');
    await contacts(2022, [['GM0363', 'Anna de Boer', 'anna@amsterdam.example.nl'], ['GM0363', 'Karel Kok', 'karel@amsterdam.example.nl']]);
    const base = `/v/${await createPersonalLink(db, 2022, 'GM0363')}`;
    const post = (p: string, fields: [string, string][]) =>
      app.request(p, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    await app.request(base);
    expect((await post(`${base}/thema/signaleren`, [['q.week_tegen_eenzaamheid', 'ja'], ['actie', 'later']])).status).toBe(303);
    // A double click: two requests at once, one submission, one e-mail per contact.
    const clicks = await Promise.all([post(`${base}/verzenden`, []), post(`${base}/verzenden`, [])]);
    expect(clicks.map((r) => r.headers.get('location'))).toEqual([`${base}/bevestiging`, `${base}/bevestiging`]);
    expect((await post(`${base}/verzenden`, [])).status).toBe(303); // and a later one sends nothing new
    expect((await db.query(`SELECT s.id FROM submissions s JOIN responses r ON r.id = s.response_id WHERE r.edition = 2022 AND r.municipality_code = 'GM0363'`)).length).toBe(1);
    expect(await delivered()).toEqual(['anna@amsterdam.example.nl', 'karel@amsterdam.example.nl']);
    const mail = smtp.received.find((m) => m.to === 'anna@amsterdam.example.nl')!;
    expect(mail.subject).toBe('Ontvangen: de antwoorden van Amsterdam voor de benchmark Eén tegen eenzaamheid 2022');
    const { body, pdf, filename } = multipart(mail.raw);
    expect(body).toContain('Beste Anna de Boer,');
    expect(filename).toBe('antwoorden-2022-GM0363.pdf');
    const mailed = inspectPdf(pdf);
    expect(mailed.info).toMatch(/^Tagged:\s+yes/m);
    expect(mailed.info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m);
    expect(mailed.text).toContain('Antwoorden van Amsterdam');
    expect(mailed.text).toContain('Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?');
    expect(mailed.text).toMatch(/Week tegen Eenzaamheid\?\s+Ja/);
    expect(mailed.text).toContain('Niet beantwoord');

    const done = parse(await (await app.request(`${base}/bevestiging`)).text());
    const href = done.querySelector('main a[href$="/antwoorden.pdf"]')!;
    expect(href.textContent).toBe('Uw antwoorden als pdf');
    const download = await app.request(href.getAttribute('href')!);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(inspectPdf(Buffer.from(await download.arrayBuffer())).text).toContain('Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?');
    // The outbox lists the confirmation with its attachment.
    const outbox = text(await (await admin.get('/beheer/outbox?editie=2022')).text());
    expect(outbox).toContain('bevestiging (2022 GM0363)');
    expect(outbox).toContain('Bijlage: antwoorden-2022-GM0363.pdf');
    // Another municipality without contacts submits: nobody to mail, and that is fine.
    const other = `/v/${await createPersonalLink(db, 2022, 'GM0014')}`;
    await app.request(other);
    expect((await post(`${other}/verzenden`, [])).status).toBe(303);
    expect((await listOutbox(db, { edition: 2022 })).filter((m) => m.kind === 'confirmation')).toHaveLength(2);
    // Before sending there is no PDF to fetch.
    const fresh = `/v/${await createPersonalLink(db, 2022, 'GM0344')}`;
    expect((await app.request(`${fresh}/antwoorden.pdf`)).status).toBe(303);
  });
});

/** The text part and the PDF attachment of a multipart message as nodemailer writes it. */
function multipart(raw: string): { body: string; pdf: Buffer; filename: string } {
  const boundary = raw.match(/boundary="?([^"\r\n;]+)"?/)![1];
  const parts = raw.split(`--${boundary}`).slice(1, -1);
  const partOf = (type: string) => parts.find((p) => new RegExp(`Content-Type: ${type}`, 'i').test(p))!;
  const content = (p: string) => p.slice(p.search(/\r?\n\r?\n/)).trim();
  const textPart = partOf('text/plain');
  const qp = content(textPart).replace(/=\r?\n/g, '');
  const body = Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8');
  const pdfPart = partOf('application/pdf');
  const filename = pdfPart.replace(/\r?\n[ \t]+/g, ' ').match(/filename="?([^"\r\n;]+)"?/)![1];
  return { body, pdf: Buffer.from(content(pdfPart).replace(/\s+/g, ''), 'base64'), filename };
}

function inspectPdf(pdf: Buffer) {
  const file = path.join(tmp, `a-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return {
    text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }),
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
  };
}
