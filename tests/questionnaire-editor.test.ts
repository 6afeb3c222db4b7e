// The questionnaire editor over HTTP, as the bureau: a question's own fields, its options, show_if,
// tips, lineage and key results; wrong input gives messages and changes nothing; a form made on an
// older revision is refused; previews are the respondent's own components.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { getEdition } from '../src/modules/editions/index.ts';
import type { Question } from '../src/modules/questionnaire/index.ts';
import { fieldsOf, summary } from './editor-helpers.ts';
import { parse, text } from './html.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const clock = new Date('2023-08-01T09:00:00Z');
const Y = 2023;
const base = `/beheer/edities/${Y}/vragenlijst`;
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
const question = async (key: string) => (await qnNow()).questions.find((q) => q.key === key) as Question;
const revNow = async () => (await db.one<{ rev: number }>('SELECT questionnaire_rev AS rev FROM editions WHERE year = $1', [Y]))!.rev;

/** Opens `page`, fills the form posting to `action`, sends it. */
async function submit(page: string, action: string, over: Record<string, string | string[] | null> = {}) {
  const html = await (await admin.get(page)).text();
  return admin.post(action, fieldsOf(html, `form[action="${action}"][method=post]`, over), { csrf: false });
}

describe('a question\'s own fields', () => {
  it('saves wording, help, short label and required; English left empty takes the Dutch', async () => {
    const rev = await revNow();
    const res = await submit(`${base}/signaalpunt`, `${base}/signaalpunt`, {
      'help-nl': 'Bijvoorbeeld een telefoonnummer of website.', 'help-en': '', verplicht: '1',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}/signaalpunt?klaar=vraag`);
    expect(await revNow()).toBe(rev + 1);
    const q = await question('signaalpunt');
    expect(q.help).toEqual({ nl: 'Bijvoorbeeld een telefoonnummer of website.', en: 'Bijvoorbeeld een telefoonnummer of website.' });
    expect(q.required).toBe(true);
    const page = await (await admin.get(res.headers.get('location')!)).text();
    expect(parse(page).querySelector('[role=status]')?.textContent).toBe('De vraag is opgeslagen.');
    expect(parse(page).querySelector('#verplicht')?.hasAttribute('checked')).toBe(true);
  });

  it('wrong input gives a message at the field and in the summary, and changes nothing', async () => {
    const before = await qnNow();
    const rev = await revNow();
    const res = await submit(`${base}/signaalpunt`, `${base}/signaalpunt`, { 'text-nl': '   ', 'short-nl': 'x'.repeat(1001), thema: 'bestaat_niet' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(parse(html).querySelector('title')?.textContent).toMatch(/^Fout: /);
    expect(summary(html)).toEqual([
      { href: '#text-nl', text: 'Vul de Nederlandse tekst in van de vraagtekst' },
      { href: '#short-nl', text: 'De Nederlandse tekst van het korte label van de vraag is te lang: gebruik maximaal 1000 tekens' },
      { href: '#thema', text: 'Kies een onderdeel' },
    ]);
    expect(parse(html).querySelector('#text-nl')?.getAttribute('aria-invalid')).toBe('true');
    expect(parse(html).querySelector('#text-nl-error')?.textContent).toBe('Vul de Nederlandse tekst in van de vraagtekst');
    expect(await qnNow()).toEqual(before);
    expect(await revNow()).toBe(rev);
  });

  it('a form made before a colleague\'s change is refused: the page says so and shows the questionnaire as it is now', async () => {
    const mine = await (await admin.get(`${base}/monitoring`)).text();
    const colleague = await signedInAs(app, db, 'admin', clock);
    const theirs = await (await colleague.get(`${base}/monitoring`)).text();
    expect((await colleague.post(`${base}/monitoring`, fieldsOf(theirs, `form[action="${base}/monitoring"]`, { 'help-nl': 'Uitleg van een collega' }), { csrf: false })).status).toBe(303);
    const rev = await revNow();
    const res = await admin.post(`${base}/monitoring`, fieldsOf(mine, `form[action="${base}/monitoring"]`, { 'help-nl': 'Mijn uitleg' }), { csrf: false });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(text(html)).toContain('Een collega heeft de vragenlijst gewijzigd sinds u deze pagina opende. Uw wijziging is niet opgeslagen');
    expect(parse(html).querySelector('#help-nl')?.textContent).toBe('Uitleg van een collega');
    expect(parse(html).querySelector('input[name=rev]')?.getAttribute('value')).toBe(String(rev));
    expect((await question('monitoring')).help?.nl).toBe('Uitleg van een collega');
    expect(await revNow()).toBe(rev);
    // Without a revision at all: refused the same way.
    expect((await admin.post(`${base}/monitoring`, [['text-nl', 'x']])).status).toBe(409);
  });

  it('the CSRF token is needed', async () => {
    const rev = await revNow();
    const html = await (await admin.get(`${base}/monitoring`)).text();
    const fields = fieldsOf(html, `form[action="${base}/monitoring"]`).filter(([k]) => k !== '_csrf');
    expect((await admin.post(`${base}/monitoring`, fields, { csrf: false })).status).toBe(403);
    expect(await revNow()).toBe(rev);
  });
});

describe('options', () => {
  it('adds an option, with a short label and a status, and shows it on the question', async () => {
    const n = (await question('signaleringsnetwerk')).options!.length;
    const res = await submit(`${base}/signaleringsnetwerk/opties`, `${base}/signaleringsnetwerk/opties`, {
      [`opt-${n}-code`]: 'in_opbouw', [`opt-${n}-label-nl`]: 'Het netwerk is in opbouw', [`opt-${n}-label-en`]: 'The network is being built',
      [`opt-${n}-short-nl`]: 'In opbouw', [`opt-${n}-status`]: 'partial',
    });
    expect(res.status).toBe(303);
    expect((await question('signaleringsnetwerk')).options!.at(-1)).toEqual({
      code: 'in_opbouw', label: { nl: 'Het netwerk is in opbouw', en: 'The network is being built' }, short: { nl: 'In opbouw', en: 'In opbouw' }, status: 'partial',
    });
  });

  it('a code that another question\'s show_if or a key result uses is not renamed: the message names them', async () => {
    const rev = await revNow();
    const opts = (await question('lokale_coalitie')).options!;
    const at = opts.findIndex((o) => o.code === 'initieren');
    const res = await submit(`${base}/lokale_coalitie/opties`, `${base}/lokale_coalitie/opties`, { [`opt-${at}-code`]: 'gestart' });
    expect(res.status).toBe(400);
    const [message] = summary(await res.text());
    expect(message.href).toBe(`#opt-${at}-code`);
    expect(message.text).toMatch(/^Code "initieren" van antwoordoptie \d+ \(initieren\) kan niet worden gewijzigd, want de voorwaarde van vraag "kartrekker"; .*het kernresultaat ".+" verwijst ernaar/);
    expect(await revNow()).toBe(rev);
  });

  it('"Omhoog" saves and stays on the page', async () => {
    const before = (await question('signaleringsnetwerk')).options!.map((o) => o.code);
    const res = await submit(`${base}/signaleringsnetwerk/opties`, `${base}/signaleringsnetwerk/opties`, { verplaats: '1-op' });
    expect(res.headers.get('location')).toBe(`${base}/signaleringsnetwerk/opties?klaar=opties`);
    expect((await question('signaleringsnetwerk')).options!.map((o) => o.code)).toEqual([before[1], before[0], ...before.slice(2)]);
  });

  it('a matrix: items, a shared scale, and a new scale made and chosen on its page', async () => {
    const items = (await question('doelgroepen')).items!;
    const res = await submit(`${base}/doelgroepen/onderdelen`, `${base}/doelgroepen/onderdelen`, { [`item-${items.length}-code`]: 'eenoudergezinnen', [`item-${items.length}-label-nl`]: 'Eenoudergezinnen' });
    expect(res.status).toBe(303);
    expect((await question('doelgroepen')).items!.at(-1)).toEqual({ code: 'eenoudergezinnen', label: { nl: 'Eenoudergezinnen', en: 'Eenoudergezinnen' } });
    const taken = await submit(`${base}/doelgroepen/onderdelen`, `${base}/doelgroepen/onderdelen`, { [`item-${items.length + 1}-code`]: 'ouderen', [`item-${items.length + 1}-label-nl`]: 'Ouderen' });
    expect(summary(await taken.text())).toEqual([{ href: `#item-${items.length + 1}-code`, text: 'De code van het nieuwe onderdeel ("ouderen") bestaat al: kies een andere' }]);
    const scaleForm = (over: Record<string, string>) => fieldsOf(scaleHtml, 'form:has(input[name=actie])', {
      naam: 'aandacht', 'opt-0-code': 'veel', 'opt-0-label-nl': 'Veel aandacht', 'opt-1-code': 'weinig', 'opt-1-label-nl': 'Weinig aandacht', ...over,
    });
    const scaleHtml = await (await admin.get(`${base}/doelgroepen/schaal`)).text();
    // This matrix has tips, given for answers meaning "not" or "partly": a scale without statuses never gives them.
    const refused = await admin.post(`${base}/doelgroepen/schaal`, scaleForm({}), { csrf: false });
    expect(refused.status).toBe(400);
    expect(summary(await refused.text())[0]).toEqual({ href: '#naam', text: expect.stringContaining('de tips van deze matrix worden nooit gegeven') });
    const made = await admin.post(`${base}/doelgroepen/schaal`, scaleForm({ 'opt-0-status': 'ok', 'opt-1-status': 'not' }), { csrf: false });
    expect(made.status).toBe(303);
    const qn = await qnNow();
    expect(qn.scales.aandacht.map((o) => o.code)).toEqual(['veel', 'weinig']);
    expect(qn.questions.find((q) => q.key === 'doelgroepen')?.scale).toBe('aandacht');
    const scalePage = await (await admin.get(`/beheer/edities/${Y}/schalen/aandacht`)).text();
    expect(text(scalePage)).toContain('Deze schaal hoort bij 1 vraag of vragen');
    const renamed = await admin.post(`/beheer/edities/${Y}/schalen/aandacht`, fieldsOf(scalePage, `form[action="/beheer/edities/${Y}/schalen/aandacht"]`, { 'opt-1-label-en': 'Little attention' }), { csrf: false });
    expect(renamed.status).toBe(303);
    expect((await qnNow()).scales.aandacht[1].label.en).toBe('Little attention');
  });
});

describe('show_if, tips, lineage, key results', () => {
  it('show_if in two steps: the question (GET), then its answers', async () => {
    const step1 = parse(await (await admin.get(`${base}/monitoring/voorwaarde`)).text());
    expect([...step1.querySelectorAll('#vraag option')].map((o) => o.getAttribute('value'))).toContain('best_practices');
    expect([...step1.querySelectorAll('#vraag option')].map((o) => o.getAttribute('value'))).not.toContain('doelgroepen');
    const page = `${base}/monitoring/voorwaarde?vraag=best_practices`;
    const none = await submit(page, `${base}/monitoring/voorwaarde`);
    expect(summary(await none.text())).toEqual([{ href: '#in-adviseurs', text: 'Kies minstens één antwoord waarbij de vraag gesteld wordt' }]);
    expect((await submit(page, `${base}/monitoring/voorwaarde`, { in: ['nee', 'movisie'] })).status).toBe(303);
    expect((await question('monitoring')).showIf).toEqual({ question: 'best_practices', in: ['movisie', 'nee'] });
    expect((await submit(`${base}/monitoring/voorwaarde?vraag=`, `${base}/monitoring/voorwaarde`)).status).toBe(303);
    expect((await question('monitoring')).showIf).toBeUndefined();
  });

  it('tips: text and web address per option; a bad address is refused', async () => {
    const page = `${base}/signaalpunt/tips`;
    const bad = await submit(page, page, { 'tip-ja-url': 'www.zonder-schema.nl' });
    expect(summary(await bad.text())).toEqual([
      { href: '#tip-ja-nl', text: 'Vul de Nederlandse tekst in van de tip bij "ja"' },
      { href: '#tip-ja-url', text: 'Het webadres van de tip bij "ja" is geen volledig webadres: het begint met https:// (of http://)' },
    ]);
    expect((await submit(page, page, { 'tip-ja-nl': 'Maak het signaalpunt bekend.', 'tip-ja-en': 'Make it known.', 'tip-ja-url': 'https://example.org/signaalpunt' })).status).toBe(303);
    expect((await question('signaalpunt')).tips?.ja).toEqual({ text: { nl: 'Maak het signaalpunt bekend.', en: 'Make it known.' }, url: 'https://example.org/signaalpunt' });
  });

  it('lineage: kind, then the earlier question, then a select per old code', async () => {
    const kinds = parse(await (await admin.get(`${base}/financiering/herkomst`)).text());
    expect(kinds.querySelector('#soort-replaces')?.hasAttribute('checked')).toBe(true);
    const keys = parse(await (await admin.get(`${base}/financiering/herkomst?soort=replaces`)).text());
    const offered = [...keys.querySelectorAll('#van option')].map((o) => o.getAttribute('value'));
    expect(offered).toContain('budget_status');
    expect(offered).not.toContain('monitoring'); // asked in this edition beside it
    const page = `${base}/financiering/herkomst?soort=replaces&van=budget_status`;
    const mapping = parse(await (await admin.get(page)).text());
    expect(mapping.querySelector('label[for=map-0-eenmalig]')?.textContent).toBe('Oude code: Er is eenmalig budget vrijgemaakt (eenmalig)');
    expect((await submit(page, `${base}/financiering/herkomst`, { 'map-0-anders': '' })).status).toBe(303);
    const q = await question('financiering');
    expect(q.replaces?.key).toBe('budget_status');
    expect(q.replaces?.options.anders).toBeUndefined();
    expect(q.replaces?.options.eenmalig).toBe('eenmalig');
  });

  it('key results: listed on the question\'s page, added and removed there', async () => {
    const page = `${base}/signaleringsnetwerk`;
    const before = (await qnNow()).keyResults!.length;
    const bad = await submit(page, `${page}/kernresultaten`, { 'kr-text-nl': 'hebben een netwerk' });
    const first = (await question('signaleringsnetwerk')).options![0].code;
    expect(summary(await bad.text())).toEqual([{ href: `#kr-options-${first}`, text: 'Kies minstens één antwoord dat meetelt' }]);
    const ok = await submit(page, `${page}/kernresultaten`, { 'kr-options': 'in_opbouw', 'kr-text-nl': 'bouwen aan een signaleringsnetwerk', 'kr-text-en': 'are building a network' });
    expect(ok.headers.get('location')).toBe(`${page}?klaar=kernresultaat#kernresultaten`);
    const qn = await qnNow();
    expect(qn.keyResults!.length).toBe(before + 1);
    expect(qn.keyResults!.at(-1)).toEqual({ question: 'signaleringsnetwerk', options: ['in_opbouw'], text: { nl: 'bouwen aan een signaleringsnetwerk', en: 'are building a network' } });
    const html = await (await admin.get(page)).text();
    const removal = parse(html).querySelectorAll(`form[action="${page}/kernresultaten/verwijderen"]`);
    const last = removal[removal.length - 1];
    const fields: [string, string][] = [...last.querySelectorAll('input')].map((i) => [i.getAttribute('name') ?? '', i.getAttribute('value') ?? '']);
    expect((await admin.post(`${page}/kernresultaten/verwijderen`, fields, { csrf: false })).status).toBe(303);
    expect((await qnNow()).keyResults!.length).toBe(before);
  });
});

describe('previews and translations', () => {
  it('a question and a theme page, drawn by the respondent\'s components, read-only in the admin frame', async () => {
    const doc = parse(await (await admin.get(`${base}/signaalpunt/voorbeeld`)).text());
    expect(doc.querySelector('h1')?.textContent).toBe('Voorbeeld van vraag 3');
    expect(doc.querySelector('nav[aria-label=Beheermenu]')).not.toBeNull();
    const frame = doc.querySelector('.preview fieldset[disabled]');
    expect(frame?.querySelector('#vraag-signaalpunt legend')?.textContent).toContain('(verplicht)');
    expect(frame?.querySelector('#q-signaalpunt-help')?.textContent).toBe('Bijvoorbeeld een telefoonnummer of website.');
    expect(doc.querySelector('.preview form, .preview button')).toBeNull();
    const theme = parse(await (await admin.get(`/beheer/edities/${Y}/themas/sterk_netwerk/voorbeeld`)).text());
    expect(theme.querySelectorAll('h1').length).toBe(1);
    expect(theme.querySelector('.preview h2')?.textContent).toBe('Sterk netwerk');
    // Without live show_if: the follow-up question is there, with its hint.
    expect(theme.querySelector('#vraag-kartrekker')?.hasAttribute('data-show-if')).toBe(false);
    expect(theme.querySelector('#vraag-kartrekker .hint')?.textContent).toMatch(/^Beantwoord deze vraag alleen als/);
  });

  it('lists texts without their own English translation, each linking to its field', async () => {
    const doc = parse(await (await admin.get(`/beheer/edities/${Y}/vertalingen`)).text());
    const links = [...doc.querySelectorAll('tbody th a')];
    const help = links.find((a) => a.getAttribute('href') === `${base}/signaalpunt#help-en`);
    expect(help?.textContent).toBe('uitleg onder de vraag');
    expect(links.some((a) => a.getAttribute('href') === `${base}/best_practices/opties#opt-1-short-en`)).toBe(true);
    const overview = parse(await (await admin.get(base)).text());
    expect(overview.querySelector(`a[href="/beheer/edities/${Y}/vertalingen"]`)?.textContent).toMatch(/^Vertalingen controleren \(\d+ teksten/);
  });
});
