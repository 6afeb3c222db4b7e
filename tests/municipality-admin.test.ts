// A municipality's page for the bureau over HTTP: list with filters, status, contacts, e-mails,
// calls, answers with their audit trail; corrections recorded as the bureau; reopening; roles, CSRF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createAccount, createPersonalLink, createSession, type Role } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import { enqueue, markFailed } from '../src/modules/mail/index.ts';
import {
  canSeeMunicipality, createMunicipalityAdminRoutes, REOPENINGS_SQL,
} from '../src/modules/municipality-admin/index.ts';
import { findResponse, listChanges, saveAnswers } from '../src/modules/responses/index.ts';
import { formFields, parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
let db: Db;
const clock = new Date('2022-10-03T09:00:00Z');
let app: ReturnType<typeof createApp>;

type User = { cookie: string; csrf: string; email: string; id: number };
let n = 0;
async function signIn(role: Role): Promise<User> {
  const email = `${role}${++n}@example.nl`;
  const account = await createAccount(db, { email, name: `${role} ${n}`, role }, clock);
  const s = await createSession(db, account.id, clock);
  return { cookie: `sessie=${s.id}`, csrf: s.csrfSecret, email, id: account.id };
}
const get = (path: string, u?: User) => app.request(path, { headers: u ? { cookie: u.cookie } : {} });
const post = (path: string, u: User | undefined, fields: [string, string][], csrf = true) =>
  app.request(path, {
    method: 'POST',
    body: new URLSearchParams([...(csrf && u ? [['_csrf', u.csrf] as [string, string]] : []), ...fields]),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(u ? { cookie: u.cookie } : {}) },
  });
const form = (path: string, fields: [string, string][]) =>
  app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

const PAGE = '/beheer/edities/2022/gemeenten/GM0363';
let token: string;
let admin: User;
let ministry: User;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => clock });
  if (!app.routes.some((r) => r.path.startsWith('/beheer/edities/:year{[0-9]{4}}/gemeenten'))) app.route('/beheer', createMunicipalityAdminRoutes());
  await db.query(REOPENINGS_SQL);
  await openEdition(db, 2022, '2022-12-31', clock);
  admin = await signIn('admin');
  ministry = await signIn('ministry');
  // Amsterdam: a contact, an invitation e-mail that failed once, a call, and answers sent by the respondent.
  await db.query(`INSERT INTO contacts (edition, municipality_code, name, email, function, phone) VALUES (2022, 'GM0363', 'Fatima Bakker', 'f.bakker@amsterdam.nl', 'Beleidsadviseur', '020 555 0101')`);
  token = await createPersonalLink(db, 2022, 'GM0363');
  const mail = await enqueue(db, { kind: 'invitation', to: 'f.bakker@amsterdam.nl', subject: 'Uitnodiging benchmark 2022', text: 'x', edition: 2022, municipalityCode: 'GM0363' }, clock);
  await markFailed(db, mail!, '550 mailbox unavailable', clock);
  await db.query(`INSERT INTO calls (edition, municipality_code, called_at, outcome, note, account_id) VALUES (2022, 'GM0363', '2022-10-02', 'will_fill_in', 'Vult deze week in', $1)`, [admin.id]);
  await get(`/v/${token}`);
  expect((await form(`/v/${token}/thema/signaleren`, [['base', '{}'], ['q.week_tegen_eenzaamheid', 'ja'], ['q.week_tegen_eenzaamheid.comment', 'Sinds 2019'], ['q.signaalpunt', 'nee'], ['actie', 'later']])).status).toBe(303);
  expect((await form(`/v/${token}/verzenden`, [])).status).toBe(303);
  // Groningen opened its link but answered nothing.
  await get(`/v/${await createPersonalLink(db, 2022, 'GM0014')}`);
});
afterAll(async () => db?.close());

describe('access', () => {
  it('signed out: pages and POSTs go to sign-in', async () => {
    for (const res of [await get('/beheer/edities/2022/gemeenten'), await get(PAGE), await get(`${PAGE}/corrigeren/signaleren`),
      await post(`${PAGE}/heropenen`, undefined, [['reden', 'x']]), await post(`${PAGE}/corrigeren/signaleren`, undefined, [])]) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/inloggen\?terug=%2Fbeheer%2Fedities%2F2022%2Fgemeenten/);
    }
  });

  it('a respondent token is no way in', async () => {
    const res = await app.request(PAGE, { headers: { cookie: `sessie=${token}` } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/inloggen');
  });

  it('the ministry reads the page but cannot correct or reopen', async () => {
    const doc = parse(await (await get(PAGE, ministry)).text());
    expect(doc.querySelector('h1')?.textContent).toBe('Amsterdam');
    expect(doc.querySelector('a[href^="/beheer/edities/2022/gemeenten/GM0363/corrigeren"]')).toBeNull();
    expect(doc.querySelector('#reden')).toBeNull();
    for (const res of [await get(`${PAGE}/corrigeren/signaleren`, ministry), await post(`${PAGE}/corrigeren/signaleren`, ministry, [['q.signaalpunt', 'ja']]),
      await post(`${PAGE}/heropenen`, ministry, [['reden', 'Verzoek']])]) {
      expect(res.status).toBe(403);
    }
    expect((await findResponse(db, 2022, 'GM0363'))!.status).toBe('submitted');
  });

  it('an advisor sees only the municipalities of their region', async () => {
    const advisor = await signIn('advisor');
    const session = { account: { id: advisor.id, role: 'advisor' as const } } as Parameters<typeof canSeeMunicipality>[1];
    expect(await canSeeMunicipality(db, session, 'GM0363')).toBe(false);
    expect((await get(PAGE, advisor)).status).toBe(404);
    const a = await db.one<{ id: number }>(`INSERT INTO advisors (name, email, account_id) VALUES ('Ada Adviseur', $1, $2) RETURNING id`, [advisor.email, advisor.id]);
    await db.query(`INSERT INTO advisor_municipalities (municipality_code, advisor_id) VALUES ('GM0363', $1)`, [a!.id]);
    expect(await canSeeMunicipality(db, session, 'GM0363')).toBe(true);
    expect(await canSeeMunicipality(db, session, 'GM0014')).toBe(false);
    expect((await get(PAGE, advisor)).status).toBe(200);
    expect((await get('/beheer/edities/2022/gemeenten/GM0014', advisor)).status).toBe(404);
    const list = parse(await (await get('/beheer/edities/2022/gemeenten', advisor)).text());
    expect([...list.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['Amsterdam']);
    expect((await get(`${PAGE}/corrigeren/signaleren`, advisor)).status).toBe(403);
    expect(await canSeeMunicipality(db, { account: { id: ministry.id, role: 'ministry' } } as typeof session, 'GM0014')).toBe(true);
  });
});

describe('the list of municipalities', () => {
  const names = async (query: string) =>
    [...parse(await (await get(`/beheer/edities/2022/gemeenten${query}`, admin)).text()).querySelectorAll('tbody th[scope=row]')].map((th) => th.textContent);

  it('the menu entry leads to the edition in fieldwork', async () => {
    const res = await get('/beheer/gemeenten', ministry);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/beheer/edities/2022/gemeenten');
  });

  it('shows every municipality of the register with its status, filtered by GET form', async () => {
    const html = await (await get('/beheer/edities/2022/gemeenten', admin)).text();
    const doc = parse(html);
    expect(doc.querySelector('form[method=get] label[for=provincie]')?.textContent).toBe('Provincie');
    expect(doc.querySelector('caption')?.textContent).toBe('Gemeenten van editie 2022 met hun status');
    expect(text(html)).toContain('345 van 345 gemeenten');
    expect(await names('?status=submitted')).toEqual(['Amsterdam']);
    expect(await names('?status=opened')).toEqual(['Groningen']);
    expect(await names('?provincie=PV27&status=submitted')).toEqual(['Amsterdam']);
    expect(await names('?provincie=PV20&status=submitted')).toEqual([]);
    expect(await names('?zoek=sudwest')).toEqual(['Súdwest-Fryslân']);
    expect(await names('?zoek=GM0363')).toEqual(['Amsterdam']);
    const amsterdam = parse(await (await get('/beheer/edities/2022/gemeenten?zoek=amsterdam', admin)).text());
    expect(amsterdam.querySelector('#zoek')?.getAttribute('value')).toBe('amsterdam');
    expect(amsterdam.querySelector('tbody tr')?.textContent).toContain('verstuurd');
  });
});

describe("a municipality's page", () => {
  it('shows name, province, status, contacts, e-mails with status, calls, answers and the audit trail', async () => {
    const html = await (await get(PAGE, admin)).text();
    const t = text(html);
    expect(t).toContain('Provincie Noord-Holland · gemeentecode GM0363 · editie 2022');
    expect(t).toContain('verstuurd');
    expect(t).toContain('Fatima Bakker');
    expect(t).toContain('020 555 0101');
    expect(t).toContain('Uitnodiging benchmark 2022');
    expect(t).toContain('550 mailbox unavailable');
    expect(t).toContain('gaat invullen');
    expect(t).toContain('Vult deze week in');
    const doc = parse(html);
    for (const cap of ['Contactpersonen van de gemeente', 'Alle e-mails aan deze gemeente, nieuwste eerst', 'Gesprekken met de gemeente, nieuwste eerst']) {
      expect([...doc.querySelectorAll('caption')].some((c) => c.textContent === cap)).toBe(true);
    }
    const answers = doc.querySelector('section[aria-labelledby=antwoorden-titel]')?.textContent ?? '';
    expect(answers).toContain('Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?');
    expect(answers).toContain('Sinds 2019');
    const audit = doc.querySelector('section[aria-labelledby=historie-titel]')!;
    expect(audit.querySelector('caption')?.textContent).toBe('Alle 2 wijzigingen in de antwoorden, nieuwste eerst');
    expect(audit.textContent).toContain('Gemeente (persoonlijke link)');
    expect(audit.textContent).toContain('Geen antwoord');
    expect((await get('/beheer/edities/2022/gemeenten/GM9999', admin)).status).toBe(404);
  });

  it('sends an e-mail by hand through the fieldwork route and comes back with its outcome', async () => {
    const page = '/beheer/edities/2022/gemeenten/GM0014';
    const action = `${page}/versturen`;
    const fields = formFields(await (await get(page, admin)).text(), `form[action="${action}"]`);
    expect(fields).toContainEqual(['terug', page]);
    const res = await post(action, admin, fields, false);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${page}\\?handmatig=`));
    const doc = parse(await (await get(res.headers.get('location')!, admin)).text());
    expect(doc.querySelector('.notice[role=status]')?.textContent).toContain('Groningen');
  });
});

describe('correcting an answer on the municipality\'s behalf', () => {
  const URL = `${PAGE}/corrigeren/signaleren`;
  const fieldsOf = async (u: User) => formFields(await (await get(URL, u)).text(), `form[action="${URL}"]`);
  const withAnswer = (fields: [string, string][], key: string, value: string) =>
    [...fields.filter(([k]) => k !== key), [key, value]] as [string, string][];

  it('needs the CSRF token', async () => {
    const fields = (await fieldsOf(admin)).filter(([k]) => k !== '_csrf');
    expect((await post(URL, admin, withAnswer(fields, 'q.signaalpunt', 'ja'), false)).status).toBe(403);
  });

  it('checks answers like the respondent page', async () => {
    const bad = await post(URL, admin, withAnswer(await fieldsOf(admin), 'q.signaalpunt', 'misschien'), false);
    expect(bad.status).toBe(400);
    const doc = parse(await bad.text());
    expect(doc.querySelector('.error-summary a')?.getAttribute('href')).toBe('#q-signaalpunt-ja');
    expect(doc.querySelector('title')?.textContent).toMatch(/^Fout: /);
    expect((await listChanges(db, (await findResponse(db, 2022, 'GM0363'))!.id)).every((c) => c.actorKind === 'respondent')).toBe(true);
  });

  it('saves with actor bureau and the account, shown in the audit trail', async () => {
    const res = await post(URL, admin, withAnswer(await fieldsOf(admin), 'q.signaalpunt', 'ja'), false);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${PAGE}?klaar=gecorrigeerd&thema=signaleren#antwoorden-titel`);
    const r = (await findResponse(db, 2022, 'GM0363'))!;
    const last = (await listChanges(db, r.id)).at(-1)!;
    expect(last).toMatchObject({ question: 'signaalpunt', oldAnswer: { value: 'nee' }, newAnswer: { value: 'ja' }, actorKind: 'bureau', actor: admin.email });
    expect(r.status).toBe('submitted');
    const doc = parse(await (await get(res.headers.get('location')!, admin)).text());
    expect(doc.querySelector('.notice--ok')?.textContent).toContain('De correctie bij Signaleren en bespreekbaar maken is opgeslagen');
    const newest = doc.querySelector('section[aria-labelledby=historie-titel] tbody tr')!;
    expect(newest.textContent).toContain(`Onderzoeksbureau (${admin.email})`);
    expect(newest.querySelectorAll('td')[1].textContent).toBe('Nee');
    expect(newest.querySelectorAll('td')[2].textContent).toBe('Ja');
  });

  it('detects an answer changed in the meantime and lets the person choose which stays', async () => {
    const r = (await findResponse(db, 2022, 'GM0363'))!;
    const stored = async () => (await db.one<{ answer: { value: string } }>(`SELECT answer FROM answers WHERE response_id = $1 AND question = 'signaalpunt'`, [r.id]))!.answer.value;
    for (const choice of ['mijn', 'collega'] as const) {
      const mine = await fieldsOf(admin); // signaalpunt: ja
      const version = (await db.one<{ v: number }>(`SELECT version AS v FROM answers WHERE response_id = $1 AND question = 'signaalpunt'`, [r.id]))!.v;
      await saveAnswers(db, r.id, { answers: { signaalpunt: { value: 'nee' } }, baseVersions: { signaalpunt: version }, actor: { kind: 'respondent' }, now: clock });
      const clash = await post(URL, admin, mine, false);
      expect(clash.status).toBe(409);
      const html = await clash.text();
      const doc = parse(html);
      expect(doc.querySelector('.conflict legend')?.textContent).toContain('Welk antwoord moet blijven bij');
      expect(doc.querySelector('.conflict')?.textContent).toContain('Intussen opgeslagen');
      expect(await stored()).toBe('nee');
      const again = withAnswer(formFields(html, `form[action="${URL}"]`), 'keuze.signaalpunt', choice);
      expect((await post(URL, admin, again, false)).status).toBe(303);
      expect(await stored()).toBe(choice === 'mijn' ? 'ja' : 'nee');
    }
    expect((await listChanges(db, r.id)).at(-1)).toMatchObject({ actorKind: 'respondent', newAnswer: { value: 'nee' } });
    await saveAnswers(db, r.id, { answers: { signaalpunt: { value: 'ja' } }, baseVersions: {}, force: new Set(['signaalpunt']), actor: { kind: 'bureau', name: admin.email }, now: clock });
  });
});

describe('reopening a submitted response', () => {
  it('needs CSRF and a reason; then the respondent can change the answers again', async () => {
    expect((await post(`${PAGE}/heropenen`, admin, [['reden', 'Verzoek']], false)).status).toBe(403);
    const empty = await post(`${PAGE}/heropenen`, admin, [['reden', '  ']]);
    expect(empty.status).toBe(400);
    const doc = parse(await empty.text());
    expect(doc.querySelector('.error-summary a[href="#reden"]')?.textContent).toBe('Vul de reden in waarom de antwoorden worden heropend');
    expect(doc.querySelector('#reden')?.getAttribute('aria-invalid')).toBe('true');
    expect((await findResponse(db, 2022, 'GM0363'))!.status).toBe('submitted');
    expect((await get(`/v/${token}/thema/signaleren`)).status).toBe(303);

    const res = await post(`${PAGE}/heropenen`, admin, [['reden', 'Verzoek van Fatima Bakker per telefoon']]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${PAGE}?klaar=heropend`);
    const r = (await findResponse(db, 2022, 'GM0363'))!;
    expect(r.status).toBe('open');
    expect(r.submittedAt).not.toBeNull();
    const log = await db.query<{ reason: string; actor: string }>('SELECT reason, actor FROM response_reopenings WHERE response_id = $1', [r.id]);
    expect(log).toEqual([{ reason: 'Verzoek van Fatima Bakker per telefoon', actor: admin.email }]);
    const page = text(await (await get(res.headers.get('location')!, admin)).text());
    expect(page).toContain('De antwoorden zijn heropend');
    expect(page).toContain('Verzoek van Fatima Bakker per telefoon');
    expect((await get(`/v/${token}/thema/signaleren`)).status).toBe(200);
    // Reopened already: nothing to reopen.
    expect((await post(`${PAGE}/heropenen`, admin, [['reden', 'Nogmaals']])).status).toBe(409);
  });
});
