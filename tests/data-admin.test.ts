// /beheer/gegevens: downloads for admin and ministry, the answers upload with a check first (admin only).
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { parse, text } from './html.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2023-02-01T10:00:00Z');
let db: Db;
let app: ReturnType<typeof createApp>;
const valid = fs.readFileSync('tests/fixtures/responses/valid-2021-2022.csv');
const invalid = fs.readFileSync('tests/fixtures/responses/invalid-2022.csv');
const csv = (b: Buffer) => new Blob([new Uint8Array(b)], { type: 'text/csv' });
const submitted = async () => (await db.query('SELECT 1 FROM responses WHERE submitted_at IS NOT NULL')).length;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => now });
});
afterAll(async () => db?.close());

describe('answers upload', () => {
  it('a file with errors is refused with line numbers and nothing is saved', async () => {
    const admin = await signedInAs(app, db, 'admin', now);
    const res = await admin.upload('/beheer/gegevens/import', { bestand: csv(invalid) }, 'fout.csv');
    expect(res.status).toBe(422);
    const doc = parse(await res.text());
    const rows = [...doc.querySelectorAll('tbody tr')];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => /^\d+$/.test(r.querySelector('td')?.textContent ?? ''))).toBe(true);
    expect(doc.querySelector('form[action="/beheer/gegevens/import/bevestigen"]')).toBeNull();
    expect(await submitted()).toBe(0);
  });

  it('no file: an error summary and the message at the field', async () => {
    const admin = await signedInAs(app, db, 'admin', now);
    const res = await admin.upload('/beheer/gegevens/import', {});
    expect(res.status).toBe(400);
    const doc = parse(await res.text());
    expect(doc.querySelector('.error-summary a')?.getAttribute('href')).toBe('#bestand');
    expect(doc.querySelector('#bestand-error')?.textContent).toContain('Kies een CSV-bestand');
  });

  it('a good file: a check first (nothing saved), then the import on confirmation, once', async () => {
    const admin = await signedInAs(app, db, 'admin', now);
    const res = await admin.upload('/beheer/gegevens/import', { bestand: csv(valid) }, 'goed.csv');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(text(html)).toMatch(/Het bestand is in orde: \d+ vragenlijsten/);
    expect(await submitted()).toBe(0);
    const upload = parse(html).querySelector('input[name=upload]')?.getAttribute('value') as string;
    const other = await signedInAs(app, db, 'admin', now);
    expect((await other.post('/beheer/gegevens/import/bevestigen', [['upload', upload]])).headers.get('location')).toBe('/beheer/gegevens?klaar=verlopen');
    expect(await submitted()).toBe(0); // another admin cannot confirm someone else's upload
    const done = await admin.post('/beheer/gegevens/import/bevestigen', [['upload', upload]]);
    expect(done.status).toBe(303);
    const notice = parse(await (await admin.get(done.headers.get('location') ?? '')).text()).querySelector('[role=status]');
    expect(notice?.textContent).toMatch(/^Geïmporteerd: [1-9]\d* nieuw, 0 vervangen, 0 ongewijzigd\.$/);
    const after = await submitted();
    expect(after).toBeGreaterThan(0);
    await admin.post('/beheer/gegevens/import/bevestigen', [['upload', upload]]);
    expect(await submitted()).toBe(after);
  });

  it('the notice after an import is rebuilt from numbers: text in the address never reaches the page', async () => {
    const admin = await signedInAs(app, db, 'admin', now);
    const html = await (await admin.get('/beheer/gegevens?klaar=Uw%20account%20is%20geblokkeerd&nieuw=%3Cb%3E')).text();
    expect(html).not.toContain('geblokkeerd');
    expect(parse(html).querySelector('[role=status]')).toBeNull();
    const faked = parse(await (await admin.get('/beheer/gegevens?klaar=geimporteerd&nieuw=bel%20ons')).text());
    expect(faked.querySelector('[role=status]')?.textContent).toBe('Geïmporteerd: 0 nieuw, 0 vervangen, 0 ongewijzigd.');
  });

  it('needs CSRF, and only the bureau may upload', async () => {
    const admin = await signedInAs(app, db, 'admin', now);
    const noCsrf = await admin.post('/beheer/gegevens/import', [], { csrf: false });
    expect(noCsrf.status).toBe(403);
    const ministry = await signedInAs(app, db, 'ministry', now);
    expect((await ministry.upload('/beheer/gegevens/import', { bestand: csv(valid) })).status).toBe(403);
    const advisor = await signedInAs(app, db, 'advisor', now);
    expect((await advisor.get('/beheer/gegevens')).status).toBe(403);
    const anonymous = await app.request('/beheer/gegevens/2022/antwoorden.csv');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/inloggen');
  });
});

describe('downloads', () => {
  it('the ministry downloads answers and statistics', async () => {
    const ministry = await signedInAs(app, db, 'ministry', now);
    const page = text(await (await ministry.get('/beheer/gegevens')).text());
    expect(page).toContain('Downloads');
    expect(page).not.toContain('Antwoorden importeren');
    const long = await ministry.get('/beheer/gegevens/2022/antwoorden.csv');
    expect(long.headers.get('content-disposition')).toContain('2022-antwoorden.csv');
    expect((await long.text()).split(/\r?\n/)[0]).toBe('edition,municipality_code,question,item,value,other_text,comment');
    const stats = await (await ministry.get('/beheer/gegevens/2022/statistieken.csv')).text();
    expect(stats.split('\n')[0]).toBe('edition,scope,question,item,option,count,n,percent');
    const json = JSON.parse(await (await ministry.get('/beheer/gegevens/2022/statistieken.json')).text());
    expect(json.some((r: { suppressed?: boolean }) => r.suppressed === true)).toBe(true); // few respondents: hidden for the public
    const xlsx = await ministry.get('/beheer/gegevens/2022/antwoorden.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['Antwoorden', 'Codeboek']);
    expect(await (await ministry.get('/beheer/gegevens/2022/antwoorden.sps')).text()).toContain('VALUE LABELS');
    expect((await ministry.get('/beheer/gegevens/1999/antwoorden.csv')).status).toBe(404);
    expect((await ministry.get('/beheer/gegevens/2022/iets-anders.txt')).status).toBe(404);
  });
});
