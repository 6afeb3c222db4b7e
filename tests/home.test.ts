// The public start page (issue 20): each edition's state in words (never "tot en met ." without a
// date), a link to published results, and the example report and factsheet of the fictitious
// Gravendonck when the demo is loaded; without the demo there is no example and no example page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { loadDemo } from '../src/modules/demo/index.ts';
import { parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2023-10-01T10:00:00Z');

describe('with the demo', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await createTestDb();
    await loadDemo(db, { now });
    app = createApp({ db, config, now: () => now });
  }, 120_000);
  afterAll(async () => db?.close());

  it('names each edition\'s state, links published results and the example', async () => {
    await db.query('UPDATE editions SET closes_on = NULL WHERE year = 2023');
    const html = await (await app.request('/')).text();
    const page = text(html);
    expect(page).toContain('Editie 2023: open voor invullen');
    expect(page).not.toMatch(/tot en met \./);
    const doc = parse(html);
    expect(doc.querySelector('a[href="/resultaten/2022"]')?.textContent).toBe('resultaten 2022 bekijken');
    expect(doc.querySelector('a[href="/voorbeeld/rapport"]')?.textContent).toBe('Voorbeeldrapportage van Gravendonck');
    expect(doc.querySelector('a[href="/voorbeeld/factsheet.pdf"]')?.textContent).toBe('Voorbeeldfactsheet van Gravendonck (pdf)');
    const report = await app.request('/voorbeeld/rapport');
    expect(report.status).toBe(200);
    expect(parse(await report.text()).querySelector('h1')?.textContent).toContain('Gravendonck');
  });
});

describe('without the demo', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await createTestDb();
    app = createApp({ db, config, now: () => now });
  });
  afterAll(async () => db?.close());

  it('no example section and no example report', async () => {
    expect(text(await (await app.request('/')).text())).not.toContain('Gravendonck');
    expect((await app.request('/voorbeeld/rapport')).status).toBe(404);
  });
});
