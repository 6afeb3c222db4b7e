// The questionnaire as a spreadsheet in Chromium, as the bureau uses it, every page checked with axe:
// download, a workbook with mistakes (error summary, its links), the check of a good one, Toepassen.
// Once with JavaScript off: the plain form does it all. A database without demo answers, so the
// editions can still be changed.
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/modules/auth/index.ts';
import { getEdition } from '../../src/modules/editions/index.ts';
import { writeSheet } from '../../src/modules/questionnaire-sheet/index.ts';
import { launchBrowser, newContext } from './browser.ts';
import { arrive, signIn, type StaffApp, staffAccount, startStaffApp } from './staff-helpers.ts';

const NOW = new Date('2023-09-15T08:00:00Z');
let app: StaffApp;
let browser: Browser;
let admin: Account;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startStaffApp({ now: () => NOW }), launchBrowser()]);
  admin = await staffAccount(app.db, 'admin', NOW, 'Bea Beheer');
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

async function pageAsAdmin(javaScriptEnabled = true): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width: 1280, height: 900 }, locale: 'nl-NL', acceptDownloads: true });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  await signIn(context, app, admin.id, NOW);
  return context.newPage();
}

/** The edition's workbook with the Dutch label of `key` changed, and maybe more. */
async function workbook(year: number, key: string, label: string, more?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeSheet((await getEdition(app.db, year))!.questionnaire)) as unknown as ArrayBuffer);
  wb.getWorksheet('survey')!.eachRow((row) => {
    if (row.getCell(2).value === key) row.getCell(3).value = label;
  });
  more?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
const isFocused = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el === document.activeElement);

describe('the questionnaire as a spreadsheet in the browser', { timeout: 180_000 }, () => {
  it('download, mistakes, check, Toepassen', async () => {
    const page = await pageAsAdmin();
    await page.goto(`${app.baseUrl}/beheer/edities/2023/spreadsheet`);
    await arrive(page, 'Vragenlijst 2023 als spreadsheet');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download de vragenlijst van 2023 (Excel-werkmap)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('vragenlijst-2023.xlsx');

    // No file: the error summary takes focus, its link leads to the file field.
    await page.getByRole('button', { name: 'Werkmap controleren' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Vragenlijst 2023 als spreadsheet', 'spreadsheet: upload without a file');
    expect(await isFocused(page, '.error-summary'), 'the error summary takes focus').toBe(true);
    await page.getByRole('alert').getByRole('link', { name: 'Kies een Excel-werkmap (.xlsx)' }).click();
    expect(await isFocused(page, '#bestand'), 'its link goes to the file field').toBe(true);

    // Mistakes: each named by sheet, row and column; nothing changed.
    const broken = await workbook(2023, 'signaalpunt', 'Signaalpunt?', (wb) => {
      wb.getWorksheet('choices')!.getRow(2).getCell(9).value = 'goed';
      wb.getWorksheet('settings')!.getRow(2).getCell(4).value = 2022;
    });
    await page.getByLabel('Werkmap (.xlsx)').setInputFiles(file('fout.xlsx', broken));
    await page.getByRole('button', { name: 'Werkmap controleren' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Vragenlijst 2023 als spreadsheet', 'spreadsheet: a workbook with mistakes');
    expect(await page.getByRole('alert').getByRole('link').allTextContents()).toEqual([
      'choices, rij 2, kolom status: "goed" is geen status; gebruik ok (op orde), partial (deels), not (niet op orde), neutral (zegt niets, bijvoorbeeld "weet niet")',
      'settings, rij 2, kolom version: deze vragenlijst is van editie 2022, maar wordt ingelezen als editie 2023; zet hier 2023 als dat de bedoeling is',
    ]);

    // A good one: what changes, then Toepassen.
    await page.getByLabel('Werkmap (.xlsx)').setInputFiles(file('vragenlijst-2023.xlsx', await workbook(2023, 'signaalpunt', 'Heeft uw gemeente een signaalpunt?')));
    await page.getByRole('button', { name: 'Werkmap controleren' }).click();
    await arrive(page, 'Controle van vragenlijst-2023.xlsx', 'spreadsheet: the check of a good workbook');
    await page.getByRole('region', { name: 'Vragen' }).getByText('Gewijzigd: signaalpunt – Heeft uw gemeente een signaalpunt?').waitFor();
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await arrive(page, 'Vragenlijst 2023 als spreadsheet', 'spreadsheet: applied');
    expect(await page.getByRole('main').getByRole('status').textContent()).toContain('De vragenlijst van editie 2023 is aangepast.');
    expect((await getEdition(app.db, 2023))!.questionnaire.questions.find((q) => q.key === 'signaalpunt')!.text.nl).toBe('Heeft uw gemeente een signaalpunt?');
  });

  it('without JavaScript the same form checks and applies', async () => {
    const page = await pageAsAdmin(false);
    await page.goto(`${app.baseUrl}/beheer/edities/2022/spreadsheet`);
    await arrive(page, 'Vragenlijst 2022 als spreadsheet', 'spreadsheet without JS');
    await page.getByLabel('Werkmap (.xlsx)').setInputFiles(file('v2022.xlsx', await workbook(2022, 'communicatiemateriaal', 'Gebruikt u het campagnemateriaal?')));
    await page.getByRole('button', { name: 'Werkmap controleren' }).click();
    await arrive(page, 'Controle van v2022.xlsx', 'spreadsheet check without JS');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await arrive(page, 'Vragenlijst 2022 als spreadsheet', 'spreadsheet applied without JS');
    expect((await getEdition(app.db, 2022))!.questionnaire.questions.find((q) => q.key === 'communicatiemateriaal')!.text.nl).toBe('Gebruikt u het campagnemateriaal?');
  });
});
