// Issue 21, operations: one JSON log line per request (route pattern, never the token or the query;
// no e-mail addresses), and /metrics only with METRICS_TOKEN and the right Bearer token, else the
// ordinary 404 — tried with every wrong way in we could think of.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import { enqueue } from '../src/modules/mail/index.ts';
import { createLogger, createMetrics } from '../src/modules/operations/index.ts';
import { createTestDb } from './test-db.ts';

const now = new Date('2023-03-01T10:00:00Z');
const TOKEN = 'k3-very-long-metrics-token-for-tests';
const base: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
let db: Db;
let token: string;

beforeAll(async () => {
  db = await createTestDb();
  await openEdition(db, 2023, '2023-12-31', now);
  token = await createPersonalLink(db, 2023, 'GM0363');
}, 60_000);
afterAll(() => db?.close());

/** A logger writing its JSON lines into an array, as it writes them to stdout in production. */
function capture() {
  const lines: string[] = [];
  const log = createLogger('info', { destination: { write: (s: string) => void lines.push(s) } });
  return { log, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('request log', () => {
  it('writes one line per request: id, method, route pattern, status, duration; no token, address or query', async () => {
    const { log, lines, records } = capture();
    const app = createApp({ db, config: base, now: () => now, log });
    const email = 'anna.jansen@gemeente.example.nl';
    const requests: [string, RequestInit | undefined][] = [
      [`/v/${token}`, undefined],
      [`/v/${token}/thema/signaleren?email=${encodeURIComponent(email)}`, undefined],
      [`/inloggen/${'x'.repeat(43)}`, undefined],
      ['/inloggen', { method: 'POST', body: new URLSearchParams({ email }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      [`/bestaat/niet/${token}`, undefined],
      ['/healthz', { headers: { 'x-request-id': 'proxy-abc.123' } }],
      ['/healthz', { headers: { 'x-request-id': 'forged","level":60,"x":"' } }],
    ];
    const statuses: number[] = [];
    const echoed: (string | null)[] = [];
    for (const [path, init] of requests) {
      const res = await app.request(path, init);
      statuses.push(res.status);
      echoed.push(res.headers.get('x-request-id'));
      await res.arrayBuffer();
    }
    const recs = records().filter((r) => r.msg === 'request');
    expect(recs).toHaveLength(requests.length);
    expect(recs.map((r) => [r.method, r.route, r.status])).toEqual([
      ['GET', '/v/:token', statuses[0]],
      ['GET', '/v/:token/thema/:theme', statuses[1]],
      ['GET', '/inloggen/:token', statuses[2]],
      ['POST', '/inloggen', statuses[3]],
      ['GET', 'unmatched', 404],
      ['GET', '/healthz', 200],
      ['GET', '/healthz', 200],
    ]);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    for (const r of recs) {
      expect(typeof r.ms).toBe('number');
      expect(typeof r.time).toBe('string');
      expect(String(r.reqId)).toMatch(/^[\w.:-]{1,64}$/);
    }
    // A request id from the proxy is kept when it looks like one; anything else is replaced.
    expect(recs[5].reqId).toBe('proxy-abc.123');
    expect(recs[6].reqId).not.toContain('forged');
    // And every answer names its request id, as the log line does.
    expect(echoed).toEqual(recs.map((r) => r.reqId));
    const all = lines.join('');
    expect(all).not.toContain(token);
    expect(all).not.toContain(email);
    expect(all).not.toContain('anna');
    expect(all).not.toContain('?');
  });

  it('an unexpected error is logged with the request id and its kind, not the value PostgreSQL quotes', async () => {
    const { log, records } = capture();
    const email = 'piet@gemeente.example.nl';
    const broken: Db = {
      ...db,
      async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
        if (params?.includes(email)) throw Object.assign(new Error(`invalid input syntax for type integer: "${email}"`), { code: '22P02' });
        return db.query<T>(sql, params);
      },
      async one<T>(sql: string, params?: unknown[]): Promise<T | undefined> {
        return (await broken.query<T>(sql, params))[0];
      },
    };
    const app = createApp({ db: broken, config: base, now: () => now, log });
    const res = await app.request('/inloggen', { method: 'POST', body: new URLSearchParams({ email }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(500);
    const error = records().find((r) => r.msg === 'request failed');
    const request = records().find((r) => r.msg === 'request');
    expect(error).toMatchObject({ level: 50, method: 'POST', route: '/inloggen', err: 'Error 22P02: invalid input syntax for type integer: "…"' });
    expect(error?.reqId).toBe(request?.reqId);
    expect(JSON.stringify(records())).not.toContain(email);
  });

  it('LOG_LEVEL=warn leaves out the request lines', async () => {
    const lines: string[] = [];
    const log = createLogger('warn', { destination: { write: (s: string) => void lines.push(s) } });
    await createApp({ db, config: base, now: () => now, log }).request('/healthz');
    expect(lines).toEqual([]);
  });
});

/** Runs a script in a child process with the production logger on a pipe (not a terminal); its stdout lines as they come. */
function runLogging(script: string, until: (out: string) => boolean): Promise<string> {
  const code = `import { createLogger } from './src/modules/operations/index.ts'; const log = createLogger('info'); ${script}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (until(out)) { child.kill(); resolve(out); }
    });
    child.once('exit', () => resolve(out));
    child.once('error', reject);
  });
}

describe('the production log on stdout (buffered)', () => {
  it('writes a lone line while the process goes on running, not only once 4 kB have gathered', async () => {
    // The script keeps running for a minute: the line must come from the timed flush, not from exit.
    const out = await runLogging(`log.info('een enkele regel'); setTimeout(() => {}, 60_000);`, (o) => o.includes('een enkele regel'));
    expect(JSON.parse(out.trim().split('\n')[0]).msg).toBe('een enkele regel');
  }, 30_000);

  it('loses no line at exit: 500 lines logged just before process.exit all arrive, whole', async () => {
    const out = await runLogging(`for (let i = 0; i < 500; i++) log.info({ i }, 'regel'); process.exit(0);`, () => false);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { i: number });
    expect(lines.map((l) => l.i)).toEqual([...Array(500).keys()]);
  }, 30_000);
});

describe('/metrics', () => {
  const withToken: Config = { ...base, metricsToken: TOKEN };
  const get = (app: ReturnType<typeof createApp>, authorization?: string) =>
    app.request('/metrics', authorization === undefined ? undefined : { headers: { authorization } });

  it('does not exist without METRICS_TOKEN, whatever is sent', async () => {
    const app = createApp({ db, config: base, now: () => now });
    for (const auth of [undefined, `Bearer ${TOKEN}`, 'Bearer ', 'Bearer undefined']) {
      const res = await get(app, auth);
      expect(res.status, String(auth)).toBe(404);
      expect(await res.text()).not.toContain('http_requests_total');
    }
  });

  it('answers 404, the ordinary not-found page, to no token and to every wrong one', async () => {
    const app = createApp({ db, config: withToken, now: () => now });
    // Byte for byte what the same address gives where no /metrics exists.
    const notFound = await (await get(createApp({ db, config: base, now: () => now }))).text();
    const wrong = [
      undefined, '', 'Bearer', 'Bearer ', TOKEN, `bearer ${TOKEN}`, `Bearer  ${TOKEN}`, `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, `Bearer ${TOKEN.toUpperCase()}`, 'Bearer undefined',
    ];
    for (const auth of wrong) {
      const res = await get(app, auth);
      expect(res.status, JSON.stringify(auth)).toBe(404);
      expect(await res.text(), JSON.stringify(auth)).toBe(notFound);
    }
    // Not via another method or path either.
    expect((await app.request('/metrics/', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect((await app.request('/metrics', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })).status).not.toBe(200);
    // A token in the query string is not a token.
    expect((await app.request(`/metrics?token=${TOKEN}`)).status).toBe(404);
  });

  it('with the token: Prometheus text with requests by route pattern, the outbox queue, the pool and the process', async () => {
    const metrics = createMetrics(db);
    const app = createApp({ db, config: withToken, now: () => now, metrics });
    await (await app.request(`/v/${token}`)).arrayBuffer();
    await (await app.request(`/v/${token}`)).arrayBuffer();
    await (await app.request('/nergens')).arrayBuffer();
    await enqueue(db, { kind: 'test', to: 'x@example.nl', subject: 'Test', text: 'Test' }, now);
    metrics.observeDelivery({ sent: 3, failed: 1 });
    const res = await get(app, `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.text();
    expect(body).toContain('http_requests_total{method="GET",route="/v/:token",status="200"} 2');
    expect(body).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(body).toMatch(/http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/v\/:token"\} 2/);
    expect(body).toMatch(/ete_outbox_messages\{status="pending"\} [1-9]/);
    expect(body).toMatch(/ete_outbox_oldest_due_seconds \d/);
    expect(body).toContain('ete_mail_deliveries_total{result="sent"} 3');
    expect(body).toContain('ete_mail_deliveries_total{result="failed"} 1');
    expect(body).toMatch(/ete_db_pool_connections\{state="total"\} \d+/);
    expect(body).toContain('ete_db_up 1');
    expect(body).toMatch(/process_resident_memory_bytes \d+/);
    expect(body).toMatch(/nodejs_heap_size_used_bytes \d+/);
    expect(body).not.toContain(token);
  });
});
