// Security headers on every kind of response (pages, redirects, downloads, error pages), the
// session cookie over HTTP and over HTTPS, and no personal data in what the app logs while it
// serves the usual requests (and its error paths): everything it writes to the console during
// this file is kept and checked at the end.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createMagicLink } from '../src/modules/auth/index.ts';
import { ACTORS, appRoutes, buildFixture, config, fill, type Fixture, NOW, type RouteKey, send, signIn } from './access-rules.ts';

let fx: Fixture;
let routes: RouteKey[];
const httpsConfig: Config = { ...config, baseUrl: 'https://benchmark.example.nl' };
/** Everything written to the console while this file runs. */
const logged: string[] = [];
let spies: MockInstance[] = [];
/** Whether the sweep over every route as every actor ran (the log check does it if not). */
let swept = false;

beforeAll(async () => {
  fx = await buildFixture();
  routes = appRoutes(fx.app);
  spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(`${level}: ${args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
    }));
}, 120_000);
afterAll(async () => {
  for (const s of spies) s.mockRestore();
  await fx?.close();
});

/** Every route as every actor, with what each response looks like. */
async function sweep(check: (route: RouteKey, path: string, actor: (typeof ACTORS)[number], res: Response) => Promise<void>) {
  for (const route of routes) {
    for (const actor of ACTORS) {
      const path = await fill(fx, route, actor);
      await check(route, path, actor, await send(fx, actor, route.method, path));
    }
  }
  swept = true;
}

/** The directives of a Content-Security-Policy header. */
function csp(header: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

/** What every response must carry, whatever it is; returns the problems. */
function headerProblems(res: Response, https: boolean): string[] {
  const problems: string[] = [];
  const h = res.headers;
  const policy = csp(h.get('content-security-policy'));
  const scripts = policy.get('script-src') ?? policy.get('default-src');
  if (!scripts) problems.push('no script-src or default-src');
  else if (scripts.some((v) => /unsafe-inline|unsafe-eval|unsafe-hashes|\*|data:|https?:$/i.test(v))) problems.push(`script-src ${scripts.join(' ')}`);
  if (policy.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`frame-ancestors ${policy.get('frame-ancestors')?.join(' ')}`);
  if (policy.get('object-src')?.join(' ') !== "'none'") problems.push('object-src not none');
  if (!policy.has('base-uri')) problems.push('no base-uri');
  const referrer = h.get('referrer-policy') ?? '';
  if (!['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer)) problems.push(`referrer-policy ${referrer || '(none)'}`);
  if (h.get('x-content-type-options') !== 'nosniff') problems.push('x-content-type-options');
  const hsts = h.get('strict-transport-security');
  if (https) {
    const age = Number(/max-age=(\d+)/.exec(hsts ?? '')?.[1] ?? 0);
    if (age < 180 * 86400) problems.push(`hsts ${hsts ?? '(none)'}`);
  } else if (hsts) problems.push(`hsts over plain http: ${hsts}`);
  if (h.get('x-powered-by')) problems.push('x-powered-by');
  return problems;
}

/** Script that only runs with 'unsafe-inline': inline <script>, event handler attributes, javascript: links. */
function inlineScript(html: string): string | undefined {
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc=/.test(m[1]) || m[2].trim()) return m[0].slice(0, 120);
  }
  const handler = /<[a-z][^>]*\s(on[a-z]+)\s*=/i.exec(html);
  if (handler) return handler[0].slice(0, 120);
  const js = /(href|src|action)\s*=\s*["']?\s*javascript:/i.exec(html);
  return js ? js[0] : undefined;
}

describe('security headers', () => {
  it('every route as every actor: CSP without inline script, frame-ancestors none, Referrer-Policy, nosniff, no HSTS over http', async () => {
    const wrong: string[] = [];
    let pages = 0;
    await sweep(async (route, path, actor, res) => {
      const problems = headerProblems(res, false);
      if ((res.headers.get('content-type') ?? '').includes('text/html')) {
        pages++;
        const inline = inlineScript(await res.text());
        if (inline) problems.push(`inline script: ${inline}`);
      } else await res.arrayBuffer();
      if (problems.length) wrong.push(`${route.method} ${path} as ${actor} (${res.status}): ${problems.join('; ')}`);
    });
    expect(pages).toBeGreaterThan(100);
    expect(wrong.slice(0, 30), `${wrong.length} response(s) with missing or weak security headers`).toEqual([]);
  }, 180_000);

  it('error pages and refusals carry them too: 404, 400 (broken form), 413 (too large), 429', async () => {
    const responses = [
      await fx.app.request('/bestaat-niet'),
      await fx.app.request('/v/onzin'),
      await fx.app.request('/inloggen', { method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data; boundary=y' } }),
      await fx.app.request('/inloggen', { method: 'POST', body: 'x'.repeat(3 * 1024 * 1024), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    ];
    expect(responses.map((r) => r.status)).toEqual([404, 404, 400, 413]);
    // Guessing links: after 30 unknown ones from one address, a 429 with a page and the headers.
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await fx.app.request(`/v/${'A'.repeat(42)}${String.fromCharCode(65 + (i % 26))}`, { headers: { 'x-forwarded-for': '203.0.113.77' } });
      if (res.status === 429) limited = res;
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    for (const res of [...responses, limited as Response]) {
      expect(headerProblems(res, false), `${res.status}`).toEqual([]);
      expect(await res.text()).toContain('<!doctype html>');
    }
  });

  it('over HTTPS (BASE_URL https://…): HSTS for a year on every response', async () => {
    const app = createApp({ db: fx.db, config: httpsConfig, now: () => NOW });
    for (const path of ['/', '/inloggen', '/beheer', '/bestaat-niet', '/static/app.css', `/v/${fx.A.token}`]) {
      const res = await app.request(path);
      expect(headerProblems(res, true), path).toEqual([]);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    }
  });
});

describe('security headers behind a Node HTTP server (as npm start serves the app)', () => {
  /** The app on a real port; requests go over loopback, redirects are not followed. */
  async function served(app: ReturnType<typeof createApp>, run: (get: (path: string, init?: RequestInit) => Promise<Response>) => Promise<void>) {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    try {
      await run((path, init) => fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual', ...init }));
    } finally {
      await new Promise((r) => server.close(r));
    }
  }
  const securityNames = ['content-security-policy', 'referrer-policy', 'x-content-type-options', 'x-frame-options', 'strict-transport-security', 'cross-origin-opener-policy'];
  const pick = (res: Response) => Object.fromEntries(securityNames.map((n) => [n, res.headers.get(n)]));

  it('pages, redirects, files, 404 and a broken form carry the same headers, each once, over http and https', async () => {
    for (const [app, https] of [[fx.app, false], [createApp({ db: fx.db, config: httpsConfig, now: () => NOW }), true]] as const) {
      await served(app, async (get) => {
        const cases: [string, RequestInit | undefined, number][] = [
          ['/', undefined, 200],
          ['/static/app.css', undefined, 200],
          ['/bestaat-niet', undefined, 404],
          [`/v/${fx.A.token}/verzenden`, { method: 'GET' }, 404],
          ['/inloggen', { method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data; boundary=y' } }, 400],
          ['/beheer', undefined, 303],
        ];
        for (const [path, init, status] of cases) {
          const res = await get(path, init);
          await res.arrayBuffer();
          expect(res.status, path).toBe(status);
          expect(headerProblems(res, https), path).toEqual([]);
          // The same values as the app gives without Node, and no header twice (fetch would join them with ", ").
          const direct = await app.request(path, init);
          expect(pick(res), path).toEqual(pick(direct));
        }
      });
    }
  });
});

describe('personal links', () => {
  it('guessing is rate-limited on every page behind a personal link: 429 after 30 unknown links from one address, the real link still works elsewhere', async () => {
    const tokenRoutes = routes.filter((r) => r.path.startsWith('/v/:token'));
    expect(tokenRoutes.length).toBeGreaterThan(5);
    const wrong: string[] = [];
    let n = 0;
    for (const route of tokenRoutes) {
      // A fresh address per route; unknown links of the right shape, each one different.
      const ip = `198.51.100.${++n}`;
      const guess = (i: number) => `${'G'.repeat(40)}${String(i).padStart(3, '0')}`;
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const path = (await fill(fx, route, 'public')).replace(fx.unknownToken, guess(i));
        const res = await send(fx, 'public', route.method, path, { headers: { 'x-forwarded-for': ip } });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      if (statuses.slice(0, 30).some((s) => s !== 404) || statuses[30] !== 429) wrong.push(`${route.key}: ${statuses.join(' ')}`);
      // The limit is per address: the municipality's own link still works from its own.
      const own = await send(fx, 'respondentA', route.method, await fill(fx, route, 'respondentA'));
      if (own.status >= 400 && own.status !== 409) wrong.push(`${route.key}: own link ${own.status}`);
      await own.arrayBuffer();
    }
    expect(wrong, 'routes behind a personal link where guessing is not limited (30 unknown links, then 429)').toEqual([]);
  }, 120_000);
});

describe('session cookie', () => {
  /** Signs in as a browser would: the sign-in link's confirmation form, posted. */
  async function signInVia(app: ReturnType<typeof createApp>, db: Db) {
    const token = await createMagicLink(db, fx.accounts.admin, NOW);
    const res = await app.request(`/inloggen/${token}`, { method: 'POST', body: new URLSearchParams(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(303);
    return res.headers.get('set-cookie') ?? '';
  }

  const attrs = (cookie: string) => cookie.split(';').map((s) => s.trim().toLowerCase());

  it('over HTTP: "sessie", HttpOnly, SameSite, Path=/, no Domain, no lasting Max-Age', async () => {
    const cookie = await signInVia(fx.app, fx.db);
    expect(cookie).toMatch(/^sessie=[A-Za-z0-9_-]{43};/);
    const a = attrs(cookie);
    expect(a).toContain('httponly');
    expect(a.some((x) => x === 'samesite=lax' || x === 'samesite=strict')).toBe(true);
    expect(a).toContain('path=/');
    expect(a.some((x) => x.startsWith('domain='))).toBe(false);
    expect(a.some((x) => x.startsWith('max-age=') && Number(x.slice(8)) > 0)).toBe(false);
  });

  it('over HTTPS: "__Host-sessie", Secure, HttpOnly, SameSite, Path=/, no Domain; the sign-out clears it the same way', async () => {
    const app = createApp({ db: fx.db, config: httpsConfig, now: () => NOW });
    const cookie = await signInVia(app, fx.db);
    expect(cookie).toMatch(/^__Host-sessie=[A-Za-z0-9_-]{43};/);
    const a = attrs(cookie);
    for (const must of ['secure', 'httponly', 'path=/']) expect(a, must).toContain(must);
    expect(a.some((x) => x === 'samesite=lax' || x === 'samesite=strict')).toBe(true);
    expect(a.some((x) => x.startsWith('domain='))).toBe(false);
    // The session works under that name, and signing out clears the same cookie.
    const session = cookie.split(';')[0];
    const start = await app.request('/beheer', { headers: { cookie: session } });
    expect(start.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await start.text())?.[1] ?? '';
    const out = await app.request('/uitloggen', {
      method: 'POST', body: new URLSearchParams({ _csrf: csrf }), headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(out.status).toBe(303);
    const cleared = attrs(out.headers.get('set-cookie') ?? '');
    expect(cleared[0]).toBe('__host-sessie=');
    expect(cleared).toContain('secure');
    expect((await app.request('/beheer', { headers: { cookie: session } })).status).toBe(303);
  });

  it('a session cookie on plain HTTP is not accepted under the HTTPS name, nor the other way round', async () => {
    const https = createApp({ db: fx.db, config: httpsConfig, now: () => NOW });
    const plain = (await signInVia(fx.app, fx.db)).split(';')[0];
    expect((await https.request('/beheer', { headers: { cookie: plain } })).status).toBe(303);
  });
});

describe('no personal data in the logs', () => {
  it('typical requests, and the error paths that log, never write a contact\'s or advisor\'s name or address, or a secret link', async () => {
    const lines = logged;
    const people = await fx.db.query<{ name: string; email: string }>(
      `SELECT name, email FROM contacts UNION SELECT name, email FROM advisors UNION SELECT name, email FROM accounts`,
    );
    const contact = (await fx.db.one<{ name: string; email: string }>(
      'SELECT name, email FROM contacts WHERE municipality_code = $1 ORDER BY id LIMIT 1', [fx.A.code],
    )) ?? people[0];
    const advisorEmail = (await fx.db.one<{ email: string }>('SELECT email FROM accounts WHERE id = $1', [fx.advisorA.accountId]))?.email ?? '';

    // 1. Every route as every actor (done by the first test of this file, unless run alone).
    if (!swept) await sweep(async (_route, _path, _actor, res) => void (await res.arrayBuffer()));

    // 2. Requests that carry personal data.
    const asAdmin = (path: string, form: [string, string][]) => send(fx, 'admin', 'POST', path, { form });
    await asAdmin('/beheer/privacy', [['email', contact.email]]);
    await asAdmin('/beheer/privacy/export', [['email', contact.email]]);
    await asAdmin('/beheer/privacy/wissen', [['email', `nobody.${contact.email}`], ['bevestigd', 'ja']]);
    await asAdmin('/beheer/accounts', [['email', 'nieuw.iemand@bureau.example.nl'], ['name', contact.name], ['role', 'ministry']]);
    await send(fx, 'advisorA', 'POST', `/beheer/edities/${fx.year}/bellijst/${fx.A.code}`, {
      form: [['calledOn', '2024-02-29'], ['outcome', 'bereikt'], ['note', `Gesproken met ${contact.name} (${contact.email})`]],
    });
    await send(fx, 'public', 'POST', `/v/${fx.A.reportToken}/rapport/adviseur`, { form: [['naam', contact.name], ['email', contact.email], ['bericht', 'Graag een gesprek']] });
    await send(fx, 'public', 'POST', '/inloggen', { form: [['email', contact.email]] });
    const csv = `gemeentecode;naam;e-mailadres\n${fx.A.code};${contact.name};${contact.email}\n`;
    const form = new FormData();
    form.append('bestand', new Blob([csv]), 'contacten.csv');
    const upload = await send(fx, 'admin', 'POST', `/beheer/edities/${fx.openYear}/contacten`, { form });
    const preview = upload.headers.get('location');
    if (preview) await send(fx, 'admin', 'POST', preview, { form: [['actie', 'importeren']] });
    await send(fx, 'admin', 'POST', `/beheer/edities/${fx.openYear}/gemeenten/${fx.A.code}/versturen`, { form: [] });

    // 3. The paths that log: a sign-in link and an account invitation that cannot be sent (the
    // mail error names the address and the link, as mail errors do) …
    const failing = createApp({ db: fx.db, config, now: () => NOW }, {
      sendSignInLink: async (to, url) => {
        throw new Error(`550 5.1.1 <${to}>: Recipient address rejected (${url})`);
      },
    });
    await failing.request('/inloggen', { method: 'POST', body: new URLSearchParams({ email: advisorEmail }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const admin = await signIn(fx, 'admin');
    await failing.request('/beheer/accounts', {
      method: 'POST', body: new URLSearchParams({ _csrf: admin?.csrfSecret ?? '', email: `nieuw.${contact.email}`, name: contact.name, role: 'advisor' }),
      headers: { cookie: `sessie=${admin?.id}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    // … and an unexpected error while handling personal data (a database error that quotes the value).
    const broken: Db = {
      ...fx.db,
      async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
        if (params?.includes(contact.email)) {
          throw Object.assign(new Error(`invalid input syntax for type integer: "${contact.email}"`), { code: '22P02' });
        }
        return fx.db.query<T>(sql, params);
      },
      async one<T>(sql: string, params?: unknown[]): Promise<T | undefined> {
        return (await broken.query<T>(sql, params))[0];
      },
    };
    const brokenApp = createApp({ db: broken, config, now: () => NOW });
    await brokenApp.request('/inloggen', { method: 'POST', body: new URLSearchParams({ email: contact.email }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    // The error paths were taken, and logged what they should: the kind of error, not the data.
    // (JSON lines, as the server writes them: src/modules/operations.)
    expect(lines.some((l) => /"err":"Error","msg":"sign-in link not sent"/.test(l)), lines.join('\n')).toBe(true);
    expect(lines.some((l) => /"err":"Error","msg":"invitation link not sent"/.test(l)), lines.join('\n')).toBe(true);
    expect(lines.some((l) => /"method":"POST","route":"\/inloggen","err":"Error 22P02: invalid input syntax for type integer: \\"…\\""/.test(l)), lines.join('\n')).toBe(true);
    const secrets = [fx.A.token, fx.B.token, fx.A.reportToken, fx.B.reportToken];
    const leaks: string[] = [];
    for (const line of lines) {
      const lower = line.toLowerCase();
      for (const p of people) {
        if (p.email && lower.includes(p.email.toLowerCase())) leaks.push(`e-mail ${p.email}: ${line.slice(0, 200)}`);
        if (p.name && p.name.length > 4 && line.includes(p.name)) leaks.push(`name ${p.name}: ${line.slice(0, 200)}`);
      }
      for (const s of secrets) if (line.includes(s)) leaks.push(`a personal link: ${line.slice(0, 200)}`);
      if (/\/inloggen\/[A-Za-z0-9_-]{43}/.test(line)) leaks.push(`a sign-in link: ${line.slice(0, 200)}`);
      if (/@/.test(line) && /[\w.+-]+@[\w-]+\.[\w.]+/.test(line)) leaks.push(`an e-mail address: ${line.slice(0, 200)}`);
    }
    expect(leaks, `logged:\n${lines.join('\n').slice(0, 3000)}`).toEqual([]);
  }, 180_000);
});
