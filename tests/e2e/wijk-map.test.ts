// Issue 19.3 in Chromium: part 1 of a municipality's web report shows its wijken as a map coloured
// by the share of lonely adults, a wijk without figures hatched, the legend and the table beside it
// as the text alternative; axe finds nothing; at 320 CSS pixels nothing scrolls sideways and the
// legend stays readable; without JavaScript. The factsheet PDF has the map and names the wijken.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonalLink } from '../../src/modules/auth/index.ts';
import { openEdition } from '../../src/modules/editions/index.ts';
import { writeSyntheticWijkFigures } from '../../src/modules/wijk-figures/index.ts';
import { storeSubmitted } from '../next-edition-fixtures.ts';
import { launchBrowser, newContext, type RunningApp, startApp } from './browser.ts';
import { download, expectChartsHaveTextAlternatives, expectNoSidewaysScroll, pdfText } from './reports-helpers.ts';
import { arrive } from './staff-helpers.ts';

const NOW = new Date('2024-03-04T09:00:00Z');
let app: RunningApp;
let browser: Browser;
let token: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ now: () => NOW }), launchBrowser()]);
  await openEdition(app.db, 2022, '2022-12-31', NOW);
  await storeSubmitted(app.db, 2022, [['GM0014', {}]], NOW);
  await writeSyntheticWijkFigures(app.db, { seed: 3, now: NOW, municipalities: ['GM0014'] });
  // Oud-Zuid without figures: hatched on the map.
  await app.db.query(`DELETE FROM wijk_figures WHERE region_code = 'WK001401'`);
  token = await createPersonalLink(app.db, 2022, 'GM0014');
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

async function newPage(width: number): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width, height: 900 }, locale: 'nl-NL', acceptDownloads: true });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

describe('the wijk map in the municipal web report (without JavaScript)', { timeout: 90_000 }, () => {
  it('a map with legend and the table beside it, axe-clean at 1280 and 320 pixels; the factsheet names the wijken', async () => {
    const page = await newPage(1280);
    await page.goto(`${app.baseUrl}/v/${token}/rapport`);
    await arrive(page, 'Rapportage Groningen', 'the report with the wijk map');
    const map = page.getByRole('img', { name: /^Kaart: aandeel volwassenen dat zich eenzaam voelt, per wijk van Groningen \(2022\)/ });
    expect(await map.isVisible()).toBe(true);
    expect(await expectChartsHaveTextAlternatives(page, 'the report')).toBe(1);
    expect(await page.locator('svg.chart--wijk-map path').count()).toBe(20);
    expect(await page.locator('svg.chart--wijk-map path[fill^="url("]').count()).toBe(1);
    const legend = page.getByRole('list', { name: 'Legenda: percentage eenzame volwassenen' });
    expect((await legend.getByRole('listitem').allTextContents()).map((s) => s.trim())).toEqual(
      ['minder dan 40%', '40 tot 45%', '45 tot 50%', '50 tot 55%', '55% of meer', 'geen cijfers']);
    const table = page.getByRole('table', { name: 'Eenzaamheid per wijk, 2022 (percentage volwassenen)' });
    expect(await table.isVisible()).toBe(true);
    expect((await table.getByRole('row', { name: /^Oud-Zuid/ }).allTextContents()).join(' ')).toContain('geen cijfers');
    // Side by side on a wide screen: the table starts at the map's height, to its right.
    const [m, t] = [await map.boundingBox(), await table.boundingBox()];
    expect(t && m && t.x > m.x + m.width - 1).toBe(true);

    // 320 CSS pixels: the map fits, the table goes under it, the legend is text at full size.
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page, 320, 'the report with the wijk map');
    const small = await map.boundingBox();
    expect(small && small.width <= 320 && small.width > 200).toBe(true);
    const under = await table.boundingBox();
    expect(under && small && under.y > small.y + small.height).toBe(true);
    const fontSize = await legend.getByRole('listitem').first().evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    await arrive(page, 'Rapportage Groningen', 'the report with the wijk map at 320px');

    // The factsheet: the map page, every wijk named in its table.
    const sheet = await download(page, () => page.getByRole('link', { name: 'Download de factsheet (pdf, A4)' }).click());
    const text = pdfText(sheet.file);
    expect(text).toContain('1. Eenzaamheid in uw gemeente');
    for (const w of ['Centrum', 'Oud-Zuid', 'Oosterparkwijk', 'Helpman e.o.', 'Glimmen-Onnen-Noordlaren']) expect(text).toContain(w);
    expect(text).toContain('Wijkgrenzen: CBS en Kadaster, Wijk- en Buurtkaart 2024 (CC BY 4.0).');
  });
});
