// Helpers for the report browser tests: reading a PDF's text (pdftotext from poppler-utils),
// downloads, the WCAG reflow check at 320 CSS pixels, what print keeps, and text alternatives.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The text of a PDF (file or bytes), whitespace collapsed, so a name broken over lines still matches. */
export function pdfText(pdf: string | Buffer): string {
  let file = typeof pdf === 'string' ? pdf : '';
  let tmp: string | undefined;
  if (typeof pdf !== 'string') {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-pdf-'));
    file = path.join(tmp, 'doc.pdf');
    fs.writeFileSync(file, pdf);
  }
  try {
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1'), 'a PDF starts with %PDF-').toBe('%PDF-');
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Clicks (or navigates) and returns the file the browser downloaded, with its suggested name. */
export async function download(page: Page, start: () => Promise<unknown>): Promise<{ file: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), start().catch((e: Error) => {
    // page.goto() to a file that is downloaded rejects with "Download is starting": expected.
    if (!/Download is starting/.test(e.message)) throw e;
  })]) as [Download, unknown];
  const failure = await d.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  return { file: (await d.path()) as string, name: d.suggestedFilename() };
}

/** WCAG 1.4.10 reflow: at this width the page as a whole does not scroll sideways (tables may, in their own box). */
export async function expectNoSidewaysScroll(page: Page, width: number, what: string): Promise<void> {
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 1;
    const inOwnBox = (el: Element) => !!el.parentElement?.closest('.table-scroll');
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const all = [...document.querySelectorAll('body *')].filter((el) => !inOwnBox(el));
    // For the message: elements that stick out, and the innermost elements whose own text overflows them.
    const out = all.filter((el) => el.getBoundingClientRect().right > limit).map((el) => `${name(el)} (right ${Math.round(el.getBoundingClientRect().right)})`);
    const overflowing = (el: Element) => el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible';
    const text = all.filter((el) => overflowing(el) && ![...el.children].some(overflowing)).map((el) => `text in ${name(el)}: "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    return { scroll: document.documentElement.scrollWidth, culprits: [...out.slice(-5), ...text.slice(0, 5)] };
  });
  expect(wide.scroll, `${what} at ${width}px scrolls sideways; sticking out: ${wide.culprits.join(', ')}`).toBeLessThanOrEqual(width + 1);
}

/** Every element of the locator is rendered (not display:none, not zero-sized) on the page as it is now. */
export async function expectAllVisible(locator: Locator, what: string): Promise<number> {
  const hidden = await locator.evaluateAll((els) =>
    els.filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden';
    }).length);
  const n = await locator.count();
  expect(n, `${what}: there is something to see`).toBeGreaterThan(0);
  expect(hidden, `${what}: ${hidden} of ${n} hidden`).toBe(0);
  return n;
}

/**
 * Every chart on the page is an image with a name, and has a text alternative beside it: a non-empty
 * figcaption, or a data table right after its figure (the figures themselves, in text).
 * Returns the number of charts.
 */
export async function expectChartsHaveTextAlternatives(page: Page, what: string): Promise<number> {
  const problems = await page.locator('svg.chart').evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      const out: string[] = [];
      const id = svg.id || '(no id)';
      if (svg.getAttribute('role') !== 'img') out.push(`${id}: not role=img`);
      const labelled = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
        .map((ref) => document.getElementById(ref)?.textContent?.trim() ?? '').join(' ').trim();
      if (!labelled && !svg.getAttribute('aria-label')) out.push(`${id}: no accessible name`);
      const figure = svg.closest('figure');
      const caption = figure?.querySelector(':scope > figcaption')?.textContent?.trim() ?? '';
      let next = figure?.nextElementSibling;
      // A note between the figure and its table is fine.
      while (next && next.tagName === 'P') next = next.nextElementSibling;
      const table = next?.matches('.table-scroll') ? next.querySelector('table') : null;
      if (!figure) out.push(`${id}: not in a figure`);
      else if (!caption && !table) out.push(`${id}: neither a figcaption nor a data table after it`);
      return out;
    }));
  expect(problems, `charts without a text alternative on ${what}`).toEqual([]);
  return page.locator('svg.chart').count();
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
