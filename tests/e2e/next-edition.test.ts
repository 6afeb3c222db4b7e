// Issue 17's proof in Chromium: the bureau prepares next year's edition without a developer, web
// only. It imports the 2025 register (with a merger), creates 2024 and then 2025 from 2024, and in
// the editor: removes three questions, adds "meldpunt" that replaces "signaalpunt" (an option
// mapping), "week_campagne" that merges two questions, and a topical multi question with "Anders",
// a tip, a key result and status rules. It opens the edition; three municipalities answer in the
// browser (one without JavaScript) and the bureau imports three paper questionnaires; it closes and
// publishes. The national results, the national PDF, a factsheet and a web report then show the new
// question, its key result and tip, one trend across the rename and the merge, and "niet gevraagd"
// for 2022. Every page on the way is checked with axe. 2022 (published, six municipalities) is the
// history; its figures, worked out by hand, are in tests/next-edition-reports.test.ts too.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/modules/auth/index.ts';
import { createPersonalLink } from '../../src/modules/auth/index.ts';
import { getEdition, publishEdition } from '../../src/modules/editions/index.ts';
import { A2022, storeSubmitted } from '../next-edition-fixtures.ts';
import { fixture, geo2025 } from '../register-fixtures.ts';
import { launchBrowser, newContext } from './browser.ts';
import { pdfText } from './reports-helpers.ts';
import { arrive, signIn, type StaffApp, staffAccount, startStaffApp } from './staff-helpers.ts';

const NOW = new Date('2025-03-10T09:00:00Z');
let app: StaffApp;
let browser: Browser;
let admin: Account;
const contexts: BrowserContext[] = [];

const Q = {
  week: 'Doet uw gemeente mee aan de Week tegen Eenzaamheid en gebruikt zij het campagnemateriaal?',
  meld: 'Heeft uw gemeente een meldpunt voor eenzaamheid?',
  ai: 'Zet uw gemeente digitale middelen of AI in tegen eenzaamheid?',
};

beforeAll(async () => {
  [app, browser] = await Promise.all([startStaffApp({ now: () => NOW }), launchBrowser()]);
  admin = await staffAccount(app.db, 'admin', NOW, 'Bea Beheer');
  await storeSubmitted(app.db, 2022, A2022, NOW); // the history (tests/next-edition-fixtures.ts)
  await publishEdition(app.db, 2022, NOW);
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

async function newPage(javaScriptEnabled = true): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

const fill = async (page: Page, values: Record<string, string>) => {
  for (const [id, value] of Object.entries(values)) await page.locator(`#${id}`).fill(value);
};
const submit = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

/** Step two of "Vraag toevoegen" in theme signaleren: key, text, short label and option rows (code, nl, en, status, exclusive/other). */
async function addQuestion(page: Page, base: string, type: 'single' | 'multi', key: string, text: [string, string], short: [string, string],
  options: Array<[code: string, nl: string, en: string, status: string, flag?: 'exclusive' | 'other']>): Promise<void> {
  await page.goto(`${base}/vragenlijst/nieuwe-vraag?thema=signaleren&soort=${type}`);
  await arrive(page, 'Vraag toevoegen', `new ${type} question`);
  await fill(page, { sleutel: key, 'text-nl': text[0], 'text-en': text[1], 'short-nl': short[0], 'short-en': short[1] });
  for (const [i, [code, nl, en, status, flag]] of options.entries()) {
    await fill(page, { [`opt-${i}-code`]: code, [`opt-${i}-label-nl`]: nl, [`opt-${i}-label-en`]: en });
    await page.locator(`#opt-${i}-status`).selectOption(status);
    if (flag) await page.locator(`#opt-${i}-${flag}`).check();
  }
  await submit(page, 'Vraag toevoegen');
  await arrive(page, /^Vraag \d+$/, `question ${key} added`);
}

/** On a question's page: a key result counting `option`, with its sentence. */
async function addKeyResult(page: Page, role: 'radio' | 'checkbox', option: string, nl: string, en: string): Promise<void> {
  const kr = page.getByRole('region', { name: 'Kernresultaten in de landelijke samenvatting' });
  await kr.getByRole(role, { name: option }).check();
  await kr.getByRole('group', { name: 'Zin', exact: true }).getByLabel('Nederlands').fill(nl);
  await kr.getByRole('group', { name: 'Zin', exact: true }).getByLabel('Engels').fill(en);
  await submit(page, 'Kernresultaat toevoegen');
  await arrive(page, /^Vraag \d+$/, `key result "${nl}" added`);
}

async function removeQuestion(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/vragenlijst/${key}/verwijderen`);
  await arrive(page, `Vraag "${key}" verwijderen?`);
  await submit(page, 'Verwijder deze vraag');
  await page.waitForLoadState('load');
  expect((await getEdition(app.db, 2025))?.questionnaire.questions.some((q) => q.key === key)).toBe(false);
}

/** A municipality answers the first theme page in the browser and sends the questionnaire. */
async function answer(page: Page, code: string, choose: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(`${app.baseUrl}/v/${await createPersonalLink(app.db, 2025, code)}`);
  await arrive(page, 'Vragenlijst 2025', `start page ${code}`);
  const start = page.url();
  await page.getByRole('link', { name: 'Begin met de vragenlijst' }).click();
  await arrive(page, 'Signaleren en bespreekbaar maken', `theme page ${code}`);
  await choose(page);
  await submit(page, 'Opslaan en verder');
  await arrive(page, 'Doorbreken en duurzaam aanpakken', `second theme page ${code}`);
  await page.goto(start);
  await page.getByRole('link', { name: 'Controleer en verstuur uw antwoorden' }).click();
  await arrive(page, 'Controleer uw antwoorden', `check page ${code}`);
  await submit(page, 'Vragenlijst versturen');
  await arrive(page, 'Bedankt, uw antwoorden zijn verstuurd', `done ${code}`);
}
const group = (page: Page, text: string) => page.getByRole('group', { name: text });
const radio = (page: Page, q: string, option: string) => group(page, q).getByRole('radio', { name: option, exact: true }).check();
const tick = (page: Page, q: string, option: string) => group(page, q).getByRole('checkbox', { name: option, exact: true }).check();

describe('the bureau runs the 2025 edition without a developer', { timeout: 600_000 }, () => {
  it('register, edition, questionnaire, fieldwork and publication, then every output', async () => {
    const page = await newPage();
    await signIn(page.context(), app, admin.id, NOW);

    // 1. The 2025 register, with the merger of Middelburg and Veere.
    await page.goto(`${app.baseUrl}/beheer/indeling`);
    await arrive(page, 'Gemeentelijke indeling');
    await page.getByLabel('Jaar van de indeling').fill('2025');
    const asFile = (f: { name: string; bytes: Uint8Array }, mimeType: string) => ({ name: f.name, mimeType, buffer: Buffer.from(f.bytes) });
    await page.getByLabel('Gemeenten (CSV, verplicht)').setInputFiles(asFile(fixture('municipalities-2025.csv'), 'text/csv'));
    await page.getByLabel('Herindelingen (CSV, niet verplicht)').setInputFiles(asFile(fixture('mergers-2025.csv'), 'text/csv'));
    await page.getByLabel('Kaart (TopoJSON of GeoJSON, niet verplicht)').setInputFiles(asFile(geo2025(), 'application/json'));
    await submit(page, 'Controleren');
    await arrive(page, 'Controle van de indeling 2025');
    await submit(page, 'Importeer de indeling van 2025');
    await arrive(page, 'Gemeentelijke indeling', 'register imported');
    expect(await page.getByRole('main').getByRole('status').textContent()).toContain('De gemeentelijke indeling van 2025 is geïmporteerd');

    // 2. 2024 from 2023, then 2025 from 2024.
    await page.goto(`${app.baseUrl}/beheer/edities`);
    await arrive(page, 'Edities');
    await submit(page, 'Maak editie 2024 aan');
    await page.waitForLoadState('load');
    await page.goto(`${app.baseUrl}/beheer/edities`);
    await submit(page, 'Maak editie 2025 aan');
    await page.waitForLoadState('load');
    const copied = (await getEdition(app.db, 2025))!.questionnaire;
    expect(copied.questions.every((q) => q.continues === q.key)).toBe(true);

    // 3. The questionnaire: out go signaalpunt and the two Week questions ...
    const base = `${app.baseUrl}/beheer/edities/2025`;
    for (const key of ['signaalpunt', 'week_tegen_eenzaamheid', 'communicatiemateriaal']) await removeQuestion(page, base, key);

    // ... "meldpunt" replaces signaalpunt, with a new option and the old codes mapped ...
    await addQuestion(page, base, 'single', 'meldpunt', [Q.meld, 'Does your municipality have a reporting point for loneliness?'], ['Meldpunt voor eenzaamheid', 'Reporting point'], [
      ['ja', 'Ja', 'Yes', 'ok'], ['nee', 'Nee', 'No', 'not'], ['in_ontwikkeling', 'In ontwikkeling', 'Being developed', 'partial'],
    ]);
    await page.goto(`${base}/vragenlijst/meldpunt/herkomst`);
    await arrive(page, /^Herkomst van vraag \d+$/, 'lineage: the kind');
    await page.getByRole('radio', { name: 'Vervangt een eerdere vraag' }).check();
    await submit(page, 'Verder');
    await arrive(page, /^Herkomst van vraag \d+$/, 'lineage: which question');
    await page.getByLabel('Eerdere vraag').selectOption('signaalpunt');
    await submit(page, 'Verder');
    await arrive(page, /^Herkomst van vraag \d+$/, 'lineage: the mapping');
    await page.locator('#map-0-ja').selectOption('ja');
    await page.locator('#map-0-nee').selectOption('nee');
    await submit(page, 'Opslaan');
    await arrive(page, /^(Vraag|Herkomst van vraag) \d+$/, 'lineage saved');
    // signaalpunt's key result went with it: meldpunt gets its own
    await page.goto(`${base}/vragenlijst/meldpunt`);
    await addKeyResult(page, 'checkbox', 'Ja (ja)', 'hebben een meldpunt voor eenzaamheid', 'have a reporting point for loneliness');

    // ... "week_campagne" merges the two Week questions ...
    await addQuestion(page, base, 'multi', 'week_campagne', [Q.week, 'Does your municipality take part in the Week and use its campaign material?'], ['Week tegen Eenzaamheid', 'Week against Loneliness'], [
      ['meedoen', 'Wij doen mee aan de Week', 'We take part in the Week', 'ok'],
      ['materiaal', 'Wij gebruiken het campagnemateriaal', 'We use the campaign material', 'ok'],
      ['geen', 'Geen van beide', 'Neither', 'not', 'exclusive'],
    ]);
    await page.goto(`${base}/vragenlijst/week_campagne/herkomst?soort=merges&van=week_tegen_eenzaamheid&van=communicatiemateriaal`);
    await arrive(page, /^Herkomst van vraag \d+$/, 'merge: the mapping');
    await page.locator('#map-0-ja').selectOption('meedoen');
    await page.locator('#map-0-nee').selectOption('geen');
    await page.locator('#map-1-ja').selectOption('materiaal');
    await page.locator('#map-1-nee').selectOption('geen');
    await submit(page, 'Opslaan');
    await page.waitForLoadState('load');

    // ... and the topical question, with "Anders", a tip, a key result and status rules.
    await addQuestion(page, base, 'multi', 'ai_inzet', [Q.ai, 'Does your municipality use digital means or AI against loneliness?'], ['Digitale middelen en AI', 'Digital means and AI'], [
      ['chatbot', 'Een chatbot of digitale buddy', 'A chatbot or digital buddy', 'ok'],
      ['signalering_data', 'Signalering met data', 'Spotting with data', 'ok'],
      ['anders', 'Anders, namelijk', 'Other, namely', 'neutral', 'other'],
      ['nee', 'Nee, nog niet', 'No, not yet', 'not', 'exclusive'],
    ]);
    await page.goto(`${base}/vragenlijst/ai_inzet/tips`);
    await arrive(page, /^Tips bij vraag \d+$/);
    await fill(page, { 'tip-nee-nl': 'Kijk hoe andere gemeenten digitale middelen inzetten tegen eenzaamheid.', 'tip-nee-en': 'See how other municipalities use digital means.', 'tip-nee-url': 'https://www.eentegeneenzaamheid.nl/digitaal' });
    await submit(page, 'Opslaan');
    await arrive(page, /^Vraag \d+$/, 'tip saved');
    await addKeyResult(page, 'radio', 'Een chatbot of digitale buddy (chatbot)', 'zetten een chatbot of digitale buddy in', 'use a chatbot or digital buddy');

    const qn = (await getEdition(app.db, 2025))!.questionnaire;
    const q = (key: string) => qn.questions.find((x) => x.key === key);
    expect(q('meldpunt')?.replaces).toEqual({ key: 'signaalpunt', options: { ja: 'ja', nee: 'nee' } });
    expect(q('week_campagne')?.merges).toEqual([
      { key: 'week_tegen_eenzaamheid', options: { ja: 'meedoen', nee: 'geen' } },
      { key: 'communicatiemateriaal', options: { ja: 'materiaal', nee: 'geen' } },
    ]);
    expect(q('ai_inzet')?.options?.map((o) => [o.code, o.status, o.other ?? false, o.exclusive ?? false])).toEqual([
      ['chatbot', 'ok', false, false], ['signalering_data', 'ok', false, false], ['anders', 'neutral', true, false], ['nee', 'not', false, true],
    ]);
    expect(qn.keyResults?.at(-1)).toEqual({ question: 'ai_inzet', options: ['chatbot'], text: { nl: 'zetten een chatbot of digitale buddy in', en: 'use a chatbot or digital buddy' } });

    // 4. Open the edition.
    await page.goto(base);
    await arrive(page, 'Editie 2025');
    await page.getByLabel('Opent op').fill('2025-03-10');
    await page.getByLabel('Laatste dag om in te vullen').fill('2025-06-30');
    await submit(page, 'Planning opslaan');
    await page.waitForLoadState('load');
    await page.getByRole('link', { name: 'Editie openen' }).or(page.getByRole('button', { name: 'Editie openen' })).click();
    await arrive(page, 'Editie 2025 openen?');
    await submit(page, 'Ja, open editie 2025');
    await page.waitForLoadState('load');

    // 5. Three municipalities answer in the browser, one of them without JavaScript ...
    await answer(await newPage(), 'GM0014', async (p) => {
      await tick(p, Q.week, 'Wij doen mee aan de Week');
      await radio(p, Q.meld, 'Ja');
      await tick(p, Q.ai, 'Een chatbot of digitale buddy');
    });
    await answer(await newPage(), 'GM0344', async (p) => {
      await tick(p, Q.week, 'Wij doen mee aan de Week');
      await tick(p, Q.week, 'Wij gebruiken het campagnemateriaal');
      await radio(p, Q.meld, 'Ja');
      await tick(p, Q.ai, 'Nee, nog niet');
    });
    await answer(await newPage(false), 'GM0363', async (p) => {
      await tick(p, Q.week, 'Geen van beide');
      await radio(p, Q.meld, 'Nee');
      await tick(p, Q.ai, 'Anders, namelijk');
      await group(p, Q.ai).getByLabel('Toelichting bij "Anders, namelijk"').fill('Beeldbellen met vrijwilligers');
    });

    // ... and the bureau imports three questionnaires that came in on paper.
    const csv = [
      'edition,municipality_code,question,item,value,other_text,comment',
      '2025,GM0307,week_campagne,,materiaal,,', '2025,GM0307,meldpunt,,ja,,', '2025,GM0307,ai_inzet,,chatbot,,', '2025,GM0307,ai_inzet,,signalering_data,,',
      '2025,GM0599,week_campagne,,meedoen,,', '2025,GM0599,meldpunt,,in_ontwikkeling,,', '2025,GM0599,ai_inzet,,nee,,',
      '2025,GM0518,week_campagne,,meedoen,,', '2025,GM0518,meldpunt,,ja,,', '2025,GM0518,ai_inzet,,nee,,',
    ].join('\r\n');
    await page.goto(`${app.baseUrl}/beheer/gegevens`);
    await arrive(page, 'Gegevens: exporteren en importeren');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'papier-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await submit(page, 'Controleren');
    await page.getByRole('button', { name: 'Importeren', exact: true }).waitFor();
    await page.waitForLoadState('load');
    await submit(page, 'Importeren');
    await page.waitForLoadState('load');
    const submitted = await app.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM responses WHERE edition = 2025 AND submitted_at IS NOT NULL`);
    expect(submitted?.n).toBe(6);

    // 6. Close and publish.
    for (const [button, title, confirm] of [
      ['Editie sluiten', 'Editie 2025 sluiten?', /^Ja, sluit editie 2025$/],
      // with few responses the page says so and the button names their number
      ['Resultaten publiceren', 'Resultaten van editie 2025 publiceren?', /^Ja, publiceer editie 2025( met 6 antwoorden)?$/],
    ] as const) {
      await page.goto(base);
      await page.getByRole('link', { name: button }).or(page.getByRole('button', { name: button })).click();
      await arrive(page, title);
      await page.getByRole('button', { name: confirm }).click();
      await page.waitForLoadState('load');
    }
    expect((await getEdition(app.db, 2025))?.publishedAt).not.toBeNull();

    // 7. What comes out. The public summary: the new key result (2 of 6 chose the chatbot).
    const pub = await newPage();
    await pub.goto(`${app.baseUrl}/resultaten/2025`);
    await arrive(pub, /2025/, 'public summary 2025');
    const summary = (await pub.getByRole('main').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(summary).toContain('2 van de 6 gemeenten (33,3%) zetten een chatbot of digitale buddy in.');
    expect(summary).toContain('4 van de 6 gemeenten (66,7%) hebben een meldpunt voor eenzaamheid.'); // 2022 (signaalpunt): 4 of 6 too

    // The theme page: one trend across the merge and the rename, "niet gevraagd" before the new question.
    await pub.goto(`${app.baseUrl}/resultaten/2025/thema/signaleren`);
    await arrive(pub, /Signaleren/, 'public theme page 2025');
    const tables = await pub.getByRole('table').allTextContents();
    const table = (label: string) => (tables.find((t) => t.includes(label)) ?? '').replace(/\s+/g, ' ');
    expect(table('Een chatbot of digitale buddy')).toContain('niet gevraagd');
    expect(table('Een chatbot of digitale buddy')).toContain('33,3% (2)');
    expect(table('Wij doen mee aan de Week')).toContain('60,0% (3)'); // 2022: week_tegen_eenzaamheid "ja" of 5 who answered either
    expect(table('Wij doen mee aan de Week')).toContain('66,7% (4)'); // 2025
    expect(table('In ontwikkeling')).toContain('66,7% (4)'); // meldpunt "ja": 2022 (signaalpunt) and 2025 both 4 of 6
    const main = (await pub.getByRole('main').textContent()) ?? '';
    expect(main).toContain('samengevoegd uit meer vragen');
    expect(main).not.toContain('Beeldbellen'); // an "Anders" text never reaches a public page

    // The national PDF, a factsheet and a web report.
    const national = pdfText(Buffer.from(await (await pub.request.get(`${app.baseUrl}/resultaten/2025/rapport.pdf`)).body()));
    expect(national).toContain(Q.ai);
    expect(national).toContain('zetten een chatbot of digitale buddy in');
    const factsheet = pdfText(Buffer.from(await (await page.request.get(`${app.baseUrl}/beheer/factsheet/2025/GM0344.pdf`)).body()));
    expect(factsheet).toContain('Digitale middelen en AI');
    expect(factsheet).toContain('Week tegen Eenzaamheid');
    await page.goto(`${app.baseUrl}/beheer/rapport/2025/GM0344`);
    await arrive(page, /Utrecht/, 'web report GM0344');
    const report = (await page.getByRole('main').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(report).toContain('Kijk hoe andere gemeenten digitale middelen inzetten tegen eenzaamheid.');
    expect(report).toContain('Nieuw in 2025: in eerdere edities niet gevraagd.');
    expect(report).toContain('vraag toen anders gesteld'); // meldpunt's history: signaalpunt in 2022
  });
});
