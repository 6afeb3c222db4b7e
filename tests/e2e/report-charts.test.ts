// Issue 18.4 in Chromium, without JavaScript, on the demo data: the national results' charts stay
// readable from 320 px to wide screens by a layout switch (the narrow variant below 40em), not by
// shrinking: at 320 px every text in the shown charts is rendered at 12 px or more (measured with
// getBoundingClientRect against the SVG's scale), nothing scrolls sideways, axe finds nothing.
// The summary shows the key figures as a visual. Screenshots go to test-results/report-charts/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/modules/demo/index.ts';
import { launchBrowser, newContext, type RunningApp, startApp } from './browser.ts';
import { expectNoSidewaysScroll } from './reports-helpers.ts';
import { arrive } from './staff-helpers.ts';

const NOW = new Date('2024-03-04T09:00:00Z');
const SHOTS = path.join('test-results', 'report-charts');
let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ now: () => NOW }), launchBrowser()]);
  await loadDemo(app.db, { now: new Date('2024-03-01T10:00:00Z') });
  fs.mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

async function newPage(width: number): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width, height: 900 }, locale: 'nl-NL' });
  contexts.push(context);
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

/** Rendered font size of every text in the shown question charts: the font size times the SVG's scale. */
async function chartTextSizes(page: Page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll('.question-result svg')].filter((svg) => (svg as SVGSVGElement).getBoundingClientRect().width > 0) as SVGSVGElement[];
    return shown.map((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll('text')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale);
      return { id: svg.id, cls: svg.getAttribute('class'), right: svg.getBoundingClientRect().right, min: Math.min(...sizes), texts: sizes.length };
    });
  });
}

/** Texts of the shown charts that stick out of their picture, and pairs of texts that overlap (issue 20). */
async function cutOffAndOverlap(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const shown = [...document.querySelectorAll('main svg.chart, main svg.chart-narrow-svg')].filter((svg) => svg.getBoundingClientRect().width > 0);
    for (const svg of shown) {
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '').map((t) => ({ t: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() }));
      for (const { t, r } of texts) {
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) problems.push(`${svg.id}: "${t}" is cut off`);
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const [a, b] = [texts[i].r, texts[j].r];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          // Glyph boxes of neighbouring lines touch; a real overlap covers part of a letter.
          if (w > 2 && h > 3) problems.push(`${svg.id}: "${texts[i].t}" overlaps "${texts[j].t}"`);
        }
      }
    }
    return { charts: shown.length, problems };
  });
}

describe('national results charts from 320 px to wide screens', { timeout: 180_000 }, () => {
  it('no label is cut off and no two texts overlap, wide and narrow, on every theme and the response page', async () => {
    for (const width of [1280, 320]) {
      const page = await newPage(width);
      await page.goto(`${app.baseUrl}/resultaten/2022`);
      const pages = [`${app.baseUrl}/resultaten/2022/respons`, ...(await page.locator('main a[href*="/resultaten/2022/thema/"]').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]))];
      expect(pages.length).toBeGreaterThan(5);
      for (const url of pages) {
        await page.goto(url);
        const { charts, problems } = await cutOffAndOverlap(page);
        expect(charts, url).toBeGreaterThan(0);
        expect(problems.join('\n'), `${url} at ${width}px`).toBe('');
      }
    }
  });

  it('at 320 px the narrow chart shows, its text is at least 12 px, no sideways scroll, axe 0; wide screens keep the wide chart', async () => {
    const page = await newPage(320);
    for (const theme of ['signaleren', 'doorbreken']) {
      await page.goto(`${app.baseUrl}/resultaten/2022/thema/${theme}`);
      const h1 = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
      await arrive(page, h1, `theme ${theme} at 320px`);
      await expectNoSidewaysScroll(page, 320, `theme ${theme}`);
      const charts = await chartTextSizes(page);
      expect(charts.length, `charts shown on ${theme}`).toBeGreaterThan(0);
      for (const c of charts) {
        expect(c.cls, `${c.id}: the narrow variant at 320px`).toBe('chart-narrow-svg');
        expect(c.texts).toBeGreaterThan(0);
        expect(c.min, `${c.id}: smallest rendered text`).toBeGreaterThanOrEqual(12);
        expect(c.right).toBeLessThanOrEqual(321);
      }
      // The narrow chart is the figure's image for a screen reader here (the wide one is display: none).
      expect(await page.getByRole('img').filter({ has: page.locator(':scope.chart-narrow-svg') }).count()).toBe(charts.length);
      await page.screenshot({ path: path.join(SHOTS, `thema-${theme}-320.png`), fullPage: true });
      await page.locator('.chart-narrow > svg').first().screenshot({ path: path.join(SHOTS, `thema-${theme}-320-grafiek.png`) });
    }

    const wide = await newPage(1280);
    await wide.goto(`${app.baseUrl}/resultaten/2022/thema/signaleren`);
    await arrive(wide, 'Actielijn 1: Signaleren en bespreekbaar maken', 'theme at 1280px');
    const charts = await chartTextSizes(wide);
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      expect(c.cls, `${c.id}: the wide chart at 1280px`).toBe('chart');
      expect(c.min).toBeGreaterThanOrEqual(11);
    }
    await wide.screenshot({ path: path.join(SHOTS, 'thema-signaleren-1280.png'), fullPage: true });
  });

  it('the summary shows the key figures as big numbers with a bar, at 320 and 1280 px', async () => {
    for (const width of [320, 1280]) {
      const page = await newPage(width);
      await page.goto(`${app.baseUrl}/resultaten/2022`);
      await arrive(page, 'Landelijke resultaten 2022', `summary at ${width}px`);
      await expectNoSidewaysScroll(page, width, 'summary');
      const tiles = page.locator('.key-figures > li.key-figure');
      expect(await tiles.count()).toBeGreaterThan(0);
      const first = tiles.first();
      expect((await first.locator('.key-figure-value').textContent())?.trim()).toMatch(/^\d+(,\d)?%$/);
      const big = await first.locator('.key-figure-value').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(big).toBeGreaterThanOrEqual(28);
      expect(await first.locator('svg.key-figure-bar').isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, `samenvatting-${width}.png`), fullPage: true });
    }
  });
});
