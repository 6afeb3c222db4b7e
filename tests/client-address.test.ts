// Issue 21.2: limits count the real client. Without a proxy (TRUST_PROXY=0) X-Forwarded-For is
// ignored: forging it neither spreads guesses over fake addresses nor gets someone else blocked.
// And a valid personal link is never refused because of other people's wrong links.
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import { createTestDb } from './test-db.ts';

const now = new Date('2023-03-01T10:00:00Z');
let db: Db;
let link: string;

async function listen(config: Config): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp({ db, config, now: () => now });
  let server!: ServerType;
  const { port } = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const wrong = (i: number) => `/v/${'B'.repeat(42)}${String.fromCharCode(65 + (i % 26))}`;

beforeAll(async () => {
  db = await createTestDb();
  await openEdition(db, 2023, '2023-12-31', now);
  link = `/v/${await createPersonalLink(db, 2023, 'GM0363')}`;
}, 60_000);
afterAll(() => db?.close());

describe('the client address', () => {
  it('without a proxy: a forged X-Forwarded-For does not spread guesses, and a valid link is never blocked', async () => {
    const app = await listen({ port: 0, dataDir: '/tmp/unused', baseUrl: 'http://127.0.0.1', demo: false, trustProxy: 0 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        // rotating the header used to give unlimited guesses
        statuses.push((await fetch(app.url + wrong(i), { headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status);
      }
      expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
      expect(statuses[30]).toBe(429);
      // the guesser's own socket is blocked for wrong links, yet a valid link still opens, also
      // with the header that used to lock a respondent out for 15 minutes
      expect((await fetch(app.url + link, { headers: { 'x-forwarded-for': '::ffff:127.0.0.1' } })).status).toBe(200);
      expect((await fetch(app.url + link)).status).toBe(200);
      expect((await fetch(`${app.url}${link}/rapport`)).status).not.toBe(429);
    } finally {
      await app.close();
    }
  });

  it('behind one proxy (TRUST_PROXY=1): the address the proxy appended counts, not what the client wrote before it', async () => {
    const app = await listen({ port: 0, dataDir: '/tmp/unused', baseUrl: 'http://127.0.0.1', demo: false, trustProxy: 1 });
    try {
      // 30 wrong links from 203.0.113.9 (as the proxy saw it), each with a different forged first entry
      for (let i = 0; i < 30; i++) {
        expect((await fetch(app.url + wrong(i), { headers: { 'x-forwarded-for': `10.9.9.${i}, 203.0.113.9` } })).status).toBe(404);
      }
      expect((await fetch(app.url + wrong(0), { headers: { 'x-forwarded-for': '10.0.0.1, 203.0.113.9' } })).status).toBe(429);
      // another client behind the same proxy is not affected
      expect((await fetch(app.url + wrong(1), { headers: { 'x-forwarded-for': '203.0.113.10' } })).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
