// The NL Design System look (issue 20, decision 020): the main pages photographed into
// test-results/screenshots/<SCREENSHOTS or "na">/ (gitignored) to compare before and after,
// each checked with axe and, since the look must not need it, also shown without JavaScript.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/modules/auth/index.ts';
import { createPersonalLink } from '../../src/modules/auth/index.ts';
import { loadDemo } from '../../src/modules/demo/index.ts';
import { browserErrors, expectNoAxeViolations, launchBrowser, newContext } from './browser.ts';
import { signIn, type StaffApp, staffAccount, startStaffApp } from './staff-helpers.ts';

const NOW = new Date('2023-09-15T08:00:00Z');
const SHOTS = path.join('test-results', 'screenshots', process.env.SCREENSHOTS ?? 'na');

let app: StaffApp;
let browser: Browser;
let admin: Account;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startStaffApp({ now: () => NOW }), launchBrowser()]);
  await loadDemo(app.db, { now: NOW });
  admin = await staffAccount(app.db, 'admin', NOW, 'Bea Beheer');
  fs.mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

async function newPage(javaScriptEnabled: boolean, staff = false): Promise<Page> {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'nl-NL', javaScriptEnabled });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  if (staff) await signIn(context, app, admin.id, NOW);
  return context.newPage();
}

/** Axe 0, the page's own style sheets all loaded, then a full-page picture. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('load');
  await expectNoAxeViolations(page, name);
  expect(browserErrors(page), name).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The focused element's ring: our 3 px outline with the yellow ring (tokens in app.css), on white and on blue. */
async function expectFocusRing(page: Page, what: string): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { cls: el.className, outline: `${s.outlineStyle} ${s.outlineWidth}`, shadow: s.boxShadow };
  });
  expect(ring.cls, what).toMatch(/utrecht-/);
  expect(ring.outline, what).toBe('solid 3px');
  expect(ring.shadow, what).toContain('rgb(255, 191, 71)');
}

describe('the main pages in the NL Design System look', { timeout: 180_000 }, () => {
  it('home, a theme page with its error summary, the check page, a staff page, the national summary', async () => {
    const code = (await app.db.one<{ code: string }>(
      `SELECT code FROM municipalities WHERE year = (SELECT register_year FROM editions WHERE year = 2023) AND code NOT IN
         (SELECT municipality_code FROM responses WHERE edition = 2023) ORDER BY code LIMIT 1`,
    ))!.code;
    const link = `${app.baseUrl}/v/${await createPersonalLink(app.db, 2023, code)}`;
    for (const js of [true, false]) {
      const suffix = js ? '' : '-zonder-js';
      const page = await newPage(js);
      await page.goto(`${app.baseUrl}/`);
      await shoot(page, `1-home${suffix}`);
      // Skip link, site name, then "Resultaten" in the blue header.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      await expectFocusRing(page, `header link${suffix}`);

      // "Anders, namelijk" without its text: the error summary at the top of the theme page.
      await page.goto(`${link}/thema/bestuurlijk_commitment`);
      const q = page.getByRole('group', { name: /Hoe is in uw gemeente de financiering/ });
      await q.getByRole('radio', { name: 'Anders, namelijk', exact: true }).check();
      await page.getByRole('button', { name: 'Opslaan en verder', exact: true }).click();
      await page.getByRole('alert').getByRole('heading', { name: 'Er is een probleem' }).waitFor();
      await shoot(page, `2-thema-met-foutmelding${suffix}`);
      await page.getByRole('button', { name: 'Opslaan en verder', exact: true }).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expectFocusRing(page, `button${suffix}`);

      await page.goto(`${link}/controleren`);
      await page.getByRole('heading', { level: 1, name: 'Controleer uw antwoorden' }).waitFor();
      await shoot(page, `3-controleren${suffix}`);

      await page.goto(`${app.baseUrl}/resultaten/2022`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await shoot(page, `5-landelijke-resultaten${suffix}`);
    }
    // Accounts: a table of accounts and the invitation form.
    const staff = await newPage(true, true);
    await staff.goto(`${app.baseUrl}/beheer/accounts`);
    expect(await staff.getByRole('main').getByRole('table').count()).toBeGreaterThan(0);
    expect(await staff.getByRole('main').getByRole('button').count()).toBeGreaterThan(0);
    await shoot(staff, '4-beheer-accounts');
  });
});
