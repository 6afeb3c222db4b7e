// `npx tsx bench/sign-in-timing.ts [N]`: how long POST /inloggen takes for a known and for an
// unknown address (issue 21.5: the time taken must not tell whether an address has an account).
// The real app on embedded PGlite with its real sender (the outbox); requests alternate, a fresh
// address and client each time so the rate limits never answer instead. Medians in milliseconds.
// Measured here, never asserted in tests (tests/auth.test.ts checks the same statements run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.tsx';
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { createAccount } from '../src/modules/auth/index.ts';

const n = Number(process.argv[2] ?? 400);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-bench-signin-'));
const db = await openEmbedded(dir, 'server');
await migrate(db);
let clock = Date.parse('2024-03-01T09:00:00Z');
const app = createApp({ db, config: { port: 0, dataDir: dir, baseUrl: 'http://localhost:3000', demo: false, trustProxy: 1 }, now: () => new Date(clock) });
const emails = Array.from({ length: n }, (_, i) => `bekend${i}@example.nl`);
for (const email of emails) await createAccount(db, { email, name: 'Bench', role: 'advisor' }, new Date(clock));

async function post(email: string, i: number): Promise<number> {
  clock += 1000;
  const start = performance.now();
  const res = await app.request('/inloggen', {
    method: 'POST', body: new URLSearchParams({ email }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
  });
  const ms = performance.now() - start;
  if (res.status !== 303) throw new Error(`status ${res.status}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < 20; i++) await post(`opwarmen${i}@example.nl`, 100_000 + i); // warm up
for (let i = 0; i < n; i++) {
  known.push(await post(emails[i], 2 * i));
  unknown.push(await post(`onbekend${i}@example.nl`, 2 * i + 1));
}
console.log(`POST /inloggen, ${n} each, median: known ${median(known).toFixed(2)} ms, unknown ${median(unknown).toFixed(2)} ms`);
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
