// Advisors and the phone round over HTTP and the CLI: importing advisors (every kind of bad
// row), the advisor's overview, reminders, the call log and the call list — and who may see what.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAdvisorsCommand } from '../src/cli/commands/import-advisors.ts';
import type { Db } from '../src/db/client.ts';
import { importAdvisors, readTable } from '../src/modules/advisors/index.ts';
import { type Account, createPersonalLink } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import type { AppEnv } from '../src/web/context.ts';
import { account, advisor, Browser, config, progress, testApp } from './fixtures/advisors/http.ts';
import { formFields, parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'advisors', name)));
let db: Db;
let app: Hono<AppEnv>;
const clock = new Date('2023-10-10T09:00:00Z');
let admin: Browser;
let ministry: Browser;
let adminAccount: Account;
const count = async (sql: string, params: unknown[] = []) => (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))!.n;
const cli = async (...args: string[]) => {
  const out: string[] = [];
  await importAdvisorsCommand.run(args, { db, config, now: () => clock, out: (s) => out.push(s) });
  return out;
};
/** Folders for the files the CLI imports; removed after the file's tests. */
const tmpDirs: string[] = [];
const tmpFile = (name: string, data: Uint8Array) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advisors-'));
  tmpDirs.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};
async function toXlsx(csv: Uint8Array, numericCodes = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Adviseurs');
  for (const row of parseCsv(Buffer.from(csv).toString('utf8'), { relax_column_count: true }) as string[][]) {
    // Excel turns "37" into a number, and an address into a hyperlink.
    ws.addRow(row.map((v, i) => (numericCodes && i === 3 && /^\d+$/.test(v) ? Number(v) : i === 1 && v.includes('@') ? { text: v, hyperlink: `mailto:${v}` } : v)));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const resetAdvisors = async () => {
  await db.query('DELETE FROM advisors');
  await db.query(`DELETE FROM accounts WHERE role = 'advisor'`);
};

beforeAll(async () => {
  db = await createTestDb();
  app = testApp(db, () => clock);
  adminAccount = await account(db, 'admin', 'beheer@bureau.example.nl', 'Bea Beheer');
  admin = await Browser.as(app, db, clock, adminAccount.id);
  ministry = await Browser.as(app, db, clock, (await account(db, 'ministry')).id);
});
afterAll(async () => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
  await db?.close();
});

describe('importing advisors', () => {
  it('reads CSV and XLSX alike, creates advisors with advisor accounts, and a second run changes nothing', async () => {
    for (const data of [fixture('good.csv'), await toXlsx(fixture('good.csv'), true)]) {
      await resetAdvisors();
      const dry = await cli(tmpFile(data[0] === 0x50 ? 'a.xlsx' : 'a.csv', data), '--dry-run');
      expect(dry.join('\n')).toContain('6 regels: 6 in orde, 0 met fouten');
      expect(dry.at(-1)).toContain('er is niets gewijzigd');
      expect(await count('advisors')).toBe(0);
      const out = await cli(tmpFile('a.csv', data));
      expect(out.at(-1)).toBe('Geïmporteerd: 2 adviseurs nieuw, 0 bijgewerkt; 6 gemeenten toegewezen; 2 accounts aangemaakt, 0 gekoppeld.');
      const regions = await db.query<{ name: string; codes: string[]; role: string; phone: string }>(
        `SELECT a.name, a.phone, ac.role, array_agg(am.municipality_code ORDER BY am.municipality_code) AS codes
         FROM advisors a JOIN accounts ac ON ac.id = a.account_id JOIN advisor_municipalities am ON am.advisor_id = a.id
         GROUP BY a.name, a.phone, ac.role ORDER BY a.name`);
      expect(regions).toEqual([
        { name: 'Anna de Vries', phone: '06 1234 5678', role: 'advisor', codes: ['GM0014', 'GM0037', 'GM0047'] },
        { name: 'Bart Bakker', phone: '+31 20 555 0101', role: 'advisor', codes: ['GM0363', 'GM0796', 'GM1900'] },
      ]);
    }
    const again = await cli(tmpFile('a.csv', fixture('good.csv')));
    expect(again.at(-1)).toBe('Geïmporteerd: 0 adviseurs nieuw, 2 bijgewerkt; 0 gemeenten toegewezen; 0 accounts aangemaakt, 0 gekoppeld.');
  });

  it('moves a municipality to its new advisor and links an existing advisor account', async () => {
    await cli(tmpFile('a.csv', fixture('good.csv')));
    const existing = await account(db, 'advisor', 'cees@adviseurs.example.nl', 'Cees');
    const csv = 'advisor_name;advisor_email;municipality_code\nCees Claassen;CEES@adviseurs.example.nl;GM0014\n';
    const out = await cli(tmpFile('b.csv', new TextEncoder().encode(csv)));
    expect(out).toContain('Groningen (GM0014) hoorde eerst bij Anna de Vries.');
    expect(out.at(-1)).toContain('1 adviseurs nieuw');
    expect(out.at(-1)).toContain('0 accounts aangemaakt, 1 gekoppeld');
    const row = await db.one<{ accountId: number; advisor: string }>(
      `SELECT a.account_id AS "accountId", a.name AS advisor FROM advisor_municipalities am JOIN advisors a ON a.id = am.advisor_id WHERE am.municipality_code = 'GM0014'`);
    expect(row).toEqual({ accountId: existing.id, advisor: 'Cees Claassen' });
  });

  it('reports every kind of bad row with its line, and imports nothing unless told to skip them', async () => {
    await resetAdvisors();
    const report = await importAdvisors(db, await readTable(fixture('bad.csv')), { dryRun: true, now: clock });
    const keys = Object.fromEntries(report.rows.map((r) => [r.line, r.errors.map((e) => e.key)]));
    expect(keys).toEqual({
      2: [], 3: ['row.nameMissing'], 4: ['row.emailMissing'], 5: ['row.emailInvalid'], 6: ['row.phoneInvalid'],
      7: ['row.codeUnknown'], 8: ['row.nameUnknown'], 9: ['row.merged'], 10: ['row.merged'], 11: ['row.mismatch'],
      12: ['row.municipalityMissing'], 13: ['row.duplicate'], 14: ['row.twoAdvisors'], 15: ['row.twoAdvisors'],
      16: ['row.nameDiffers'], 17: ['row.phoneDiffers'], 18: ['row.emailOtherRole'], 19: ['row.nameLong'], 20: [],
    });
    await expect(cli(tmpFile('bad.csv', fixture('bad.csv')))).rejects.toThrow('Niets geïmporteerd: 17 regels met fouten');
    expect(await count('advisors')).toBe(0);
    const out = await cli(tmpFile('bad.xlsx', await toXlsx(fixture('bad.csv'))), '--dry-run');
    expect(out).toContain('Regel 9: Appingedam (GM0003) bestaat niet meer sinds 2021-01-01. Bedoelt u Eemsdelta (GM1979)?');
    expect(out).toContain('Regel 10: Weesp (GM0457) bestaat niet meer sinds 2022-03-24. Bedoelt u Amsterdam (GM0363)?');
    expect(out).toContain('Regel 11: Code GM0363 is Amsterdam, niet "Rotterdam".');
    expect(out).toContain('Regel 14: Rotterdam (GM0599) staat ook op regel 15 bij een andere adviseur; elke gemeente heeft één adviseur.');
    expect(out).toContain('Regel 18: beheer@bureau.example.nl heeft al een account met de rol onderzoeksbureau (beheerder); een adviseur heeft een account met de rol adviseur nodig.');
    const skipped = await cli(tmpFile('bad.csv', fixture('bad.csv')), '--skip-invalid');
    expect(skipped.at(-1)).toContain('2 gemeenten toegewezen');
    expect(skipped.at(-1)).toContain('17 regels overgeslagen');
    expect((await db.query<{ code: string }>('SELECT municipality_code AS code FROM advisor_municipalities ORDER BY 1')).map((r) => r.code)).toEqual(['GM0014', 'GM0373']);
    expect((await db.one<{ role: string }>(`SELECT role FROM accounts WHERE email = 'beheer@bureau.example.nl'`))?.role).toBe('admin');
  });

  it('refuses a file it cannot use with one line', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['wrong-columns.csv', fixture('wrong-columns.csv'), /mist de kolommen: advisor_name, advisor_email, municipality_code \/ municipality_name/],
      ['empty.csv', fixture('empty.csv'), /geen regels onder de kopregel/],
      ['kapot.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /kon niet worden gelezen/],
    ];
    for (const [name, data, message] of cases) await expect(cli(tmpFile(name, data)), name).rejects.toThrow(message);
    await expect(cli('/tmp/bestaat-niet.csv')).rejects.toThrow('Bestand /tmp/bestaat-niet.csv kan niet worden gelezen');
    await expect(cli()).rejects.toThrow('Geef het bestand met adviseurs');
  });

  it('in the admin: upload, see the problems per row, then import the good rows on confirmation', async () => {
    await resetAdvisors();
    const check = await admin.upload('/beheer/adviseurs', fixture('bad.csv'), 'adviseurs.csv');
    expect(check.status).toBe(200);
    const html = await check.text();
    const doc = parse(html);
    expect(doc.querySelector('h1')?.textContent).toBe('Controle van het bestand');
    expect(doc.querySelector('caption')?.textContent).toBe('Regels met fouten');
    expect(doc.querySelectorAll('tbody th[scope=row]').length).toBe(17);
    expect(text(html)).toContain('19 regels: 2 in orde, 17 met fouten.');
    expect(await count('advisors')).toBe(0);
    // Confirming without skipping: refused, nothing written.
    const refused = await admin.submit(html, 'form[action="/beheer/adviseurs/importeren"]', '/beheer/adviseurs/importeren');
    expect(refused.status).toBe(400);
    expect(text(await refused.text())).toContain('Er is niets geïmporteerd');
    expect(await count('advisors')).toBe(0);
    const done = await admin.submit(html, 'form[action="/beheer/adviseurs/importeren"]', '/beheer/adviseurs/importeren', [['overslaan', '1']]);
    expect(done.status).toBe(200);
    expect(text(await done.text())).toContain('De adviseurs zijn geïmporteerd: 2 nieuw en 0 bijgewerkt; 2 gemeenten toegewezen');
    const list = text(await (await admin.get('/beheer/adviseurs')).text());
    expect(list).toContain('Anna de Vries');
    expect(list).toContain('Gerrit Goed');
    expect(list).toContain('340 gemeenten hebben nog geen adviseur');
  });

  it('the upload page: no file, a tampered confirmation, roles and CSRF', async () => {
    const none = await admin.upload('/beheer/adviseurs', new Uint8Array(), 'leeg.csv');
    expect(none.status).toBe(400);
    expect(parse(await none.text()).querySelector('.error-summary a[href="#file"]')?.textContent).toBe('Kies een CSV- of XLSX-bestand');
    expect((await admin.post('/beheer/adviseurs/importeren', [['table', '{"header":1}']])).status).toBe(400);
    const before = await count('advisors');
    const ministryPage = await ministry.get('/beheer/adviseurs');
    expect(ministryPage.status).toBe(200);
    expect(parse(await ministryPage.text()).querySelector('input[type=file]')).toBeNull();
    expect((await ministry.upload('/beheer/adviseurs', fixture('good.csv'), 'a.csv')).status).toBe(403);
    expect((await admin.upload('/beheer/adviseurs', fixture('good.csv'), 'a.csv', null)).status).toBe(403);
    expect((await admin.upload('/beheer/adviseurs', fixture('good.csv'), 'a.csv', 'wrong')).status).toBe(403);
    const table = JSON.stringify(await readTable(fixture('good.csv')));
    expect((await admin.post('/beheer/adviseurs/importeren', [['table', table]], null)).status).toBe(403);
    expect((await ministry.post('/beheer/adviseurs/importeren', [['table', table]])).status).toBe(403);
    expect(await count('advisors')).toBe(before);
  });
});

describe('an advisor’s overview, the call list and the call log', () => {
  let a: Awaited<ReturnType<typeof advisor>>;
  let b: Awaited<ReturnType<typeof advisor>>;
  let advA: Browser;
  let advB: Browser;
  const calls = () => count('calls');
  const reminders = () => count(`outbox WHERE kind = 'reminder'`);

  beforeAll(async () => {
    await resetAdvisors();
    await openEdition(db, 2023, '2023-12-01', clock);
    a = await advisor(db, 'Anna Noord', ['GM0014', 'GM0037', 'GM0047', 'GM1966', 'GM1969']);
    b = await advisor(db, 'Bart West', ['GM0363', 'GM0599']);
    advA = await Browser.as(app, db, clock, a.account.id);
    advB = await Browser.as(app, db, clock, b.account.id);
    await progress(db, 2023, 'GM0014', 'submitted');
    await progress(db, 2023, 'GM0037', 'started');
    await progress(db, 2023, 'GM0047', 'opened');
    await progress(db, 2023, 'GM1966', 'invited');
    await progress(db, 2023, 'GM0363', 'invited');
    await progress(db, 2023, 'GM0344', 'invited');
    await db.query(`UPDATE invitations SET invited_at = '2023-10-02T08:00:00Z' WHERE edition = 2023`);
    await db.query(`UPDATE invitations SET last_reminder_at = '2023-10-06T08:00:00Z' WHERE edition = 2023 AND municipality_code = 'GM0037'`);
    await db.query(
      `INSERT INTO contacts (edition, municipality_code, name, email, phone) VALUES
         (2023, 'GM1966', 'Jan Jansen', 'jan@hethogeland.example.nl', '0595 123 456'),
         (2023, 'GM0037', 'Sara Smit', 'sara@stadskanaal.example.nl', NULL),
         (2023, 'GM0363', 'Piet Post', 'piet@amsterdam.example.nl', '020 555 0000')`);
  });

  it('shows an advisor every municipality of the region with its status, last reminder and last call', async () => {
    const res = await advA.get('/beheer/mijn-gemeenten');
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    expect(doc.querySelector('h1')?.textContent).toBe('Mijn gemeenten');
    expect(doc.querySelector('caption')?.textContent).toBe('Gemeenten in de regio van Anna Noord, benchmark 2023');
    const rows = [...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => c.textContent?.trim()));
    expect(rows).toEqual([
      ['Groningen', 'Groningen', 'Verstuurd', '–'],
      ['Het Hogeland', 'Groningen', 'Uitgenodigd', '–'],
      ['Stadskanaal', 'Groningen', 'Begonnen', '6 oktober 2023'],
      ['Veendam', 'Groningen', 'Link geopend', '–'],
      ['Westerkwartier', 'Groningen', 'Niet uitgenodigd', '–'],
    ]);
    // A reminder button for those who were invited and have not sent the questionnaire.
    const buttons = [...doc.querySelectorAll('form[action$="/herinnering"]')].map((f) => f.getAttribute('action'));
    expect(buttons).toEqual(['/beheer/edities/2023/bellijst/GM1966/herinnering', '/beheer/edities/2023/bellijst/GM0037/herinnering', '/beheer/edities/2023/bellijst/GM0047/herinnering']);
    expect(text(doc.toString())).not.toMatch(/Amsterdam|Rotterdam|Utrecht/);
  });

  it('never shows an advisor another region: guessed URLs get 403 or 404 and change nothing', async () => {
    expect((await advA.get(`/beheer/adviseurs/${b.id}`)).status).toBe(403);
    expect((await advA.get(`/beheer/adviseurs/${a.id}`)).status).toBe(403);
    expect((await advA.get('/beheer/adviseurs')).status).toBe(403);
    expect((await advA.get('/beheer/edities/2023/bellijst/GM0363')).status).toBe(404);
    expect((await advA.get('/beheer/edities/2023/bellijst/GM0344')).status).toBe(404);
    const [c, r] = [await calls(), await reminders()];
    expect((await advA.post('/beheer/edities/2023/bellijst/GM0363', [['calledOn', '2023-10-09'], ['outcome', 'reached'], ['note', '']])).status).toBe(404);
    expect((await advA.post('/beheer/edities/2023/bellijst/GM0363/herinnering', [])).status).toBe(404);
    expect([await calls(), await reminders()]).toEqual([c, r]);
    const list = text(await (await advA.get('/beheer/edities/2023/bellijst')).text());
    expect(list).not.toMatch(/Amsterdam|Utrecht/);
    expect(text(await (await advB.get('/beheer/mijn-gemeenten')).text())).not.toMatch(/Groningen|Veendam/);
  });

  it('lets the bureau see any advisor’s overview and the ministry read it without buttons', async () => {
    expect((await admin.get('/beheer/mijn-gemeenten')).headers.get('location')).toBe('/beheer/adviseurs');
    const asAdmin = parse(await (await admin.get(`/beheer/adviseurs/${b.id}`)).text());
    expect(asAdmin.querySelector('h1')?.textContent).toBe('Gemeenten van Bart West');
    expect(asAdmin.querySelectorAll('form[action$="/herinnering"]').length).toBe(1);
    const res = await ministry.get(`/beheer/adviseurs/${b.id}`);
    expect(res.status).toBe(200);
    const asMinistry = parse(await res.text());
    expect([...asMinistry.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['Amsterdam', 'Rotterdam']);
    expect(asMinistry.querySelectorAll('main form[method=post]').length).toBe(0);
    expect(asMinistry.querySelector('main a[href*="/bellijst/"]')).toBeNull();
    for (const p of ['/beheer/edities/2023/bellijst', '/beheer/edities/2023/bellijst/GM0363']) expect((await ministry.get(p)).status).toBe(403);
    expect((await ministry.post('/beheer/edities/2023/bellijst/GM0363', [['calledOn', '2023-10-09'], ['outcome', 'reached']])).status).toBe(403);
    expect((await ministry.post('/beheer/edities/2023/bellijst/GM0363/herinnering', [])).status).toBe(403);
    expect((await admin.get('/beheer/adviseurs/999999')).status).toBe(404);
    expect((await admin.get('/beheer/mijn-gemeenten?editie=1999')).status).toBe(303);
    expect((await advA.get('/beheer/mijn-gemeenten?editie=1999')).status).toBe(404);
  });

  it('sends a reminder through the fieldwork module, at most one a day, and says why when it cannot', async () => {
    const send = (who: Browser, code: string, back = '/beheer/mijn-gemeenten?editie=2023') =>
      who.post(`/beheer/edities/2023/bellijst/${code}/herinnering`, [['terug', back]]);
    const before = await reminders();
    const sent = await send(advA, 'GM1966');
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/beheer/mijn-gemeenten?editie=2023&herinnering=sent&gemeente=GM1966');
    expect(await reminders()).toBe(before + 1);
    const page = parse(await (await advA.get(sent.headers.get('location')!)).text());
    expect(page.querySelector('[role=status]')?.textContent).toBe('De herinnering aan Het Hogeland is klaargezet en wordt zo verstuurd.');
    expect([...page.querySelectorAll('tbody tr')][1].querySelectorAll('td')[2].textContent).toBe('10 oktober 2023');
    expect((await send(advA, 'GM1966')).headers.get('location')).toContain('herinnering=too_soon');
    expect((await send(advA, 'GM0047')).headers.get('location')).toContain('herinnering=no_contact');
    expect((await send(advA, 'GM0014')).headers.get('location')).toContain('herinnering=submitted');
    expect((await send(advA, 'GM1969')).headers.get('location')).toContain('herinnering=not_invited');
    // Another site as the place to return to is ignored.
    expect((await send(admin, 'GM0363', 'https://evil.example/')).headers.get('location')).toBe('/beheer/edities/2023/bellijst?herinnering=sent&gemeente=GM0363');
    expect(await reminders()).toBe(before + 2);
    // A closed edition: no button, and a forced post sends nothing.
    expect(parse(await (await advA.get('/beheer/mijn-gemeenten?editie=2022')).text()).querySelectorAll('form[action$="/herinnering"]').length).toBe(0);
    await progress(db, 2022, 'GM0037', 'invited');
    expect((await advA.post('/beheer/edities/2022/bellijst/GM0037/herinnering', [])).headers.get('location')).toContain('herinnering=closed');
    expect(await reminders()).toBe(before + 2);
  });

  it('lists the non-responders by province and advisor with phone numbers; an advisor only theirs', async () => {
    const rowsOf = async (who: Browser) => [...parse(await (await who.get('/beheer/edities/2023/bellijst')).text()).querySelectorAll('tbody tr')]
      .map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 5).map((c) => c.textContent?.replace(/\s+/g, ' ').trim()));
    expect(await rowsOf(admin)).toEqual([
      ['Groningen', 'Anna Noord', 'Het Hogeland', 'Uitgenodigd', '0595 123 456 (Jan Jansen)'],
      ['Groningen', 'Anna Noord', 'Stadskanaal', 'Begonnen', 'Niet bekend'],
      ['Groningen', 'Anna Noord', 'Veendam', 'Link geopend', 'Niet bekend'],
      ['Noord-Holland', 'Bart West', 'Amsterdam', 'Uitgenodigd', '020 555 0000 (Piet Post)'],
      ['Utrecht', 'Geen adviseur', 'Utrecht', 'Uitgenodigd', 'Niet bekend'],
    ]);
    expect((await rowsOf(advA)).map((r) => r[2])).toEqual(['Het Hogeland', 'Stadskanaal', 'Veendam']);
    expect((await advA.get('/beheer/bellijst')).headers.get('location')).toBe('/beheer/edities/2023/bellijst');
  });

  it('logs a call: date required, not in the future, outcome from the list, note not too long', async () => {
    const url = '/beheer/edities/2023/bellijst/GM0037';
    const form = await (await advA.get(url)).text();
    expect(formFields(form, `form[action="${url}"]`).find(([k]) => k === 'calledOn')?.[1]).toBe('2023-10-10');
    const cases: [[string, string][], string, string][] = [
      [[['calledOn', ''], ['outcome', 'reached']], '#calledOn', 'Vul de datum van het gesprek in'],
      [[['calledOn', '2023-02-30'], ['outcome', 'reached']], '#calledOn', 'Vul een bestaande datum in'],
      [[['calledOn', '11-10-2023'], ['outcome', 'reached']], '#calledOn', 'Vul een bestaande datum in'],
      [[['calledOn', '2023-10-11'], ['outcome', 'reached']], '#calledOn', 'De datum ligt in de toekomst'],
      [[['calledOn', '0202-10-01'], ['outcome', 'reached']], '#calledOn', 'De datum ligt voor 2019'],
      [[['calledOn', '2023-10-09']], '#outcome-reached', 'Kies de uitkomst van het gesprek'],
      [[['calledOn', '2023-10-09'], ['outcome', 'shouted']], '#outcome-reached', 'Kies de uitkomst van het gesprek'],
      [[['calledOn', '2023-10-09'], ['outcome', 'other'], ['note', 'x'.repeat(2001)]], '#note', 'De notitie is te lang: gebruik maximaal 2000 tekens'],
    ];
    for (const [fields, href, message] of cases) {
      const res = await advA.post(url, fields);
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      const doc = parse(await res.text());
      expect(doc.querySelector(`.error-summary a[href="${href}"]`)?.textContent).toContain(message);
      expect(doc.querySelector('title')?.textContent).toMatch(/^Fout: /);
    }
    expect(await calls()).toBe(0);
    const saved = await advA.post(url, [['calledOn', '2023-10-09'], ['outcome', 'will_fill_in'], ['note', 'Vult het deze week in.\r\nBelt terug.']]);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/beheer/edities/2023/bellijst?vastgelegd=GM0037');
    const list = parse(await (await advA.get(saved.headers.get('location')!)).text());
    expect(list.querySelector('[role=status]')?.textContent).toBe('Het gesprek met Stadskanaal is vastgelegd.');
    expect(list.querySelector('#GM0037')?.textContent).toContain('9 oktober 2023: Gaat de vragenlijst invullen');
    const history = parse(await (await admin.get(url)).text()).querySelector('table caption')?.closest('table');
    expect(history?.querySelector('tbody tr')?.textContent?.replace(/\s+/g, ' ')).toContain('Vult het deze week in. Belt terug.Anna Noord');
    expect(await calls()).toBe(1);
  });

  it('refuses a call or reminder without the right CSRF token, or from another site', async () => {
    const url = '/beheer/edities/2023/bellijst/GM0037';
    const n = await calls();
    const fields: [string, string][] = [['calledOn', '2023-10-09'], ['outcome', 'reached']];
    expect((await advA.post(url, fields, null)).status).toBe(403);
    expect((await advA.post(url, fields, advB.csrf)).status).toBe(403);
    const crossSite = await advA.request(url, {
      method: 'POST', body: new URLSearchParams([['_csrf', advA.csrf], ...fields]),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await advA.post(`${url}/herinnering`, [], 'nope')).status).toBe(403);
    expect(await calls()).toBe(n);
  });

  it('sends signed-out visitors and respondents to sign in, also for a POST', async () => {
    const token = await createPersonalLink(db, 2023, 'GM0037');
    const visitor = new Browser(app);
    const opened = await visitor.get(`/v/${token}`);
    expect(opened.status).toBe(200);
    visitor.cookie = opened.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const n = await calls();
    for (const p of ['/beheer/mijn-gemeenten', `/beheer/adviseurs/${a.id}`, '/beheer/adviseurs', '/beheer/bellijst', '/beheer/edities/2023/bellijst', '/beheer/edities/2023/bellijst/GM0037']) {
      const res = await visitor.get(p);
      expect(res.status, p).toBe(303);
      expect(res.headers.get('location'), p).toBe(`/inloggen?terug=${encodeURIComponent(p)}`);
    }
    const post = await visitor.post('/beheer/edities/2023/bellijst/GM0037', [['calledOn', '2023-10-09'], ['outcome', 'reached']], null);
    expect(post.headers.get('location')).toMatch(/^\/inloggen/);
    expect((await visitor.upload('/beheer/adviseurs', fixture('good.csv'), 'a.csv', null)).status).toBe(303);
    expect(await calls()).toBe(n);
  });

  it('an advisor without a region is told so, and speaks English when asked', async () => {
    const lonely = await Browser.as(app, db, clock, (await account(db, 'advisor')).id);
    expect(text(await (await lonely.get('/beheer/mijn-gemeenten')).text())).toContain('Er zijn (nog) geen gemeenten aan u toegewezen.');
    expect((await lonely.get('/beheer/edities/2023/bellijst/GM0014')).status).toBe(404);
    const en = parse(await (await advA.get('/beheer/mijn-gemeenten?lang=en')).text());
    expect(en.querySelector('h1')?.textContent).toBe('My municipalities');
    expect(en.querySelector('th[scope=col]')?.textContent).toBe('Municipality');
  });

  // Last: a session made at a later hour clears the earlier ones (they have expired by then).
  it('counts "today" in Dutch time: at 00:30 in Amsterdam a call of that day is not in the future', async () => {
    const evening = new Date('2023-10-10T22:30:00Z');
    const late = await Browser.as(testApp(db, () => evening), db, evening, a.account.id);
    const res = await late.post('/beheer/edities/2023/bellijst/GM0047', [['calledOn', '2023-10-11'], ['outcome', 'voicemail']]);
    expect(res.headers.get('location')).toBe('/beheer/edities/2023/bellijst?vastgelegd=GM0047');
    expect((await late.post('/beheer/edities/2023/bellijst/GM0047', [['calledOn', '2023-10-12'], ['outcome', 'voicemail']])).status).toBe(400);
    expect(await count(`calls WHERE municipality_code = 'GM0047' AND called_at = '2023-10-11'`)).toBe(1);
  });
});
