// The reports as a new user meets them, in Chromium on the demo data, with and without JavaScript,
// every page checked with axe against WCAG 2.2 AA:
// - the municipal web report behind the personal link: theme choice by links, the English switch,
//   print (and the browser's own PDF), the factsheet download (a real PDF), the advisor request
//   (error summary, then the confirmation), at 1280 and 320 CSS pixels wide;
// - another municipality's link shows only its own report; an altered link the "link werkt niet" page;
// - the national results: list, summary, response with its map, every theme page, charts with text
//   alternatives, Dutch and English, 320 pixels wide;
// - the public example factsheet of Gravendonck;
// - staff: the bureau opens a report; an advisor of another region gets a refusal;
// - the comparison with municipalities of similar size: the report's panel (a GET form) and the
//   national table per size class, with and without JavaScript.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonalLink } from '../../src/modules/auth/index.ts';
import { loadDemo } from '../../src/modules/demo/index.ts';
import { launchBrowser, newContext, withCheckablePage } from './browser.ts';
import {
  download, escapeRegExp, expectAllVisible, expectChartsHaveTextAlternatives, expectNoSidewaysScroll, pdfText,
} from './reports-helpers.ts';
import { arrive, signIn, type StaffApp, staffAccount, startStaffApp } from './staff-helpers.ts';

const NOW = new Date('2024-03-04T09:00:00Z');
const now = () => NOW;

type Municipality = { code: string; name: string; token: string; advisor: string };

let app: StaffApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** A and C: 2022 respondents in a province with many respondents; B: one with another advisor than A. */
let A: Municipality;
let B: Municipality;
let C: Municipality;
/** An advisor (with an account) whose region does not hold A. */
let stranger: { accountId: number; name: string };
let adminId: number;

beforeAll(async () => {
  [app, browser] = await Promise.all([startStaffApp({ now }), launchBrowser()]);
  // The demo: editions 2019–2022 published, advisors for every municipality, synthetic wijk figures.
  await loadDemo(app.db, { now: new Date('2024-03-01T10:00:00Z') });
  const rows = await app.db.query<{ code: string; name: string; advisor: string; advisorId: number }>(
    `SELECT r.municipality_code AS code, m.name, a.name AS advisor, a.id AS "advisorId"
       FROM responses r
       JOIN municipalities m ON m.year = 2022 AND m.code = r.municipality_code
       JOIN advisor_municipalities am ON am.municipality_code = r.municipality_code
       JOIN advisors a ON a.id = am.advisor_id
      WHERE r.edition = 2022 AND r.submitted_at IS NOT NULL
        AND m.province_code IN (
          SELECT m2.province_code FROM responses r2 JOIN municipalities m2 ON m2.year = 2022 AND m2.code = r2.municipality_code
           WHERE r2.edition = 2022 AND r2.submitted_at IS NOT NULL GROUP BY 1 HAVING count(*) >= 10)
        AND EXISTS (SELECT 1 FROM wijk_figures w WHERE w.municipality_code = r.municipality_code AND w.region_code LIKE 'WK%')
      ORDER BY r.municipality_code`,
  );
  expect(rows.length).toBeGreaterThan(3);
  const [a, c] = rows;
  const b = rows.find((r) => r.advisorId !== a.advisorId && r.code !== c.code) as (typeof rows)[number];
  const withToken = async (r: (typeof rows)[number]) => ({ code: r.code, name: r.name, advisor: r.advisor, token: await createPersonalLink(app.db, 2022, r.code) });
  [A, B, C] = await Promise.all([withToken(a), withToken(b), withToken(c)]);
  const s = await app.db.one<{ accountId: number; name: string }>(
    `SELECT a.account_id AS "accountId", a.name FROM advisors a
      WHERE a.account_id IS NOT NULL AND a.id <> $2
        AND NOT EXISTS (SELECT 1 FROM advisor_municipalities am WHERE am.advisor_id = a.id AND am.municipality_code = $1)
      ORDER BY a.id LIMIT 1`,
    [A.code, a.advisorId],
  );
  stranger = s as { accountId: number; name: string };
  adminId = (await staffAccount(app.db, 'admin', NOW, 'Bea Beheer')).id;
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

async function newPage(javaScriptEnabled: boolean, width = 1280): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 }, locale: 'nl-NL' });
  contexts.push(context);
  context.setDefaultTimeout(15_000); // fail at the step, well before the test's own timeout
  return context.newPage();
}

const reportUrl = (m: Municipality) => `${app.baseUrl}/v/${m.token}/rapport`;
const js = (on: boolean) => (on ? 'with JavaScript' : 'without JavaScript');
/** The address without the secret token, for messages. */
const where = (page: Page) => new URL(page.url()).pathname.replace(/\/v\/[^/]+/, '/v/…');
/** Waits for the page with this main heading, without axe (for a view already checked). */
async function see(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  await page.waitForLoadState('load');
}
const isFocused = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el === document.activeElement);

/** Follows a link and waits until the browser is at its address (the same h1 is on every theme view). */
async function follow(page: Page, link: ReturnType<Page['getByRole']>): Promise<string> {
  const href = (await link.getAttribute('href')) as string;
  const target = new URL(href, page.url());
  await link.click();
  await page.waitForURL((u) => u.pathname === target.pathname && u.search === target.search);
  return href;
}

/** The theme shown in part 2: the keys of the theme sections on the page. */
const shownThemes = (page: Page) => page.locator('.report-theme > h3').evaluateAll((hs) => hs.map((h) => h.id.replace(/^thema-/, '')));

// The runs with and without JavaScript go side by side (it.concurrent), two streams for two cores:
// each has its own browser context, its own municipality and so its own outbox row.
describe('the municipal web report behind the personal link', { timeout: 120_000 }, () => {
  for (const script of [true, false]) {
    it.concurrent(`${js(script)}: themes by links, English, print, factsheet, advisor request, 320 pixels`, async () => {
      const m = script ? A : C;
      const page = await newPage(script);
      const title = `Rapportage ${m.name}`;
      await page.goto(reportUrl(m));
      await see(page, title); // checked with axe below, as the first theme's view
      expect(await page.title()).toContain(title);
      // Part 1: the synthetic wijk figures, as a chart with the same figures in a table.
      expect(await page.getByText('Synthetische cijfers (demo).', { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('table', { name: /^Eenzaamheid per wijk, \d{4}/ }).isVisible()).toBe(true);
      expect(await expectChartsHaveTextAlternatives(page, 'the report')).toBe(1);

      // Part 2: every theme by its link, then all themes; each view passes axe.
      const nav = page.getByRole('navigation', { name: 'Kies een thema' });
      const labels = (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
      expect(labels).toHaveLength(10);
      expect(labels.at(-1)).toBe("Alle thema's");
      const first = await shownThemes(page);
      expect(first, 'the first theme is shown at first').toHaveLength(1);
      const keys: string[] = [];
      for (const label of labels) {
        const link = nav.getByRole('link', { name: label, exact: true });
        const key = new URL(await follow(page, link), page.url()).searchParams.get('thema') as string;
        await arrive(page, title, `theme "${label}" ${js(script)}`);
        expect(await nav.getByRole('link', { name: label, exact: true }).getAttribute('aria-current')).toBe('page');
        expect(await nav.locator('[aria-current="page"]').count()).toBe(1);
        if (key === 'alle') {
          expect(await shownThemes(page)).toEqual(keys);
          // Every table's scroll box is a region named by its caption and its question: no two alike
          // (axe's best-practice rule, beyond the WCAG rules arrive() runs).
          // (Without JavaScript axe runs on a copy of the page: its timers never fire there.)
          const unique = await withCheckablePage(page, (p) => new AxeBuilder({ page: p }).withRules(['landmark-unique']).setLegacyMode().analyze());
          const duplicates = unique.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
          expect(duplicates.join('\n')).toBe('');
        } else {
          expect(await shownThemes(page)).toEqual([key]);
          keys.push(key);
        }
        // The link asks the browser to scroll to part 2.
        expect(new URL(page.url()).hash).toBe('#wat-nu');
      }
      expect(keys[0]).toBe(first[0]);
      expect(new Set(keys).size).toBe(9);

      // The English switch keeps the chosen theme; and back.
      const third = keys[2];
      await follow(page, nav.getByRole('link', { name: labels[2], exact: true }));
      await page.getByRole('link', { name: 'Read this page in English' }).click();
      await page.waitForURL(/[?&]lang=en/);
      await arrive(page, `Report for ${m.name}`, `the report in English, theme ${third}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(new URL(page.url()).searchParams.get('thema')).toBe(third);
      expect(await shownThemes(page)).toEqual([third]);
      const enNav = page.getByRole('navigation', { name: 'Choose a theme' });
      expect(await enNav.locator('[aria-current="page"]').getAttribute('href')).toContain(`thema=${third}`);
      expect(await enNav.getByRole('link', { name: 'All themes', exact: true }).isVisible()).toBe(true);
      await page.getByRole('link', { name: 'Lees deze pagina in het Nederlands' }).click();
      await page.waitForURL(/[?&]lang=nl/);
      await see(page, title);
      expect(await shownThemes(page)).toEqual([third]);

      // Print, all themes: the municipality, every part, chart and table are on paper; the menus are not.
      await follow(page, nav.getByRole('link', { name: "Alle thema's", exact: true }));
      await page.waitForLoadState('load');
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('heading', { level: 1, name: title, exact: true }).isVisible()).toBe(true);
      await expectAllVisible(page.locator('.report-part > h2'), 'the three parts in print');
      expect(await page.locator('.report-part > h2').count()).toBe(3);
      expect(await expectAllVisible(page.locator('.report-theme > h3'), 'the theme headings in print')).toBe(9);
      const tables = await expectAllVisible(page.locator('main table'), 'the tables in print');
      await expectAllVisible(page.locator('svg.chart'), 'the wijk chart in print');
      expect(await expectAllVisible(page.locator('.report-question'), 'the questions in print')).toBeGreaterThan(9);
      await expectAllVisible(page.locator('.advisor-card'), 'who the advisor is, in print');
      if (await page.locator('.tip').count()) await expectAllVisible(page.locator('.tip'), 'the tips in print');
      // A table is printed whole: its box does not cut it off.
      const cut = await page.locator('.table-scroll').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
      expect(cut, 'tables wider than their box in print').toBe(0);
      expect(await nav.isVisible()).toBe(false);
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      if (script) {
        // The browser's own "save as PDF" of the whole report holds the name, the parts and the last theme.
        const text = pdfText(await page.pdf({ format: 'A4', printBackground: true }));
        expect(text).toContain(title);
        expect(text).toContain('3. Wat uw gemeente nog meer kan doen');
        expect(text).toContain('Eenzaamheid per wijk');
        expect(text).toContain('Uitdagingen en ondersteuningsbehoeften');
      }
      await page.emulateMedia({ media: 'screen' });
      expect(tables).toBeGreaterThan(9);

      // 320 CSS pixels (400% zoom): nothing scrolls sideways but the tables in their own box; still axe-clean.
      await page.setViewportSize({ width: 320, height: 640 });
      await expectNoSidewaysScroll(page, 320, `the report with all themes ${js(script)}`);
      await follow(page, nav.getByRole('link', { name: labels[3], exact: true }));
      await expectNoSidewaysScroll(page, 320, `theme ${labels[3]} ${js(script)}`);
      await (script ? arrive(page, title, `theme ${labels[3]} at 320px`) : see(page, title));
      await page.setViewportSize({ width: 1280, height: 900 });

      // The factsheet: a real A4 PDF with the municipality and the edition.
      const sheet = await download(page, () => page.getByRole('link', { name: 'Download de factsheet (pdf, A4)' }).click());
      expect(sheet.name).toBe(`factsheet-2022-${m.code}.pdf`);
      const sheetText = pdfText(sheet.file);
      expect(sheetText).toContain(m.name);
      expect(sheetText).toContain('Benchmark Eén tegen eenzaamheid 2022');

      // The advisor request: a wrong e-mail address → the error summary linking to the field.
      const advisorSection = page.getByRole('region', { name: 'Bespreek de resultaten met uw adviseur' });
      const send = () => page.getByRole('button', { name: `Verstuur verzoek aan ${m.advisor}`, exact: true }).click();
      expect(await advisorSection.getByText(m.advisor, { exact: true }).isVisible()).toBe(true);
      await page.getByLabel('Uw naam (niet verplicht)').fill('Wim Wethouder');
      await page.getByLabel('Uw e-mailadres (niet verplicht)').fill('wim@@gemeente');
      await page.getByLabel('Waarover wilt u praten? (niet verplicht)').fill('De tips over de lokale coalitie.');
      await send();
      const summary = page.getByRole('alert');
      await summary.getByText('Er is een probleem').waitFor();
      await arrive(page, 'Bespreek de resultaten met uw adviseur', `the advisor request with an error ${js(script)}`);
      expect(await page.title()).toMatch(/^Er is een probleem: /);
      if (script) expect(await isFocused(page, '.error-summary'), 'the error summary takes focus').toBe(true);
      const email = page.getByLabel('Uw e-mailadres (niet verplicht)');
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      expect(await email.inputValue()).toBe('wim@@gemeente');
      expect(await page.getByLabel('Uw naam (niet verplicht)').inputValue()).toBe('Wim Wethouder');
      await summary.getByRole('link', { name: /^Vul een geldig e-mailadres in/ }).click();
      expect(await isFocused(page, '#adviseur-email'), 'the summary link goes to the field').toBe(true);
      await email.fill('wim@gemeente.example.nl');
      await send();
      await page.waitForURL(/[?&]verzoek=verstuurd/);
      await arrive(page, title, `the report after the request ${js(script)}`);
      const notice = page.getByRole('status').filter({ hasText: 'Uw verzoek is verstuurd' });
      expect(await notice.textContent()).toContain(`Uw verzoek is verstuurd naar ${m.advisor}.`);
      expect(await notice.isVisible()).toBe(true);
      const mail = await app.db.query<{ text: string }>(`SELECT body_text AS text FROM outbox WHERE kind = 'advisor-request' AND municipality_code = $1`, [m.code]);
      expect(mail).toHaveLength(1);
      expect(mail[0].text).toContain('wim@gemeente.example.nl');
      // A second request the same day: nothing new is sent, and the page says so.
      await send();
      await page.waitForURL(/[?&]verzoek=eerder/);
      await see(page, title);
      expect(await page.getByRole('status').filter({ hasText: 'Vandaag is al een verzoek' }).isVisible()).toBe(true);
      expect(await app.db.query(`SELECT 1 FROM outbox WHERE kind = 'advisor-request' AND municipality_code = $1`, [m.code])).toHaveLength(1);
    });
  }

  it("another municipality's link shows only its own report; an altered link does not work", async () => {
    const page = await newPage(true);
    await page.goto(reportUrl(B));
    await arrive(page, `Rapportage ${B.name}`, 'the report of B');
    expect(await page.getByRole('main').textContent()).not.toContain(A.name);
    // Codes in the address change nothing: the link decides.
    await page.goto(`${reportUrl(B)}?gemeente=${A.code}&code=${A.code}&thema=alle`);
    await see(page, `Rapportage ${B.name}`);
    expect(await page.getByRole('main').textContent()).not.toContain(A.name);
    // A's link with one character changed: the accessible "link werkt niet" page, not a report.
    const altered = `${A.token.slice(0, 10)}${A.token[10] === 'x' ? 'y' : 'x'}${A.token.slice(11)}`;
    for (const [i, url] of [`${app.baseUrl}/v/${altered}/rapport`, `${app.baseUrl}/v/${altered}/factsheet.pdf`].entries()) {
      const res = await page.goto(url);
      expect(res?.status(), where(page)).toBe(404);
      await (i === 0 ? arrive(page, 'Deze link werkt niet', 'an altered link') : see(page, 'Deze link werkt niet'));
      expect(await page.getByRole('main').textContent()).not.toContain(A.name);
    }
  });
});

describe('the national results', { timeout: 90_000 }, () => {
  for (const script of [true, false]) {
    it.concurrent(`${js(script)}: list, summary, response with the map, every theme; text alternatives; English`, async () => {
      const page = await newPage(script);
      await page.goto(`${app.baseUrl}/resultaten`);
      await arrive(page, 'Landelijke resultaten', `results list ${js(script)}`);
      await follow(page, page.getByRole('link', { name: 'Resultaten 2022', exact: true }));
      await arrive(page, 'Landelijke resultaten 2022', `summary 2022 ${js(script)}`);
      const nav = page.getByRole('navigation', { name: 'Onderdelen van de resultaten 2022' });
      expect(await nav.getByRole('link', { name: 'Samenvatting' }).getAttribute('aria-current')).toBe('page');

      await follow(page, nav.getByRole('link', { name: 'Respons', exact: true }));
      await arrive(page, 'Respons 2022', `response 2022 ${js(script)}`);
      expect(await page.locator('.chart-figure--map svg.chart').count(), 'the map').toBe(1);
      expect(await page.locator('.chart-figure--map figcaption').textContent()).toMatch(/Gemeenten die de vragenlijst 2022 hebben ingevuld/);
      // The map, the provinces and the response over time (figure 3: the demo's submissions span weeks).
      expect(await expectChartsHaveTextAlternatives(page, 'response 2022')).toBe(3);
      expect(await page.locator('#verloop figcaption').textContent()).toMatch(/^Figuur 3\. Respons per dag van het veldwerk 2022/);
      expect(await page.getByRole('table', { name: /^Respons per provincie/ }).isVisible()).toBe(true);
      // The list of municipalities (the map in words) opens without script.
      await page.locator('details.municipality-list > summary').click();
      expect(await page.locator('details.municipality-list').getAttribute('open')).not.toBeNull();
      if (script) await arrive(page, 'Respons 2022', 'response 2022 with the list open');

      // Every theme page, in the order of the menu.
      const themeLinks = nav.locator('a[href*="/thema/"]');
      const hrefs = await themeLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href') as string));
      expect(hrefs).toHaveLength(9);
      let charts = 0;
      for (const href of hrefs) {
        await follow(page, nav.locator(`a[href="${href}"]`));
        await page.waitForLoadState('load');
        const h1 = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
        expect(h1).not.toBe('');
        await arrive(page, h1, `theme page ${href} ${js(script)}`);
        expect(await nav.locator(`a[href="${href}"]`).getAttribute('aria-current')).toBe('page');
        charts += await expectChartsHaveTextAlternatives(page, href);
        // Every chart's figures are in a table with a caption.
        expect(await page.locator('.question-result table caption').count()).toBeGreaterThanOrEqual(await page.locator('.question-result svg.chart').count());
      }
      expect(charts, 'charts on the theme pages').toBeGreaterThan(9);

      // English and back, on a theme page: the same page in the other language.
      const themePath = new URL(page.url()).pathname;
      await page.getByRole('link', { name: 'Read this page in English' }).click();
      await page.waitForURL(/[?&]lang=en/);
      expect(new URL(page.url()).pathname).toBe(themePath);
      await page.getByRole('navigation', { name: 'Parts of the results 2022' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      const h1en = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
      await arrive(page, h1en, `a theme page in English ${js(script)}`);
      expect(h1en).toBe('Challenges and support needs');
      await page.getByRole('navigation', { name: 'Parts of the results 2022' }).getByRole('link', { name: 'Summary', exact: true }).click();
      await see(page, 'National results 2022');
      await page.getByRole('link', { name: 'Lees deze pagina in het Nederlands' }).click();
      await see(page, 'Landelijke resultaten 2022');
    });
  }

  it('at 320 pixels wide: a theme page and the response page reflow', async () => {
    const page = await newPage(true, 320);
    for (const [path, heading, axe] of [
      ['/resultaten/2022/thema/doorbreken', 'Actielijn 2: Doorbreken en duurzaam aanpakken', true],
      ['/resultaten/2022/thema/uitdagingen', 'Uitdagingen en ondersteuningsbehoeften', false], // long words in headings
      ['/resultaten/2022/respons', 'Respons 2022', false],
    ] as const) {
      await page.goto(`${app.baseUrl}${path}`);
      await (axe ? arrive(page, heading, `${path} at 320px`) : see(page, heading));
      await expectNoSidewaysScroll(page, 320, path);
      // A question's wide chart gives way to its narrow variant below 40em (issue 18.4).
      await expectAllVisible(page.locator('svg.chart:not(.chart-wide > svg), .chart-narrow > svg'), `the charts of ${path} at 320px`);
    }
  });
});

describe('the example factsheet and the staff view', { timeout: 60_000 }, () => {
  it('the public example factsheet of Gravendonck is a PDF', async () => {
    const page = await newPage(true);
    const res = await page.request.get(`${app.baseUrl}/voorbeeld/factsheet.pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const text = pdfText(await res.body());
    expect(text).toContain('Gravendonck');
    expect(text).toContain('Benchmark Eén tegen eenzaamheid 2022');
    // Opened in the browser: the PDF itself, shown in the browser (inline), with a sensible file name.
    const opened = await page.goto(`${app.baseUrl}/voorbeeld/factsheet.pdf`);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()['content-type']).toBe('application/pdf');
    expect(opened?.headers()['content-disposition']).toBe('inline; filename="factsheet-voorbeeld-gravendonck.pdf"');
  });

  it('the home page links the example report and factsheet; the example report is public and passes axe', async () => {
    const page = await newPage(true);
    await page.goto(`${app.baseUrl}/`);
    await arrive(page, 'Benchmark Eén tegen eenzaamheid', 'the home page');
    await page.getByRole('link', { name: 'Voorbeeldrapportage van Gravendonck' }).click();
    await arrive(page, 'Rapportage Gravendonck', 'the public example report');
    await page.goBack();
    expect(await page.getByRole('link', { name: 'Voorbeeldfactsheet van Gravendonck (pdf)' }).getAttribute('href')).toBe('/voorbeeld/factsheet.pdf');
  });

  it('the bureau sees a report at /beheer/rapport; an advisor of another region is refused', async () => {
    const page = await newPage(true);
    await signIn(page.context(), app, adminId, NOW);
    await page.goto(`${app.baseUrl}/beheer/rapport/2022/${A.code}`);
    await arrive(page, `Rapportage ${A.name}`, 'the report for the bureau');
    expect(await page.getByRole('navigation', { name: 'Beheermenu' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Verstuur verzoek/ }).count(), 'staff cannot send the request').toBe(0);
    const nav = page.getByRole('navigation', { name: 'Kies een thema' });
    await follow(page, nav.getByRole('link', { name: "Alle thema's", exact: true }));
    await see(page, `Rapportage ${A.name}`);
    expect(await shownThemes(page)).toHaveLength(9);
    const sheet = await download(page, () => page.getByRole('link', { name: 'Download de factsheet (pdf, A4)' }).click());
    expect(pdfText(sheet.file)).toContain(A.name);

    const other = await newPage(true);
    await signIn(other.context(), app, stranger.accountId, NOW);
    const res = await other.goto(`${app.baseUrl}/beheer/rapport/2022/${A.code}`);
    expect(res?.status()).toBe(404);
    await arrive(other, 'Pagina niet gevonden', `the report of ${A.name} for ${stranger.name} (another region)`);
    expect(await other.getByRole('main').textContent()).not.toMatch(new RegExp(escapeRegExp(A.name)));
    const file = await other.request.get(`${app.baseUrl}/beheer/factsheet/2022/${A.code}.pdf`);
    expect(file.status()).toBe(404);
  });
});

// Issue 19.1: comparing with municipalities of similar size, in the web report and the national results.
describe('comparison with municipalities of similar size', { timeout: 60_000 }, () => {
  for (const script of [true, false]) {
    it(`${js(script)}: the report's comparison panel chooses the size class; the national size table opens; axe`, async () => {
      const page = await newPage(script);
      const title = `Rapportage ${B.name}`;
      await page.goto(reportUrl(B));
      await see(page, title);
      const panel = page.getByRole('group', { name: 'Vergelijk uw antwoorden met' });
      expect(await panel.getByRole('radio', { name: /^gemeenten in de provincie / }).isChecked()).toBe(true);
      await panel.getByRole('radio', { name: /^gemeenten van vergelijkbare grootte / }).check();
      await page.getByRole('button', { name: 'Toon de vergelijking' }).click();
      await page.waitForURL((u) => u.searchParams.get('vergelijk') === 'grootte');
      await arrive(page, title, `the report compared with similar municipalities ${js(script)}`);
      expect(new URL(page.url()).hash).toBe('#wat-nu');
      expect(await page.getByRole('radio', { name: /^gemeenten van vergelijkbare grootte / }).isChecked()).toBe(true);
      const heads = await page.locator('.report-question table thead th').allTextContents();
      expect(heads.some((h) => /^Gemeenten met .*inwoners/.test(h.trim()))).toBe(true);
      expect(heads.some((h) => h.trim().startsWith('Provincie '))).toBe(false);

      await page.goto(`${app.baseUrl}/resultaten/2022/thema/signaleren`);
      const h1 = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
      await page.getByText('Per grootteklasse van de gemeente (2022)').first().click();
      expect(await page.getByRole('table', { name: /^Cijfers bij figuur \d+ per grootteklasse/ }).first().isVisible()).toBe(true);
      await arrive(page, h1, `a national theme page with the size table open ${js(script)}`);
    });
  }
});
