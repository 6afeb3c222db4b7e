// The authorization matrix: every actor × every route of the app, as the app registered them,
// against the rules in tests/access-rules.ts, on the demo data set. A route without a rule fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTORS, type Actor, appRoutes, classify, type CsrfKind, type Fixture, buildFixture, fill, type Outcome, type RouteKey,
  RULES, type Rule, type Seen, send, STAFF,
} from './access-rules.ts';
import { promiseHooksOn } from './async-hooks.ts';

let fx: Fixture;
let routes: RouteKey[];
let hooksOnAtStart: boolean;

beforeAll(async () => {
  hooksOnAtStart = await promiseHooksOn();
  fx = await buildFixture();
  routes = appRoutes(fx.app);
}, 120_000);
afterAll(async () => fx?.close());

/** What a cell must show: one outcome, or any of a few (a refusal may come from either check). */
type Expected = Outcome | readonly Outcome[];
type Cell = { route: RouteKey; actor: Actor; expected: Expected; seen: Seen; path: string };

const matches = (c: Cell) => (typeof c.expected === 'string' ? [c.expected] : c.expected).includes(c.seen.outcome as Outcome);
const shownExpected = (e: Expected) => (typeof e === 'string' ? e : e.join('|'));

/** The rows with a wrong cell, one line per route: `✓ok` where it matched, `✗got≠expected` where not. */
function table(cells: Cell[], title: string): string {
  const wrong = new Set(cells.filter((c) => !matches(c)).map((c) => c.route.key));
  const width = 16;
  const head = ['route'.padEnd(60), ...ACTORS.map((a) => a.padEnd(width))].join(' ');
  const lines = [...wrong].map((key) => {
    const row = cells.filter((c) => c.route.key === key);
    const shown = ACTORS.map((a) => {
      const c = row.find((x) => x.actor === a);
      if (!c) return ''.padEnd(width);
      const got = c.seen.outcome === 'ok' || c.seen.outcome === 'notfound' || c.seen.outcome.startsWith('status') ? `${c.seen.outcome}(${c.seen.status})` : c.seen.outcome;
      return (matches(c) ? `✓${c.seen.outcome}` : `✗${got}≠${shownExpected(c.expected)}`).padEnd(width);
    });
    return [key.padEnd(60), ...shown].join(' ');
  });
  return `${title}: ${wrong.size} route(s) with a wrong outcome\n${head}\n${lines.join('\n')}\n`;
}

let requests = 0;
async function check(route: RouteKey, actor: Actor, expected: Expected, opts: Parameters<typeof send>[4] = {}): Promise<Cell> {
  const path = await fill(fx, route, actor);
  // Each request from its own address: the public's unknown links must not add up to a 429.
  const n = ++requests;
  const headers = { 'x-forwarded-for': `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`, ...opts.headers };
  const res = await send(fx, actor, route.method, path, { ...opts, headers });
  const body = await res.text();
  const seen = classify(res, path, body);
  expect(res.status, `${route.method} ${path} as ${actor}: a 500`).toBeLessThan(500);
  return { route, actor, expected, seen, path };
}

describe('authorization matrix', () => {
  it('every route of the app has a rule', () => {
    const missing = routes.filter((r) => !RULES[r.key]);
    expect(missing.map((r) => r.key), [
      `${missing.length} route(s) without an access rule. Add a line per route to RULES in tests/access-rules.ts, saying for`,
      `each actor (${ACTORS.join(', ')}) what must happen: 'ok' | 'signin' | 'forbidden' | 'notfound' | 'csrf'. For example:`,
      ...missing.map((r) => `  '${r.key}': adminOnly,   // or allStaff, allStaffInRegion, adminAndMinistry, callers, personal, anyone …`),
    ].join('\n')).toEqual([]);
  });

  it('every rule belongs to a route of the app (no stale rules)', () => {
    const keys = new Set(routes.map((r) => r.key));
    const stale = Object.keys(RULES).filter((k) => !keys.has(k));
    expect(stale, 'rules in tests/access-rules.ts for routes the app no longer has: remove them, or fix the key to the route as app.routes spells it').toEqual([]);
  });

  it('found the routes it should (sanity)', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.some((r) => r.key === 'GET /beheer')).toBe(true);
    expect(routes.some((r) => r.method === 'ALL')).toBe(false);
  });

  it('every actor × every route gets what its rule says', async () => {
    const cells: Cell[] = [];
    for (const route of routes) {
      const r = RULES[route.key];
      if (!r) continue; // reported by the first test
      for (const actor of ACTORS) cells.push(await check(route, actor, r[actor]));
    }
    const wrong = cells.filter((c) => !matches(c));
    expect(wrong.length, table(cells, 'authorization matrix')).toBe(0);
    // The matrix really covers something: each outcome occurs.
    const outcomes = new Set(cells.map((c) => c.seen.outcome));
    for (const o of ['ok', 'signin', 'forbidden', 'notfound'] as const) expect(outcomes.has(o)).toBe(true);
  }, 180_000);

  /** What a POST without (or with a wrong) CSRF token, or from another site, must give. */
  function csrfExpectation(r: Rule, actor: Actor, crossSite: boolean): Expected {
    const kind: CsrfKind = r.csrf ?? 'session';
    const base = r[actor];
    // Under /beheer a sub-app's guard for all staff may look at the form before the route's own
    // guard looks at the role: a refusal either way.
    if (base === 'forbidden' && kind === 'session') return ['forbidden', 'csrf'];
    if (base !== 'ok' && base !== 'notfound') return base;
    if (kind === 'session' && STAFF.includes(actor)) return 'csrf';
    if (kind === 'origin' && crossSite) return 'csrf';
    return base;
  }

  it('every POST refuses a missing or wrong CSRF token and a form from another site', async () => {
    const cells: Cell[] = [];
    const posts = routes.filter((r) => r.method !== 'GET' && RULES[r.key]);
    expect(posts.length).toBeGreaterThan(20);
    for (const route of posts) {
      const r = RULES[route.key] as Rule;
      for (const actor of ACTORS) {
        const variants: [string, Parameters<typeof send>[4], boolean][] = [
          ['no token', { csrf: 'missing' }, false],
          ['wrong token', { csrf: 'wrong' }, false],
          ['cross-site', { headers: { origin: 'https://evil.example' } }, true],
          ['cross-site (fetch metadata)', { headers: { 'sec-fetch-site': 'cross-site' } }, true],
        ];
        for (const [name, opts, crossSite] of variants) {
          // The public and the respondents have no session: their token variants say nothing new.
          if (!crossSite && !STAFF.includes(actor)) continue;
          const cell = await check(route, actor, csrfExpectation(r, actor, crossSite), opts);
          cells.push({ ...cell, route: { ...route, key: `${route.key} [${name}]` } });
        }
      }
    }
    const wrong = cells.filter((c) => !matches(c));
    expect(wrong.length, table(cells, 'CSRF')).toBe(0);
  }, 180_000);

  // Runs after the matrix above, which has rendered every page every actor can see.
  it('no page turns on async hooks for the rest of the process (they cost every later promise)', async () => {
    expect(hooksOnAtStart, 'async hooks were on before any page was rendered: this test cannot tell anything').toBe(false);
    expect(await promiseHooksOn(), 'a page render ran an AsyncLocalStorage (did hono/jsx find it? see firstRenderWithoutAsyncLocalStorage in src/web/render.ts)').toBe(false);
  });
});
