// Deterministic fuzzing of the whole app on the demo data set: thousands of random and malformed
// form posts to every POST route as every actor, random path segments and query strings on every
// GET route, random and broken CSV/XLSX files to every upload route (and the confirmation that
// follows a file that passed the check). Never a 5xx, never a stack trace or internal error text
// in a page, and nothing stored by a request that was refused (4xx).
// Another seed: FUZZ_SEED=123 npx vitest run tests/fuzz.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACTORS, type Actor, appRoutes, buildFixture, fill, fillPattern, type Fixture, paramNames, paramValues, type RouteKey, RULES, type Send, send,
  signIn,
} from './access-rules.ts';
import { formFields, parse } from './html.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20240301);
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

// ---------------------------------------------------------------------------------------------
// Randomness, seeded.

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}

const NASTY: readonly string[] = [
  '', ' ', '0', '-1', '1e309', 'NaN', 'Infinity', '99999999999999999999999', '0x1F', '3,14', ' 12 ', '2147483648', '-9223372036854775809',
  'null', 'true', '[]', '{}', '{"__proto__":{"polluted":true}}', '{"a":', '[1,2,{"b":null}]', '{"x":1e999}', '{"a":"\\u0000"}', '["\\ud800"]',
  // The advisors' confirmation form carries the checked table as JSON: one with what PostgreSQL refuses.
  '{"header":["advisor_name","advisor_email","municipality_code"],"rows":[{"line":2,"cells":{"advisor_name":"X\\u0000Y\\ud800","advisor_email":"x@example.nl","municipality_code":"GM0014"}}]}',
  'constructor', '__proto__', 'toString', 'hasOwnProperty',
  "' OR '1'='1", "'; DROP TABLE responses; --", '" OR ""="', '1; SELECT pg_sleep(5)', '$1', '$$', '\\', '%s%s%n', '{{7*7}}', `\${7*7}`,
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '//evil.example/', '/\\evil.example', 'https://evil.example/',
  '/beheer//evil.example', '/beheer/../../etc/passwd', '../../../../etc/passwd', '..\\..\\windows\\win.ini', '%00', '%ff', '%', '%zz', '+',
  'a\u0000b', '\u0000', '\u0001\u001f\u007f', 'line\r\nSet-Cookie: x=1', '\r\n\r\n', '\t\t', '\u00a0',
  'Één 👩‍👩‍👧 \u202egnp.exe 𝕏 ü\u0301 \ufffe\uffff', '\ud800', '\udfff alone', '中文 العربية עברית', 'ﷺ'.repeat(50),
  '2024-02-30', '0000-00-00', '9999-12-31', '2024-13-45', '31-12-2024', '1970-01-01T00:00:00Z', '20240301',
  'GM0014', 'GM0000', 'GM99999', 'gm0014', 'WK001400', 'ja', 'nee', 'anders', 'weet_niet', 'volgende', 'vorige', 'later', 'controleren',
  'importeren', 'overslaan', 'annuleren', 'collega', 'mijn', 'verbonden', 'voorbeeld', 'invitation', 'reminder', 'admin', 'ministry', 'advisor', 'root',
  'bereikt', 'niet_bereikt', 'terugbellen', 'test@example.nl', 'not-an-email', 'a@b', `${'a'.repeat(300)}@example.nl`, 'TEST@EXAMPLE.NL ',
];

const QUERY_NAMES = [
  'editie', 'terug', 'thema', 'klaar', 'gemeente', 'herinnering', 'vastgelegd', 'uitgelogd', 'verstuurd', 'opgeslagen', 'zoek', 'provincie',
  'status', 'import', 'geimporteerd', 'handmatig', 'berichten', 'uitgenodigd', 'opnieuw', 'verzoek', 'vraag', 'n', 'toegevoegd',
  'verwijderd', 'behouden', 'gewist', 'gemeenten',
];

const SEGMENTS: readonly string[] = [
  '%00', '%ff', '%fe%ff', '%', '%zz', '%2', '..', '.', '%2e%2e', '%2e', '%2F', '%2f..%2f..', '%5C', '%20', '+', ' ', '~', '*', ';', ',', '@',
  "'%20OR%20'1'%3D'1", '1;DROP%20TABLE%20responses', "GM0014'--", '%F0%9F%98%80', '%C0%AF', '%E2%80%AE', '%ED%A0%80', '%EF%BF%BF',
  '-1', '0', '00', '0000', '1e3', '2022.5', '20222', '99999999999999999999', '2147483648', '-2022', '2022%00', '2022%0a',
  'GM0014', 'GM0000', 'GM00140', 'gm0014', 'GM%000014', 'NaN', 'null', '__proto__', 'constructor', 'prototype',
  'index.html', 'app.css%00.js', '..%2fapp.tsx', '.env', 'antwoorden.csv%00', 'statistieken.json', 'statistieken.', 'antwoorden.xlsx',
  'A'.repeat(43), `${'A'.repeat(42)}%00`, `${'-'.repeat(43)}`, 'x'.repeat(5000), '%41'.repeat(300),
];

/** encodeURIComponent, for strings with lone surrogates too (they become U+FFFD, as in a browser). */
function enc(s: string): string {
  return encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

function randomText(r: Rng, max = 40): string {
  const n = r.chance(0.05) ? 1000 + r.int(20_000) : r.int(max);
  const alphabets = [
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
    '\u0000\u0001\u0007\u0008\t\n\r\u000b\u000c\u001b\u007f\u0085\u2028\u2029\ufeff',
    'éëïöüáàçñßøåæÉÈ€£¥©®™°±µ¶·¼½¾',
    '👩👩‍👧🎉💥𝕏𝔸\u0301\u0300\u200b\u200d\u202e\ud83d',
    '中文日本語한국어العربيةעבריתрусский',
  ];
  const alphabet = [...r.pick(alphabets)];
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[r.int(alphabet.length)];
  return s;
}

// ---------------------------------------------------------------------------------------------
// The fixture and the invariants.

let fx: Fixture;
let routes: RouteKey[];
/** Field names and values found in the app's own forms, so the fuzz reaches past "unknown field". */
const harvestedNames = new Set<string>();
const harvestedValues = new Set<string>();
let snapshotSql = '';
/** The last snapshot and the next transaction id when it was taken: while that stays, nothing was written. */
let lastSnapshot: { xmax: string; tables: Record<string, unknown> } | undefined;
const sessions = new Map<Actor, Awaited<ReturnType<typeof signIn>>>();
const logged: string[] = [];
const stats = new Map<string, number>();

type Failure = { label: string; actor: Actor; method: string; path: string; status: number; problems: string[]; input: string };
let failures: Failure[] = [];

/**
 * Per table that a request could write: the number of rows and the sum of their xmin (the
 * transaction that wrote each row version), so an insert, update or delete all show, in one scan.
 * Not the sessions (every sign-in writes one) and not the reference data no route writes.
 */
async function buildSnapshotSql(db: Fixture['db']): Promise<string> {
  const skip = new Set(['sessions', 'schema_migrations', 'municipalities', 'mergers', 'provinces']);
  const tables = (await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  )).map((t) => t.name).filter((t) => !skip.has(t));
  const parts = tables.map((t) => `(SELECT count(*) || ' rows, xmin ' || coalesce(sum(xmin::text::bigint), 0) FROM "${t}") AS "${t}"`);
  return `SELECT ${parts.join(', ')}`;
}

let snapshotMs = 0;
async function snapshot(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const s = (await fx.db.one<Record<string, unknown>>(snapshotSql)) ?? {};
  snapshotMs += performance.now() - t0;
  return s;
}

/** The next transaction id: every write (or row lock) takes one, reads do not. */
async function xmax(): Promise<string> {
  return (await fx.db.one<{ x: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x'))?.x ?? '';
}

/** The tables as they are now; counted again only when something was written since last time. */
async function current(): Promise<NonNullable<typeof lastSnapshot>> {
  const x = await xmax();
  if (lastSnapshot?.xmax !== x) lastSnapshot = { xmax: x, tables: await snapshot() };
  return lastSnapshot;
}

function diff(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k]} → ${b[k]}`);
}

/** Text that only an internal error puts in a page. */
function leaks(page: string): string | undefined {
  // An English error page's title starts with "Error: " on purpose (as the Dutch one with "Fout: ").
  const body = page.replace(/<title>Error: /g, '<title>');
  const patterns: [RegExp, string][] = [
    [/\bat\s+[^\n<]*\.(ts|tsx|js|mjs|cjs):\d+/, 'a stack frame'],
    [/(^|[\s>"'(])(Type|Reference|Syntax|Range|URI|Eval|Aggregate|Database|Csv|Zod)?Error: /, '"Error:"'],
    [/node_modules|\/work\/main|file:\/\//, 'a server path'],
    [/\b(syntax error at or near|violates (unique|foreign key|check|not-null) constraint|invalid input syntax for|duplicate key value)\b/i, 'a database error'],
    [/\[object Object\]|\bundefined\b/, 'an unrendered value'],
  ];
  for (const [re, what] of patterns) {
    const m = body.match(re);
    if (m) return `${what}: …${body.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 80).replace(/\s+/g, ' ')}…`;
  }
  return undefined;
}

const textual = (res: Response) => /text|json|xml|csv|javascript/.test(res.headers.get('content-type') ?? 'text/plain');

/**
 * One request and its checks. `input` describes what was sent (for the failure report). The
 * database is compared before and after when the answer is a refusal (4xx).
 */
async function probe(label: string, actor: Actor, method: string, urlPath: string, opts: Send, input: string): Promise<{ res: Response; body: string }> {
  // One session per actor, made before the "before" picture (signing in writes to the database).
  if (!sessions.has(actor)) sessions.set(actor, await signIn(fx, actor));
  const before = await current();
  let res: Response;
  try {
    res = await send(fx, actor, method, urlPath, { ...opts, session: sessions.get(actor) });
  } catch (e) {
    // Not even the error page could be made: in production a bare 500.
    res = new Response(`thrown: ${(e as Error).stack}`, { status: 599 });
  }
  // Signed out or in (a cookie set or cleared): the next request gets a new session.
  if (res.headers.get('set-cookie')?.includes('sessie=')) sessions.delete(actor);
  let body = '';
  if (textual(res)) body = await res.text();
  else await res.arrayBuffer();
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`status ${res.status}`);
  const leak = body ? leaks(body) : undefined;
  // A page may show back what was typed; a leak only counts when the input did not contain it.
  if (leak && !input.includes('Error: ')) problems.push(`leak: ${leak}`);
  if (res.status >= 400 && res.status < 500) {
    const after = await current();
    const changed = diff(before.tables, after.tables);
    if (changed.length) problems.push(`refused with ${res.status} but stored: ${changed.join('; ')}`);
  }
  const bucket = `${res.status}`;
  stats.set(bucket, (stats.get(bucket) ?? 0) + 1);
  if (problems.length) {
    failures.push({ label, actor, method, path: urlPath.length > 160 ? `${urlPath.slice(0, 160)}…(${urlPath.length})` : urlPath, status: res.status, problems, input: input.slice(0, 300) });
  }
  return { res, body };
}

function report(title: string): string {
  const shown = failures.slice(0, 25).map((f) =>
    `- [${f.label}] ${f.method} ${f.path} as ${f.actor} → ${f.status}\n    ${f.problems.join('\n    ')}\n    sent: ${JSON.stringify(f.input)}`);
  const logs = logged.length ? `\nlogged by the app (first 10 of ${logged.length}):\n${logged.slice(0, 10).map((l) => `  ${l.slice(0, 300)}`).join('\n')}` : '';
  return `${title} (seed ${SEED}): ${failures.length} failing request(s)\n${shown.join('\n')}${logs}\n`;
}

beforeAll(async () => {
  fx = await buildFixture();
  routes = appRoutes(fx.app);
  snapshotSql = await buildSnapshotSql(fx.db);
  // Open both questionnaires once: the first visit of a link records that it was opened.
  for (const m of [fx.A, fx.B]) await fx.app.request(`/v/${m.token}`);
  // The names and values of the app's own forms, from every page as admin and as respondent.
  // (Not the downloads: PDFs, ZIPs, CSVs have no forms, and an edition's ZIP takes seconds.)
  for (const route of routes.filter((r) => r.method === 'GET' && !/\.(pdf|zip|json|csv)|:file/.test(r.path))) {
    for (const actor of ['admin', 'respondentA'] as const) {
      const res = await send(fx, actor, 'GET', fillPattern(route.path, await paramValues(fx, route, actor, '1')));
      if (!(res.headers.get('content-type') ?? '').includes('html')) continue;
      const doc = parse(await res.text());
      for (const el of doc.querySelectorAll('[name]')) {
        const name = el.getAttribute('name') ?? '';
        if (name && name !== '_csrf' && name !== 'viewport' && name !== 'description') harvestedNames.add(name);
        const value = el.getAttribute('value');
        if (value && value.length < 200 && name !== '_csrf') harvestedValues.add(value);
      }
      for (const el of doc.querySelectorAll('option')) harvestedValues.add(el.getAttribute('value') ?? '');
    }
  }
}, 180_000);
afterAll(async () => fx?.close());

beforeEach(() => {
  failures = [];
  logged.length = 0;
  stats.clear();
  // The app logs unexpected errors; collect them for the report instead of flooding the output.
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
  }
});
afterEach((ctx) => {
  vi.restoreAllMocks();
  const total = [...stats.values()].reduce((a, b) => a + b, 0);
  const byStatus = [...stats].sort(([a], [b]) => a.localeCompare(b)).map(([s, n]) => `${s}×${n}`).join(' ');
  console.info(`${ctx.task.name}: ${total} requests (${byStatus}); snapshots ${Math.round(snapshotMs)} ms`);
  snapshotMs = 0;
});

// ---------------------------------------------------------------------------------------------
// Forms.

function fieldName(r: Rng): string {
  const names = [...harvestedNames];
  const roll = r.next();
  let name = roll < 0.75 && names.length ? r.pick(names) : roll < 0.85 ? r.pick(NASTY) : randomText(r, 20);
  if (r.chance(0.04)) name += '[]';
  if (r.chance(0.03)) name = `${name}.${r.pick(['comment', 'other', 'anders', randomText(r, 8)])}`;
  return name;
}

function fieldValue(r: Rng): string {
  const roll = r.next();
  if (roll < 0.3 && harvestedValues.size) return r.pick([...harvestedValues]);
  if (roll < 0.65) return r.pick(NASTY);
  if (roll < 0.97) return randomText(r);
  return 'x'.repeat(50_000 + r.int(400_000));
}

function randomFields(r: Rng): [string, string][] {
  const out: [string, string][] = [];
  const n = r.chance(0.1) ? 0 : 1 + r.int(10);
  for (let i = 0; i < n; i++) {
    const name = fieldName(r);
    const times = r.chance(0.15) ? 2 + r.int(3) : 1;
    for (let j = 0; j < times; j++) out.push([name, fieldValue(r)]);
  }
  return out;
}

/** Percent-encoding done badly on purpose. */
function brokenUrlencoded(r: Rng, fields: [string, string][], csrf: string | undefined): string {
  const junk = ['%zz', '%', '%E0%A4%A', '%00', '%ff%fe', '+', '&&', '==', '=', '&=&', '%%', '%u0041'];
  const parts = fields.map(([k, v]) => `${r.chance(0.5) ? k : enc(k)}=${r.chance(0.5) ? v : enc(v)}${r.chance(0.3) ? r.pick(junk) : ''}`);
  if (csrf) parts.splice(r.int(parts.length + 1), 0, `_csrf=${csrf}`);
  return parts.join(r.chance(0.9) ? '&' : ';');
}

/** The body of a random POST: usually a well-formed form with random fields, sometimes broken. */
function randomBody(r: Rng): { opts: Send; input: string } {
  const fields = randomFields(r);
  const input = JSON.stringify(fields.map(([k, v]) => [k.slice(0, 40), v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v]));
  const roll = r.next();
  if (roll < 0.55) return { opts: { form: fields }, input };
  if (roll < 0.75) {
    const form = new FormData();
    for (const [k, v] of fields) {
      if (r.chance(0.15)) form.append(k, new Blob([v]), r.chance(0.5) ? 'x.csv' : randomText(r, 30));
      else form.append(k, v);
    }
    return { opts: { form }, input: `multipart ${input}` };
  }
  if (roll < 0.87) {
    return {
      opts: { rawBody: (csrf) => ({ body: brokenUrlencoded(r, fields, csrf), contentType: r.pick(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-16', 'APPLICATION/X-WWW-FORM-URLENCODED']) }) },
      input: `broken urlencoded ${input}`,
    };
  }
  const kind = r.int(7);
  const rawBody = (csrf: string | undefined): { body: BodyInit; contentType?: string } => {
    const withCsrf = new URLSearchParams([...(csrf ? [['_csrf', csrf]] : []), ...fields]).toString();
    switch (kind) {
      case 0: return { body: withCsrf, contentType: 'multipart/form-data' };
      case 1: return { body: `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf ?? ''}\r\n--x\r\n${randomText(r, 200)}`, contentType: 'multipart/form-data; boundary=x' };
      case 2: return { body: JSON.stringify(Object.fromEntries([['_csrf', csrf], ...fields])), contentType: 'application/json' };
      case 3: return { body: withCsrf, contentType: 'text/plain' };
      case 4: return { body: new Uint8Array(Buffer.from(withCsrf)) };
      case 5: return { body: withCsrf, contentType: `multipart/form-data; boundary=${'-'.repeat(80)}` };
      default: return { body: Buffer.from(randomText(r, 500), 'latin1').toString(), contentType: 'application/x-www-form-urlencoded' };
    }
  };
  return { opts: { rawBody }, input: `odd body #${kind} ${input}` };
}

/** Sometimes a strange cookie or origin on top. */
function randomHeaders(r: Rng): Record<string, string> {
  if (!r.chance(0.1)) return {};
  return r.pick<Record<string, string>>([
    { cookie: `sessie=${r.pick(SEGMENTS)}` },
    { cookie: `lang=${r.pick(['en', 'xx', '%ff', '\u00e9'])}; sessie=; sessie=${'A'.repeat(43)}` },
    { cookie: `${'c'.repeat(2000)}=${'v'.repeat(2000)}` },
    { origin: 'null' },
    { origin: 'http://localhost:3000' },
    { 'accept-language': '*;q=;;;', 'x-forwarded-for': ', , ,' },
    { 'sec-fetch-site': 'same-origin', referer: 'javascript:alert(1)' },
  ]);
}

describe('fuzz', () => {
  it('notices a write (the check that nothing was stored works)', async () => {
    const before = await current();
    expect(await current()).toBe(before); // reads change nothing
    await fx.db.query('INSERT INTO sign_in_attempts (key, at) VALUES ($1, $2)', ['fuzz-self-test', new Date()]);
    const inserted = await current();
    expect(diff(before.tables, inserted.tables)).toEqual([expect.stringMatching(/^sign_in_attempts: 0 rows, xmin 0 → 1 rows, xmin \d+$/)]);
    // An update that changes nothing visible still shows (a new row version).
    await fx.db.query('UPDATE editions SET closes_on = closes_on WHERE year = $1', [fx.year]);
    const updated = await current();
    expect(diff(inserted.tables, updated.tables)).toEqual([expect.stringMatching(/^editions: /)]);
    await fx.db.query(`DELETE FROM sign_in_attempts WHERE key = 'fuzz-self-test'`);
    expect(diff(updated.tables, (await current()).tables)).toEqual([expect.stringMatching(/^sign_in_attempts: 1 rows.* → 0 rows, xmin 0$/)]);
  });

  it('random and malformed forms to every POST route, as every actor', async () => {
    const r = new Rng(SEED);
    const posts = routes.filter((x) => x.method !== 'GET');
    expect(posts.length).toBeGreaterThan(20);
    const rounds = 12;
    for (let round = 0; round < rounds; round++) {
      for (const route of posts) {
        for (const actor of ACTORS) {
          // Refusals are quick and alike: after three rounds only the actors the route lets in.
          if (round >= 3 && RULES[route.key]?.[actor] !== 'ok') continue;
          const values = await paramValues(fx, route, actor, '1');
          const names = paramNames(route.path);
          let urlPath = fillPattern(route.path, values);
          if (names.length && r.chance(0.15)) {
            const name = r.pick(names);
            urlPath = fillPattern(route.path, { ...values, [name]: r.pick(SEGMENTS) }, new Set([name]));
          }
          const { opts, input } = randomBody(r);
          const csrf = r.chance(0.05) ? 'wrong' : 'valid';
          await probe('form', actor, route.method, urlPath, { ...opts, csrf, headers: randomHeaders(r) }, input);
        }
      }
    }
    const total = [...stats.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1000);
    expect(failures, report('forms')).toEqual([]);
  }, 240_000);

  it('random path segments and query strings on every GET route', async () => {
    const r = new Rng(SEED + 1);
    const gets = routes.filter((x) => x.method === 'GET');
    const actors: Actor[] = ['admin', 'admin', 'admin', 'advisorA', 'advisorOther', 'ministry', 'public', 'respondentA'];
    const perRoute = 30;
    for (const route of gets) {
      const names = paramNames(route.path);
      // An edition's ZIP of factsheets takes seconds: there only addresses that do not exist.
      const heavy = /\.zip/.test(route.path);
      for (let i = 0; i < (heavy ? 8 : perRoute); i++) {
        const actor = r.pick(actors);
        const values = await paramValues(fx, route, actor, '1');
        const base = fillPattern(route.path, values);
        let urlPath = base;
        if (names.length && (heavy || r.chance(0.8))) {
          const raw = new Set<string>();
          for (const n of names) {
            if (raw.size === 0 || r.chance(0.3)) {
              values[n] = r.chance(0.85) ? r.pick(SEGMENTS) : enc(randomText(r, 30)) || '%20';
              raw.add(n);
            }
          }
          urlPath = fillPattern(route.path, values, raw);
        } else if (r.chance(0.3) && !heavy) {
          urlPath = r.pick([`${base}/`, `/${base}`, `${base}%00`, `${base}/..`, `${base}/%2e%2e/beheer`, base.toUpperCase(), `${base};x=1`]);
        }
        if (r.chance(0.6)) {
          const q: string[] = [];
          for (let j = 1 + r.int(4); j > 0; j--) {
            const v = r.chance(0.6) ? enc(r.pick(NASTY)) : r.pick(SEGMENTS);
            q.push(`${r.chance(0.9) ? r.pick(QUERY_NAMES) : enc(randomText(r, 10))}=${v}`);
          }
          if (r.chance(0.1)) q.push('%zz=%ff&&=&lang=en');
          urlPath += `?${q.join('&')}`;
        }
        await probe('url', actor, 'GET', urlPath, { headers: randomHeaders(r) }, urlPath);
      }
    }
    expect(failures, report('URLs')).toEqual([]);
  }, 240_000);

  // -------------------------------------------------------------------------------------------
  // Files.

  type UploadTarget = { key: string; field: string; seeds: string[]; columns: string[][] };
  const UPLOADS: UploadTarget[] = [
    { key: 'POST /beheer/edities/:year/contacten', field: 'bestand', seeds: ['contacts/bad.csv', 'contacts/good-semicolon.csv', 'contacts/missing-column.csv'],
      columns: [['municipality_code', 'municipality_name', 'name', 'email', 'function', 'phone'], ['gemeente', 'naam', 'e-mailadres', 'functie', 'telefoon']] },
    { key: 'POST /beheer/gegevens/import', field: 'bestand', seeds: ['responses/valid-2021-2022.csv', 'responses/invalid-2022.csv', 'responses/missing-columns.csv'],
      columns: [['edition', 'municipality_code', 'question', 'item', 'value', 'other_text', 'comment']] },
    { key: 'POST /beheer/adviseurs', field: 'file', seeds: ['advisors/good.csv', 'advisors/bad.csv', 'advisors/empty.csv', 'advisors/wrong-columns.csv'],
      columns: [['advisor_name', 'advisor_email', 'advisor_phone', 'municipality_code', 'municipality_name']] },
    { key: 'POST /beheer/wijkcijfers', field: 'bestand', seeds: ['wijk/rivm-2022.csv', 'wijk/rivm-2020-comma.csv', 'wijk/bad-rows.csv', 'wijk/missing-column.csv', 'wijk/twice.csv'],
      columns: [['WijkenEnBuurten', 'Perioden', 'Eenzaam_28', 'ErnstigZeerErnstigEenzaam_29', 'EmotioneelEenzaam_30', 'SociaalEenzaam_31']] },
  ];
  const CELLS = ['GM0014', 'GM0363', 'GM0034', 'WK001400', 'BU00140000', 'NL01', '2022', '2021', '2023', '2022JJ00', 'week_tegen_eenzaamheid',
    'signaalpunt', 'inzet_producten', 'adviseurs', 'ingezet', 'ja', 'nee', '48,1', '10.2', '.', '-', 'Anna de Vries', 'anna@example.nl', 'Groningen'];

  function cell(r: Rng): string {
    return r.chance(0.7) ? r.pick(CELLS) : r.chance(0.5) ? r.pick(NASTY) : randomText(r, 20);
  }

  function table(r: Rng, target: UploadTarget): string[][] {
    const header = [...r.pick(target.columns)];
    if (r.chance(0.2)) header.splice(r.int(header.length), 1);
    if (r.chance(0.1)) header.push(header[0]);
    if (r.chance(0.1)) header.reverse();
    const rows = [header];
    for (let i = r.chance(0.05) ? 0 : 1 + r.int(r.chance(0.1) ? 300 : 12); i > 0; i--) rows.push(header.map(() => cell(r)));
    return rows;
  }

  function csv(r: Rng, rows: string[][]): string {
    const sep = r.pick([',', ';', '\t', '|']);
    const quote = (v: string) => (r.chance(0.3) || /[,;\t"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return rows.map((row) => row.map(quote).join(sep)).join(r.pick(['\n', '\r\n', '\r']));
  }

  async function xlsx(r: Rng, rows: string[][]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    if (r.chance(0.1)) wb.addWorksheet('Leeg');
    const ws = wb.addWorksheet(r.pick(['Blad1', 'Contacten', 'x'.repeat(31), '\u00c9\u00e9n']));
    for (const row of rows) {
      ws.addRow(row.map((v): ExcelJS.CellValue => {
        switch (r.int(12)) {
          case 0: return Number.isFinite(Number(v)) && v !== '' ? Number(v) : v;
          case 1: return new Date(Date.UTC(1900 + r.int(200), r.int(12), 1 + r.int(28)));
          case 2: return { formula: 'A1&"x"', result: v } as ExcelJS.CellFormulaValue;
          case 3: return { richText: [{ text: v }, { text: ' ', font: { bold: true } }] };
          case 4: return { text: v, hyperlink: 'mailto:x@example.nl' };
          case 5: return r.chance(0.5);
          case 6: return null;
          case 7: return { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
          default: return v;
        }
      }));
    }
    if (r.chance(0.1) && rows.length > 2) ws.mergeCells(2, 1, 2, 2);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  function mutate(r: Rng, bytes: Uint8Array): Uint8Array {
    const b = Buffer.from(bytes);
    switch (r.int(13)) {
      case 12: { // poison a cell: a control or odd character inside a value, the structure intact
        const lines = b.toString('utf8').split('\n');
        const at = 1 + r.int(Math.max(1, lines.length - 1));
        const line = lines[at] ?? '';
        const letters = [...line.matchAll(/[A-Za-z]/g)];
        if (!letters.length) return b;
        const i = r.pick(letters).index ?? 0;
        lines[at] = line.slice(0, i) + r.pick(['\0', '\u0007', '\u001b', '\u202e', '\ufeff', '\u2028', '\ufffe', '\\u0000', '%00']) + line.slice(i);
        return Buffer.from(lines.join('\n'));
      }
      case 0: { // flip bytes
        for (let i = 1 + r.int(8); i > 0 && b.length; i--) b[r.int(b.length)] = r.int(256);
        return b;
      }
      case 1: { // insert a nasty chunk
        const chunk = Buffer.from(r.pick(['"', '\n', '\r', ';', ',', '\t', '\0', '\xff\xfe', 'é', '""""', '\n\n\n', '\u2028', r.pick(NASTY)]), r.chance(0.5) ? 'utf8' : 'latin1');
        const at = r.int(b.length + 1);
        return Buffer.concat([b.subarray(0, at), chunk, b.subarray(at)]);
      }
      case 2: return b.subarray(0, r.int(b.length + 1)); // truncate
      case 3: { // delete a range
        const from = r.int(b.length + 1);
        return Buffer.concat([b.subarray(0, from), b.subarray(from + r.int(200))]);
      }
      case 4: { // many copies of one line
        const lines = b.toString('utf8').split('\n');
        const line = lines[1 + r.int(Math.max(1, lines.length - 1))] ?? lines[0];
        return Buffer.from([...lines, ...Array(r.chance(0.3) ? 5200 : 200).fill(line)].join('\n'));
      }
      case 5: return Buffer.concat([Buffer.from(r.pick(['\ufeff', '\ufeff\ufeff', '\xef\xbb', '\xff\xfe', '\xfe\xff', '\0\0\xfe\xff']), 'latin1'), b]);
      case 6: return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]);
      case 7: { // a huge cell
        const at = r.int(b.length + 1);
        return Buffer.concat([b.subarray(0, at), Buffer.from('y'.repeat(100_000 + r.int(200_000))), b.subarray(at)]);
      }
      case 8: return Buffer.from(Array.from({ length: r.int(3000) }, () => r.int(256)));
      case 9: return Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from(Array.from({ length: r.int(500) }, () => r.int(256)))]);
      case 10: return Buffer.alloc(r.chance(0.5) ? 0 : 1 + r.int(3));
      default: return b;
    }
  }

  function fileName(r: Rng, kind: 'csv' | 'xlsx'): string {
    const roll = r.int(10);
    if (roll < 6) return `upload.${kind}`;
    return r.pick([`upload.${kind === 'csv' ? 'xlsx' : 'csv'}`, 'upload', '../../etc/passwd', `${'n'.repeat(300)}.${kind}`, `Één 👩‍👩‍👧.${kind}`, `a\u0000b.${kind}`, '.csv', 'x.CSV', 'x.XLSX', 'x.xls', 'x.json']);
  }

  /** After a check that passed: the confirmation the page offers (the write path). */
  async function confirmIfOffered(r: Rng, first: { res: Response; body: string }, label: string) {
    let { res, body } = first;
    const location = res.headers.get('location');
    if (res.status === 303 && location?.startsWith('/beheer/') && !location.includes('?')) {
      ({ res, body } = await probe(`${label} → page`, 'admin', 'GET', location, {}, location));
    }
    if (res.status !== 200 || !body.includes('<form')) return;
    const doc = parse(body);
    const forms = [...doc.querySelectorAll('form[method=post]')].filter((f) => {
      const action = f.getAttribute('action') ?? '';
      return action.startsWith('/beheer/') && !action.startsWith('/beheer/uitloggen') && f.querySelector('input[type=hidden]:not([name=_csrf])');
    });
    if (!forms.length) return;
    const form = r.pick(forms);
    const action = form.getAttribute('action') ?? '';
    form.setAttribute('id', 'fuzz-chosen');
    const fields = formFields(doc.toString(), '#fuzz-chosen').filter(([k]) => k !== '_csrf');
    const buttons = [...form.querySelectorAll('button[name]')].map((b) => [b.getAttribute('name') ?? '', b.getAttribute('value') ?? ''] as [string, string]);
    if (buttons.length) fields.push(r.pick(buttons));
    const mangled = r.chance(0.3) ? fields.map(([k, v]): [string, string] => [k, r.chance(0.3) ? fieldValue(r) : v]) : fields;
    await probe(`${label} → confirm`, 'admin', 'POST', action, { form: mangled }, `confirm ${JSON.stringify(mangled).slice(0, 200)}`);
  }

  it('random and broken CSV and XLSX files to every upload route, and their confirmation', async () => {
    const r = new Rng(SEED + 2);
    const keys = new Set(routes.map((x) => x.key));
    const targets = UPLOADS.filter((u) => keys.has(u.key));
    // The ones the app has had for a while must be there (a renamed route would silently drop out).
    for (const k of ['POST /beheer/edities/:year/contacten', 'POST /beheer/gegevens/import', 'POST /beheer/adviseurs']) expect(keys.has(k), k).toBe(true);
    const perTarget = 100;
    for (const target of targets) {
      const route = routes.find((x) => x.key === target.key) as RouteKey;
      const seeds = target.seeds.map((s) => fs.readFileSync(path.join(fixtures, s)));
      for (let i = 0; i < perTarget; i++) {
        const kind = r.chance(0.3) ? 'xlsx' : 'csv';
        let bytes: Uint8Array;
        if (kind === 'xlsx') {
          bytes = await xlsx(r, r.chance(0.5) ? table(r, target) : csvRows(r.pick(seeds)));
        } else {
          bytes = r.chance(0.5) ? new Uint8Array(r.pick(seeds)) : new Uint8Array(Buffer.from(csv(r, table(r, target))));
        }
        const mutations = r.chance(0.25) ? 0 : 1 + r.int(3);
        for (let m = 0; m < mutations; m++) bytes = mutate(r, bytes);
        const name = fileName(r, kind);
        const form = new FormData();
        form.append(target.field, new Blob([Buffer.from(bytes)]), name);
        if (r.chance(0.1)) form.append(target.field, new Blob([Buffer.from(bytes)]), name);
        if (r.chance(0.2)) for (const [k, v] of randomFields(r)) form.append(k, v);
        const input = `${kind} ${name} ${bytes.length} bytes, ${mutations} mutation(s): ${JSON.stringify(Buffer.from(bytes.subarray(0, 120)).toString('latin1'))}`;
        const first = await probe('upload', 'admin', 'POST', await fill(fx, route, 'admin'), { form }, input);
        await confirmIfOffered(r, first, 'upload');
      }
    }
    // Uploads as anyone else are refused before the file is read.
    for (const target of targets) {
      const route = routes.find((x) => x.key === target.key) as RouteKey;
      for (const actor of ACTORS.filter((a) => a !== 'admin')) {
        const form = new FormData();
        form.append(target.field, new Blob([fs.readFileSync(path.join(fixtures, target.seeds[0]))]), 'upload.csv');
        const { res } = await probe('upload (not admin)', actor, 'POST', await fill(fx, route, actor), { form }, target.seeds[0]);
        expect(res.status, `${target.key} as ${actor}`).not.toBe(200);
      }
    }
    expect(failures, report('uploads')).toEqual([]);
  }, 240_000);

  it('random and broken questionnaire files (JSON) to a draft edition', async () => {
    const r = new Rng(SEED + 3);
    const route = routes.find((x) => x.key === 'POST /beheer/edities/:year{[0-9]{4}}/vragenlijst');
    expect(route).toBeDefined();
    // A draft edition after the open one (its questionnaire may still change).
    await send(fx, 'admin', 'POST', '/beheer/edities');
    const draft = (await fx.db.one<{ year: number; questionnaire: unknown }>('SELECT year, questionnaire FROM editions WHERE opened_at IS NULL ORDER BY year DESC LIMIT 1'));
    expect(draft).toBeDefined();
    const original = JSON.stringify(draft?.questionnaire);
    const leafValues: unknown[] = [...NASTY, 0, -1, 1e308, true, null, [], {}, [null], { nl: '' }, { en: 'x' }, '\u0000', '\ud800'];
    /**
     * Changes values somewhere in the tree: in `texts` mode only the texts (odd characters, so the
     * file still passes the check and gets stored), otherwise other types and missing keys too.
     */
    function mangle(node: unknown, texts: boolean, p: number): unknown {
      if (Array.isArray(node)) {
        const out = node.map((x) => (!texts && r.chance(p) ? r.pick(leafValues) : mangle(x, texts, p)));
        if (!texts && r.chance(p) && out.length) out.splice(r.int(out.length), 1);
        if (!texts && r.chance(p) && out.length) out.push(out[r.int(out.length)]);
        return out;
      }
      if (node && typeof node === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(node)) {
          if (!texts && r.chance(p)) continue;
          if (texts && (k === 'nl' || k === 'en') && typeof v === 'string' && r.chance(0.05)) {
            out[k] = `${v}${r.pick(['\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '<script>x</script>', '\r\n', '{{7*7}}', '\u0007', 'x'.repeat(5000)])}`;
          } else out[k] = !texts && r.chance(p) ? r.pick(leafValues) : mangle(v, texts, p);
        }
        if (!texts && r.chance(p / 2)) out[r.pick(NASTY)] = r.pick(leafValues);
        return out;
      }
      if (!texts && typeof node === 'string' && r.chance(p * 2)) return r.pick(NASTY);
      return node;
    }
    let stored = 0;
    for (let i = 0; i < 60; i++) {
      const texts = r.chance(0.5);
      let text = JSON.stringify(mangle(JSON.parse(original), texts, r.pick([0.002, 0.01, 0.03])));
      if (r.chance(0.1)) text = Buffer.from(mutate(r, new Uint8Array(Buffer.from(text)))).toString('utf8');
      const form = new FormData();
      form.append('bestand', new Blob([text]), r.chance(0.8) ? 'vragenlijst.json' : fileName(r, 'csv'));
      const { res } = await probe('questionnaire', 'admin', 'POST', fillPattern(route?.path ?? '', { year: String(draft?.year) }), { form }, text.slice(0, 200));
      if (res.status === 303) stored++;
    }
    expect(failures, report('questionnaires')).toEqual([]);
    expect(stored, 'some of the files passed the check and were stored').toBeGreaterThan(5);
  }, 240_000);
});

/** A seed CSV as rows (for the XLSX variant of a seed). */
function csvRows(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = first.includes(';') ? ';' : ',';
  return text.split(/\r?\n/).filter(Boolean).map((l) => l.split(sep).map((c) => c.replace(/^"|"$/g, '')));
}
