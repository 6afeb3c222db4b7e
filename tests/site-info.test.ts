// The accessibility statement, privacy statement and contact page (issues 20, 22) over HTTP: the
// bureau's details from the configuration (or where to find them), both languages, the retention
// period from RETENTION_DAYS, and every test the statement names exists, so it cannot point at a
// check that was renamed or removed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const base: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const get = async (config: Config, p: string) => {
  const res = await createApp({ db, config, now: () => new Date('2026-12-07T10:00:00Z') }).request(p);
  expect(res.status, p).toBe(200);
  return res.text();
};

describe('the site information pages', () => {
  it('show the bureau’s address and phone when configured, and say where to find them when not', async () => {
    const config = { ...base, ...loadConfig({ CONTACT_EMAIL: 'benchmark@bureau.example.nl', CONTACT_PHONE: '030 123 45 67' }), port: 0 };
    for (const p of ['/contact', '/privacy', '/toegankelijkheid']) {
      const html = await get(config, p);
      expect(html, p).toContain('href="mailto:benchmark@bureau.example.nl"');
      expect(html, p).toContain('href="tel:0301234567"');
      expect(text(await get(base, p)), p).toContain('staan in de uitnodiging voor de vragenlijst');
    }
    expect(() => loadConfig({ CONTACT_EMAIL: 'geen adres' })).toThrow(/CONTACT_EMAIL/);
  });

  it('are in English with ?lang=en, with a footer that links all three', async () => {
    const html = await get(base, '/privacy?lang=en');
    const doc = parse(html);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('h1')?.textContent).toBe('Privacy statement');
    const footer = doc.querySelector('nav[aria-label="About this website"]');
    expect([...(footer?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual(['/toegankelijkheid', '/privacy', '/contact']);
    expect(text(html)).toContain('365 days after its results are published');
  });

  it('the accessibility statement names tests that exist', async () => {
    const codes = [...parse(await get(base, '/toegankelijkheid')).querySelectorAll('main li code')].map((c) => c.textContent ?? '');
    expect(codes.length).toBeGreaterThanOrEqual(3);
    for (const file of codes) {
      const dir = path.dirname(file);
      const pattern = new RegExp(`^${path.basename(file).replace(/\./g, '\\.').replace('*', '.*')}$`);
      expect(fs.readdirSync(dir).some((f) => pattern.test(f)), file).toBe(true);
    }
  });
});
