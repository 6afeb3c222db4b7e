// The national report text (issue 18.1–2) in Chromium: the bureau writes the Samenvatting with a
// placeholder, a figure reference and the count of a code given to three explanations (without JavaScript: Voorbeeld shows a mistyped placeholder at
// its place, then the text is saved), publishes the edition, and the public page and the PDF
// (pdftotext) show the right number and figure number. With JavaScript the preview follows the
// typing. Axe on every page visited.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionData } from '../../src/modules/report-text/index.ts';
import { figureNumbers } from '../../src/modules/reports/national/figures.ts';
import { seedReportTextData } from '../report-text-fixtures.ts';
import { createTestDb } from '../test-db.ts';
import { expectNoAxeViolations, launchBrowser, newContext } from './browser.ts';
import { arrive, signIn, type StaffApp, staffAccount, startStaffApp } from './staff-helpers.ts';

const NOW = new Date('2023-03-01T10:00:00Z');
let app: StaffApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
let figure = 0;

beforeAll(async () => {
  const db = await createTestDb();
  await seedReportTextData(db, NOW);
  figure = figureNumbers(await editionData(db, 2022)).get('week_tegen_eenzaamheid') ?? 0;
  [app, browser] = await Promise.all([startStaffApp({ now: () => NOW, db }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

describe('report text', { timeout: 120_000 }, () => {
  it('without JavaScript: write, preview, save, publish; the public page and the PDF show the number', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    const admin = await staffAccount(app.db, 'admin', NOW, 'Bea Beheer');
    await signIn(context, app, admin.id, NOW);
    const page = await context.newPage();

    // Open answers (issue 18.5): a code "GGD-monitor" and the three explanations that name it.
    await page.goto(`${app.baseUrl}/beheer/edities/2022`);
    await page.getByRole('link', { name: 'Open antwoorden 2022 lezen en coderen' }).click();
    await arrive(page, 'Open antwoorden 2022', 'the open answers');
    await page.getByLabel('Naam van de code').fill('GGD-monitor');
    await page.getByRole('button', { name: 'Code toevoegen' }).click();
    await page.waitForURL(/toegevoegd=/);
    await page.getByRole('link', { name: /^Lezen en coderen: vraag \d+: Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid/ }).click();
    await arrive(page, /^Open antwoorden: Doet uw gemeente mee/, 'the explanations of one question');
    expect(await page.locator('ol.open-texts > li').count()).toBe(4);
    for (let i = 0; i < 3; i++) {
      const item = page.locator('ol.open-texts > li').filter({ hasText: /GGD[- ]monitor/ }).nth(i);
      await item.getByRole('checkbox', { name: 'GGD-monitor' }).check();
      // The same address each time but for the text's key: wait for this save's page.
      await Promise.all([page.waitForNavigation(), item.getByRole('button', { name: /^Codes opslaan/ }).click()]);
    }
    await arrive(page, /^Open antwoorden: Doet uw gemeente mee/, 'three explanations coded');
    expect(await page.getByRole('checkbox', { name: 'GGD-monitor', checked: true }).count()).toBe(3);

    await page.goto(`${app.baseUrl}/beheer/edities/2022`);
    await page.getByRole('link', { name: 'Rapporttekst van editie 2022 schrijven' }).click();
    await arrive(page, 'Rapporttekst 2022', 'the chapter list');
    await page.getByRole('link', { name: 'Samenvatting', exact: true }).click();
    await arrive(page, 'Samenvatting – rapporttekst 2022', 'the chapter editor');

    const field = page.getByLabel('Tekst in Markdown (Nederlands)');
    await field.fill('In 2022 vulden **{respons.ingevuld}** gemeenten de vragenlijst in; {vraag.week_tegen_eenzaamheid.ja.percnt}% doet mee (zie {figuur.week_tegen_eenzaamheid}).');
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    await arrive(page, 'Samenvatting – rapporttekst 2022', 'the preview with a mistyped placeholder');
    expect(await page.title()).toMatch(/^Fout: Samenvatting/);
    const preview = page.locator('#voorbeeld');
    expect(await preview.textContent()).toContain('In 2022 vulden 12 gemeenten de vragenlijst in');
    expect(await preview.locator('mark').textContent()).toContain('{vraag.week_tegen_eenzaamheid.ja.percnt} (onbekende plaatshouder)');
    // the error summary leads to the placeholder
    await page.getByRole('alert').getByRole('link', { name: /percnt/ }).click();
    expect(new URL(page.url()).hash).toBe('#plaatshouder-2');

    await field.fill('In 2022 vulden **{respons.ingevuld}** gemeenten de vragenlijst in; {vraag.week_tegen_eenzaamheid.ja.percent}% doet mee (zie {figuur.week_tegen_eenzaamheid}). {code.ggd-monitor.aantal} gemeenten noemen de GGD-monitor.');
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    await arrive(page, 'Samenvatting – rapporttekst 2022', 'the chapter after saving');
    expect(await page.getByRole('main').getByRole('status').textContent()).toContain('Opgeslagen als concept (versie 1)');
    expect(await preview.textContent()).toContain(`doet mee (zie figuur ${figure})`);
    expect(await page.getByRole('table', { name: 'Opgeslagen versies, nieuwste eerst' }).textContent()).toContain('Bea Beheer');

    // removing a chapter asks first (and the bureau cancels)
    await page.getByRole('link', { name: 'Hoofdstuk verwijderen' }).click();
    await arrive(page, 'Hoofdstuk "Samenvatting" verwijderen?', 'the removal confirmation');
    await page.getByRole('link', { name: 'Annuleren' }).click();
    await arrive(page, 'Samenvatting – rapporttekst 2022', 'the chapter after cancelling');

    await page.goto(`${app.baseUrl}/beheer/edities/2022`);
    await page.getByRole('link', { name: 'Resultaten publiceren' }).click();
    await arrive(page, 'Resultaten van editie 2022 publiceren?', 'the publish confirmation');
    await page.getByRole('button', { name: /^Ja, publiceer editie 2022/ }).click();
    await page.waitForURL(/klaar=publish/);

    await page.goto(`${app.baseUrl}/resultaten/2022`);
    await arrive(page, 'Landelijke resultaten 2022', 'the public summary with the text');
    const text = await page.locator('.report-text').first().textContent();
    expect(text).toContain('In 2022 vulden 12 gemeenten de vragenlijst in; 72,7% doet mee');
    expect(text).toContain('3 gemeenten noemen de GGD-monitor.');
    // the reference leads to the figure's own block on its theme page
    await page.getByRole('link', { name: `figuur ${figure}` }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).hash).toBe('#vraag-week_tegen_eenzaamheid');
    expect(await page.locator('#vraag-week_tegen_eenzaamheid').count()).toBe(1);
    await page.goto(`${app.baseUrl}/resultaten/2022/rapport`);
    await arrive(page, 'Rapport 2022', 'the public report text page');

    const res = await page.request.get(`${app.baseUrl}/resultaten/2022/rapport.pdf`);
    expect(res.status()).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-report-text-'));
    const file = path.join(dir, 'rapport.pdf');
    fs.writeFileSync(file, await res.body());
    const pdf = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(pdf).toContain('In 2022 vulden 12 gemeenten de vragenlijst in; 72,7% doet mee');
    expect(pdf).toContain('3 gemeenten noemen de GGD-monitor.');
    expect(pdf).toContain(`(zie figuur ${figure})`);
    expect(pdf).toContain(`Figuur ${figure}.`);
  });

  it('with JavaScript: the preview follows the typing', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    const admin = await staffAccount(app.db, 'admin', NOW, 'Carla Concept');
    await signIn(context, app, admin.id, NOW);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/beheer/edities/2022/rapporttekst/conclusies?taal=en`);
    await arrive(page, 'Conclusies en aanbevelingen – rapporttekst 2022', 'the English conclusions editor');
    await page.getByLabel('Tekst in Markdown (Engels)').pressSequentially('In {panel.n} municipalities', { delay: 5 });
    await expect.poll(() => page.locator('#voorbeeld').textContent(), { timeout: 10_000 }).toContain('In 4 municipalities');
    await expectNoAxeViolations(page, 'the live preview');
  });
});
