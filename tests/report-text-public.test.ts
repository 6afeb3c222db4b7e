// The published report text on the public results pages and in the national PDF (issue 18.1–2):
// the same chapter, the same numbers (resolved from the data), figure references with the charts'
// numbers, anything the bureau types printed literally (never read as Typst or HTML), drafts
// never public.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { changeState } from '../src/modules/edition-admin/index.ts';
import { editionData, ensureChapters, saveDraft } from '../src/modules/report-text/index.ts';
import { buildNationalReportPdf } from '../src/modules/reports/national/index.ts';
import { figureNumbers } from '../src/modules/reports/national/figures.ts';
import { parse } from './html.ts';
import { seedReportTextData } from './report-text-fixtures.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2023-03-01T10:00:00Z');
let db: Db;
let app: ReturnType<typeof createApp>;
let tmp: string;
let figure = 0;
let themeKey = '';

const HOSTILE = 'Letterlijk: #set page(width: 1cm) ] [ "x" \\ $a$ <b>vet</b> @ref = == * _ `';
const save = (slug: string, lang: 'nl' | 'en', body: string, rev = 0) => saveDraft(db, { year: 2022, slug, lang, body, expectedRevision: rev, now, accountId: null, via: 'cli' });

function pdfText(pdf: Buffer): string {
  const file = path.join(tmp, `r-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  db = await createTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-text-pdf-'));
  await seedReportTextData(db, now);
  app = createApp({ db, config, now: () => now });
  const chapters = await ensureChapters(db, 2022);
  themeKey = chapters.find((c) => c.theme)?.theme ?? '';
  figure = figureNumbers(await editionData(db, 2022)).get('week_tegen_eenzaamheid') ?? 0;
  await save('samenvatting', 'nl', `Dit jaar vulden **{respons.ingevuld}** van de {respons.uitgenodigd} gemeenten de vragenlijst in ({respons.percent}%). Van hen doet {vraag.week_tegen_eenzaamheid.ja.percent}% mee aan de Week (zie {figuur.week_tegen_eenzaamheid}).\n\n${HOSTILE}`);
  await save('samenvatting', 'en', 'This year **{respons.ingevuld}** municipalities responded (see {figuur.week_tegen_eenzaamheid}).');
  await save('inleiding', 'nl', '# Achtergrond\n\nTekst met een lijst:\n\n- een\n- twee\n\n## Dieper\n\n### Nog dieper\n\n1. eerst\n2. dan\n\n> citaat\n\n| kolom | waarde |\n| --- | --- |\n| panel | {panel.n} |\n\n[Movisie](https://www.movisie.nl) en `code`.');
  await save(themeKey, 'nl', 'Over dit thema: {vraag.week_tegen_eenzaamheid.ja.aantal} gemeenten.');
  await save('conclusies', 'nl', 'Tot slot: {respons.vorige.ingevuld} gemeenten in 2021.');
  await changeState(db, 2022, 'publish', now);
  // a later draft is not public until published again
  await save('samenvatting', 'nl', 'CONCEPT-NIET-OPENBAAR', 1);
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('public results pages', () => {
  it('the summary page shows the Samenvatting with the numbers from the data, links the figure, escapes HTML', async () => {
    const html = await (await app.request('/resultaten/2022')).text();
    const doc = parse(html);
    const text = doc.querySelector('.report-text')?.textContent ?? '';
    expect(text).toContain('Dit jaar vulden 12 van de 16 gemeenten de vragenlijst in (75%). Van hen doet 72,7% mee aan de Week');
    expect(text).toContain(`(zie figuur ${figure})`);
    expect(doc.querySelector('.report-text a')?.getAttribute('href')).toMatch(/^\/resultaten\/2022\/thema\//);
    expect(text).toContain('<b>vet</b>');
    expect(html).not.toContain('CONCEPT-NIET-OPENBAAR');
  });

  it('the report page has every chapter in order; a theme page has its chapter; English falls back to Dutch per chapter', async () => {
    const doc = parse(await (await app.request('/resultaten/2022/rapport')).text());
    const heads = [...doc.querySelectorAll('main section > h2')].map((h) => h.textContent);
    expect(heads[0]).toBe('Samenvatting');
    expect(heads[1]).toBe('Inleiding');
    expect(heads.at(-1)).toBe('Conclusies en aanbevelingen');
    expect(doc.querySelector('#h-inleiding ~ .report-text h3')?.textContent).toBe('Achtergrond');
    expect(doc.querySelector('main')?.textContent).toContain('Tot slot: 8 gemeenten in 2021.');
    const theme = await (await app.request(`/resultaten/2022/thema/${themeKey}`)).text();
    expect(parse(theme).querySelector('.report-text')?.textContent).toContain('Over dit thema: 8 gemeenten.');
    const en = parse(await (await app.request('/resultaten/2022/rapport?lang=en')).text());
    expect(en.querySelector('main')?.textContent).toContain(`This year 12 municipalities responded (see figure ${figure}).`);
    expect(en.querySelector('#h-inleiding ~ .report-text')?.getAttribute('lang')).toBe('nl');
  });
});

describe('national PDF', () => {
  it('carries the chapters with the same numbers and figure numbers, the bureau\'s characters literally', async () => {
    const pdf = await buildNationalReportPdf(db, 2022, { now });
    expect(pdf).toBeDefined();
    const t = pdfText(pdf as Buffer).replace(/\s+/g, ' ');
    expect(t).toContain('Dit jaar vulden 12 van de 16 gemeenten de vragenlijst in (75%).');
    expect(t).toContain(`Van hen doet 72,7% mee aan de Week (zie figuur ${figure}).`);
    expect(t).toContain(`Figuur ${figure}.`);
    expect(t).toContain('Letterlijk: #set page(width: 1cm) ] [ "x" \\ $a$ <b>vet</b> @ref = == * _ `');
    expect(t).toContain('Over dit thema: 8 gemeenten.');
    expect(t).toContain('Tot slot: 8 gemeenten in 2021.');
    expect(t).toMatch(/Inleiding.*Achtergrond.*een.*twee.*Dieper.*Nog dieper.*citaat.*panel 4.*Movisie en code/);
    expect(t).not.toContain('CONCEPT-NIET-OPENBAAR');
  });
});
