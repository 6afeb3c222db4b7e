// National results: the public pages (aggregates only, suppression, 404 for unpublished editions),
// the charts (accessible, deterministic, contrast) and the PDF (A4, headline figures). A small data
// set: 2021 (8 respondents) and 2022 (12), a province with one respondent, a panel of four.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { openEdition, publishEdition } from '../src/modules/editions/index.ts';
import { buildNationalReportPdf, loadResults, nationalResultsRoutes } from '../src/modules/reports/national/index.ts';
import { questionCharts } from '../src/modules/reports/national/figures.ts';
import { questionResult } from '../src/modules/reports/national/questions.ts';
import type { Answers } from '../src/modules/responses/answer.model.ts';
import { contrast, EDITION_COLOURS, MAP_COLOURS, SCALE_COLOURS, yearColour } from '../src/web/charts/index.ts';
import type { AppEnv } from '../src/web/context.ts';
import { language } from '../src/web/lang.ts';
import { parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2023-03-01T10:00:00Z');
const SECRET_COMMENT = 'GEHEIME-TOELICHTING-4242';
const SECRET_OTHER = 'UNIEK-ANDERS-TEKST-7731';
let db: Db;
let app: Hono<AppEnv>;

const week = (v: string | null): Answers => (v ? { week_tegen_eenzaamheid: { value: v } } : {});
// 2022: Groningen alone in its province (n = 1); Utrecht 6 (one skips the question); Noord-Holland 5.
const R2022: Array<[string, Answers]> = [
  ['GM0014', { week_tegen_eenzaamheid: { value: 'nee', comment: SECRET_COMMENT } }],
  ['GM0344', { ...week('ja'), financiering: { value: 'anders', other: SECRET_OTHER }, doelgroepen: { items: { ouderen: 'ja', jongeren: 'nee' } } }],
  ['GM0307', { ...week('ja'), financiering: { value: 'structureel' } }],
  ['GM0353', week('ja')],
  ['GM0356', week('ja')],
  ['GM0321', week('nee')],
  ['GM0340', { signaalpunt: { value: 'ja' } }],
  ['GM0363', week('ja')],
  ['GM0392', week('ja')],
  ['GM0361', week('ja')],
  ['GM0362', week('ja')],
  ['GM0394', week('nee')],
];
// 2021: four of them come back in 2022 (the panel: GM0344, GM0307, GM0363, GM0392).
const R2021: Array<[string, Answers]> = [
  ['GM0344', { ...week('ja'), budget_status: { value: 'structureel' } }],
  ['GM0307', week('ja')],
  ['GM0363', week('ja')],
  ['GM0392', week('nee')],
  ['GM0358', week('ja')],
  ['GM0310', week('ja')],
  ['GM0312', week('ja')],
  ['GM0313', week('nee')],
];

async function respond(edition: number, code: string, answers: Answers, submitted = true): Promise<void> {
  const r = await db.one<{ id: number }>(
    `INSERT INTO responses (edition, municipality_code, status, submitted_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [edition, code, submitted ? 'submitted' : 'open', submitted ? new Date(`${edition}-10-15T12:00:00Z`) : null],
  );
  for (const [question, answer] of Object.entries(answers)) {
    await db.query('INSERT INTO answers (response_id, question, answer) VALUES ($1, $2, $3)', [r?.id, question, JSON.stringify(answer)]);
  }
}

async function invite(edition: number, codes: string[]): Promise<void> {
  await db.query('INSERT INTO invitations (edition, municipality_code) SELECT $1, unnest($2::text[])', [edition, codes]);
}

beforeAll(async () => {
  db = await createTestDb();
  for (const [code, answers] of R2022) await respond(2022, code, answers);
  for (const [code, answers] of R2021) await respond(2021, code, answers);
  // Not submitted: must not count anywhere.
  await respond(2022, 'GM0345', week('ja'), false);
  await invite(2022, [...R2022.map(([c]) => c), 'GM0345', 'GM0037', 'GM0047', 'GM0308', 'GM0327', 'GM0331', 'GM0335', 'GM0373']);
  await invite(2021, [...R2021.map(([c]) => c), 'GM0037', 'GM0047', 'GM0317', 'GM0327', 'GM0331', 'GM0335', 'GM0373']);
  await publishEdition(db, 2021, now);
  await publishEdition(db, 2022, now);
  await openEdition(db, 2023, '2023-12-31', now);
  const deps = { db, config, now: () => now };
  // The same middleware as src/app.tsx, with only these routes.
  app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(language);
  app.route('/', nationalResultsRoutes);
});
afterAll(async () => db?.close());

const get = async (p: string) => {
  const res = await app.request(p);
  return { status: res.status, html: await res.text() };
};
const cells = (html: string, caption: RegExp, rowHeader: string) => {
  const table = [...parse(html).querySelectorAll('table')].find((t) => caption.test(t.querySelector('caption')?.textContent ?? ''));
  const row = [...(table?.querySelectorAll('tr') ?? [])].find((tr) => tr.querySelector('th')?.textContent?.trim() === rowHeader);
  return [...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent?.trim() ?? '');
};

describe('public pages', () => {
  it('lists the published editions only', async () => {
    const { status, html } = await get('/resultaten');
    expect(status).toBe(200);
    const t = text(html);
    expect(t).toContain('Resultaten 2022');
    expect(t).toContain('Resultaten 2021');
    expect(t).not.toContain('Resultaten 2023');
  });

  it('unpublished, unknown or malformed editions and unknown themes are a 404', async () => {
    for (const p of ['/resultaten/2023', '/resultaten/2019', '/resultaten/1999', '/resultaten/abcd', '/resultaten/2023/respons', '/resultaten/2023/thema/signaleren', '/resultaten/2022/thema/bestaat-niet', '/resultaten/2023/rapport.pdf']) {
      const { status, html } = await get(p);
      expect(status, p).toBe(404);
      expect(text(html)).toContain('Geen resultaten gevonden');
    }
  });

  it('the summary is written from the data', async () => {
    const t = text((await get('/resultaten/2022')).html);
    // 8 of the 11 valid answers: 72.7%; 2021: 6 of 8 = 75.0% (a share has one decimal everywhere)
    expect(t).toContain('8 van de 11 gemeenten (72,7%) doen mee aan de Week tegen Eenzaamheid. (2021: 75,0%)');
    expect(t).toContain('Van de 20 gemeenten die in 2022 zijn uitgenodigd, hebben er 12 de vragenlijst ingevuld. Daarmee is de respons 60%.');
    expect(t).toContain('In 2021 vulden 8 van de 15 gemeenten de vragenlijst in (53%).');
    expect(t).toContain('4 van de 8 gemeenten die de vragenlijst in 2021 invulden, deden dat in 2022 ook weer (50%).');
    const en = text((await get('/resultaten/2022?lang=en')).html);
    expect(en).toContain('8 of the 11 municipalities (72.7%) take part in the Week against Loneliness.');
  });

  it('a question shows its chart, its figures worked out by hand and hides small cells', async () => {
    const { html } = await get('/resultaten/2022/thema/signaleren');
    const caption = /^Cijfers bij figuur 3:/;
    expect(cells(html, caption, 'Ja')).toEqual(['75,0% (6)', '72,7% (8)', 'te weinig antwoorden', 'te weinig antwoorden']);
    expect(cells(html, caption, 'Aantal geldige antwoorden (n)')).toEqual(['8', '11', '4', '4']);
    const svg = parse(html).querySelector('svg#fig-week_tegen_eenzaamheid');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.querySelector('title')?.textContent).toBe('Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?');
    expect(svg?.getAttribute('aria-labelledby')).toBe('fig-week_tegen_eenzaamheid-title');
    expect(svg?.getAttribute('aria-describedby')).toBe('fig-week_tegen_eenzaamheid-desc');
    const svgText = svg?.textContent ?? '';
    expect(svgText).toContain('2022 (n=11)');
    expect(svgText).toContain('72,7%');
    expect(svgText).toContain('2022* (n=4)');
    expect(svgText).toContain('te weinig antwoorden');
    // per province: Groningen has one answer; Utrecht is hidden too, or Groningen = national − the rest
    const perProvince = /^Cijfers bij figuur 3 per provincie/;
    expect(cells(html, perProvince, 'Groningen')).toEqual(['te weinig antwoorden', '1']);
    expect(cells(html, perProvince, 'Utrecht')).toEqual(['verborgen', 'verborgen', '5']);
    expect(cells(html, perProvince, 'Noord-Holland')).toEqual(['80,0% (4)', '20,0% (1)', '5']);
    expect(text(html)).not.toContain('100,0% (1)');
  });

  it('a question has a cross-table by size class beside the provinces, small cells hidden (issue 19.1)', async () => {
    const { html } = await get('/resultaten/2022/thema/signaleren');
    // Inhabitants 1 January 2022 (data/population): ≥ 100k Groningen nee, Utrecht, Amersfoort,
    // Amsterdam, Haarlem, Alkmaar ja, Haarlemmermeer nee → 5 ja, 2 nee of 7; 50–100k Nieuwegein ja,
    // Houten nee, Amstelveen ja → n 3; 20–50k IJsselstein ja (Rhenen skipped) → n 1; < 20k none.
    const perSize = /^Cijfers bij figuur 3 per grootteklasse \(inwoners op 1 januari 2022\), 2022/;
    expect(cells(html, perSize, '100.000 inwoners of meer')).toEqual(['71,4% (5)', '28,6% (2)', '7']);
    expect(cells(html, perSize, '50.000 tot 100.000 inwoners')).toEqual(['te weinig antwoorden', '3']);
    expect(cells(html, perSize, '20.000 tot 50.000 inwoners')).toEqual(['te weinig antwoorden', '1']);
    expect(cells(html, perSize, 'minder dan 20.000 inwoners')).toEqual(['geen antwoorden', '0']);
    expect(cells(html, perSize, 'Nederland')).toEqual(['72,7% (8)', '27,3% (3)', '11']);
    const summaries = [...parse(html).querySelectorAll('details summary')].map((s) => s.textContent?.trim());
    expect(summaries).toContain('Per grootteklasse van de gemeente (2022)');
    // No figure of a size cell is ever shown with n < 5, on any theme page of the edition
    const data = await loadResults(db, 2022);
    expect(data?.rows.filter((x) => x.scope.startsWith('size:')).length).toBeGreaterThan(0);
    expect(data?.rows.filter((x) => x.scope.startsWith('size:') && x.n > 0 && x.n < 5 && !x.suppressed)).toEqual([]);
    expect(text((await get('/resultaten/2022/thema/signaleren?lang=en')).html)).toContain('Per size class of the municipality (2022)');
  });

  it('an edition without population figures has no size table and says so', async () => {
    const { html } = await get('/resultaten/2021/thema/signaleren');
    expect(text(html)).toContain('Geen uitsplitsing naar grootte van de gemeente: er zijn geen inwonertallen van 2021.');
    expect(text(html)).not.toContain('per grootteklasse');
  });

  it('notes a question that changed between editions (budget_status → financiering)', async () => {
    const t = text((await get('/resultaten/2022/thema/bestuurlijk_commitment')).html);
    expect(t).toContain('Let op: deze vraag is in 2022 gewijzigd ten opzichte van 2021');
  });

  it('the response page has the map, the provinces and their table', async () => {
    const { html } = await get('/resultaten/2022/respons');
    const map = parse(html).querySelector('svg#fig-map');
    expect(map?.getAttribute('role')).toBe('img');
    expect(map?.querySelector('title')?.textContent).toBe('Gemeenten die de vragenlijst 2022 hebben ingevuld');
    expect(cells(html, /^Respons per provincie:/, 'Utrecht')).toEqual(['11', '6', '54,5%', '55,6%']);
    expect(cells(html, /^Respons per provincie:/, 'Nederland')).toEqual(['20', '12', '60,0%', '53,3%']);
    expect(text(html)).toContain('Bron: CBS / Kadaster (PDOK)');
  });

  it('never shows a municipality’s own answers, texts or a suppressed figure', async () => {
    const data = await loadResults(db, 2022);
    const pages = ['/resultaten', '/resultaten/2022', '/resultaten/2022/respons', '/resultaten/2021', '/resultaten/2021/respons'];
    for (const t of data?.questionnaire.themes ?? []) pages.push(`/resultaten/2022/thema/${t.key}`, `/resultaten/2021/thema/${t.key}`);
    for (const p of pages) {
      for (const lang of ['nl', 'en']) {
        const { status, html } = await get(`${p}?lang=${lang}`);
        expect(status, p).toBe(200);
        expect(html).not.toContain(SECRET_COMMENT);
        expect(html).not.toContain(SECRET_OTHER);
        expect(html, p).not.toMatch(/\sstyle=|<style/); // CSP: no inline styles
      }
    }
    // every suppressed figure of the data set is absent from its table cell (checked above) and
    // the panel's 2022 figure (4 of 4 = 100%) appears nowhere
    expect(text((await get('/resultaten/2022/thema/signaleren')).html)).not.toContain('100,0% (4)');
  });
});

describe('charts', () => {
  // Speed is measured in `npm run bench`, not asserted here.
  it('are deterministic', async () => {
    const data = await loadResults(db, 2022);
    if (!data) throw new Error('no data');
    const r = questionResult(data, data.questionnaire.questions[0]);
    const a = questionCharts('nl', data, r);
    expect(questionCharts('nl', data, r)).toEqual(a);
  });

  it('give an edition year the same colour in every report: 2021 in the 2021 report as in the 2022 report', async () => {
    const fills = async (year: number) => {
      const data = (await loadResults(db, year))!;
      const q = data.questionnaire.questions.find((x) => x.key === 'week_tegen_eenzaamheid')!;
      const svg = questionCharts('nl', data, questionResult(data, q))[0];
      return new Set([...svg.matchAll(/<rect[^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
    };
    expect(yearColour(2021)).not.toBe(yearColour(2022));
    const in2021 = await fills(2021);
    const in2022 = await fills(2022);
    expect(in2021.has(yearColour(2021))).toBe(true);
    expect(in2021.has(yearColour(2022))).toBe(false);
    expect(in2022.has(yearColour(2021))).toBe(true);
    expect(in2022.has(yearColour(2022))).toBe(true);
    // Eight editions side by side never share a colour.
    expect(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map(yearColour)).size).toBe(8);
  });

  it('bar and map colours have at least 3:1 contrast with white', () => {
    for (const c of [...EDITION_COLOURS, ...SCALE_COLOURS, MAP_COLOURS.responded]) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
    expect(contrast(MAP_COLOURS.responded, MAP_COLOURS.other)).toBeGreaterThanOrEqual(3);
  });
});

describe('national report PDF', () => {
  it('is an A4 PDF with the headline figures', async () => {
    const pdf = await buildNationalReportPdf(db, 2022, { now });
    expect(pdf).toBeDefined();
    expect(pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ete-pdf-')), 'report.pdf');
    fs.writeFileSync(file, pdf as Buffer);
    const words = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/\s+/g, ' ');
    expect(words).toContain('Landelijke resultaten 2022');
    expect(words).toContain('8 van de 11 gemeenten (72,7%) doen mee aan de Week tegen Eenzaamheid');
    expect(words).toContain('Van de 20 gemeenten die in 2022 zijn uitgenodigd, hebben er 12 de vragenlijst ingevuld');
    expect(words).toContain('2022 (n=11)');
    expect(words).not.toContain(SECRET_COMMENT);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes.length).toBeGreaterThan(0);
    for (const [w, h] of sizes) {
      expect(Math.abs(w - 595.28)).toBeLessThan(1);
      expect(Math.abs(h - 841.89)).toBeLessThan(1);
    }
    expect(info).toMatch(/Tagged:\s+yes/);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('is not made for an unpublished edition unless a concept is asked for', async () => {
    expect(await buildNationalReportPdf(db, 2023, { now })).toBeUndefined();
    const concept = await buildNationalReportPdf(db, 2023, { now, includeUnpublished: true });
    expect(concept?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
