// Help text and required questions for the respondent: the help is the question's description,
// "(verplicht)" is in its name, a theme page saves without it, the check page lists it and the
// questionnaire is not sent until every required question that is asked has an answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { changeQuestionnaire } from '../src/modules/edition-admin/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import type { Questionnaire } from '../src/modules/questionnaire/index.ts';
import { findResponse, isVisible } from '../src/modules/responses/index.ts';
import { parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const clock = new Date('2023-10-01T10:00:00Z');
let db: Db;
let app: ReturnType<typeof createApp>;
let base: string;

const HELP = { nl: 'Een signaalpunt is een telefoonnummer of website waar iedereen zorgen over eenzaamheid kan melden.', en: 'A reporting point is a phone number or website.' };

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => clock });
  // 2023 is a draft without answers: make two questions required (one behind a show_if), give one help text.
  await changeQuestionnaire(db, 2023, (qn: Questionnaire) => ({
    ...qn,
    questions: qn.questions.map((q) => (q.key === 'signaalpunt' ? { ...q, help: HELP, required: true } : q.key === 'kartrekker' ? { ...q, required: true } : q)),
  }));
  await openEdition(db, 2023, '2023-12-31', clock);
  base = `/v/${await createPersonalLink(db, 2023, 'GM0363')}`;
});
afterAll(async () => db?.close());

const post = (path: string, fields: [string, string][]) =>
  app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('help text and required questions', () => {
  it('the theme page shows the help under the question, linked as its description, and marks it "(verplicht)"', async () => {
    const doc = parse(await (await app.request(`${base}/thema/signaleren`)).text());
    const fieldset = doc.querySelector('#vraag-signaalpunt fieldset');
    expect(fieldset?.querySelector('legend')?.textContent).toMatch(/Signaalpunt|signaalpunt/i);
    expect(fieldset?.querySelector('legend')?.textContent).toContain('(verplicht)');
    const help = doc.querySelector('#q-signaalpunt-help');
    expect(help?.textContent).toBe(HELP.nl);
    expect(fieldset?.getAttribute('aria-describedby')?.split(' ')).toContain('q-signaalpunt-help');
    expect(text(doc.documentElement.outerHTML)).toContain('Vragen met (verplicht) moet u beantwoorden voordat u de vragenlijst verstuurt');
    // Other questions are not marked.
    expect(doc.querySelector('#vraag-week_tegen_eenzaamheid legend')?.textContent).not.toContain('(verplicht)');
  });

  it('in English the help and the marker are English', async () => {
    const doc = parse(await (await app.request(`${base}/thema/signaleren?lang=en`)).text());
    expect(doc.querySelector('#vraag-signaalpunt legend')?.textContent).toContain('(required)');
    expect(doc.querySelector('#q-signaalpunt-help')?.textContent).toBe(HELP.en);
  });

  it('a theme page with a required question left blank is saved (save and continue later)', async () => {
    const res = await post(`${base}/thema/signaleren`, [['base', '{}'], ['q.week_tegen_eenzaamheid', 'ja'], ['actie', 'later']]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}?opgeslagen=1`);
  });

  it('the check page lists the unanswered required question with a link to it; one hidden by show_if is not asked', async () => {
    const doc = parse(await (await app.request(`${base}/controleren`)).text());
    const notice = doc.querySelector('.notice--warn');
    expect(notice?.textContent).toContain('U moet nog 1 verplichte vraag of vragen beantwoorden');
    const links = [...(notice?.querySelectorAll('a') ?? [])];
    expect(links.map((a) => a.textContent)).toEqual([expect.stringMatching(/^Beantwoord vraag 3: /)]);
    expect(links[0].getAttribute('href')).toBe(`${base}/thema/signaleren#q-signaalpunt-ja`);
  });

  it('sending is refused with an error summary linking to each required question; nothing is sent', async () => {
    const res = await post(`${base}/verzenden`, []);
    expect(res.status).toBe(400);
    const doc = parse(await res.text());
    expect(doc.querySelector('title')?.textContent).toMatch(/^Fout: /);
    const summary = doc.querySelector('.error-summary');
    expect(summary?.getAttribute('role')).toBe('alert');
    expect(summary?.textContent).toContain('De vragenlijst is niet verstuurd');
    expect(summary?.querySelector('a')?.getAttribute('href')).toBe(`${base}/thema/signaleren#q-signaalpunt-ja`);
    expect((await findResponse(db, 2023, 'GM0363'))?.submittedAt).toBeNull();
  });

  it('a required question that show_if asks counts too; once all are answered the questionnaire is sent', async () => {
    const kartrekkerFirst = parse(await (await app.request(`${base}/thema/sterk_netwerk`)).text()).querySelector('input[name="q.kartrekker"]')?.getAttribute('value') ?? '';
    await post(`${base}/thema/signaleren`, [['base', '{}'], ['q.week_tegen_eenzaamheid', 'ja'], ['q.signaalpunt', 'nee'], ['actie', 'later']]);
    // lokale_coalitie "initieren" asks kartrekker (required), which is still blank.
    const page = parse(await (await app.request(`${base}/thema/sterk_netwerk`)).text());
    const baseField = page.querySelector('input[name=base]')?.getAttribute('value') ?? '{}';
    expect((await post(`${base}/thema/sterk_netwerk`, [['base', baseField], ['q.lokale_coalitie', 'initieren'], ['actie', 'later']])).status).toBe(303);
    const refused = await post(`${base}/verzenden`, []);
    expect(refused.status).toBe(400);
    const items = [...parse(await refused.text()).querySelectorAll('.error-summary li a')];
    expect(items.map((a) => a.getAttribute('href'))).toEqual([`${base}/thema/sterk_netwerk#q-kartrekker-${kartrekkerFirst}`]);
    const again = parse(await (await app.request(`${base}/thema/sterk_netwerk`)).text());
    const fields: [string, string][] = [['base', again.querySelector('input[name=base]')?.getAttribute('value') ?? '{}'], ['q.lokale_coalitie', 'initieren'], ['q.kartrekker', kartrekkerFirst], ['actie', 'later']];
    expect((await post(`${base}/thema/sterk_netwerk`, fields)).status).toBe(303);
    const sent = await post(`${base}/verzenden`, []);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${base}/bevestiging`);
    expect((await findResponse(db, 2023, 'GM0363'))?.submittedAt).not.toBeNull();
  });
});

describe('show_if on a multi question', () => {
  it('asks the question when any of the chosen answers is one of its answers', () => {
    const q = { key: 'b', theme: 't', type: 'text' as const, text: { nl: 'B', en: 'B' }, showIf: { question: 'a', in: ['x', 'y'] } };
    expect(isVisible(q, { a: { values: ['z', 'y'] } })).toBe(true);
    expect(isVisible(q, { a: { values: ['z'] } })).toBe(false);
    expect(isVisible(q, { a: { value: 'x' } })).toBe(true);
    expect(isVisible(q, {})).toBe(false);
  });
});
