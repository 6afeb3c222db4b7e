// Browser tests: the real app on a loopback port, Debian's Chromium through playwright-core, axe for WCAG.
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { createApp } from '../../src/app.tsx';
import type { Config } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { createTestDb } from '../test-db.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type RunningApp = { db: Db; baseUrl: string; close(): Promise<void> };

/** A fresh test database and the whole app served on 127.0.0.1 at a free port. */
export async function startApp(opts: { now?: () => Date } = {}): Promise<RunningApp> {
  const db = await createTestDb();
  const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://127.0.0.1', demo: false };
  const app = createApp({ db, config, now: opts.now ?? (() => new Date()) });
  let server!: ServerType;
  const { port } = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  return {
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        // Keep-alive connections from the browser would hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      });
      await db.close();
    },
  };
}

/** Headless Debian Chromium, no network chatter of its own. Never downloads a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run',
    ],
  });
}

const withoutScript = new WeakSet<BrowserContext>();

/** browser.newContext(), remembering contexts with JavaScript off (axe has to check those differently). */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (options.javaScriptEnabled === false) withoutScript.add(context);
  context.on('page', watchConsole);
  return context;
}

const consoleErrors = new WeakMap<Page, string[]>();

/** Errors the browser logged on this page so far: a file that did not load (the icon, a style), a script error. */
export function browserErrors(page: Page): string[] {
  return consoleErrors.get(page) ?? [];
}

function watchConsole(page: Page): void {
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  // A page itself may come with a 400 (a form with errors) or a 404 on purpose; the tests check those statuses.
  const documents = new Set<string>();
  page.on('framenavigated', (frame) => documents.add(frame.url()));
  page.on('console', (m) => {
    const failedDocument = m.text().startsWith('Failed to load resource') && documents.has(m.location().url);
    if (m.type() === 'error' && !failedDocument) errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
}

/**
 * axe-core needs timers, which never fire with JavaScript off. Such a page is checked as a copy: its DOM
 * as it is now, served at the same URL (so the same styles load) in a scratch context where the app's
 * own script is replaced by an empty one, so nothing changes the markup. One scratch page per context.
 */
type Scratch = { page: Page; serve: { url: string; html: string } };
const scratches = new WeakMap<BrowserContext, Promise<Scratch>>();

async function openScratch(context: BrowserContext): Promise<Scratch> {
  const browser = context.browser();
  if (!browser) throw new Error('context has no browser');
  const scratch = await browser.newContext();
  context.on('close', () => void scratch.close().catch(() => {}));
  const serve = { url: '', html: '' };
  await scratch.route('**/*', (route) => {
    const req = route.request();
    if (req.url() === serve.url && req.isNavigationRequest()) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: serve.html });
    if (new URL(req.url()).pathname.endsWith('.js')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    return route.continue();
  });
  return { page: await scratch.newPage(), serve };
}

export async function withCheckablePage<T>(page: Page, check: (p: Page) => Promise<T>): Promise<T> {
  const context = page.context();
  if (!withoutScript.has(context)) return check(page);
  if (!scratches.has(context)) scratches.set(context, openScratch(context));
  const scratch = await (scratches.get(context) as Promise<Scratch>);
  scratch.serve.url = page.url();
  scratch.serve.html = await page.content();
  await scratch.page.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 });
  await scratch.page.goto(scratch.serve.url);
  return check(scratch.page);
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is now; throws with one readable line per violation and node. Throws first
 * when the browser has logged an error on the page (see browserErrors).
 * Legacy mode runs axe.run() in the page itself instead of finishing in an extra blank page: the same
 * rules, about three times faster; it only skips cross-origin frames, which these pages do not have.
 */
export async function expectNoAxeViolations(page: Page, what = page.url()): Promise<void> {
  const logged = browserErrors(page);
  if (logged.length > 0) throw new Error(`the browser logged ${logged.length} error(s) by ${what}:\n- ${logged.join('\n- ')}`);
  const result = await withCheckablePage(page, (p) => new AxeBuilder({ page: p }).withTags(WCAG_TAGS).setLegacyMode().analyze());
  if (result.violations.length === 0) return;
  const lines = result.violations.flatMap((v) =>
    v.nodes.map((n) => `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    at ${n.target.join(' ')}${n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, '\n    ')}` : ''}`),
  );
  throw new Error(`axe found ${result.violations.length} WCAG violation(s) on ${what}:\n${lines.join('\n')}`);
}
