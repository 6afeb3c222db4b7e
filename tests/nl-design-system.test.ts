// The NL Design System CSS (issue 20, decision 020): served from our own origin (the CSP allows
// style-src 'self' only), linked before app.css on public, respondent and staff pages, with the
// theme class on the body; the sign-in form's shared components carry the library's classes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { parse } from './html.ts';
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
