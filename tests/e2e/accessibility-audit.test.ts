// What the accessibility audit beyond axe found (issue 22), checked in Chromium on the demo data:
// staff pages at 320 px without scrolling sideways; focus on the "opgeslagen" message; the notice
// when an exclusive answer unticks others, in a live region; scroll boxes are tab stops only when
// they scroll; the accessibility, privacy and contact pages in every footer, axe 0 (nl and en).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/modules/auth/index.ts';
import { createPersonalLink } from '../../src/modules/auth/index.ts';
import { loadDemo } from '../../src/modules/demo/index.ts';
import { browserErrors, expectNoAxeViolations, launchBrowser, newContext } from './browser.ts';
import { arrive, signIn, type StaffApp, staffAccount, startStaffApp } from './staff-helpers.ts';

const NOW = new Date('2023-09-15T08:00:00Z');
const now = () => NOW;

let app: StaffApp;
let browser: Browser;
let admin: Account;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startStaffApp({ now }), launchBrowser()]);
  await loadDemo(app.db, { now: NOW });
  admin = await staffAccount(app.db, 'admin', NOW, 'Bea Beheer');
}, 180_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

async function newPage(width: number, opts: { javaScriptEnabled?: boolean; staff?: boolean } = {}): Promise<Page> {
  const context = await newContext(browser, { viewport: { width, height: 800 }, locale: 'nl-NL', javaScriptEnabled: opts.javaScriptEnabled ?? true });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  if (opts.staff) await signIn(context, app, admin.id, NOW);
  return context.newPage();
}

/** How far the page is wider than the window (0: nothing scrolls sideways). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Elements in the tab order that are not controls or links and cannot scroll: tab stops that do nothing. */
const idleTabStops = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[tabindex]')]
      .filter((el) => el.tabIndex >= 0 && !el.matches('a[href], button, input, select, textarea, summary'))
      .filter((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}"`),
  );

/** Scroll boxes that can scroll but are not in the tab order (keyboard users could not reach their columns). */
const unreachableScrollBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.table-scroll')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.tabIndex < 0)
      .map((el) => (el.textContent ?? '').trim().slice(0, 40)),
  );

describe('issue 22 in the browser', { timeout: 180_000 }, () => {
  it('staff pages at 320 px do not scroll sideways; their wide tables scroll inside a reachable box', async () => {
    const page = await newPage(320, { staff: true });
    for (const [path, heading] of [
      ['/beheer/veldwerk', /Veldwerk/],
      ['/beheer/bellijst?editie=2022', /Bellijst/],
      ['/beheer/wijkcijfers', /Eenzaamheidscijfers per wijk/],
    ] as const) {
      await page.goto(`${app.baseUrl}${path}`);
      await arrive(page, heading, `${path} at 320 px`);
      expect(await overflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await unreachableScrollBoxes(page), path).toEqual([]);
      expect(await idleTabStops(page), path).toEqual([]);
    }
    expect(browserErrors(page)).toEqual([]);
  });

  it('a data table that fits is no tab stop; at 320 px the same table scrolls and is one', async () => {
    const wide = await newPage(1280);
    await wide.goto(`${app.baseUrl}/resultaten/2022`);
    await wide.getByRole('heading', { level: 1 }).waitFor();
    const theme = wide.getByRole('main').getByRole('link', { name: /Signaleren/ }).first();
    const href = await theme.getAttribute('href');
    expect(href).toBeTruthy();
    for (const page of [wide, await newPage(320)]) {
      await page.goto(`${app.baseUrl}${href}`);
      await page.waitForLoadState('load');
      expect(await idleTabStops(page)).toEqual([]);
      expect(await unreachableScrollBoxes(page)).toEqual([]);
    }
    // At 1280 px at least one table fits (no tab stop); at 320 px at least one scrolls (a tab stop).
    const stops = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.table-scroll')].map((el) => el.tabIndex >= 0));
    expect((await stops(wide)).some((s) => !s)).toBe(true);
    const narrow = contexts[contexts.length - 1].pages()[0];
    expect((await stops(narrow)).some((s) => s)).toBe(true);
  });

  it('after "Opslaan en later verder" focus lands on the saved message; an exclusive answer says what it unticked', async () => {
    const code = (await app.db.one<{ code: string }>(
      `SELECT code FROM municipalities WHERE year = (SELECT register_year FROM editions WHERE year = 2023) AND code NOT IN
         (SELECT municipality_code FROM responses WHERE edition = 2023) ORDER BY code LIMIT 1`,
    ))!.code;
    const page = await newPage(1280);
    await page.goto(`${app.baseUrl}/v/${await createPersonalLink(app.db, 2023, code)}`);
    await page.getByRole('heading', { level: 1, name: 'Vragenlijst 2023' }).waitFor();
    await page.getByRole('link', { name: 'Duurzame aanpak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Duurzame aanpak' }).waitFor();
    await page.waitForLoadState('load');

    // Ticking the exclusive "Nee" unticks the others, and the live region says which.
    const q = page.getByRole('group', { name: /Maakt uw gemeente gebruik van best practices/ });
    await q.getByRole('checkbox', { name: /Movisie/ }).check();
    await q.getByRole('checkbox', { name: /^Nee/ }).check();
    expect(await q.getByRole('checkbox', { name: /Movisie/ }).isChecked()).toBe(false);
    const live = page.locator('#js-announce');
    await expect.poll(() => live.textContent()).toMatch(/^Uitgevinkt: “Ja, uit de databank 'Effectieve interventies' van Movisie”, omdat dat niet samengaat met “Nee/);
    expect(await live.getAttribute('role')).toBe('status');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await expectNoAxeViolations(page, 'theme page with the exclusive notice');

    await page.getByRole('button', { name: 'Opslaan en later verder' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Uw antwoorden zijn opgeslagen' });
    await saved.waitFor();
    await page.waitForLoadState('load');
    expect(await saved.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'start page after saving');
    expect(browserErrors(page)).toEqual([]);
  });

  it('at 320 px with WCAG text spacing, long Dutch compounds break: no page of the questionnaire scrolls sideways', async () => {
    const code = (await app.db.one<{ code: string }>(
      `SELECT code FROM municipalities WHERE year = (SELECT register_year FROM editions WHERE year = 2023) AND code NOT IN
         (SELECT municipality_code FROM responses WHERE edition = 2023) ORDER BY code OFFSET 2 LIMIT 1`,
    ))!.code;
    const page = await newPage(320);
    // WCAG 1.4.12 as the audit's bookmarklet sets it (inline: the CSP allows no injected style sheet).
    const textSpacing = () =>
      page.evaluate(() =>
        document.querySelectorAll<HTMLElement>('body *').forEach((e) => {
          e.style.lineHeight = '1.5';
          e.style.letterSpacing = '0.12em';
          e.style.wordSpacing = '0.16em';
        }),
      );
    const start = `${app.baseUrl}/v/${await createPersonalLink(app.db, 2023, code)}`;
    await page.goto(start);
    const themes = await page.getByRole('main').locator('a.theme-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(themes.length).toBeGreaterThan(5);
    for (const url of [start, ...themes]) {
      await page.goto(url);
      await page.waitForLoadState('load');
      await textSpacing();
      expect(await overflow(page), new URL(url).pathname.replace(/\/v\/[^/]+/, '/v/…')).toBeLessThanOrEqual(0);
    }
  });

  it('without JavaScript the saved message takes focus too (autofocus)', async () => {
    const code = (await app.db.one<{ code: string }>(
      `SELECT code FROM municipalities WHERE year = (SELECT register_year FROM editions WHERE year = 2023) AND code NOT IN
         (SELECT municipality_code FROM responses WHERE edition = 2023) ORDER BY code OFFSET 1 LIMIT 1`,
    ))!.code;
    const page = await newPage(1280, { javaScriptEnabled: false });
    await page.goto(`${app.baseUrl}/v/${await createPersonalLink(app.db, 2023, code)}?opgeslagen=1`);
    const saved = page.getByRole('status').filter({ hasText: 'Uw antwoorden zijn opgeslagen' });
    await saved.waitFor();
    expect(await saved.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('every footer links the accessibility statement, privacy and contact pages; axe 0 on them in Dutch and English', async () => {
    const page = await newPage(1280, { staff: true });
    for (const from of ['/', '/resultaten/2022', '/beheer']) {
      await page.goto(`${app.baseUrl}${from}`);
      const footer = page.getByRole('navigation', { name: 'Over deze website' });
      for (const name of ['Toegankelijkheidsverklaring', 'Privacyverklaring', 'Contact']) expect(await footer.getByRole('link', { name }).count(), `${from}: ${name}`).toBe(1);
    }
    await page.goto(`${app.baseUrl}/beheer`);
    await page.getByRole('navigation', { name: 'Over deze website' }).getByRole('link', { name: 'Toegankelijkheidsverklaring' }).click();
    await arrive(page, 'Toegankelijkheidsverklaring');
    for (const test of ['tests/e2e/accessibility-audit.test.ts', 'tests/pdf-accessibility.test.ts']) expect(await page.getByText(test).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: 'Bekende beperkingen' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await arrive(page, 'Accessibility statement');
    await page.getByRole('navigation', { name: 'About this website' }).getByRole('link', { name: 'Privacy statement' }).click();
    await arrive(page, 'Privacy statement');
    await page.getByRole('navigation', { name: 'About this website' }).getByRole('link', { name: 'Contact' }).click();
    await arrive(page, 'Contact', 'contact (en)');
    await page.getByRole('link', { name: 'Lees deze pagina in het Nederlands' }).click();
    await arrive(page, 'Contact', 'contact (nl)');
    await page.getByRole('navigation', { name: 'Over deze website' }).getByRole('link', { name: 'Privacyverklaring' }).click();
    await arrive(page, 'Privacyverklaring');
    expect(await page.getByText('365 dagen na publicatie').count()).toBe(1);
    expect(browserErrors(page)).toEqual([]);
  });
});
