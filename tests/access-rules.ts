// Who may do what, for every route of the app: the rules table the authorization matrix checks
// (tests/authorization-matrix.test.ts), and what the matrix, the fuzz test and the security test
// share: the routes as the Hono app registered them, the demo data set with two municipalities,
// their personal links and their advisors, a request as each actor, and what a response means.
//
// A NEW ROUTE NEEDS A RULE HERE. The key is exactly what `app.routes` says ("METHOD path", with the
// parameters' patterns), the value says for each actor what must happen:
//   ok        allowed: 2xx, or a 3xx that is not the sign-in redirect; a 400/409/422 of a handler
//             that read the (deliberately minimal) form counts as allowed too
//   signin    303 to /inloggen?terug=<this URL>
//   forbidden 403 "Geen toegang" (signed in, wrong role)
//   notfound  404 (outside an advisor's region, an unknown personal link: guessing reveals nothing)
//   csrf      403 "Het formulier kon niet worden verwerkt"
// The actors:
//   public        no cookie; on a URL with a personal-link token: a well-formed unknown token
//   respondentA   municipality A's personal link (edition 2023, open; for the report and the
//                 factsheet its link of 2022, which it submitted); otherwise no cookie
//   respondentB   B's personal link in place of A's on A's URLs (a link opens its own municipality
//                 only: the URL has nothing else to swap); otherwise no cookie
//   advisorA      the demo advisor whose region holds A
//   advisorOther  a demo advisor whose region does not hold A
//   ministry, admin
// Path parameters are filled by `paramValues` below (year 2022, code = A's code, token per actor, ids
// from the database); a route with a parameter it does not know gets `params` in its rule.
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createAccount, createMagicLink, createPersonalLink, createSession, type Role } from '../src/modules/auth/index.ts';
import { loadDemo } from '../src/modules/demo/index.ts';
import { enqueue } from '../src/modules/mail/index.ts';
import type { AppEnv } from '../src/web/context.ts';
import { createTestDb } from './test-db.ts';

export const ACTORS = ['public', 'respondentA', 'respondentB', 'advisorA', 'advisorOther', 'ministry', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];
export const STAFF: readonly Actor[] = ['advisorA', 'advisorOther', 'ministry', 'admin'];
export type Outcome = 'ok' | 'signin' | 'forbidden' | 'notfound' | 'csrf';

/**
 * How a POST is protected against cross-site requests:
 *   session  (default) a signed-in user's POST needs the session's `_csrf` and a same-site origin
 *   origin   everyone's POST is refused from another site (sign-in: no session yet)
 *   none     the URL itself is the credential (a personal link): nothing to forge without it
 */
export type CsrfKind = 'session' | 'origin' | 'none';

export type Rule = Readonly<Record<Actor, Outcome>> & {
  readonly csrf?: CsrfKind;
  /** Values for path parameters `fill` does not know, or different ones for this route. */
  readonly params?: (fx: Fixture, actor: Actor) => Record<string, string>;
};

const rule = (r: Record<Actor, Outcome>, extra: Pick<Rule, 'csrf' | 'params'> = {}): Rule => ({ ...r, ...extra });

/** Pages anyone may open. */
const anyone = rule({ public: 'ok', respondentA: 'ok', respondentB: 'ok', advisorA: 'ok', advisorOther: 'ok', ministry: 'ok', admin: 'ok' });
/** Sign-in: anyone, but a form from another site is refused. */
const signInForm = rule({ ...anyone }, { csrf: 'origin' });
/** Behind a personal link: whoever holds the link; an unknown token is a 404. */
const personal = rule({ ...anyone, public: 'notfound' }, { csrf: 'none' });

/** Behind sign-in; the respondents and the public go to the sign-in page. */
function staff(who: Pick<Record<Actor, Outcome>, 'advisorA' | 'advisorOther' | 'ministry' | 'admin'>): Rule {
  return rule({ public: 'signin', respondentA: 'signin', respondentB: 'signin', ...who });
}
const allStaff = staff({ advisorA: 'ok', advisorOther: 'ok', ministry: 'ok', admin: 'ok' });
/** Every member of staff, an advisor only in the own region (else 404). */
const allStaffInRegion = staff({ advisorA: 'ok', advisorOther: 'notfound', ministry: 'ok', admin: 'ok' });
const adminAndMinistry = staff({ advisorA: 'forbidden', advisorOther: 'forbidden', ministry: 'ok', admin: 'ok' });
const adminOnly = staff({ advisorA: 'forbidden', advisorOther: 'forbidden', ministry: 'forbidden', admin: 'ok' });
/** The phone round: the bureau and the advisors, not the ministry. */
const callers = staff({ advisorA: 'ok', advisorOther: 'ok', ministry: 'forbidden', admin: 'ok' });
const callersInRegion = staff({ advisorA: 'ok', advisorOther: 'notfound', ministry: 'forbidden', admin: 'ok' });

const Y = ':year{[0-9]{4}}';
const M = `/beheer/edities/${Y}/gemeenten/:code{GM[0-9]{4}}`;

export const RULES: Readonly<Record<string, Rule>> = {
  // Public pages and the national results.
  'GET /healthz': anyone,
  'GET /static/:file': anyone,
  'GET /': anyone,
  'GET /resultaten': anyone,
  // The fictitious Gravendonck's report, like its factsheet: promotion material (issue 20).
  'GET /voorbeeld/rapport': anyone,
  // Accessibility, privacy and contact (issues 20, 22): public information, in every footer.
  'GET /toegankelijkheid': anyone,
  'GET /privacy': anyone,
  'GET /contact': anyone,
  'GET /resultaten/:year': anyone,
  'GET /resultaten/:year/respons': anyone,
  'GET /resultaten/:year/thema/:theme': anyone,
  'GET /resultaten/:year/rapport.pdf': anyone,
  'GET /resultaten/:year/rapport': anyone,

  // The questionnaire behind a personal link.
  'GET /v/:token': personal,
  'GET /v/:token/thema/:theme': personal,
  'POST /v/:token/thema/:theme': personal,
  'GET /v/:token/controleren': personal,
  'POST /v/:token/verzenden': personal,
  'GET /v/:token/bevestiging': personal,
  'GET /v/:token/antwoorden.pdf': personal,
  'POST /v/:token/wijzigen': personal,
  // The municipal web report behind the same link; its advisor request refuses forms from elsewhere.
  'GET /v/:token/rapport': personal,
  'POST /v/:token/rapport/adviseur': rule({ ...personal }, { csrf: 'origin' }),
  'GET /v/:token/factsheet.pdf': personal,
  // The example factsheet (the fictitious Gravendonck) is promotion material.
  'GET /voorbeeld/factsheet.pdf': anyone,

  // The municipal web report for staff: an advisor only in the own region.
  'GET /beheer/rapport/:year/:code': allStaffInRegion,
  'GET /beheer/factsheet/:year/:file{GM[0-9]+\\.pdf}': allStaffInRegion,
  // Every factsheet of an edition at once: the bureau.
  'GET /beheer/factsheets': adminOnly,
  'GET /beheer/factsheets/:file{[0-9]+\\.zip}': adminOnly,

  // Sign-in and sign-out.
  'GET /inloggen': anyone,
  'POST /inloggen': signInForm,
  'GET /inloggen/:token': anyone,
  'POST /inloggen/:token': signInForm,
  'POST /uitloggen': anyone,

  // Administration: start, accounts.
  'GET /beheer': allStaff,
  'GET /beheer/accounts': adminOnly,
  'POST /beheer/accounts': adminOnly,
  // The id is the admin's own account: disabling it is refused (400), enabling it changes nothing.
  'POST /beheer/accounts/:id{[0-9]+}/uitschakelen': adminOnly,
  'POST /beheer/accounts/:id{[0-9]+}/inschakelen': adminOnly,

  // Data in and out.
  'GET /beheer/gegevens': adminAndMinistry,
  'POST /beheer/gegevens/import': adminOnly,
  'POST /beheer/gegevens/import/bevestigen': adminOnly,
  'GET /beheer/gegevens/:year/:file': adminAndMinistry,

  // Loneliness figures per wijk (GGD/RIVM): upload with a check first.
  'GET /beheer/wijkcijfers': adminOnly,
  'POST /beheer/wijkcijfers': adminOnly,
  'POST /beheer/wijkcijfers/bevestigen': adminOnly,

  // The CBS register per year (issue 17): import a year with a check first; public data, but only the bureau changes it.
  'GET /beheer/indeling': adminOnly,
  'POST /beheer/indeling': adminOnly,
  'POST /beheer/indeling/bevestigen': adminOnly,
  'GET /beheer/indeling/inwoners': adminOnly,
  'POST /beheer/indeling/inwoners': adminOnly,

  // Privacy (AVG): finding, exporting and erasing a person's data.
  'GET /beheer/privacy': adminOnly,
  'POST /beheer/privacy': adminOnly,
  'POST /beheer/privacy/export': adminOnly,
  'POST /beheer/privacy/wissen': adminOnly,

  // Editions and their questionnaires: the ministry reads, the bureau acts.
  'GET /beheer/edities': adminAndMinistry,
  'POST /beheer/edities': adminOnly,
  [`GET /beheer/edities/${Y}`]: adminAndMinistry,
  [`POST /beheer/edities/${Y}/datums`]: adminOnly,
  [`GET /beheer/edities/${Y}/:action{openen|sluiten|publiceren}`]: adminOnly,
  [`POST /beheer/edities/${Y}/:action{openen|sluiten|publiceren}`]: adminOnly,
  [`GET /beheer/edities/${Y}/vragenlijst`]: adminAndMinistry,
  [`GET /beheer/edities/${Y}/vragenlijst.json`]: adminAndMinistry,
  [`POST /beheer/edities/${Y}/vragenlijst`]: adminOnly,
  [`GET /beheer/edities/${Y}/vragenlijst/:key{[a-z0-9_]+}`]: adminOnly,
  [`POST /beheer/edities/${Y}/vragenlijst/:key{[a-z0-9_]+}`]: adminOnly,
  [`GET /beheer/edities/${Y}/vragenlijst/:key{[a-z0-9_]+}/verwijderen`]: adminOnly,
  [`POST /beheer/edities/${Y}/vragenlijst/:key{[a-z0-9_]+}/verwijderen`]: adminOnly,
  // The questionnaire editor: the bureau only (on 2022, which has answers, its pages are read-only
  // and every change is refused with a 409, which still counts as reaching the handler).
  [`GET /beheer/edities/${Y}/vertalingen`]: adminOnly,
  [`GET /beheer/edities/${Y}/vragenlijst/nieuwe-vraag`]: adminOnly,
  [`POST /beheer/edities/${Y}/vragenlijst/nieuwe-vraag`]: adminOnly,
  [`POST /beheer/edities/${Y}/vragenlijst/:key{[a-z0-9_]+}/verplaatsen`]: adminOnly,
  [`POST /beheer/edities/${Y}/vragenlijst/:key{[a-z0-9_]+}/kernresultaten`]: adminOnly,
  [`POST /beheer/edities/${Y}/vragenlijst/:key{[a-z0-9_]+}/kernresultaten/verwijderen`]: adminOnly,
  [`GET /beheer/edities/${Y}/vragenlijst/:key{[a-z0-9_]+}/voorbeeld`]: adminOnly,
  ...Object.fromEntries(['opties', 'voorwaarde', 'tips', 'herkomst'].flatMap((part) => ['GET', 'POST'].map((m) =>
    [`${m} /beheer/edities/${Y}/vragenlijst/:key{[a-z0-9_]+}/${part}`, adminOnly]))),
  // Items and scale belong to a matrix question.
  ...Object.fromEntries(['onderdelen', 'schaal'].flatMap((part) => ['GET', 'POST'].map((m) =>
    [`${m} /beheer/edities/${Y}/vragenlijst/:key{[a-z0-9_]+}/${part}`, rule({ ...adminOnly }, { params: () => ({ key: 'inzet_producten' }) })]))),
  [`GET /beheer/edities/${Y}/schalen/:scale{[a-z0-9_]+}`]: rule({ ...adminOnly }, { params: () => ({ scale: 'inzet' }) }),
  // The report text (issue 18): the bureau only. Removing is tried on a chapter that does not exist (404), so the others stay.
  [`GET /beheer/edities/${Y}/rapporttekst`]: adminOnly,
  [`POST /beheer/edities/${Y}/rapporttekst/hoofdstukken`]: adminOnly,
  [`POST /beheer/edities/${Y}/rapporttekst/publiceren`]: adminOnly,
  [`POST /beheer/edities/${Y}/rapporttekst/opzet`]: adminOnly,
  [`GET /beheer/edities/${Y}/rapporttekst/concept.pdf`]: adminOnly,
  ...Object.fromEntries(['GET ', 'POST '].map((m) => [`${m}/beheer/edities/${Y}/rapporttekst/:slug{[a-z0-9][a-z0-9_-]{0,59}}`, rule({ ...adminOnly }, { params: () => ({ slug: 'samenvatting' }) })])),
  ...Object.fromEntries(['voorbeeld', 'titel', 'verplaatsen'].map((part) =>
    [`POST /beheer/edities/${Y}/rapporttekst/:slug{[a-z0-9][a-z0-9_-]{0,59}}/${part}`, rule({ ...adminOnly }, { params: () => ({ slug: 'samenvatting' }) })])),
  ...Object.fromEntries(['GET ', 'POST '].map((m) =>
    [`${m}/beheer/edities/${Y}/rapporttekst/:slug{[a-z0-9][a-z0-9_-]{0,59}}/verwijderen`, rule({ ...adminOnly, admin: 'notfound' }, { params: () => ({ slug: 'bestaat-niet' }) })])),
  // Open answers (issue 18.5): a municipality's own texts, so never an advisor's; only the bureau codes.
  [`GET /beheer/edities/${Y}/open-antwoorden`]: adminAndMinistry,
  [`POST /beheer/edities/${Y}/open-antwoorden/codes`]: adminOnly,
  // The demo has no codes: the bureau gets a 404 for an unknown one, the others never get that far.
  [`GET /beheer/edities/${Y}/open-antwoorden/codes/:slug/verwijderen`]: rule({ ...adminOnly, admin: 'notfound' }, { params: () => ({ slug: 'ggd-monitor' }) }),
  [`POST /beheer/edities/${Y}/open-antwoorden/codes/:slug/verwijderen`]: rule({ ...adminOnly, admin: 'notfound' }, { params: () => ({ slug: 'ggd-monitor' }) }),
  [`GET /beheer/edities/${Y}/open-antwoorden/export.csv`]: adminAndMinistry,
  [`GET /beheer/edities/${Y}/open-antwoorden/:question`]: rule({ ...adminAndMinistry }, { params: () => ({ question: 'signaalpunt' }) }),
  [`POST /beheer/edities/${Y}/open-antwoorden/:question`]: rule({ ...adminOnly }, { params: () => ({ question: 'signaalpunt' }) }),
  [`POST /beheer/edities/${Y}/schalen/:scale{[a-z0-9_]+}`]: rule({ ...adminOnly }, { params: () => ({ scale: 'inzet' }) }),
  [`GET /beheer/edities/${Y}/themas/nieuw-thema`]: adminOnly,
  [`POST /beheer/edities/${Y}/themas/nieuw-thema`]: adminOnly,
  [`GET /beheer/edities/${Y}/themas/:theme{[a-z0-9_]+}`]: adminOnly,
  [`POST /beheer/edities/${Y}/themas/:theme{[a-z0-9_]+}`]: adminOnly,
  [`POST /beheer/edities/${Y}/themas/:theme{[a-z0-9_]+}/verplaatsen`]: adminOnly,
  [`GET /beheer/edities/${Y}/themas/:theme{[a-z0-9_]+}/verwijderen`]: adminOnly,
  [`POST /beheer/edities/${Y}/themas/:theme{[a-z0-9_]+}/verwijderen`]: adminOnly,
  [`GET /beheer/edities/${Y}/themas/:theme{[a-z0-9_]+}/voorbeeld`]: adminOnly,
  // The questionnaire as an XLSForm spreadsheet: both read and download it, the bureau reads one in.
  [`GET /beheer/edities/${Y}/vragenlijst.xlsx`]: adminAndMinistry,
  [`GET /beheer/edities/${Y}/spreadsheet`]: adminAndMinistry,
  [`POST /beheer/edities/${Y}/spreadsheet`]: adminOnly,
  [`POST /beheer/edities/${Y}/spreadsheet/toepassen`]: adminOnly,

  // Municipalities: everyone of staff, an advisor only the own region; changing answers: the bureau.
  'GET /beheer/gemeenten': allStaff,
  [`GET /beheer/edities/${Y}/gemeenten`]: allStaff,
  [`GET ${M}`]: allStaffInRegion,
  [`POST ${M}/heropenen`]: adminOnly,
  [`GET ${M}/corrigeren/:theme{[a-z0-9_]+}`]: adminOnly,
  [`POST ${M}/corrigeren/:theme{[a-z0-9_]+}`]: adminOnly,

  // Fieldwork (contacts, invitations, templates, outbox): the bureau only.
  'GET /beheer/veldwerk': adminOnly,
  'GET /beheer/edities/:year/contacten': adminOnly,
  'POST /beheer/edities/:year/contacten': adminOnly,
  'GET /beheer/edities/:year/contacten/import/:id': adminOnly,
  'POST /beheer/edities/:year/contacten/import/:id': adminOnly,
  'GET /beheer/edities/:year/uitnodigen': adminOnly,
  'POST /beheer/edities/:year/uitnodigen/selectie': adminOnly,
  'GET /beheer/edities/:year/uitnodigen/uitnodigingen': adminOnly,
  'POST /beheer/edities/:year/uitnodigen/uitnodigingen': adminOnly,
  'GET /beheer/edities/:year/uitnodigen/herinneringen': adminOnly,
  'POST /beheer/edities/:year/uitnodigen/herinneringen': adminOnly,
  'POST /beheer/edities/:year/uitnodigen/herinneringen/plannen': adminOnly,
  'POST /beheer/edities/:year/uitnodigen/herinneringen/plannen/:id/annuleren': rule({ ...adminOnly }, { params: () => ({ id: '1' }) }),
  'POST /beheer/edities/:year/gemeenten/:code/versturen': adminOnly,
  'GET /beheer/edities/:year/sjablonen': adminOnly,
  'POST /beheer/edities/:year/sjablonen': adminOnly,
  'GET /beheer/outbox': adminOnly,
  'POST /beheer/outbox/:id/opnieuw': adminOnly,

  // Advisors: the list and import (bureau; the ministry reads), an advisor's own overview.
  'GET /beheer/adviseurs': adminAndMinistry,
  'POST /beheer/adviseurs': adminOnly,
  'POST /beheer/adviseurs/importeren': adminOnly,
  'GET /beheer/mijn-gemeenten': allStaff,
  'GET /beheer/adviseurs/:id{[0-9]+}': adminAndMinistry,

  // The phone round: the bureau and the advisors (own region), not the ministry.
  'GET /beheer/bellijst': callers,
  [`GET /beheer/edities/${Y}/bellijst`]: callers,
  [`GET /beheer/edities/${Y}/bellijst/:code{GM[0-9]{4}}`]: callersInRegion,
  [`POST /beheer/edities/${Y}/bellijst/:code{GM[0-9]{4}}`]: callersInRegion,
  [`POST /beheer/edities/${Y}/bellijst/:code{GM[0-9]{4}}/herinnering`]: callersInRegion,

  // The live response dashboard (an advisor sees the own region within the page).
  'GET /beheer/respons': allStaff,
  [`GET /beheer/edities/${Y}/respons`]: allStaff,
};

// ---------------------------------------------------------------------------------------------
// The routes of the app.

export type RouteKey = { method: string; path: string; key: string };

/**
 * Every route the app registered, once: `app.routes` lists a route's middleware (requireRole) and
 * its handler as separate entries with the same method and path, and `use()` middleware as
 * method ALL with a path ending in `*` (left out here).
 */
export function appRoutes(app: Pick<Hono<AppEnv>, 'routes'>): RouteKey[] {
  const seen = new Map<string, RouteKey>();
  for (const r of app.routes) {
    if (r.method === 'ALL' && (r.path === '*' || r.path.endsWith('/*'))) continue;
    const key = `${r.method} ${r.path}`;
    if (!seen.has(key)) seen.set(key, { method: r.method, path: r.path, key });
  }
  return [...seen.values()];
}

/** The parameters of a Hono path pattern, with their constraint if any: `:year{[0-9]{4}}`. */
const PARAM = /:([A-Za-z0-9_]+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g;

export function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(PARAM)].map((m) => m[1]);
}

/**
 * Fills a pattern's parameters with `values` (URL-encoded, except those named in `raw`, which go
 * in as they are: the fuzz test's `%00` and `..`); throws for a parameter without a value.
 */
export function fillPattern(pattern: string, values: Record<string, string>, raw: ReadonlySet<string> = new Set()): string {
  return pattern.replace(PARAM, (_all, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for :${name}`);
    return raw.has(name) ? v : encodeURIComponent(v);
  });
}

// ---------------------------------------------------------------------------------------------
// The fixture: the demo data set, two municipalities and the people around them.

export const NOW = new Date('2024-03-01T10:00:00Z');
export const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false, trustProxy: 1 };

/** token: the link for the open edition; reportToken: the link for the edition it submitted (2022). */
export type Municipality = { code: string; name: string; token: string; reportToken: string };

export type Fixture = {
  db: Db;
  app: Hono<AppEnv>;
  year: number;
  /** The edition open for answering, which the personal links are for. */
  openYear: number;
  A: Municipality;
  B: Municipality;
  unknownToken: string;
  advisorA: { id: number; accountId: number };
  advisorOther: { id: number; accountId: number };
  accounts: Record<'ministry' | 'admin', number>;
  outboxId: number;
  theme: string;
  question: string;
  /** A fresh sign-in link (for /inloggen/:token), of an admin account of its own. */
  magicLink: () => Promise<string>;
  close: () => Promise<void>;
};

export async function buildFixture(opts: { config?: Config } = {}): Promise<Fixture> {
  const db = await createTestDb();
  await loadDemo(db, { now: NOW });
  const app = createApp({ db, config: opts.config ?? config, now: () => NOW });
  const year = 2022;
  const openYear = 2023;
  // A and B: municipalities that answered in 2022, with different advisors who have accounts.
  const rows = await db.query<{ code: string; name: string; advisorId: number; accountId: number }>(
    `SELECT r.municipality_code AS code, m.name, a.id AS "advisorId", a.account_id AS "accountId"
     FROM responses r JOIN municipalities m ON m.year = r.edition AND m.code = r.municipality_code
     JOIN advisor_municipalities am ON am.municipality_code = r.municipality_code
     JOIN advisors a ON a.id = am.advisor_id AND a.account_id IS NOT NULL
     JOIN municipalities m23 ON m23.year = $2 AND m23.code = r.municipality_code
     WHERE r.edition = $1 AND r.status = 'submitted' ORDER BY r.municipality_code`,
    [year, openYear],
  );
  const a = rows[0];
  const b = rows.find((r) => r.advisorId !== a.advisorId);
  if (!a || !b) throw new Error('the demo data set has no two municipalities with different advisors');
  const account = async (role: Role) => (await createAccount(db, { email: `${role}-${randomBytes(4).toString('hex')}@bureau.example.nl`, name: `Test ${role}`, role }, NOW)).id;
  const accounts = { ministry: await account('ministry'), admin: await account('admin') };
  const linkAccount = await account('admin');
  const mail = await enqueue(db, { kind: 'test', to: 'postbus@bureau.example.nl', subject: 'Test', text: 'Test' }, NOW);
  return {
    db,
    app,
    year,
    openYear,
    A: { code: a.code, name: a.name, token: await createPersonalLink(db, openYear, a.code), reportToken: await createPersonalLink(db, year, a.code) },
    B: { code: b.code, name: b.name, token: await createPersonalLink(db, openYear, b.code), reportToken: await createPersonalLink(db, year, b.code) },
    unknownToken: randomBytes(32).toString('base64url'),
    advisorA: { id: a.advisorId, accountId: a.accountId },
    advisorOther: { id: b.advisorId, accountId: b.accountId },
    accounts,
    outboxId: Number(mail?.id),
    theme: 'signaleren',
    question: 'week_tegen_eenzaamheid',
    magicLink: () => createMagicLink(db, linkAccount, NOW),
    close: () => db.close(),
  };
}

/** The account an actor signs in with; undefined for the public and the respondents. */
export function accountOf(fx: Fixture, actor: Actor): number | undefined {
  switch (actor) {
    case 'advisorA': return fx.advisorA.accountId;
    case 'advisorOther': return fx.advisorOther.accountId;
    case 'ministry': return fx.accounts.ministry;
    case 'admin': return fx.accounts.admin;
    default: return undefined;
  }
}

/** The path of a route for an actor, its parameters filled (see the file's head). */
export async function fill(fx: Fixture, route: RouteKey, actor: Actor): Promise<string> {
  const values = await paramValues(fx, route, actor);
  try {
    return fillPattern(route.path, values);
  } catch (e) {
    throw new Error(`${route.key}: ${(e as Error).message}; give it a value in paramValues() or \`params\` in its rule (tests/access-rules.ts)`);
  }
}

/**
 * The values of a route's path parameters for an actor; a parameter it does not know gets
 * `fallback` if given (the fuzz test), else none (fill() then says what to add).
 */
export async function paramValues(fx: Fixture, route: RouteKey, actor: Actor, fallback?: string): Promise<Record<string, string>> {
  const p = route.path;
  // The report, the factsheet and the answers as PDF exist after submitting: there the links of 2022.
  const reportish = /^\/v\/:token\/(rapport|factsheet|antwoorden)/.test(p);
  const names = paramNames(p);
  const values: Record<string, string> = {};
  for (const name of names) {
    switch (name) {
      case 'year': values.year = String(fx.year); break;
      case 'code': values.code = fx.A.code; break;
      case 'theme': values.theme = fx.theme; break;
      case 'key': values.key = fx.question; break;
      case 'action': values.action = 'sluiten'; break;
      case 'token':
        if (p.startsWith('/inloggen/')) values.token = await fx.magicLink();
        else if (p.startsWith('/v/')) {
          const m = actor === 'respondentB' ? fx.B : fx.A;
          values.token = actor === 'public' ? fx.unknownToken : reportish ? m.reportToken : m.token;
        }
        break;
      case 'file':
        if (p.startsWith('/static/')) values.file = 'app.css';
        else if (p.startsWith('/beheer/gegevens/')) values.file = 'antwoorden.csv';
        else if (p.startsWith('/beheer/factsheet/')) values.file = `${fx.A.code}.pdf`;
        else if (p.startsWith('/beheer/factsheets/')) values.file = `${fx.year}.zip`;
        break;
      case 'id':
        if (p.startsWith('/beheer/adviseurs/')) values.id = String(fx.advisorA.id);
        else if (p.startsWith('/beheer/accounts/')) values.id = String(fx.accounts.admin);
        else if (p.startsWith('/beheer/outbox/')) values.id = String(fx.outboxId);
        // A well-formed upload id that is not (or no longer) there: the page says so.
        else if (p.includes('/contacten/import/')) values.id = randomBytes(18).toString('base64url');
        break;
    }
  }
  Object.assign(values, RULES[route.key]?.params?.(fx, actor));
  if (fallback !== undefined) for (const name of names) values[name] ??= fallback;
  return values;
}

// ---------------------------------------------------------------------------------------------
// Requests as an actor, and what their responses mean.

export type Send = {
  /** Form fields (urlencoded), or a FormData (multipart); the CSRF field is added unless `csrf` says. */
  form?: [string, string][] | FormData;
  body?: BodyInit;
  /** A body made by hand, given the CSRF token to put in it (undefined for no session or `csrf`). */
  rawBody?: (csrf: string | undefined) => { body: BodyInit; contentType?: string };
  csrf?: 'valid' | 'missing' | 'wrong';
  headers?: Record<string, string>;
  /** A session made beforehand (see `signIn`); by default a fresh one for this request. */
  session?: { id: string; csrfSecret: string };
};

/** A session for a member of staff, to pass to several `send`s; undefined for the others. */
export async function signIn(fx: Fixture, actor: Actor): Promise<{ id: string; csrfSecret: string } | undefined> {
  const accountId = accountOf(fx, actor);
  return accountId === undefined ? undefined : createSession(fx.db, accountId, NOW);
}

/**
 * One request as `actor`: staff get a fresh session each time (a sign-out or sign-in on one
 * request cannot spoil the next), and on POSTs the session's CSRF token unless `csrf` says not.
 */
export async function send(fx: Fixture, actor: Actor, method: string, path: string, opts: Send = {}): Promise<Response> {
  const headers = new Headers(opts.headers);
  // Each actor its own client address: one actor's unknown links must not get another rate-limited.
  if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', `192.0.2.${ACTORS.indexOf(actor) + 1}`);
  let csrfSecret: string | undefined;
  const s = accountOf(fx, actor) === undefined ? undefined : (opts.session ?? (await signIn(fx, actor)));
  if (s) {
    headers.set('cookie', [headers.get('cookie'), `sessie=${s.id}`].filter(Boolean).join('; '));
    csrfSecret = s.csrfSecret;
  }
  const csrf = opts.csrf ?? 'valid';
  const token = csrf === 'missing' ? undefined : csrf === 'wrong' ? randomBytes(32).toString('base64url') : csrfSecret;
  let body: BodyInit | undefined = opts.body;
  if (opts.rawBody) {
    const made = opts.rawBody(token);
    body = made.body;
    if (made.contentType !== undefined) headers.set('content-type', made.contentType);
  } else if (method !== 'GET' && method !== 'HEAD' && body === undefined) {
    if (opts.form instanceof FormData) {
      body = new FormData();
      if (token) body.append('_csrf', token);
      for (const [k, v] of opts.form.entries()) body.append(k, v);
    } else {
      body = new URLSearchParams([...(token ? [['_csrf', token]] : []), ...(opts.form ?? [])]);
      if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
    }
  }
  return fx.app.request(path, { method, headers, body });
}

export type Seen = { outcome: Outcome | `status ${number}`; status: number; location?: string };

/** What a response means for the matrix (see the file's head). */
export function classify(res: Response, path: string, body: string): Seen {
  const status = res.status;
  const location = res.headers.get('location') ?? undefined;
  const seen = (outcome: Seen['outcome']): Seen => ({ outcome, status, location });
  if (status >= 300 && status < 400) {
    const u = new URL(path, 'http://localhost');
    if (location === `/inloggen?terug=${encodeURIComponent(u.pathname + u.search)}`) return seen('signin');
    return seen('ok');
  }
  if (status >= 200 && status < 300) return seen('ok');
  if (status === 400 || status === 409 || status === 422) return seen('ok');
  if (status === 403) return seen(/Het formulier kon niet worden verwerkt/.test(body) ? 'csrf' : 'forbidden');
  if (status === 404) return seen('notfound');
  return seen(`status ${status}`);
}
