// The questionnaire editor over HTTP: new questions and themes, moving and removing them, and an
// edition that has answers (read-only, every change refused); the ministry reads, never changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { getEdition, openEdition } from '../src/modules/editions/index.ts';
import { parse, text } from './html.ts';
import { fieldsOf, summary } from './editor-helpers.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const clock = new Date('2023-08-01T09:00:00Z');
const Y = 2023;
const ed = `/beheer/edities/${Y}`;
const base = `${ed}/vragenlijst`;
let db: Db;
let app: ReturnType<typeof createApp>;
let admin: Awaited<ReturnType<typeof signedInAs>>;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => clock });
  admin = await signedInAs(app, db, 'admin', clock);
});
afterAll(async () => db?.close());

const qnNow = async () => (await getEdition(db, Y))!.questionnaire;
const revNow = async () => (await db.one<{ rev: number }>('SELECT questionnaire_rev AS rev FROM editions WHERE year = $1', [Y]))!.rev;
/** The fields of the small form (move, remove) posting to `action`. */
const smallForm = (html: string, action: string, button?: string): [string, string][] => {
  const form = parse(html).querySelector(`form[action="${action}"]`);
  if (!form) throw new Error(`no form ${action}`);
  const fields: [string, string][] = [...form.querySelectorAll('input')].map((i) => [i.getAttribute('name') ?? '', i.getAttribute('value') ?? '']);
  const b = [...form.querySelectorAll('button[name]')].find((x) => !button || x.getAttribute('value') === button);
  return b ? [...fields, [b.getAttribute('name') ?? '', b.getAttribute('value') ?? '']] : fields;
};

describe('the overview', () => {
  it('links to adding a theme, translations, the spreadsheet page and the Excel download', async () => {
    const doc = parse(await (await admin.get(base)).text());
    expect(doc.querySelector(`a[href="${ed}/spreadsheet"]`)?.textContent).toBe('Vragenlijst als spreadsheet (Excel) downloaden of uploaden');
    expect(doc.querySelector(`a[href="${base}.xlsx"]`)).not.toBeNull();
    expect(doc.querySelector(`a[href="${ed}/themas/nieuw-thema"]`)?.textContent).toBe('Onderdeel (thema) toevoegen');
    expect(doc.querySelector(`a[href="${base}/nieuwe-vraag?thema=signaleren"]`)).not.toBeNull();
    expect(doc.querySelectorAll('#kernresultaten-titel ~ ol li').length).toBe((await qnNow()).keyResults!.length);
  });
});

describe('order', () => {
  it('moves a question down within its theme and a theme up, with the revision the page was made on', async () => {
    const html = await (await admin.get(base)).text();
    const res = await admin.post(`${base}/week_tegen_eenzaamheid/verplaatsen`, smallForm(html, `${base}/week_tegen_eenzaamheid/verplaatsen`, 'neer'), { csrf: false });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}?klaar=verplaatst&sleutel=week_tegen_eenzaamheid#vraag-week_tegen_eenzaamheid`);
    expect((await qnNow()).questions.slice(0, 2).map((q) => q.key)).toEqual(['communicatiemateriaal', 'week_tegen_eenzaamheid']);
    // The same page again: made on the old revision, so refused.
    const stale = await admin.post(`${ed}/themas/doorbreken/verplaatsen`, smallForm(html, `${ed}/themas/doorbreken/verplaatsen`, 'op'), { csrf: false });
    expect(stale.status).toBe(409);
    expect(text(await stale.text())).toContain('Een collega heeft de vragenlijst gewijzigd');
    const fresh = await (await admin.get(base)).text();
    expect((await admin.post(`${ed}/themas/doorbreken/verplaatsen`, smallForm(fresh, `${ed}/themas/doorbreken/verplaatsen`, 'op'), { csrf: false })).status).toBe(303);
    const qn = await qnNow();
    expect(qn.themes.slice(0, 2).map((t) => t.key)).toEqual(['doorbreken', 'signaleren']);
    expect(qn.questions[0].key).toBe('inzet_producten');
  });

  it('a move that puts a question before the one its show_if depends on is refused with the problem', async () => {
    const html = await (await admin.get(base)).text();
    const rev = await revNow();
    const res = await admin.post(`${base}/kartrekker/verplaatsen`, smallForm(html, `${base}/kartrekker/verplaatsen`, 'op'), { csrf: false });
    expect(res.status).toBe(400);
    expect(summary(await res.text())[0]).toEqual({ href: '#vragen', text: expect.stringContaining('show_if verwijst naar "lokale_coalitie", die pas later in de vragenlijst komt') });
    expect(await revNow()).toBe(rev);
  });
});

describe('new questions and themes', () => {
  it('a multi question with "Anders": theme and kind first (GET), then key, text and options', async () => {
    const step1 = parse(await (await admin.get(`${base}/nieuwe-vraag?thema=signaleren`)).text());
    expect(step1.querySelector('form[method=get] #thema option[selected]')?.getAttribute('value')).toBe('signaleren');
    const page = `${base}/nieuwe-vraag?thema=signaleren&soort=multi`;
    const html = await (await admin.get(page)).text();
    const action = `${base}/nieuwe-vraag`;
    const bad = await admin.post(action, fieldsOf(html, `form[action="${action}"]`, { sleutel: 'Kanalen!' }), { csrf: false });
    expect(bad.status).toBe(400);
    expect(summary(await bad.text()).map((e) => e.href)).toEqual(['#sleutel', '#text-nl', '#opt-0-code']);
    const res = await admin.post(action, fieldsOf(html, `form[action="${action}"]`, {
      sleutel: 'signaal_kanalen', 'text-nl': 'Via welke kanalen komen signalen binnen?', 'text-en': 'Through which channels do signals come in?',
      'opt-0-code': 'telefoon', 'opt-0-label-nl': 'Telefoon', 'opt-0-label-en': 'Telephone',
      'opt-1-code': 'anders', 'opt-1-label-nl': 'Anders, namelijk', 'opt-1-label-en': 'Other, namely', 'opt-1-other': '1',
    }), { csrf: false });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}/signaal_kanalen?klaar=nieuw&sleutel=signaal_kanalen`);
    const q = (await qnNow()).questions.find((x) => x.key === 'signaal_kanalen');
    expect(q?.options?.[1]).toEqual({ code: 'anders', label: { nl: 'Anders, namelijk', en: 'Other, namely' }, other: true });
    const shown = await (await admin.get(res.headers.get('location')!)).text();
    expect(parse(shown).querySelector('[role=status]')?.textContent).toBe('Vraag "signaal_kanalen" is toegevoegd. Vul hieronder aan wat nog nodig is.');
  });

  it('a key an earlier edition used is refused', async () => {
    const html = await (await admin.get(`${base}/nieuwe-vraag?thema=signaleren&soort=text`)).text();
    const res = await admin.post(`${base}/nieuwe-vraag`, fieldsOf(html, `form[action="${base}/nieuwe-vraag"]`, { sleutel: 'budget_status', 'text-nl': 'Budget?' }), { csrf: false });
    expect(summary(await res.text())).toEqual([{ href: '#sleutel', text: expect.stringMatching(/^Sleutel "budget_status" is in editie 2019 al gebruikt/) }]);
  });

  it('a new theme: its fields checked first, then its first question; both saved together', async () => {
    const page = `${ed}/themas/nieuw-thema`;
    const html = await (await admin.get(page)).text();
    const empty = await admin.post(page, fieldsOf(html, `form[action="${page}"]`), { csrf: false });
    expect(empty.status).toBe(400);
    expect(summary(await empty.text()).map((e) => e.href)).toEqual(['#thema-key', '#thema-kind-actielijn', '#thema-title-nl', '#thema-short-nl', '#thema-intro-nl', '#soort-single']);
    const rev = await revNow();
    const step2 = await admin.post(page, fieldsOf(html, `form[action="${page}"]`, {
      'thema-key': 'digitaal', 'thema-kind': 'actualiteit', 'thema-title-nl': 'Digitale inclusie', 'thema-short-nl': 'Digitaal', 'thema-intro-nl': 'Over digitale contacten.', soort: 'text',
    }), { csrf: false });
    expect(step2.status).toBe(200);
    expect(await revNow()).toBe(rev); // nothing saved yet
    const form = await step2.text();
    expect(parse(form).querySelector('h1')?.textContent).toBe('Eerste vraag van het nieuwe onderdeel');
    const res = await admin.post(`${base}/nieuwe-vraag`, fieldsOf(form, `form[action="${base}/nieuwe-vraag"]`, { sleutel: 'digitaal_contact', 'text-nl': 'Hoe houdt uw gemeente digitaal contact?' }), { csrf: false });
    expect(res.status).toBe(303);
    const qn = await qnNow();
    expect(qn.themes.at(-1)).toMatchObject({ key: 'digitaal', kind: 'actualiteit', title: { nl: 'Digitale inclusie', en: 'Digitale inclusie' } });
    expect(qn.questions.at(-1)).toMatchObject({ key: 'digitaal_contact', theme: 'digitaal', type: 'text' });
  });

  it('changes a theme on its page', async () => {
    const page = `${ed}/themas/digitaal`;
    const res = await admin.post(page, fieldsOf(await (await admin.get(page)).text(), `form[action="${page}"]`, { 'title-en': 'Digital inclusion', number: '' }), { csrf: false });
    expect(res.status).toBe(303);
    expect((await qnNow()).themes.find((t) => t.key === 'digitaal')?.title.en).toBe('Digital inclusion');
  });

  it('removes a theme with its questions after a confirmation; one a challenge option is about is refused', async () => {
    const confirm = await (await admin.get(`${ed}/themas/digitaal/verwijderen`)).text();
    expect(text(confirm)).toContain('Hoe houdt uw gemeente digitaal contact? (digitaal_contact)');
    expect((await admin.post(`${ed}/themas/digitaal/verwijderen`, smallForm(confirm, `${ed}/themas/digitaal/verwijderen`), { csrf: false })).status).toBe(303);
    expect((await qnNow()).themes.some((t) => t.key === 'digitaal')).toBe(false);
    const other = await (await admin.get(`${ed}/themas/sterk_netwerk/verwijderen`)).text();
    const refused = await admin.post(`${ed}/themas/sterk_netwerk/verwijderen`, smallForm(other, `${ed}/themas/sterk_netwerk/verwijderen`), { csrf: false });
    expect(refused.status).toBe(400);
    expect(text(await refused.text())).toContain('gaat over "sterk_netwerk", maar dat is geen thema');
    expect((await qnNow()).themes.some((t) => t.key === 'sterk_netwerk')).toBe(true);
  });
});

describe('who may change', () => {
  it('the ministry reads the overview without any way to change; every editor page and POST is refused', async () => {
    const ministry = await signedInAs(app, db, 'ministry', clock);
    const html = await (await ministry.get(base)).text();
    expect(parse(html).querySelectorAll('form[method=post]').length).toBe(1); // signing out
    expect(parse(html).querySelector(`a[href="${ed}/spreadsheet"]`)).not.toBeNull(); // the spreadsheet page reads for both
    const rev = await revNow();
    for (const path of [`${base}/signaalpunt`, `${base}/signaalpunt/opties`, `${ed}/themas/signaleren`, `${ed}/vertalingen`, `${base}/nieuwe-vraag`]) {
      expect((await ministry.get(path)).status).toBe(403);
      if (!path.endsWith('/vertalingen')) expect((await ministry.post(path, [['rev', String(rev)]])).status).toBe(403);
    }
    expect(await revNow()).toBe(rev);
  });
});

describe('an edition with answers', () => {
  it('is read-only: pages say why and offer no form; every POST is refused and nothing changes', async () => {
    const html = await (await admin.get(`${base}/signaalpunt/opties`)).text();
    await openEdition(db, Y, '2023-12-31', clock);
    const token = await createPersonalLink(db, Y, 'GM0014');
    const save = await app.request(`/v/${token}/thema/signaleren`, {
      method: 'POST', body: new URLSearchParams([['base', '{}'], ['q.signaalpunt', 'ja'], ['actie', 'later']]),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(save.status).toBe(303);
    const before = await qnNow();
    const rev = await revNow();
    const res = await admin.post(`${base}/signaalpunt/opties`, fieldsOf(html, `form[action="${base}/signaalpunt/opties"]`, { 'opt-0-label-nl': 'Ja!' }), { csrf: false });
    expect(res.status).toBe(409);
    const message = 'Deze editie heeft al antwoorden van 1 gemeente; de vragenlijst kan niet meer worden gewijzigd';
    expect(text(await res.text())).toContain(message);
    for (const path of [`${base}/signaalpunt`, `${base}/signaalpunt/opties`, `${base}/signaalpunt/tips`, `${base}/signaalpunt/herkomst`, `${ed}/themas/signaleren`, `${base}/nieuwe-vraag?thema=signaleren&soort=text`]) {
      const page = await (await admin.get(path)).text();
      expect(text(page)).toContain(message);
      expect(parse(page).querySelectorAll('main form[method=post]').length, path).toBe(0);
    }
    expect((await admin.post(`${base}/nieuwe-vraag`, [['rev', String(rev)], ['soort', 'text']])).status).toBe(409);
    expect((await admin.post(`${ed}/themas/signaleren/verwijderen`, [['rev', String(rev)]])).status).toBe(409);
    expect(await qnNow()).toEqual(before);
    expect(await revNow()).toBe(rev);
    // The previews still show what the municipalities see.
    expect((await admin.get(`${base}/signaalpunt/voorbeeld`)).status).toBe(200);
  });
});
