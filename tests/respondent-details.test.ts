// What a municipal official notices on the questionnaire pages (issue 20): the start page says how
// long it takes and whom to ask; every question page has a back link; "Wijzig" on the check page
// brings you back there after saving; a long text field says how many characters it takes; a
// matrix with a blank row is not "Klaar" and the check page names the blank row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import { loadQuestionnaireFile } from '../src/modules/questionnaire/index.ts';
import { estimatedMinutes, isComplete } from '../src/modules/responses/answer-form.ts';
import { parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false, contactEmail: 'benchmark@bureau.example.nl' };
let db: Db;
const clock = new Date('2022-10-01T10:00:00Z');
let app: ReturnType<typeof createApp>;
let base: string;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => clock });
  await openEdition(db, 2022, '2022-12-31', clock);
  base = `/v/${await createPersonalLink(db, 2022, 'GM0363')}`;
});
afterAll(async () => db?.close());

const get = async (path: string) => (await app.request(path)).text();
const post = (path: string, fields: [string, string][]) =>
  app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('from the questionnaire itself (pure)', () => {
  it('the time it takes: half a minute a choice, a minute a multiple choice, a quarter a matrix row, two an open question, up to five', () => {
    const qn = loadQuestionnaireFile(new URL('../data/questionnaires/2022.json', import.meta.url).pathname);
    // 2022: 11 single (5.5), 5 multi (5), one matrix of 7 rows (1.75): 12.25 → 15? See the count below.
    const count = { single: 0, multi: 0, matrix: 0, text: 0 } as Record<string, number>;
    for (const q of qn.questions) count[q.type] += q.type === 'matrix' ? q.items?.length ?? 0 : 1;
    const minutes = count.single * 0.5 + count.multi + count.matrix * 0.25 + count.text * 2;
    expect(estimatedMinutes(qn)).toBe(Math.max(5, Math.ceil(minutes / 5) * 5));
    expect(estimatedMinutes({ ...qn, questions: qn.questions.slice(0, 2) })).toBe(5);
    const matrix = qn.questions.find((q) => q.type === 'matrix')!;
    expect(isComplete(matrix, { items: { adviseurs: 'ingezet' } })).toBe(false);
    expect(isComplete(matrix, { items: Object.fromEntries((matrix.items ?? []).map((i) => [i.code, 'bekend'])) })).toBe(true);
  });
});

describe('the pages', () => {
  it('the start page says how long it takes and whom to mail', async () => {
    const page = text(await get(base));
    expect(page).toMatch(/Het invullen duurt ongeveer \d+ minuten\. U kunt de vragenlijst invullen tot en met 31 december 2022\./);
    expect(page).toContain('Vragen over de vragenlijst? Mail het onderzoeksbureau: benchmark@bureau.example.nl');
    expect(parse(await get(base)).querySelector('a[href="mailto:benchmark@bureau.example.nl"]')).not.toBeNull();
  });

  it('a question page links back: the first theme to the start page, the next to the one before', async () => {
    expect(parse(await get(`${base}/thema/signaleren`)).querySelector('a.back-link')?.getAttribute('href')).toBe(base);
    expect(parse(await get(`${base}/thema/doorbreken`)).querySelector('a.back-link')?.getAttribute('href')).toBe(`${base}/thema/signaleren`);
  });

  it('a long text field says its limit and refers to it', async () => {
    const doc = parse(await get(`${base}/thema/signaleren`));
    const area = doc.querySelector('textarea[name="q.signaalpunt.comment"]');
    const limit = doc.getElementById(`${area?.id}-limit`);
    expect(limit?.textContent?.trim()).toBe('U kunt maximaal 4.000 tekens gebruiken.');
    expect(area?.getAttribute('aria-describedby')).toContain(limit?.id);
  });

  it('a matrix with a blank row is not "Klaar", and the check page names the row as not answered', async () => {
    const items = ['adviseurs', 'toolkit_campagne', 'toolkit_lokale_coalitie', 'toolkit_huisbezoeken', 'toolkit_deskundigheid', 'toolkit_interventies'];
    const res = await post(`${base}/thema/doorbreken`, [['base', '{}'], ...items.map((i): [string, string] => [`q.inzet_producten.${i}`, 'ingezet']), ['actie', 'later']]);
    expect(res.status).toBe(303);
    const start = parse(await get(base));
    const row = [...start.querySelectorAll('.theme-list li')].find((li) => li.textContent?.includes('Doorbreken'));
    expect(row?.querySelector('.tag')?.textContent).toBe('Bezig');
    expect(row?.textContent).toContain('0 van 1');
    const review = parse(await get(`${base}/controleren`));
    const matrix = [...review.querySelectorAll('dl.summary > div')].find((d) => d.querySelector('dt')?.textContent?.includes('producten'));
    expect(matrix?.querySelector('dd')?.textContent).toContain("Databank 'Effectieve interventies' van Movisie: niet beantwoord");
    // The last row filled in: the theme is done.
    await post(`${base}/thema/doorbreken`, [['base', JSON.stringify({ inzet_producten: 1 })], ...[...items, 'databank_movisie'].map((i): [string, string] => [`q.inzet_producten.${i}`, 'ingezet']), ['actie', 'later']]);
    const done = [...parse(await get(base)).querySelectorAll('.theme-list li')].find((li) => li.textContent?.includes('Doorbreken'));
    expect(done?.querySelector('.tag')?.textContent).toBe('Klaar');
  });

  it('"Wijzig" on the check page: the page says it goes back, saving goes back to the check page', async () => {
    const review = parse(await get(`${base}/controleren`));
    const change = [...review.querySelectorAll('.summary-change a')].find((a) => a.getAttribute('href')?.includes('/thema/signaleren'));
    const href = change?.getAttribute('href') ?? '';
    expect(href).toBe(`${base}/thema/signaleren?terug=controleren#vraag-week_tegen_eenzaamheid`);
    const page = parse(await get(href.split('#')[0]));
    expect(page.querySelector('a.back-link')?.getAttribute('href')).toBe(`${base}/controleren`);
    expect(page.querySelector('button[value="controleren"]')?.textContent).toBe('Opslaan en terug naar controleren');
    expect(page.querySelector('button[value="vorige"]')).toBeNull();
    const saved = await post(`${base}/thema/signaleren`, [['base', '{}'], ['terug', 'controleren'], ['q.week_tegen_eenzaamheid', 'ja'], ['actie', 'controleren']]);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${base}/controleren`);
    // "Opslaan en later verder" still goes to the start page; without "terug" the next theme follows.
    const later = await post(`${base}/thema/signaleren`, [['base', JSON.stringify({ week_tegen_eenzaamheid: 1 })], ['terug', 'controleren'], ['actie', 'later']]);
    expect(later.headers.get('location')).toBe(`${base}?opgeslagen=1`);
    const next = await post(`${base}/thema/signaleren`, [['base', JSON.stringify({ week_tegen_eenzaamheid: 1 })], ['actie', 'volgende']]);
    expect(next.headers.get('location')).toBe(`${base}/thema/doorbreken`);
  });
});
