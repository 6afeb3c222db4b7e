// The report text editor in /beheer (issue 18.1–2) over HTTP, as a browser without JavaScript
// posts it: the chapter list, the Voorbeeld button (a problem shown at the placeholder, nothing
// saved), saving, a stale save refused with both texts kept, chapters added, and publishing the
// edition refused while a placeholder does not resolve.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { getEdition } from '../src/modules/editions/index.ts';
import { chapterStates } from '../src/modules/report-text/index.ts';
import { parse, text } from './html.ts';
import { seedReportTextData } from './report-text-fixtures.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2023-03-01T10:00:00Z');
let db: Db;
let app: ReturnType<typeof createApp>;
let admin: Awaited<ReturnType<typeof signedInAs>>;
let colleague: Awaited<ReturnType<typeof signedInAs>>;
const BASE = '/beheer/edities/2022/rapporttekst';

beforeAll(async () => {
  db = await createTestDb();
  await seedReportTextData(db, now);
  app = createApp({ db, config, now: () => now });
  admin = await signedInAs(app, db, 'admin', now);
  colleague = await signedInAs(app, db, 'admin', now);
});
afterAll(async () => db?.close());

describe('report text editor', () => {
  it('lists the default chapters; only the bureau may write', async () => {
    const res = await admin.get(BASE);
    expect(res.status).toBe(200);
    const t = text(await res.text());
    for (const s of ['Rapporttekst 2022', 'Samenvatting', 'Inleiding', 'Aanpak en respons', 'Conclusies en aanbevelingen']) expect(t).toContain(s);
    const ministry = await signedInAs(app, db, 'ministry', now);
    expect((await ministry.get(BASE)).status).toBe(403);
    // the edition page links to it
    expect(await (await admin.get('/beheer/edities/2022')).text()).toContain(`href="${BASE}"`);
  });

  it('previews without saving: numbers resolved, a problem marked where it stands and listed in the error summary', async () => {
    const res = await admin.post(`${BASE}/inleiding?taal=nl`, [['revisie', '0'], ['actie', 'voorbeeld'], ['tekst', 'Er deden **{respons.ingevuld}** gemeenten mee; {vraag.bestaat_niet.ja.percent}% (zie {figuur.week_tegen_eenzaamheid}).']]);
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    const preview = doc.querySelector('#voorbeeld');
    expect(preview?.querySelector('strong')?.textContent).toBe('12');
    expect(preview?.querySelector('mark#plaatshouder-2')?.textContent).toContain('{vraag.bestaat_niet.ja.percent} (onbekende plaatshouder)');
    expect(preview?.textContent).toMatch(/zie figuur \d+/);
    expect(doc.querySelector('.error-summary a[href="#plaatshouder-2"]')).not.toBeNull();
    expect(doc.querySelector('textarea#tekst')?.textContent).toContain('{vraag.bestaat_niet.ja.percent}');
    // the insert list shows placeholders with their values
    expect(doc.querySelector('main')?.textContent).toContain('{respons.ingevuld}');
    expect((await chapterStates(db, 2022)).find((c) => c.slug === 'inleiding')?.drafts.nl).toBeUndefined();
  });

  it('saves a draft with who and when; a colleague\'s stale save is refused with both texts kept', async () => {
    const saved = await admin.post(`${BASE}/inleiding?taal=nl`, [['revisie', '0'], ['actie', 'opslaan'], ['tekst', 'Eerste versie met {respons.percent}%.']]);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${BASE}/inleiding?taal=nl&opgeslagen=1`);
    const shown = parse(await (await admin.get(saved.headers.get('location') ?? '')).text());
    expect(shown.querySelector('[role="status"]')?.textContent).toContain('Opgeslagen als concept (versie 1)');
    expect(shown.querySelector('#voorbeeld')?.textContent).toContain('Eerste versie met 75%.');
    expect(shown.querySelector('main')?.textContent).toContain(admin.account.name);
    // the colleague opened the page at revision 0 as well
    const stale = await colleague.post(`${BASE}/inleiding?taal=nl`, [['revisie', '0'], ['actie', 'opslaan'], ['tekst', 'Tekst van de collega.']]);
    expect(stale.status).toBe(409);
    const doc = parse(await stale.text());
    expect(doc.querySelector('[role="alert"]')?.textContent).toContain(`Niet opgeslagen: ${admin.account.name} heeft deze tekst intussen opgeslagen`);
    expect(doc.querySelector('textarea#tekst')?.textContent).toBe('Tekst van de collega.');
    expect(doc.querySelector('pre.report-text-source')?.textContent).toBe('Eerste versie met {respons.percent}%.');
    expect(doc.querySelector('input[name="revisie"]')?.getAttribute('value')).toBe('1');
    expect((await chapterStates(db, 2022)).find((c) => c.slug === 'inleiding')?.drafts.nl?.body).toBe('Eerste versie met {respons.percent}%.');
  });

  it('offers the whole report with the current drafts as a concept PDF', async () => {
    const res = await admin.get(`${BASE}/concept.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-pdf-'));
    const file = path.join(dir, 'c.pdf');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const t = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(t).toContain('Eerste versie met 75%.');
    expect(t).toContain('CONCEPT – nog niet gepubliceerd');
  });

  it('adds a chapter, refusing a bad or taken short name', async () => {
    const bad = await admin.post(`${BASE}/hoofdstukken`, [['slug', 'Bijlage A'], ['titel-nl', 'Bijlage'], ['titel-en', 'Annex']]);
    expect(bad.status).toBe(400);
    expect(text(await bad.text())).toContain('Geef een korte naam van kleine letters');
    const taken = await admin.post(`${BASE}/hoofdstukken`, [['slug', 'inleiding'], ['titel-nl', 'Nog een'], ['titel-en', '']]);
    expect(taken.status).toBe(400);
    const ok = await admin.post(`${BASE}/hoofdstukken`, [['slug', 'bijlage-methode'], ['titel-nl', 'Bijlage: methode'], ['titel-en', 'Annex: method']]);
    expect(ok.status).toBe(303);
    const slugs = (await chapterStates(db, 2022)).map((c) => c.slug);
    expect(slugs.at(-2)).toBe('bijlage-methode');
    expect(slugs.at(-1)).toBe('conclusies');
  });

  it('publishing the edition is refused while a placeholder does not resolve, and says which', async () => {
    await admin.post(`${BASE}/samenvatting?taal=en`, [['revisie', '0'], ['actie', 'opslaan'], ['tekst', 'Response {respons.percent}% and {respons.jaar}.']]);
    const confirm = await admin.get('/beheer/edities/2022/publiceren');
    expect(text(await confirm.text())).toContain('De rapporttekst heeft 1 plaatshouder(s) die niet kloppen: {respons.jaar}');
    const refused = await admin.post('/beheer/edities/2022/publiceren', []);
    expect(refused.status).toBe(409);
    expect(text(await refused.text())).toContain('{respons.jaar}');
    expect((await getEdition(db, 2022))?.publishedAt).toBeNull();
    const list = text(await (await admin.get(BASE)).text());
    expect(list).toContain('{respons.jaar} in Samenvatting (EN): onbekende plaatshouder');
    await admin.post(`${BASE}/samenvatting?taal=en`, [['revisie', '1'], ['actie', 'opslaan'], ['tekst', 'Response {respons.percent}%.']]);
    const published = await admin.post('/beheer/edities/2022/publiceren', []);
    expect(published.status).toBe(303);
    expect((await getEdition(db, 2022))?.publishedAt).not.toBeNull();
  });
});

describe('an edition that does not exist', () => {
  it('is a 404 on every report text page, never a 500', async () => {
    const base = '/beheer/edities/2099/rapporttekst';
    for (const p of [base, `${base}/samenvatting`, `${base}/samenvatting/verwijderen`, `${base}/concept.pdf`]) expect((await admin.get(p)).status, p).toBe(404);
    for (const p of [`${base}/samenvatting`, `${base}/samenvatting/voorbeeld`, `${base}/samenvatting/titel`, `${base}/samenvatting/verplaatsen`, `${base}/samenvatting/verwijderen`, `${base}/hoofdstukken`, `${base}/opzet`, `${base}/publiceren`]) {
      expect((await admin.post(p, [['tekst', 'x'], ['revisie', '0'], ['titel-nl', 'x'], ['slug', 'x']])).status, p).toBe(404);
    }
  });
});
