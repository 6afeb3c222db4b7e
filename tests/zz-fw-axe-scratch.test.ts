import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { it } from 'vitest';
import { createApp } from '../src/app.tsx';
import { createAccount, createMagicLink } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import { createFieldworkRoutes, importContacts, parseContactsFile, selectConnected, sendInvitations } from '../src/modules/fieldwork/index.ts';
import { WCAG_TAGS, launchBrowser } from './e2e/browser.ts';
import { createTestDb } from './test-db.ts';

it('axe on fieldwork pages', async () => {
  const db = await createTestDb();
  await openEdition(db, 2022, '2099-12-31', new Date());
  const parsed = await parseContactsFile(new Uint8Array(fs.readFileSync('tests/fixtures/contacts/good-semicolon.csv')), 'g.csv');
  await importContacts(db, 2022, parsed.rows, { now: new Date() });
  await selectConnected(db, 2022, new Date());
  let app: ReturnType<typeof createApp>;
  const server = await new Promise<{ s: ReturnType<typeof serve>; port: number }>((res) => { const s = serve({ fetch: (r) => app.fetch(r), port: 0, hostname: '127.0.0.1' }, (i: AddressInfo) => res({ s, port: i.port })); });
  const base = `http://127.0.0.1:${server.port}`;
  const config = { port: 0, dataDir: '/tmp/x', baseUrl: base, demo: false };
  app = createApp({ db, config, now: () => new Date() });
  app.route('/beheer', createFieldworkRoutes());
  const acc = await createAccount(db, { email: 'a@b.nl', name: 'A', role: 'admin' }, new Date());
  const token = await createMagicLink(db, acc.id, new Date());
  const browser = await launchBrowser();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/inloggen/${token}`);
  await page.click('main button[type=submit]'); await page.waitForTimeout(1500); console.log('AXE after', page.url(), (await page.textContent('main'))?.slice(0, 300));
  await sendInvitations(db, { edition: 2022, baseUrl: base, now: new Date() });
  const check = async (what: string) => {
    const r = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    console.log('AXE', what, r.violations.map((v) => `${v.id}: ${v.nodes.length} ${v.nodes[0]?.html.slice(0, 120)}`));
  };
  await page.goto(base + '/beheer'); console.log('AXE start', page.url());
  for (const p of ['/beheer/veldwerk', '/beheer/edities/2022/contacten', '/beheer/edities/2022/uitnodigen', '/beheer/edities/2022/sjablonen', '/beheer/outbox']) {
    await page.goto(base + p);
    await check(p + ' ' + (await page.title()));
  }
  await page.goto(`${base}/beheer/edities/2022/contacten`);
  console.log('AXE url', page.url(), (await page.content()).includes('id="bestand"')); await page.locator('input[type=file]').setInputFiles('/work/main/tests/fixtures/contacts/bad.csv');
  await Promise.all([page.waitForURL('**/import/**'), page.click('main form[enctype] button[type=submit]')]);
  await check(page.url());
  await page.screenshot({ path: '/tmp/fw-preview.png', fullPage: true });
  await page.goto(`${base}/beheer/edities/2022/sjablonen`);
  await page.fill('#invitation-subject', '');
  await Promise.all([page.waitForLoadState(), page.click('button[value=opslaan]')]);
  await check('templates error');
  await page.screenshot({ path: '/tmp/fw-templates.png', fullPage: false });
  await page.goto(`${base}/beheer/edities/2022/uitnodigen`);
  await page.screenshot({ path: '/tmp/fw-invite.png', fullPage: false });
  await page.goto(`${base}/beheer/outbox`);
  await page.screenshot({ path: '/tmp/fw-outbox.png', fullPage: false });
  await browser.close();
  server.s.close();
  await db.close();
}, 120_000);
