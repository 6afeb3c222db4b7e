// The NL Design System CSS (issue 20, decision 020): served from our own origin (the CSP allows
// style-src 'self' only), linked before app.css on public, respondent and staff pages, with the
// theme class on the body; the sign-in form's shared components carry the library's classes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { loadDemo } from '../src/modules/demo/index.ts';
import { parse } from './html.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2023-10-01T10:00:00Z');

describe('NL Design System CSS', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await createTestDb();
    app = createApp({ db, config, now: () => now });
  }, 120_000);
  afterAll(async () => db?.close());

  it('is served as a static file with the Rijkshuisstijl tokens and the components', async () => {
    const res = await app.request('/static/nl-design-system.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    const css = await res.text();
    expect(css).toContain('.rhc-theme {');
    expect(css).toContain('--rhc-color-lintblauw-500: #154273');
    for (const cls of ['.utrecht-button', '.utrecht-page-footer', '.utrecht-alert', '.utrecht-textbox', '.utrecht-table']) expect(css).toContain(cls);
  });

  it('the page links it before our own CSS, turns the theme on, and the sign-in form uses its components', async () => {
    const res = await app.request('/inloggen', { method: 'POST', body: new URLSearchParams({ email: 'geen-adres' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' } });
    const doc = parse(await res.text());
    const sheets = [...doc.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href'));
    expect(sheets.indexOf('/static/nl-design-system.css')).toBe(0);
    expect(sheets).toContain('/static/app.css');
    expect(doc.querySelector('body')?.getAttribute('class')).toContain('rhc-theme');
    expect(doc.querySelector('header')?.getAttribute('class')).toContain('utrecht-page-header');
    expect(doc.querySelector('footer')?.getAttribute('class')).toContain('utrecht-page-footer');
    expect(doc.querySelector('.error-summary')?.getAttribute('class')).toContain('utrecht-alert--error');
    expect(doc.querySelector('#email')?.getAttribute('class')).toContain('utrecht-textbox');
    expect(doc.querySelector('.utrecht-form-field-error-message')?.textContent).toBeTruthy();
    expect(doc.querySelector('button[type=submit]')?.getAttribute('class')).toContain('utrecht-button--primary-action');
  });
});

// The staff pages (issue 20): every button, table and form control in the content carries the
// library's classes next to ours. Crawled from the start page, an edition and its questionnaire
// editor one link deep, and the response dashboard. Not here: the questionnaire preview (the
// respondent's own fields and matrix), downloads.
describe('NL Design System classes on the staff pages', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await createTestDb();
    app = createApp({ db, config, now: () => now });
    await loadDemo(db, { now });
  }, 120_000);
  afterAll(async () => db?.close());

  it('buttons, button links, tables, text boxes, selects, text areas, checkboxes and radio buttons', async () => {
    const admin = await signedInAs(app, db, 'admin', now);
    const seeds = ['/beheer', '/beheer/edities/2023', '/beheer/edities/2023/vragenlijst'];
    const pages = new Set([...seeds, '/beheer/edities/2023/respons', '/beheer/edities/2022/respons']);
    for (const seed of seeds) {
      const doc = parse(await (await admin.get(seed)).text());
      for (const a of doc.querySelectorAll('main a[href^="/beheer"]')) {
        const href = (a.getAttribute('href') ?? '').split('#')[0]!;
        if (!/\.(csv|xlsx|json|sps|zip)\b|\/voorbeeld\b/.test(href)) pages.add(href);
      }
    }
    expect(pages.size).toBeGreaterThan(20);
    const plain: string[] = [];
    for (const path of pages) {
      let res = await admin.get(path);
      for (let hops = 0; res.status === 303 && hops < 3; hops++) res = await admin.get(new URL(res.headers.get('location')!, 'http://x').pathname);
      expect(res.status, path).toBe(200);
      const main = parse(await res.text()).querySelector('main')!;
      const controls = main.querySelectorAll('button, table, select, textarea, input, a.button');
      for (const el of controls) {
        const cls = el.getAttribute('class') ?? '';
        const type = el.getAttribute('type') ?? '';
        if (type === 'hidden' || type === 'file' || /visually-hidden/.test(cls)) continue;
        if (!/\butrecht-/.test(cls)) plain.push(`${path}: ${el.outerHTML.slice(0, 80)}`);
      }
    }
    expect(plain).toEqual([]);
  }, 120_000);
});
