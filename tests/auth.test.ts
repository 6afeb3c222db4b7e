// Accounts and sign-in over HTTP: magic links, sessions, CSRF, roles, rate limits, invitations.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.tsx';
import { createAdminCommand } from '../src/cli/commands/create-admin.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createAdminRoutes } from '../src/modules/admin/index.ts';
import { type Account, createAccount, createAuthRoutes, createPersonalLink, disableAccount, findByEmail, type Role } from '../src/modules/auth/index.ts';
import type { Deps } from '../src/web/context.ts';
import { formFields, parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false, trustProxy: 1 };
let db: Db;
let clock = new Date('2024-03-01T09:00:00Z');
const later = (ms: number) => { clock = new Date(clock.getTime() + ms); };
const MINUTE = 60_000;
let sent: { to: string; url: string }[] = [];
let failSending = false;
let logged: string[] = [];

/** The real app with the auth routes mounted as src/app.tsx will, and a sender the test can read. */
function testApp(deps: Deps) {
  const sendSignInLink = async (to: string, url: string) => {
    if (failSending) throw new Error(`smtp refused ${to} ${url}`);
    sent.push({ to, url });
  };
  const app = createApp(deps, { sendSignInLink });
  return app;
}
let app: ReturnType<typeof testApp>;

/** One browser: keeps its cookies, comes from its own IP address. */
class Browser {
  cookies = new Map<string, string>();
  constructor(readonly ip = `10.0.0.${Math.floor(Math.random() * 250)}`, readonly a = app) {}
  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', this.ip);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.a.request(path, { ...init, headers });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (/max-age=0/i.test(c) || v === '') this.cookies.delete(k); else this.cookies.set(k, v);
    }
    return res;
  }
  get(path: string) { return this.request(path); }
  post(path: string, fields: [string, string][], headers: Record<string, string> = {}) {
    return this.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  }
  /** The `_csrf` of this browser's session, read from a page like a browser's form would. */
  async csrf(): Promise<string> {
    return formFields(await (await this.get('/beheer')).text(), 'form[action="/uitloggen"]').find(([k]) => k === '_csrf')![1];
  }
  /** Requests a link by e-mail and follows it; returns the link. */
  async signIn(email: string, returnTo = ''): Promise<string> {
    const before = sent.length;
    const res = await this.post(`/inloggen${returnTo ? `?terug=${encodeURIComponent(returnTo)}` : ''}`, [['email', email]]);
    expect(res.status).toBe(303);
    const url = sent.slice(before).find((m) => m.to.toLowerCase() === email.toLowerCase())?.url;
    expect(url).toBeDefined();
    const path = url!.replace(config.baseUrl, '');
    expect((await this.post(path, [])).status).toBe(303);
    return path;
  }
}

let n = 0;
const account = (role: Role, name = `Gebruiker ${++n}`) =>
  createAccount(db, { email: `user${++n}@example.nl`, name, role }, clock);
const countAccounts = async () => (await db.query('SELECT 1 FROM accounts')).length;

beforeAll(async () => {
  db = await createTestDb();
  app = testApp({ db, config, now: () => clock });
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')); });
  }
});
afterAll(async () => {
  // Whatever was logged along the way: no sign-in link and no token in it.
  const tokens = sent.map((m) => m.url.match(/inloggen\/([^?]+)/)![1]);
  expect(tokens.length).toBeGreaterThan(5);
  for (const line of logged) for (const tok of tokens) expect(line).not.toContain(tok);
  vi.restoreAllMocks();
  await db?.close();
});
beforeEach(() => { failSending = false; });

describe('signing in with an e-mailed link', () => {
  let admin: Account;
  // A fresh account per test keeps each test clear of the per-address rate limit.
  beforeEach(async () => { admin = await account('admin', 'Anna Bureau'); });

  it('asks for an address, sends a link, shows a button behind it, and signs in', async () => {
    const b = new Browser();
    const form = await b.get('/inloggen');
    expect(parse(await form.text()).querySelector('label[for=email]')?.textContent).toBe('E-mailadres');
    expect(parse(await (await b.get('/inloggen?lang=en')).text()).querySelector('h1')?.textContent).toBe('Sign in');
    await b.get('/inloggen?lang=nl');
    const res = await b.post('/inloggen', [['email', `  ${admin.email.toUpperCase()} `]]);
    expect(res.status).toBe(303);
    expect(text(await (await b.get(res.headers.get('location')!)).text())).toContain('Als dit adres bekend is, ontvangt u een e-mail met een inloglink');
    const { to, url } = sent.at(-1)!;
    expect(to).toBe(admin.email);
    expect(url).toMatch(/^http:\/\/localhost:3000\/inloggen\/[A-Za-z0-9_-]{43}$/);
    const path = url.replace(config.baseUrl, '');
    // A mail scanner fetching the link twice uses nothing up.
    for (let i = 0; i < 2; i++) {
      const confirm = await b.get(path);
      expect(confirm.status).toBe(200);
      expect(parse(await confirm.text()).querySelector(`form[method=post][action="${path}"] button`)?.textContent).toBe('Inloggen');
    }
    const signedIn = await b.post(path, []);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/beheer');
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('sessie='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const start = await b.get('/beheer');
    expect(start.status).toBe(200);
    expect(start.headers.get('cache-control')).toBe('no-store');
    const t = text(await start.text());
    expect(t).toContain('Welkom, Anna Bureau');
    expect(t).toContain('onderzoeksbureau (beheerder)');
    // Only hashes are stored: the cookie value and the token are nowhere in the database.
    const rows = JSON.stringify(await db.query('SELECT encode(id_hash, \'base64\') AS h, * FROM sessions'));
    expect(rows).not.toContain(b.cookies.get('sessie'));
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const before = sent.length;
    const known = await new Browser().post('/inloggen', [['email', admin.email]]);
    const unknown = await new Browser().post('/inloggen', [['email', 'niemand@example.nl']]);
    expect([unknown.status, unknown.headers.get('location')]).toEqual([known.status, known.headers.get('location')]);
    expect(sent.length).toBe(before + 1);
  });

  it('does the same database work for a known, an unknown and a disabled address (no timing tell)', async () => {
    // The app over a database that writes down every statement it is given.
    const statements: string[] = [];
    const recording = (inner: Db): Db => ({
      ...inner,
      query: (sql, params, opts) => { statements.push(sql); return inner.query(sql, params, opts); },
      one: (sql, params, opts) => { statements.push(sql); return inner.one(sql, params, opts); },
      tx: (fn) => { statements.push('BEGIN'); return inner.tx((t) => fn(recording(t))); },
    });
    const recorded = testApp({ db: recording(db), config, now: () => clock });
    const disabled = await account('advisor');
    await disableAccount(db, disabled.id, clock);
    const run = async (email: string) => {
      statements.length = 0;
      const before = sent.length;
      const res = await new Browser(undefined, recorded).post('/inloggen', [['email', email]]);
      expect(res.status).toBe(303);
      return { statements: [...statements], sent: sent.length - before };
    };
    const known = await run(admin.email);
    const unknown = await run('nog-nooit-gezien@example.nl');
    const off = await run(disabled.email);
    expect(known.sent).toBe(1);
    expect([unknown.sent, off.sent]).toEqual([0, 0]);
    expect(known.statements.length).toBeGreaterThan(2);
    expect(unknown.statements).toEqual(known.statements);
    expect(off.statements).toEqual(known.statements);

    // The product's own sender (the outbox): the same INSERT either way, a row only for the known one.
    const product = createApp({ db: recording(db), config, now: () => clock });
    const outboxRows = async () => Number((await db.one<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE kind = 'sign-in'"))!.n);
    const viaOutbox = async (email: string) => {
      statements.length = 0;
      const before = await outboxRows();
      const res = await new Browser(undefined, product).post('/inloggen', [['email', email]]);
      expect(res.status).toBe(303);
      return { statements: [...statements], queued: (await outboxRows()) - before };
    };
    const knownMail = await viaOutbox(admin.email);
    const unknownMail = await viaOutbox('ook-onbekend@example.nl');
    expect([knownMail.queued, unknownMail.queued]).toEqual([1, 0]);
    expect(knownMail.statements.some((s) => s.includes('INSERT INTO outbox'))).toBe(true);
    expect(unknownMail.statements).toEqual(knownMail.statements);
  });

  it('refuses a malformed address with an error summary', async () => {
    const res = await new Browser().post('/inloggen', [['email', 'geen-adres']]);
    expect(res.status).toBe(400);
    const doc = parse(await res.text());
    expect(doc.querySelector('.error-summary a[href="#email"]')?.textContent).toContain('geldig e-mailadres');
    expect(doc.querySelector('title')?.textContent).toMatch(/^Fout: /);
  });

  it('returns to the page that asked for sign-in, never to another site', async () => {
    const b = new Browser();
    const res = await b.get('/beheer/accounts?x=1');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/inloggen?terug=%2Fbeheer%2Faccounts%3Fx%3D1');
    expect(text(await (await b.get(res.headers.get('location')!)).text())).toContain('Log in om deze pagina te bekijken');
    const path = await b.signIn(admin.email, '/beheer/accounts?x=1');
    expect(path).toContain('?terug=');
    for (const evil of ['//evil.example/x', '/\\evil.example', 'https://evil.example']) {
      const e = new Browser();
      await e.post(`/inloggen?terug=${encodeURIComponent(evil)}`, [['email', admin.email]]);
      const res2 = await e.post(sent.at(-1)!.url.replace(config.baseUrl, ''), []);
      expect(res2.headers.get('location')).toBe('/beheer');
    }
  });

  it('an expired link gets a clear page with a way to ask for a new one, and no session', async () => {
    const b = new Browser();
    await b.post('/inloggen', [['email', admin.email]]);
    const path = sent.at(-1)!.url.replace(config.baseUrl, '');
    later(15 * MINUTE + 1000);
    for (const res of [await b.get(path), await b.post(path, [])]) {
      expect(res.status).toBe(410);
      const html = await res.text();
      expect(text(html)).toContain('Deze inloglink is verlopen');
      expect(parse(html).querySelector('a[href="/inloggen"]')?.textContent).toBe('Vraag een nieuwe inloglink aan');
    }
    expect(b.cookies.size).toBe(0);
  });

  it('a link works once, also when clicked twice at the same moment', async () => {
    const b = new Browser();
    await b.post('/inloggen', [['email', admin.email]]);
    const link = sent.at(-1)!.url.replace(config.baseUrl, '');
    const both = await Promise.all([new Browser().post(link, []), new Browser().post(link, [])]);
    expect(both.map((r) => r.status).sort()).toEqual([303, 410]);
    const path = await new Browser().signIn(admin.email);
    const other = new Browser();
    for (const res of [await other.post(path, []), await other.get(path)]) {
      expect(res.status).toBe(410);
      expect(text(await res.text())).toContain('Deze inloglink is al gebruikt');
    }
    expect((await other.get('/beheer')).status).toBe(303);
  });

  it('a garbage token or a token made for something else does not sign in', async () => {
    const personal = await createPersonalLink(db, 2022, 'GM0363');
    for (const token of ['nonsense', 'A'.repeat(43), personal, '%ff']) {
      const b = new Browser();
      const res = await b.post(`/inloggen/${token}`, []);
      expect(res.status).toBe(404);
      expect(text(await res.text())).toContain('Deze inloglink werkt niet');
      expect((await b.get(`/inloggen/${token}`)).status).toBe(404);
      expect(b.cookies.size).toBe(0);
    }
    // A NUL in the address is refused before any token is looked up (tests/bad-address.test.ts).
    const nul = new Browser();
    expect((await nul.post('/inloggen/%00%ff', [])).status).toBe(400);
    expect(nul.cookies.size).toBe(0);
  });

  it('a sender that fails changes nothing the visitor can see, and logs no address or link', async () => {
    failSending = true;
    const res = await new Browser().post('/inloggen', [['email', admin.email]]);
    expect(res.status).toBe(303);
    expect(logged.some((l) => l.includes('sign-in link not sent'))).toBe(true);
    expect(logged.join('\n')).not.toContain(admin.email);
  });
});

describe('sessions', () => {
  it('end 12 hours after the last request, not 12 hours after sign-in', async () => {
    const admin = await account('admin');
    const b = new Browser();
    await b.signIn(admin.email);
    later(11 * 60 * MINUTE);
    expect((await b.get('/beheer')).status).toBe(200);
    later(11 * 60 * MINUTE);
    expect((await b.get('/beheer')).status).toBe(200);
    later(12 * 60 * MINUTE + MINUTE);
    const res = await b.get('/beheer');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/inloggen?terug=%2Fbeheer');
  });

  it('signing out ends the session on the server: replaying the old cookie fails', async () => {
    const b = new Browser();
    await b.signIn((await account('ministry')).email);
    const stolen = new Map(b.cookies);
    const res = await b.post('/uitloggen', [['_csrf', await b.csrf()]]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/inloggen?uitgelogd=1');
    expect(b.cookies.has('sessie')).toBe(false);
    expect(text(await (await b.get('/inloggen?uitgelogd=1')).text())).toContain('U bent uitgelogd');
    const replay = new Browser();
    replay.cookies = stolen;
    expect((await replay.get('/beheer')).status).toBe(303);
  });

  it('is Secure and host-only behind HTTPS', async () => {
    const https = testApp({ db, config: { ...config, baseUrl: 'https://benchmark.example.nl' }, now: () => clock });
    const b = new Browser('10.9.9.9', https);
    await b.signIn((await account('admin')).email);
    expect(sent.at(-1)!.url.startsWith('https://benchmark.example.nl/inloggen/')).toBe(true);
    expect(b.cookies.has('__Host-sessie')).toBe(true);
    expect((await b.get('/beheer')).status).toBe(200);
  });
});

describe('CSRF: every POST of a signed-in user carries the session token', () => {
  it('a missing, wrong or foreign token gets a 403 page and changes nothing', async () => {
    const admin = new Browser();
    await admin.signIn((await account('admin')).email);
    const other = new Browser();
    await other.signIn((await account('admin')).email);
    const fields: [string, string][] = [['email', 'nieuw@example.nl'], ['name', 'Nieuw'], ['role', 'advisor']];
    const before = await countAccounts();
    const attempts = [
      admin.post('/beheer/accounts', fields),
      admin.post('/beheer/accounts', [...fields, ['_csrf', 'x'.repeat(43)]]),
      admin.post('/beheer/accounts', [...fields, ['_csrf', await other.csrf()]]),
      admin.post('/beheer/accounts', [...fields, ['_csrf', await admin.csrf()]], { origin: 'https://evil.example' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(text(await res.text())).toContain('Het formulier kon niet worden verwerkt');
    }
    expect(await countAccounts()).toBe(before);
    expect((await admin.post('/uitloggen', [])).status).toBe(403);
    expect((await admin.get('/beheer')).status).toBe(200); // still signed in
  });

  it('a sign-in form posted from another site is refused', async () => {
    const res = await new Browser().post('/inloggen', [['email', 'x@example.nl']], { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
  });
});

describe('roles', () => {
  it('a signed-out user is sent to sign in, also for a POST, and nothing is created', async () => {
    const before = await countAccounts();
    for (const res of [await new Browser().get('/beheer'), await new Browser().post('/beheer/accounts', [['email', 'a@b.nl'], ['name', 'A'], ['role', 'admin']])]) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/inloggen\?terug=%2Fbeheer/);
    }
    expect(await countAccounts()).toBe(before);
  });

  it('ministry and advisor see the start page but get 403 on the accounts page', async () => {
    for (const role of ['ministry', 'advisor'] as const) {
      const b = new Browser();
      await b.signIn((await account(role)).email);
      const start = await b.get('/beheer');
      expect(start.status).toBe(200);
      const html = await start.text();
      expect(text(html)).toContain(role === 'ministry' ? 'ministerie van VWS' : 'adviseur');
      expect(parse(html).querySelector('a[href="/beheer/accounts"]')).toBeNull();
      const res = await b.get('/beheer/accounts');
      expect(res.status).toBe(403);
      expect(text(await res.text())).toContain('Geen toegang');
      const before = await countAccounts();
      const post = await b.post('/beheer/accounts', [['email', 'z@example.nl'], ['name', 'Z'], ['role', 'admin'], ['_csrf', await b.csrf()]]);
      expect(post.status).toBe(403);
      expect(await countAccounts()).toBe(before);
    }
  });
});

describe('rate limit on requests for a link', () => {
  it('at most 5 per address in 15 minutes, known or not, then a 429 that says when', async () => {
    for (const email of [(await account('advisor')).email, 'onbekend@example.nl']) {
      const b = new Browser();
      for (let i = 0; i < 5; i++) expect((await b.post('/inloggen', [['email', email]])).status).toBe(303);
      const res = await new Browser().post('/inloggen', [['email', email.toUpperCase()]]);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(text(await res.text())).toMatch(/U kunt vanaf \d+ maart 2024, \d\d:\d\d opnieuw een inloglink aanvragen/);
    }
    later(15 * MINUTE);
    expect((await new Browser().post('/inloggen', [['email', 'onbekend@example.nl']])).status).toBe(303);
  });

  it('at most 30 per IP address', async () => {
    const b = new Browser('192.0.2.7');
    for (let i = 0; i < 30; i++) expect((await b.post('/inloggen', [['email', `ip${i}@example.nl`]])).status).toBe(303);
    expect((await b.post('/inloggen', [['email', 'ip-last@example.nl']])).status).toBe(429);
    expect((await new Browser('192.0.2.8').post('/inloggen', [['email', 'ip-last@example.nl']])).status).toBe(303);
  });
});

describe('inviting accounts', () => {
  let admin: Browser;
  beforeAll(async () => {
    admin = new Browser();
    await admin.signIn((await account('admin')).email);
  });

  it('bad input: 400 with an error summary linking to each field, nothing saved', async () => {
    const existing = await account('advisor');
    const cases: [[string, string][], string[]][] = [
      [[['email', 'geen-adres'], ['name', ''], ['role', 'koning']], ['#email', '#name', '#role-admin']],
      [[['email', existing.email.toUpperCase()], ['name', 'Dubbel'], ['role', 'advisor']], ['#email']],
      [[['email', 'lang@example.nl'], ['name', 'x'.repeat(201)], ['role', 'advisor']], ['#name']],
    ];
    for (const [fields, targets] of cases) {
      const before = await countAccounts();
      const res = await admin.post('/beheer/accounts', [...fields, ['_csrf', await admin.csrf()]]);
      expect(res.status).toBe(400);
      const doc = parse(await res.text());
      expect([...doc.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'))).toEqual(targets);
      for (const target of targets) expect(doc.querySelector(target)).not.toBeNull();
      expect(doc.querySelector('#name')?.getAttribute('value')).toBe(fields[1][1]);
      expect(await countAccounts()).toBe(before);
    }
  });

  it('creates the account, e-mails a link, and the invitee signs in with their role', async () => {
    const res = await admin.post('/beheer/accounts', [['email', 'adviseur@example.nl'], ['name', 'Ada Adviseur'], ['role', 'advisor'], ['_csrf', await admin.csrf()]]);
    expect(res.status).toBe(303);
    const page = text(await (await admin.get(res.headers.get('location')!)).text());
    expect(page).toContain('Het account voor Ada Adviseur (adviseur@example.nl) is aangemaakt');
    expect(page).toContain('Ada Adviseur');
    expect((await findByEmail(db, 'ADVISEUR@example.nl'))?.role).toBe('advisor');
    const { to, url } = sent.at(-1)!;
    expect(to).toBe('adviseur@example.nl');
    const invitee = new Browser();
    expect((await invitee.post(url.replace(config.baseUrl, ''), [])).status).toBe(303);
    expect(text(await (await invitee.get('/beheer')).text())).toContain('Welkom, Ada Adviseur');
  });
});

describe('disabling accounts', () => {
  let admin: Browser;
  let adminAccount: Account;
  beforeAll(async () => {
    admin = new Browser();
    adminAccount = await account('admin', 'Bea Beheer');
    await admin.signIn(adminAccount.email);
  });
  const rowOf = async (b: Browser, name: string) =>
    [...parse(await (await b.get('/beheer/accounts')).text()).querySelectorAll('tbody tr')].find((r) => r.querySelector('th')?.textContent === name);

  it('ends the sessions at once, sends no link, voids an open link; enabling again lets the user in with a new link', async () => {
    const target = await account('ministry', 'Mira Ministerie');
    const user = new Browser();
    await user.signIn(target.email);
    expect((await user.get('/beheer')).status).toBe(200);
    // A link asked for before the account was disabled, not used yet.
    const before = sent.length;
    await new Browser().post('/inloggen', [['email', target.email]]);
    const openLink = sent.slice(before).find((m) => m.to === target.email)!.url.replace(config.baseUrl, '');

    const row = await rowOf(admin, 'Mira Ministerie');
    expect(row!.textContent).toContain('Actief');
    const action = row!.querySelector('form')!.getAttribute('action')!;
    expect(action).toBe(`/beheer/accounts/${target.id}/uitschakelen`);
    const res = await admin.post(action, [['_csrf', await admin.csrf()]]);
    expect(res.status).toBe(303);
    expect(text(await (await admin.get(res.headers.get('location')!)).text()))
      .toContain('Het account van Mira Ministerie (' + target.email + ') is uitgeschakeld');
    expect((await rowOf(admin, 'Mira Ministerie'))!.textContent).toContain('Uitgeschakeld');

    // The user's next request finds no session; the open link and a new request do nothing.
    const after = await user.get('/beheer');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/inloggen/);
    const sentBefore = sent.length;
    expect((await new Browser().post('/inloggen', [['email', target.email]])).status).toBe(303);
    expect(sent.length).toBe(sentBefore);
    const late = new Browser();
    expect((await late.get(openLink)).status).toBe(404);
    expect((await late.post(openLink, [])).status).toBe(404);
    expect(late.cookies.size).toBe(0);
    expect(await db.query('SELECT 1 FROM sessions WHERE account_id = $1', [target.id])).toEqual([]);

    // Enabled again: the old link stays dead, a new one works.
    const enable = await admin.post(`/beheer/accounts/${target.id}/inschakelen`, [['_csrf', await admin.csrf()]]);
    expect(enable.status).toBe(303);
    expect(text(await (await admin.get(enable.headers.get('location')!)).text())).toContain('is weer ingeschakeld');
    expect((await new Browser().post(openLink, [])).status).toBe(404);
    const again = new Browser();
    await again.signIn(target.email);
    expect(text(await (await again.get('/beheer')).text())).toContain('Welkom, Mira Ministerie');
  });

  it('an admin cannot disable their own account: 400 in words, still signed in', async () => {
    expect((await rowOf(admin, 'Bea Beheer'))!.textContent).toContain('Uw eigen account');
    expect((await rowOf(admin, 'Bea Beheer'))!.querySelector('form')).toBeNull();
    const res = await admin.post(`/beheer/accounts/${adminAccount.id}/uitschakelen`, [['_csrf', await admin.csrf()]]);
    expect(res.status).toBe(400);
    expect(text(await res.text())).toContain('U kunt uw eigen account niet uitschakelen');
    expect((await findByEmail(db, adminAccount.email))?.disabledAt).toBeNull();
    expect((await admin.get('/beheer')).status).toBe(200);
  });

  it('without the form token, or as another role, nothing changes', async () => {
    const target = await account('advisor', 'Ad Adviseur');
    expect((await admin.post(`/beheer/accounts/${target.id}/uitschakelen`, [])).status).toBe(403);
    const ministry = new Browser();
    await ministry.signIn((await account('ministry')).email);
    expect((await ministry.post(`/beheer/accounts/${target.id}/uitschakelen`, [['_csrf', await ministry.csrf()]])).status).toBe(403);
    expect((await new Browser().post(`/beheer/accounts/${target.id}/uitschakelen`, [])).status).toBe(303);
    expect((await findByEmail(db, target.email))?.disabledAt).toBeNull();
    const unknown = await admin.post('/beheer/accounts/999999/uitschakelen', [['_csrf', await admin.csrf()]]);
    expect(unknown.status).toBe(404);
    expect(text(await unknown.text())).toContain('Dit account bestaat niet (meer)');
  });
});

describe('create-admin', () => {
  const run = async (...args: string[]) => {
    const out: string[] = [];
    await createAdminCommand.run(args, { db, config, now: () => clock, out: (s) => out.push(s) });
    return out;
  };

  it('creates or finds the admin and prints a one-time link that signs in', async () => {
    const [first] = await run('Eerste@Bureau.nl');
    const [second] = await run('eerste@bureau.nl');
    expect(first).toMatch(/^http:\/\/localhost:3000\/inloggen\/[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect((await db.query("SELECT 1 FROM accounts WHERE lower(email) = 'eerste@bureau.nl' AND role = 'admin'")).length).toBe(1);
    sent.push({ to: 'cli', url: first }); // so the log check covers this token too
    const b = new Browser();
    expect((await b.post(first.replace(config.baseUrl, ''), [])).status).toBe(303);
    expect((await b.get('/beheer/accounts')).status).toBe(200);
  });

  it('refuses a bad address or an account with another role in one line', async () => {
    await expect(run('geen-adres')).rejects.toThrow(/^Geef een geldig e-mailadres/);
    await expect(run((await account('ministry')).email)).rejects.toThrow(/andere rol/);
  });
});
