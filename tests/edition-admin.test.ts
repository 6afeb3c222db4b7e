// Editions in the administration over HTTP: the list, the next edition, dates, open/close/publish,
// adjusting the questionnaire (refused once a municipality answered), roles and CSRF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createAccount, createPersonalLink, createSession, type Role } from '../src/modules/auth/index.ts';
import {
  changeQuestionnaire, createEditionAdminRoutes, QuestionnaireLockedError, removeQuestion,
} from '../src/modules/edition-admin/index.ts';
import { editionState, getEdition } from '../src/modules/editions/index.ts';
import type { Questionnaire } from '../src/modules/questionnaire/index.ts';
import { fieldsOf } from './editor-helpers.ts';
import { parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
let db: Db;
let clock = new Date('2024-03-01T09:00:00Z');
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => clock });
  // Until src/app.tsx mounts the module, the test mounts it the same way.
  if (!app.routes.some((r) => r.path === '/beheer/edities')) app.route('/beheer', createEditionAdminRoutes());
});
afterAll(async () => db?.close());

type User = { cookie: string; csrf: string; email: string };
let n = 0;
async function signIn(role: Role): Promise<User> {
  const email = `${role}${++n}@example.nl`;
  const account = await createAccount(db, { email, name: `${role} ${n}`, role }, clock);
  const s = await createSession(db, account.id, clock);
  return { cookie: `sessie=${s.id}`, csrf: s.csrfSecret, email };
}
const get = (path: string, u?: User) => app.request(path, { headers: u ? { cookie: u.cookie } : {} });
const post = (path: string, u: User | undefined, fields: [string, string][], csrf = true) =>
  app.request(path, {
    method: 'POST',
    body: new URLSearchParams([...(csrf && u ? [['_csrf', u.csrf] as [string, string]] : []), ...fields]),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(u ? { cookie: u.cookie } : {}) },
  });
const upload = (path: string, u: User, name: string, content: string, csrf = true) => {
  const body = new FormData();
  if (csrf) body.set('_csrf', u.csrf);
  body.set('bestand', new File([content], name, { type: 'application/json' }));
  return app.request(path, { method: 'POST', body, headers: { cookie: u.cookie } });
};
const stateOf = async (year: number) => editionState((await getEdition(db, year))!, clock);
const revOf = async (year: number) => (await db.one<{ rev: number }>('SELECT questionnaire_rev AS rev FROM editions WHERE year = $1', [year]))!.rev;

let admin: User;
let ministry: User;
beforeAll(async () => {
  admin = await signIn('admin');
  ministry = await signIn('ministry');
});

describe('who may come in', () => {
  it('signed out: every page and every POST goes to sign-in, nothing changes', async () => {
    for (const res of [await get('/beheer/edities'), await get('/beheer/edities/2022'), await get('/beheer/edities/2022/vragenlijst'),
      await post('/beheer/edities', undefined, []), await post('/beheer/edities/2022/datums', undefined, [['opensOn', '2024-04-01'], ['closesOn', '2024-05-01']])]) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/inloggen\?terug=%2Fbeheer%2Fedities/);
    }
    expect((await getEdition(db, 2024))).toBeUndefined();
  });

  it('a respondent token gives no access to /beheer', async () => {
    const token = await createPersonalLink(db, 2022, 'GM0014');
    const visit = await app.request(`/v/${token}`);
    expect(visit.headers.getSetCookie()).toEqual([]);
    for (const cookie of [`sessie=${token}`, '']) {
      const res = await app.request('/beheer/edities', { headers: cookie ? { cookie } : {} });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toContain('/inloggen');
    }
  });

  it('an advisor may not see the editions', async () => {
    expect((await get('/beheer/edities', await signIn('advisor'))).status).toBe(403);
  });

  it('the ministry reads the list, an edition and its questionnaire, but changes nothing', async () => {
    const list = await (await get('/beheer/edities', ministry)).text();
    expect(text(list)).toContain('Editie 2023');
    expect(parse(list).querySelector('form[action="/beheer/edities"]')).toBeNull();
    const page = await (await get('/beheer/edities/2022', ministry)).text();
    expect(parse(page).querySelector('input[type=date]')).toBeNull();
    const qn = await (await get('/beheer/edities/2022/vragenlijst', ministry)).text();
    expect(text(qn)).toContain('Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?');
    expect(parse(qn).querySelector('input[type=file]')).toBeNull();
    for (const res of [await post('/beheer/edities', ministry, []), await post('/beheer/edities/2022/openen', ministry, []),
      await post('/beheer/edities/2022/datums', ministry, [['opensOn', '2024-04-01'], ['closesOn', '2024-05-01']]),
      await get('/beheer/edities/2022/vragenlijst/signaalpunt', ministry), await post('/beheer/edities/2022/vragenlijst/signaalpunt/verwijderen', ministry, [])]) {
      expect(res.status).toBe(403);
    }
    expect(await stateOf(2022)).toBe('draft');
  });
});

describe('the next edition', () => {
  it('lists the editions with their state and offers the next one', async () => {
    const html = await (await get('/beheer/edities', admin)).text();
    const doc = parse(html);
    expect(doc.querySelector('caption')?.textContent).toBe('Alle edities, nieuwste eerst');
    expect([...doc.querySelectorAll('tbody th[scope=row]')].map((th) => th.textContent)).toEqual(
      ['Editie 2023', 'Editie 2022', 'Editie 2021', 'Editie 2020', 'Editie 2019']);
    expect(text(html)).toContain('in voorbereiding');
    expect(text(html)).toContain('Editie 2024 wordt aangemaakt met een kopie van de vragenlijst van 2023');
  });

  it('needs the CSRF token', async () => {
    expect((await post('/beheer/edities', admin, [], false)).status).toBe(403);
    expect(await getEdition(db, 2024)).toBeUndefined();
  });

  it('creates 2024 from 2023: questionnaire copied, register 2024, a draft', async () => {
    const res = await post('/beheer/edities', admin, []);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/beheer/edities/2024?klaar=aangemaakt');
    const e = (await getEdition(db, 2024))!;
    const prev = (await getEdition(db, 2023))!;
    expect(e.registerYear).toBe(2024);
    expect(e.questionnaire.edition).toBe(2024);
    expect(e.questionnaire.questions.map((q) => q.key)).toEqual(prev.questionnaire.questions.map((q) => q.key));
    expect(e.questionnaire.questions.some((q) => q.replaces || q.merges)).toBe(false);
    // Every question continues itself: same key, same codes (lineage for the trends).
    expect(e.questionnaire.questions.every((q) => q.continues === q.key)).toBe(true);
    expect(await stateOf(2024)).toBe('draft');
    expect(text(await (await get(res.headers.get('location')!, admin)).text())).toContain('Editie 2024 is aangemaakt');
  });

  it('the same form sent twice (a double click) makes one edition, not two', async () => {
    const form = parse(await (await get('/beheer/edities', admin)).text()).querySelector('form[action="/beheer/edities"]');
    expect(form?.querySelector('input[name=jaar]')?.getAttribute('value')).toBe('2025');
    const again = await post('/beheer/edities', admin, [['jaar', '2024']]); // a form shown before 2024 existed
    expect(again.headers.get('location')).toBe('/beheer/edities/2024?klaar=aangemaakt');
    expect(await getEdition(db, 2025)).toBeUndefined();
  });

  it('without a register for the new year: the edition keeps its own year, is made as a draft and cannot open', async () => {
    const list = text(await (await get('/beheer/edities', admin)).text());
    expect(list).toContain('De gemeentelijke indeling van 2025 is er nog niet');
    expect(list).toContain('npm run cli -- import-register --year 2025');
    expect((await post('/beheer/edities', admin, [])).headers.get('location')).toBe('/beheer/edities/2025?klaar=aangemaakt');
    expect((await getEdition(db, 2025))!.registerYear).toBe(2025);
    expect(await stateOf(2025)).toBe('draft');
    const page = text(await (await get('/beheer/edities/2025', admin)).text());
    expect(page).toContain('de gemeentelijke indeling van 2025 ontbreekt');
    // The open button is refused, naming the command, even with a closing date planned.
    expect((await post('/beheer/edities/2025/datums', admin, [['opensOn', '2024-04-01'], ['closesOn', '2024-05-01']])).status).toBe(303);
    const confirm = await (await get('/beheer/edities/2025/openen', admin)).text();
    expect(text(confirm)).toContain('npm run cli -- import-register --year 2025');
    expect(parse(confirm).querySelector('form[action="/beheer/edities/2025/openen"]')).toBeNull();
    const refused = await post('/beheer/edities/2025/openen', admin, []);
    expect(refused.status).toBe(409);
    expect(text(await refused.text())).toContain('Deze editie kan niet open: de gemeentelijke indeling van 2025 ontbreekt');
    expect(await stateOf(2025)).toBe('draft');
  });
});

describe('dates and open, close, publish', () => {
  const dates = (opensOn: string, closesOn: string) => post('/beheer/edities/2024/datums', admin, [['opensOn', opensOn], ['closesOn', closesOn]]);

  it('needs the CSRF token', async () => {
    expect((await post('/beheer/edities/2024/datums', admin, [['opensOn', '2024-03-04'], ['closesOn', '2024-04-30']], false)).status).toBe(403);
    expect((await getEdition(db, 2024))!.closesOn).toBeNull();
  });

  it('refuses bad dates with an error summary and keeps what was typed', async () => {
    const cases: [string, string, string, string][] = [
      ['', '', 'opensOn', 'Vul de openingsdatum in'],
      ['2024-02-30', '2024-05-01', 'opensOn', 'De openingsdatum bestaat niet'],
      ['2024-02-01', '2024-05-01', 'opensOn', 'De openingsdatum ligt in het verleden'],
      ['2024-04-01', '2024-02-15', 'closesOn', 'De sluitingsdatum ligt in het verleden'],
      ['2024-04-10', '2024-04-01', 'closesOn', 'De sluitingsdatum moet na de openingsdatum liggen'],
      ['2024-04-10', '2024-04-10', 'closesOn', 'De sluitingsdatum moet na de openingsdatum liggen'],
    ];
    for (const [opensOn, closesOn, field, message] of cases) {
      const res = await dates(opensOn, closesOn);
      expect(res.status).toBe(400);
      const doc = parse(await res.text());
      expect(doc.querySelector('title')?.textContent).toMatch(/^Fout: /);
      const link = [...doc.querySelectorAll('.error-summary a')].find((a) => a.textContent?.startsWith(message));
      expect(link?.getAttribute('href')).toBe(`#${field}`);
      expect(doc.querySelector(`#${field}`)?.getAttribute('aria-invalid')).toBe('true');
      expect(doc.querySelector('#opensOn')?.getAttribute('value')).toBe(opensOn);
    }
    expect((await getEdition(db, 2024))!.closesOn).toBeNull();
  });

  it('cannot open without a closing date', async () => {
    const confirm = await (await get('/beheer/edities/2024/openen', admin)).text();
    expect(text(confirm)).toContain('Vul eerst een sluitingsdatum in');
    expect(parse(confirm).querySelector('form[action="/beheer/edities/2024/openen"]')).toBeNull();
    expect((await post('/beheer/edities/2024/openen', admin, [])).status).toBe(409);
    expect(await stateOf(2024)).toBe('draft');
  });

  it('saves good dates', async () => {
    const res = await dates('2024-03-04', '2024-04-30');
    expect(res.status).toBe(303);
    expect(text(await (await get(res.headers.get('location')!, admin)).text())).toContain('De planning is opgeslagen');
    const e = (await getEdition(db, 2024))!;
    expect([e.opensOn, e.closesOn]).toEqual(['2024-03-04', '2024-04-30']);
  });

  it('opens after a confirmation (with CSRF), closes, publishes only when closed', async () => {
    const confirm = parse(await (await get('/beheer/edities/2024/openen', admin)).text());
    expect(confirm.querySelector('h1')?.textContent).toBe('Editie 2024 openen?');
    expect(confirm.querySelector('form[action="/beheer/edities/2024/openen"] button')?.textContent).toBe('Ja, open editie 2024');
    expect((await post('/beheer/edities/2024/openen', admin, [], false)).status).toBe(403);
    expect(await stateOf(2024)).toBe('draft');
    expect((await post('/beheer/edities/2024/openen', admin, [])).headers.get('location')).toBe('/beheer/edities/2024?klaar=open');
    expect(await stateOf(2024)).toBe('open');
    // Opened before the planned day: the opening day becomes today.
    expect((await getEdition(db, 2024))!.opensOn).toBe('2024-03-01');
    const publishEarly = await post('/beheer/edities/2024/publiceren', admin, []);
    expect(publishEarly.status).toBe(409);
    expect(text(await publishEarly.text())).toContain('Deze editie kan nu niet worden gepubliceerd: ze is open');
    for (const slug of ['sluiten', 'publiceren']) expect((await post(`/beheer/edities/2024/${slug}`, admin, [], false)).status).toBe(403);
    expect((await post('/beheer/edities/2024/sluiten', admin, [])).status).toBe(303);
    expect(await stateOf(2024)).toBe('closed');
    // Open again with a new closing date, close again, then publish.
    expect((await post('/beheer/edities/2024/openen', admin, [])).status).toBe(303);
    expect((await post('/beheer/edities/2024/sluiten', admin, [])).status).toBe(303);
    expect((await post('/beheer/edities/2024/publiceren', admin, [])).status).toBe(303);
    expect(await stateOf(2024)).toBe('published');
    const html = await (await get('/beheer/edities', admin)).text();
    expect(parse(html).querySelector('tbody tr:nth-child(2)')?.textContent).toContain('gepubliceerd');
    expect((await post('/beheer/edities/2024/openen', admin, [])).status).toBe(409);
    expect((await dates('2024-03-04', '2024-05-30')).status).toBe(400);
  });
});

describe('adjusting the questionnaire', () => {
  const base = '/beheer/edities/2025/vragenlijst';
  const WEEK = 'week_tegen_eenzaamheid';
  beforeAll(async () => {
    // Edition 2025 opens in September 2025 (so a respondent can look at it); a new day, a new session.
    clock = new Date('2025-09-01T09:00:00Z');
    admin = await signIn('admin');
  });

  it('shows themes and questions with a link to change each', async () => {
    const doc = parse(await (await get(base, admin)).text());
    expect(doc.querySelector('h1')?.textContent).toBe('Vragenlijst 2025');
    expect(doc.querySelectorAll('table').length).toBe(9);
    expect(doc.querySelector(`a[href="${base}/${WEEK}"]`)).not.toBeNull();
    expect(doc.querySelector('label[for=bestand]')?.textContent).toBe('Vragenlijst (JSON-bestand)');
  });

  it('edits the texts of a question and an option in Dutch and English; the respondent sees the new text', async () => {
    await db.query(`UPDATE editions SET opened_at = $1, opens_on = '2025-09-01', closes_on = '2025-10-31' WHERE year = 2025`, [clock]);
    const token = await createPersonalLink(db, 2025, 'GM0363');
    expect(text(await (await app.request(`/v/${token}/thema/signaleren`)).text())).toContain('Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?');
    const rev = await revOf(2025);
    const form = await (await get(`${base}/${WEEK}`, admin)).text();
    const fields = fieldsOf(form, `form[action="${base}/${WEEK}"]`);
    expect(fields.find(([k]) => k === 'text-en')?.[1]).toBe('Does your municipality take part in the national Week against Loneliness?');
    const edit = (over: Record<string, string>) =>
      post(`${base}/${WEEK}`, admin, fields.map(([k, v]) => [k, over[k] ?? v] as [string, string]), false);
    const forged = await post(`${base}/${WEEK}`, admin, fields.filter(([k]) => k !== '_csrf').map(([k, v]) => [k, k === 'text-nl' ? 'Vervalst' : v] as [string, string]), false);
    expect(forged.status).toBe(403);
    expect(await revOf(2025)).toBe(rev);
    const bad = await edit({ 'text-nl': '  ', 'short-en': 'x'.repeat(1001) });
    expect(bad.status).toBe(400);
    const t = text(await bad.text());
    expect(t).toContain('Vul de Nederlandse tekst in van de vraagtekst');
    expect(t).toContain('De Engelse tekst van het korte label van de vraag is te lang');
    const ok = await edit({ 'text-nl': 'Doet uw gemeente in 2025 mee aan de Week tegen Eenzaamheid?' });
    expect(ok.status).toBe(303);
    expect(await revOf(2025)).toBe(rev + 1);
    const options = await (await get(`${base}/${WEEK}/opties`, admin)).text();
    const label = await post(`${base}/${WEEK}/opties`, admin, fieldsOf(options, `form[action="${base}/${WEEK}/opties"]`, { 'opt-0-label-nl': 'Ja, zeker' }), false);
    expect(label.status).toBe(303);
    const q = (await getEdition(db, 2025))!.questionnaire.questions.find((x) => x.key === WEEK)!;
    expect(q.text.nl).toBe('Doet uw gemeente in 2025 mee aan de Week tegen Eenzaamheid?');
    expect(q.options?.[0].label).toEqual({ nl: 'Ja, zeker', en: 'Yes' });
    const respondent = text(await (await app.request(`/v/${token}/thema/signaleren`)).text());
    expect(respondent).toContain('Doet uw gemeente in 2025 mee aan de Week tegen Eenzaamheid?');
    expect(respondent).toContain('Ja, zeker');
  });

  it('removes a question after a confirmation, unless another question depends on it', async () => {
    const page = await (await get(`${base}/communicatiemateriaal/verwijderen`, admin)).text();
    expect(parse(page).querySelector('h1')?.textContent).toBe('Vraag "communicatiemateriaal" verwijderen?');
    const confirm = fieldsOf(page, `form[action="${base}/communicatiemateriaal/verwijderen"]`);
    expect((await post(`${base}/communicatiemateriaal/verwijderen`, admin, confirm.filter(([k]) => k !== '_csrf'), false)).status).toBe(403);
    expect((await post(`${base}/communicatiemateriaal/verwijderen`, admin, confirm, false)).status).toBe(303);
    expect((await getEdition(db, 2025))!.questionnaire.questions.some((q) => q.key === 'communicatiemateriaal')).toBe(false);
    const other = await (await get(`${base}/lokale_coalitie/verwijderen`, admin)).text();
    const refused = await post(`${base}/lokale_coalitie/verwijderen`, admin, fieldsOf(other, `form[action="${base}/lokale_coalitie/verwijderen"]`), false);
    expect(refused.status).toBe(400);
    expect(text(await refused.text())).toContain('show_if verwijst naar "lokale_coalitie", die niet in deze vragenlijst staat');
    expect((await getEdition(db, 2025))!.questionnaire.questions.some((q) => q.key === 'lokale_coalitie')).toBe(true);
  });

  it('replaces the questionnaire by an uploaded file, and lists every problem of a bad one', async () => {
    const current = (await getEdition(db, 2025))!.questionnaire;
    const cases: [string, string, string[]][] = [
      ['kapot.json', '{ "edition": 2025,', ['kapot.json: (bestand): niet te lezen als JSON']],
      ['2024.json', JSON.stringify({ ...current, edition: 2024 }), ['2024.json: edition: editie 2024 past niet bij editie 2025']],
      ['nieuw.json', JSON.stringify({ ...current, questions: current.questions.map((q, i) => (i === 0 ? { ...q, show_if: {}, type: 'keuze' } : q)) }),
        ['nieuw.json: vraag "week_tegen_eenzaamheid": type:', 'nieuw.json: vraag "week_tegen_eenzaamheid": show_if: onbekend veld']],
    ];
    for (const [name, content, problems] of cases) {
      const res = await upload(base, admin, name, content);
      expect(res.status).toBe(400);
      const doc = parse(await res.text());
      const items = [...doc.querySelectorAll('.error-summary li a')].map((a) => a.textContent ?? '');
      for (const p of problems) expect(items.some((i) => i.startsWith(p))).toBe(true);
      expect(doc.querySelector('.error-summary a')?.getAttribute('href')).toBe('#bestand');
    }
    const next: Questionnaire = { ...current, name: { nl: 'Eén tegen eenzaamheid 2025', en: 'One against loneliness 2025' } };
    const rev = await revOf(2025);
    expect((await upload(base, admin, '2025.json', JSON.stringify(next), false)).status).toBe(403);
    expect(await revOf(2025)).toBe(rev);
    const res = await upload(base, admin, '2025.json', JSON.stringify(next));
    expect(res.status).toBe(303);
    expect((await getEdition(db, 2025))!.questionnaire.name.nl).toBe('Eén tegen eenzaamheid 2025');
    expect(await revOf(2025)).toBe(rev + 1);
    const download = await get(`${base}.json`, admin);
    expect(JSON.parse(await download.text())).toEqual(next);
  });

  it('is refused once a municipality has answered: in the service and over HTTP', async () => {
    const token = await createPersonalLink(db, 2025, 'GM0014');
    const save = await app.request(`/v/${token}/thema/signaleren`, {
      method: 'POST', body: new URLSearchParams([['base', '{}'], ['q.signaalpunt', 'ja'], ['actie', 'later']]),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(save.status).toBe(303);
    const before = (await getEdition(db, 2025))!.questionnaire;
    const rev = await revOf(2025);
    await expect(changeQuestionnaire(db, 2025, (qn) => removeQuestion(qn, 'signaalpunt'))).rejects.toThrow(QuestionnaireLockedError);
    await expect(changeQuestionnaire(db, 2025, (qn) => qn)).rejects.toMatchObject({ municipalities: 1 });
    const message = 'Deze editie heeft al antwoorden van 1 gemeente; de vragenlijst kan niet meer worden gewijzigd';
    const edit = await post(`${base}/${WEEK}`, admin, [['text-nl', 'Anders'], ['text-en', 'Other']]);
    expect(edit.status).toBe(409);
    expect(text(await edit.text())).toContain(message);
    const removal = await post(`${base}/${WEEK}/verwijderen`, admin, []);
    expect(removal.status).toBe(409);
    expect(text(await removal.text())).toContain(message);
    const replaced = await upload(base, admin, '2025.json', JSON.stringify(before));
    expect(replaced.status).toBe(409);
    expect(text(await replaced.text())).toContain(message);
    expect((await getEdition(db, 2025))!.questionnaire).toEqual(before);
    expect(await revOf(2025)).toBe(rev);
    // The pages say so too, and offer no way to change.
    const overview = parse(await (await get(base, admin)).text());
    expect(overview.querySelector('.notice--warn')?.textContent).toContain(message);
    expect(overview.querySelector(`a[href="${base}/${WEEK}"]`)).toBeNull();
    expect(overview.querySelector('input[type=file]')).toBeNull();
  });
});
