// Issue 18.6: the response over time as figure 3 of the national report's Aanpak chapter, on the
// public response page and in the PDF, with the fieldwork steps as its table; the question figures
// number on from 4 and {figuur.verloop} points to it. A small fieldwork, worked out by hand:
// 10 invited on 2 October; 2 submit on the 3rd, 1 on the 5th (3 of 10 = 30%); a reminder to the
// other 7 on the 9th; 1 submits that day and 2 on the 10th (6 = 60%); the bureau calls 2 on the
// 16th; 1 submits on the 17th (7 = 70%).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createAccount } from '../src/modules/auth/index.ts';
import { openEdition, publishEdition } from '../src/modules/editions/index.ts';
import { amsterdamInstant } from '../src/modules/fieldwork/index.ts';
import { enqueue } from '../src/modules/mail/index.ts';
import { createResolver } from '../src/modules/report-text/placeholder.model.ts';
import { buildNationalReportPdf, loadResults, nationalResultsRoutes } from '../src/modules/reports/national/index.ts';
import type { AppEnv } from '../src/web/context.ts';
import { language } from '../src/web/lang.ts';
import { parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2023-12-01T10:00:00Z');
const INVITED = ['GM0344', 'GM0307', 'GM0353', 'GM0356', 'GM0321', 'GM0340', 'GM0310', 'GM0312', 'GM0313', 'GM0363'];
const SUBMITTED: Array<[string, string]> = [
  ['GM0344', '2023-10-03'], ['GM0307', '2023-10-03'], ['GM0353', '2023-10-05'],
  ['GM0356', '2023-10-09'], ['GM0321', '2023-10-10'], ['GM0340', '2023-10-10'], ['GM0310', '2023-10-17'],
];
let db: Db;
let app: Hono<AppEnv>;

const at = (day: string, time = '10:00') => amsterdamInstant(day, time)!;
const mail = (kind: 'invitation' | 'reminder', code: string, day: string) =>
  enqueue(db, { idempotencyKey: `${kind}:2023:${code}:${day}`, kind, to: `${code}@example.nl`, subject: kind, text: kind, edition: 2023, municipalityCode: code }, at(day));

beforeAll(async () => {
  db = await createTestDb();
  await openEdition(db, 2023, '2023-10-31', at('2023-10-01'));
  await db.query('INSERT INTO invitations (edition, municipality_code, invited_at) SELECT 2023, unnest($1::text[]), $2', [INVITED, at('2023-10-02')]);
  for (const code of INVITED) await mail('invitation', code, '2023-10-02');
  for (const [code, day] of SUBMITTED.filter(([, d]) => d < '2023-10-09')) {
    await db.query(`INSERT INTO responses (edition, municipality_code, status, submitted_at) VALUES (2023, $1, 'submitted', $2)`, [code, at(day, '14:00')]);
  }
  const early = new Set(SUBMITTED.filter(([, d]) => d < '2023-10-09').map(([c]) => c));
  for (const code of INVITED.filter((c) => !early.has(c))) await mail('reminder', code, '2023-10-09');
  for (const [code, day] of SUBMITTED.filter(([, d]) => d >= '2023-10-09')) {
    await db.query(`INSERT INTO responses (edition, municipality_code, status, submitted_at) VALUES (2023, $1, 'submitted', $2)`, [code, at(day, '14:00')]);
  }
  const bureau = await createAccount(db, { email: 'bureau@example.nl', name: 'Bureau', role: 'admin' }, at('2023-09-01'));
  await db.query(`INSERT INTO calls (edition, municipality_code, called_at, outcome, account_id) VALUES (2023, 'GM0310', '2023-10-16', 'reached', $1), (2023, 'GM0312', '2023-10-16', 'voicemail', $1)`, [bureau.id]);
  await publishEdition(db, 2023, now);
  app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', { db, config, now: () => now });
    await next();
  });
  app.use(language);
  app.route('/', nationalResultsRoutes);
});
afterAll(async () => {
  await db?.close();
});

const rowsOf = (html: string, caption: RegExp) => {
  const table = [...parse(html).querySelectorAll('table')].find((t) => caption.test(t.querySelector('caption')?.textContent ?? ''));
  return [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()));
};

describe('the response over time in the national report (issue 18.6)', () => {
  it('is figure 3 on the public response page, with the steps and what came in after each', async () => {
    const html = await (await app.request('/resultaten/2023/respons')).text();
    const doc = parse(html);
    const figure = doc.querySelector('#verloop figure');
    expect(figure?.querySelector('svg')?.getAttribute('role')).toBe('img');
    expect(figure?.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Figuur 3. Respons per dag van het veldwerk 2023, met de genummerde stappen uit de tabel');
    expect(rowsOf(html, /^Stappen van het veldwerk 2023 en wat daarna binnenkwam \(bij figuur 3\)/)).toEqual([
      ['1. Uitnodiging per e-mail', '2 oktober 2023', '10', '3', '30%'],
      ['2. Herinnering per e-mail', '9 oktober 2023', '7', '3', '60%'],
      ['3. Belronde van het bureau', '16 oktober 2023', '2', '1', '70%'],
    ]);
    // The markers are numbered as the table: 1, 2, 3.
    expect([...(figure?.querySelectorAll('svg text') ?? [])].map((t) => t.textContent).filter((t) => /^[1-3]$/.test(t ?? ''))).toEqual(['1', '2', '3']);
    // In English too.
    const en = await (await app.request('/resultaten/2023/respons?lang=en')).text();
    expect(rowsOf(en, /^Fieldwork steps 2023/)[0]).toEqual(['1. Invitation by e-mail', '2 October 2023', '10', '3', '30%']);
  });

  it('numbers the question figures on from 4, and {figuur.verloop} points to it', async () => {
    const data = (await loadResults(db, 2023))!;
    expect(createResolver(data, 'nl').resolve('figuur.verloop')).toMatchObject({ ok: true, text: 'figuur 3', figure: { number: 3, href: '/resultaten/2023/respons#verloop' } });
    const first = data.questionnaire.themes[0];
    const html = await (await app.request(`/resultaten/2023/thema/${first.key}`)).text();
    expect(text(html)).toContain('Figuur 4.');
    expect(text(html)).not.toContain('Figuur 3.');
    expect(createResolver(data, 'nl').catalogue()[0].entries.map((e) => e.name)).toContain('figuur.verloop');
  });

  it('stands in the PDF with its caption and table, its numbers also in the alt text', async () => {
    const pdf = (await buildNationalReportPdf(db, 2023, { now }))!;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-')), 'rapport.pdf');
    fs.writeFileSync(file, pdf);
    const words = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(words).toContain('Figuur 3. Respons per dag van het veldwerk 2023');
    expect(words).toMatch(/2\. Herinnering per e-mail 9 oktober 2023 7 3 60%/);
    // The figure's alternative text in the structure tree states the steps' numbers.
    const reader = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
    const alts: string[] = [];
    type Raw = { alt?: string; children?: Raw[] };
    const walk = (n: Raw) => { if (n.alt) alts.push(n.alt); n.children?.forEach(walk); };
    for (let i = 1; i <= reader.numPages; i++) walk(((await (await reader.getPage(i)).getStructTree()) ?? {}) as Raw);
    await reader.destroy();
    const alt = alts.find((a) => a.startsWith('Respons per dag van het veldwerk 2023'));
    expect(alt).toContain('De respons loopt op van 0% (2 oktober 2023) tot 70% (31 oktober 2023).');
    expect(alt).toContain('2. Herinnering per e-mail, 9 oktober 2023: gemeenten bereikt 7, verstuurd tot de volgende stap 3, respons daarna 60%.');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
