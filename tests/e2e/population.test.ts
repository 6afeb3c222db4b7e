// The population upload in /beheer (issue 19.1) as the bureau meets it in Chromium, without
// JavaScript: from the register page to "Inwonertallen", a wrong file (problems by line and field,
// nothing stored), then a good one; axe on every view.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './browser.ts';
import { adminMenu, arrive, signIn, type StaffApp, staffAccount, startStaffApp } from './staff-helpers.ts';

const NOW = new Date('2025-01-15T10:00:00Z');
let app: StaffApp;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  [app, browser] = await Promise.all([startStaffApp({ now: () => NOW }), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

describe('Inwonertallen in /beheer', { timeout: 60_000 }, () => {
  it('without JavaScript: a wrong file shows its problems and stores nothing, a good file is stored', async () => {
    context = await newContext(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    context.setDefaultTimeout(15_000);
    const admin = await staffAccount(app.db, 'admin', NOW, 'Bea Beheer');
    await signIn(context, app, admin.id, NOW);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/beheer`);
    await adminMenu(page).getByRole('link', { name: 'Gemeentelijke indeling' }).click();
    await page.getByRole('link', { name: /^Inwonertallen per gemeente/ }).click();
    await arrive(page, 'Inwonertallen', 'the population page');
    expect(await page.getByRole('table', { name: 'Inwonertallen in de database' }).textContent()).toContain('data/population/population-2024.csv');

    const before = await app.db.one('SELECT count(*)::int AS n, sum(inhabitants)::text AS s FROM population WHERE year = 2024');
    await page.getByLabel('Jaar van de gemeentelijke indeling').fill('2024');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'inwoners-fout.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name,inhabitants\nGM0014,Groningen,veel\nGM9999,Nergens,100\n') });
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await arrive(page, 'Inwonertallen', 'the population page with problems');
    expect(await page.getByRole('alert').textContent()).toMatch(/Niets opgeslagen: \d+ problemen in inwoners-fout\.csv/);
    const problems = page.getByRole('table', { name: 'Problemen per regel en veld' });
    expect(await problems.getByRole('row', { name: /2 inhabitants "veel" is geen geheel aantal inwoners/ }).count()).toBe(1);
    expect(await problems.getByRole('row', { name: /3 code GM9999 staat niet in de gemeentelijke indeling/ }).count()).toBe(1);
    expect(await app.db.one('SELECT count(*)::int AS n, sum(inhabitants)::text AS s FROM population WHERE year = 2024')).toEqual(before);

    const good = fs.readFileSync(path.resolve('data/population/population-2024.csv'));
    await page.getByLabel('Jaar van de gemeentelijke indeling').fill('2024');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'cbs-2024.csv', mimeType: 'text/csv', buffer: good });
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await arrive(page, 'Inwonertallen', 'the population page after an import');
    expect(await page.getByRole('status').first().textContent()).toContain('Inwonertallen 2024 opgeslagen uit cbs-2024.csv');
  });
});
