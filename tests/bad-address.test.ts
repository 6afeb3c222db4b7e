// Issue 21.5: a NUL character in the address (path or query) is the sender's fault: a 400 page
// that says so, never a 500 from whichever database query meets it first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { text } from './html.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
}, 60_000);
afterAll(() => db?.close());

describe('a NUL in the address', () => {
  it('gives 400 with a page in words, in the query and in the path', async () => {
    const app = createApp({ db, config, now: () => new Date('2023-03-01T10:00:00Z') });
    for (const address of ['/resultaten?jaar=2022%00', '/inloggen?volgende=%00', '/v/AAAA%00', '/resultaten/2022%00/respons', '/?lang=en%00']) {
      const res = await app.request(address);
      expect(res.status, address).toBe(400);
      expect(text(await res.text()), address).toContain('Dit adres klopt niet');
    }
    expect((await app.request('/resultaten')).status).toBe(200);
  });
});
