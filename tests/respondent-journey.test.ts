// The respondent's journeys over HTTP: answer, skip, errors, resume, conflict, submit, reopen, closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { closeEdition, openEdition } from '../src/modules/editions/index.ts';
import { findResponse, listChanges, loadAnswers } from '../src/modules/responses/index.ts';
import { formFields, parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false, trustProxy: 1 };
let db: Db;
let clock = new Date('2022-10-01T10:00:00Z');
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => clock });
  await openEdition(db, 2022, '2022-12-31', clock);
});
afterAll(async () => db?.close());

const get = (path: string) => app.request(path);
const post = (path: string, fields: [string, string][]) =>
  app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const answersOf = async (code: string) => {
  const r = await findResponse(db, 2022, code);
  return Object.fromEntries([...(await loadAnswers(db, r!.id))].filter(([, s]) => s.answer).map(([k, s]) => [k, s.answer]));
};

describe('personal link', () => {
  it('a wrong link gets a clear Dutch page, not a stack trace', async () => {
    for (const path of ['/v/nonsense', `/v/${'A'.repeat(43)}`, '/v/%ff', `/v/${'A'.repeat(43)}/thema/signaleren`]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(text(body)).toContain('Deze link werkt niet');
      expect(body).not.toMatch(/at .*\.ts:\d+/);
    }
    // A NUL in the address is refused before any link is looked up (tests/bad-address.test.ts).
    const nul = await get('/v/%00%ff');
    expect(nul.status).toBe(400);
    expect(nul.headers.get('content-type')).toContain('text/html');
  });

  it('a link for an edition that is not open yet says so', async () => {
    const token = await createPersonalLink(db, 2023, 'GM0014');
    const res = await get(`/v/${token}`);
    expect(res.status).toBe(403);
    expect(text(await res.text())).toContain('nog niet open');
  });
});

describe('answering the 2022 questionnaire', () => {
  let base: string;
  beforeAll(async () => {
    base = `/v/${await createPersonalLink(db, 2022, 'GM0363')}`;
  });

  it('start page shows the municipality, the edition and progress per theme', async () => {
    const res = await get(base);
    expect(res.status).toBe(200);
    const t = text(await res.text());
    expect(t).toContain('Amsterdam');
    expect(t).toContain('Vragenlijst 2022');
    expect(t).toContain('Signaleren en bespreekbaar maken');
    expect(t).toContain('0 van 4 vragen beantwoord');
    expect(t).toContain('Begin met de vragenlijst');
  });

  it('saves a theme page, skipping questions, and moves on', async () => {
    const res = await post(`${base}/thema/signaleren`, [
      ['base', '{}'], ['q.week_tegen_eenzaamheid', 'ja'], ['q.week_tegen_eenzaamheid.comment', 'Sinds 2019'], ['q.signaalpunt', 'nee'], ['actie', 'volgende'],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}/thema/doorbreken`);
    expect(await answersOf('GM0363')).toEqual({
      week_tegen_eenzaamheid: { value: 'ja', comment: 'Sinds 2019' },
      signaalpunt: { value: 'nee' },
    });
    expect(text(await (await get(base)).text())).toContain('2 van 4 vragen beantwoord');
  });

  it('"Anders" without text is refused with a summary and the message at the field, keeping the page', async () => {
    const res = await post(`${base}/thema/bestuurlijk_commitment`, [
      ['base', '{}'], ['q.bestuurlijk_commitment', 'wethouder'], ['q.financiering', 'anders'], ['actie', 'volgende'],
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    const doc = parse(html);
    expect(doc.querySelector('.error-summary h2')?.textContent).toBe('Er is een probleem');
    const link = doc.querySelector('.error-summary a');
    expect(link?.textContent).toContain('Anders, namelijk');
    expect(doc.querySelector(link!.getAttribute('href')!)).not.toBeNull();
    expect(doc.querySelector('#q-financiering-other-error')?.textContent).toContain('Anders, namelijk');
    expect(doc.querySelector('#q-bestuurlijk_commitment-wethouder')?.hasAttribute('checked')).toBe(true);
    expect(doc.querySelector('title')?.textContent).toMatch(/^Fout: /);
    expect((await answersOf('GM0363')).bestuurlijk_commitment).toBeUndefined();
  });

  it('an exclusive option combined with another is refused', async () => {
    const res = await post(`${base}/thema/duurzame_aanpak`, [['base', '{}'], ['q.best_practices', 'movisie'], ['q.best_practices', 'nee']]);
    expect(res.status).toBe(400);
    expect(text(await res.text())).toContain('kunt u niet combineren met andere antwoorden');
    expect((await answersOf('GM0363')).best_practices).toBeUndefined();
  });

  it('text over the limit, a text at "Anders" without choosing it, and unknown codes are refused', async () => {
    const res = await post(`${base}/thema/uitdagingen`, [
      ['base', '{}'], ['q.uitdagingen', 'signaleren'], ['q.uitdagingen.other', 'iets'], ['q.uitdagingen.comment', 'x'.repeat(4001)],
    ]);
    expect(res.status).toBe(400);
    const t = text(await res.text());
    expect(t).toContain('Kies ook dat antwoord');
    expect(t).toContain('maximaal 4000 tekens');
    const bad = await post(`${base}/thema/signaleren`, [['base', '{}'], ['q.week_tegen_eenzaamheid', 'misschien']]);
    expect(bad.status).toBe(400);
    expect(text(await bad.text())).toContain('Kies een van de gegeven antwoorden');
  });

  it('show_if: follow-up answers are cleared when the answer they depend on changes', async () => {
    await post(`${base}/thema/sterk_netwerk`, [
      ['base', '{}'], ['q.lokale_coalitie', 'bestendigen'], ['q.kartrekker', 'ja'], ['q.samenstelling_coalitie.gemeente', 'kartrekker'],
    ]);
    expect((await answersOf('GM0363')).kartrekker).toEqual({ value: 'ja' });
    const page = await (await get(`${base}/thema/sterk_netwerk`)).text();
    const res = await post(`${base}/thema/sterk_netwerk`, [...formFields(page).filter(([k]) => k !== 'q.lokale_coalitie'), ['q.lokale_coalitie', 'nee']]);
    expect(res.status).toBe(303);
    const a = await answersOf('GM0363');
    expect(a.lokale_coalitie).toEqual({ value: 'nee' });
    expect(a.kartrekker).toBeUndefined();
    expect(a.samenstelling_coalitie).toBeUndefined();
  });

  it('resumes in another browser: the saved answer is shown', async () => {
    const html = await (await get(`${base}/thema/signaleren`)).text();
    const doc = parse(html);
    expect(doc.querySelector('#q-week_tegen_eenzaamheid-ja')?.hasAttribute('checked')).toBe(true);
    expect(doc.querySelector('#q-week_tegen_eenzaamheid-comment')?.textContent).toBe('Sinds 2019');
  });

  it('"Opslaan en later verder" saves and returns to the start page with a notice', async () => {
    const res = await post(`${base}/thema/monitoring_evaluatie`, [['base', '{}'], ['q.monitoring', 'deels'], ['actie', 'later']]);
    expect(res.headers.get('location')).toBe(`${base}?opgeslagen=1`);
    expect(text(await (await get(res.headers.get('location')!)).text())).toContain('Uw antwoorden zijn opgeslagen');
  });

  it('two colleagues on one page: the second sees both answers and chooses; nothing is silently lost', async () => {
    const pageA = await (await get(`${base}/thema/betrokkenheid`)).text();
    const pageB = await (await get(`${base}/thema/betrokkenheid`)).text();
    const fieldsA = formFields(pageA).filter(([k]) => k !== 'q.betrekken_doelgroep');
    expect((await post(`${base}/thema/betrokkenheid`, [...fieldsA, ['q.betrekken_doelgroep', 'beleid']])).status).toBe(303);
    const fieldsB = formFields(pageB).filter(([k]) => k !== 'q.betrekken_doelgroep' && k !== 'q.huisbezoeken_75plus');
    const conflict = await post(`${base}/thema/betrokkenheid`, [...fieldsB, ['q.betrekken_doelgroep', 'nee'], ['q.huisbezoeken_75plus', 'nee']]);
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    const t = text(html);
    expect(t).toContain('Een collega heeft intussen antwoorden gewijzigd');
    expect(t).toContain('Ja, bij het beleid'); // theirs
    expect((await answersOf('GM0363')).betrekken_doelgroep).toEqual({ value: 'beleid' });
    expect((await answersOf('GM0363')).huisbezoeken_75plus).toBeUndefined(); // nothing of B saved yet
    // B keeps the colleague's answer for the conflicting question; B's other answer is saved.
    const again = formFields(html).filter(([k]) => k !== 'keuze.betrekken_doelgroep');
    expect((await post(`${base}/thema/betrokkenheid`, [...again, ['keuze.betrekken_doelgroep', 'collega']])).status).toBe(303);
    const a = await answersOf('GM0363');
    expect(a.betrekken_doelgroep).toEqual({ value: 'beleid' });
    expect(a.huisbezoeken_75plus).toEqual({ value: 'nee' });
  });

  it('records every change with old and new value for the audit', async () => {
    const r = await findResponse(db, 2022, 'GM0363');
    const changes = await listChanges(db, r!.id);
    const kartrekker = changes.filter((c) => c.question === 'kartrekker');
    expect(kartrekker.map((c) => [c.oldAnswer, c.newAnswer])).toEqual([[null, { value: 'ja' }], [{ value: 'ja' }, null]]);
    expect(changes.every((c) => c.actorKind === 'respondent')).toBe(true);
  });

  it('review, submit, confirmation, change and submit again', async () => {
    const review = text(await (await get(`${base}/controleren`)).text());
    expect(review).toContain('Controleer uw antwoorden');
    expect(review).toContain('Sinds 2019');
    expect(review).toContain('Niet gevraagd'); // kartrekker hidden by show_if
    const sent = await post(`${base}/verzenden`, []);
    expect(sent.headers.get('location')).toBe(`${base}/bevestiging`);
    const done = await (await get(`${base}/bevestiging`)).text();
    expect(text(done)).toContain('Bedankt, uw antwoorden zijn verstuurd');
    expect(parse(done).querySelector(`form[action="${base}/wijzigen"]`)).not.toBeNull();
    expect((await get(`${base}/thema/signaleren`)).status).toBe(303); // read-only after submit
    expect((await post(`${base}/thema/signaleren`, [['q.week_tegen_eenzaamheid', 'nee']])).status).toBe(409);
    const first = (await findResponse(db, 2022, 'GM0363'))!.submittedAt;
    clock = new Date('2022-10-02T10:00:00Z');
    expect((await post(`${base}/wijzigen`, [])).status).toBe(303);
    expect(text(await (await get(base)).text())).toContain('Controleer en verstuur');
    await post(`${base}/verzenden`, []);
    const r = await findResponse(db, 2022, 'GM0363');
    expect(r!.submittedAt!.getTime()).toBeGreaterThan(first!.getTime());
    expect((await db.query('SELECT * FROM submissions WHERE response_id = $1', [r!.id])).length).toBe(2);
  });

  it('speaks English after the language switch', async () => {
    const res = await get(`${base}/bevestiging?lang=en`);
    expect(text(await res.text())).toContain('Thank you, your answers have been sent');
    expect(res.headers.get('set-cookie')).toContain('lang=en');
  });

  it('after closing: answers read-only, nothing can be changed, unsubmitted links expire', async () => {
    const other = `/v/${await createPersonalLink(db, 2022, 'GM0014')}`;
    expect((await get(other)).status).toBe(200);
    await closeEdition(db, 2022, clock);
    const ro = await get(base);
    expect(ro.status).toBe(200);
    const roHtml = await ro.text();
    const t = text(roHtml);
    expect(t).toContain('De vragenlijst is gesloten');
    expect(parse(roHtml).querySelector(`a[href="${base}/rapport"]`)).not.toBeNull(); // the report stays one click away
    expect(t).toContain('Sinds 2019');
    expect((await post(`${base}/thema/signaleren`, [['q.week_tegen_eenzaamheid', 'nee']])).status).toBe(409);
    expect((await post(`${base}/wijzigen`, [])).status).toBe(409);
    expect((await answersOf('GM0363')).week_tegen_eenzaamheid).toEqual({ value: 'ja', comment: 'Sinds 2019' });
    const expired = await get(other);
    expect(expired.status).toBe(410);
    expect(text(await expired.text())).toContain('Deze vragenlijst is gesloten');
  });
});

describe('guessing links', () => {
  it('after 30 unknown links from one address it has to wait; others are not affected', async () => {
    const from = (ip: string, path: string) => app.request(path, { headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 30; i++) expect((await from('203.0.113.9', `/v/${'B'.repeat(42)}${i % 10}`)).status).toBe(404);
    const blocked = await from('203.0.113.9', `/v/${'C'.repeat(43)}`);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(text(await blocked.text())).toContain('Te veel onjuiste links');
    const fine = `/v/${await createPersonalLink(db, 2022, 'GM0034')}`;
    expect((await from('198.51.100.7', fine)).status).not.toBe(429);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await from('203.0.113.9', `/v/${'C'.repeat(43)}`)).status).toBe(404);
  });
});
