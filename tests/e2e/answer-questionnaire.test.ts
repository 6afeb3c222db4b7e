// A new respondent fills in the whole 2022 questionnaire in a real browser, with and without JavaScript,
// by role and label only; axe checks every page against WCAG 2.2 AA; the database holds exactly what was answered.
// Set E2E_SHOTS=/some/dir to also save screenshots of the start page, a matrix page and the error state.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonalLink } from '../../src/modules/auth/index.ts';
import { openEdition } from '../../src/modules/editions/index.ts';
import { findResponse, loadAnswers } from '../../src/modules/responses/index.ts';
import { browserErrors, expectNoAxeViolations, launchBrowser, newContext, type RunningApp, startApp } from './browser.ts';

const THEMES = [
  'Signaleren en bespreekbaar maken',
  'Doorbreken en duurzaam aanpakken',
  'Bestuurlijk commitment',
  'Sterk netwerk',
  'Betrek mensen, eenzamen zelf',
  'Duurzame aanpak',
  'Monitoring en evaluatie',
  'Actuele vraag',
  'Uitdagingen en ondersteuningsbehoeften',
];

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await openEdition(app.db, 2022, '2099-12-31', new Date());
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  contexts.push(context);
  context.setDefaultTimeout(10_000); // fail at the step, well before the test's own timeout
  return context.newPage();
}

async function linkFor(code: string): Promise<string> {
  return `${app.baseUrl}/v/${await createPersonalLink(app.db, 2022, code)}`;
}

/** Waits for the page with this main heading, then checks it with axe. */
async function arrive(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  await page.waitForLoadState('load');
  await expectNoAxeViolations(page, `"${heading}" (${new URL(page.url()).pathname.replace(/\/v\/[^/]+/, '/v/…')})`);
}

/** The theme page number n (1-based), reached in order, checked with axe. */
async function theme(page: Page, n: number): Promise<void> {
  await arrive(page, THEMES[n - 1]);
  expect(await page.getByText(`Onderdeel ${n} van ${THEMES.length}`).isVisible()).toBe(true);
}

const question = (page: Page, text: string) => page.getByRole('group', { name: text });
const choose = (page: Page, q: string, option: string) => question(page, q).getByRole('radio', { name: option, exact: true }).check();
const tick = (page: Page, q: string, option: string) => question(page, q).getByRole('checkbox', { name: option, exact: true }).check();
const cell = (page: Page, item: string, option: string) => page.getByRole('radio', { name: `${item}: ${option}`, exact: true }).check();
const isFocused = (_page: Page, locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const saveAndContinue = (page: Page) => page.getByRole('button', { name: 'Opslaan en verder', exact: true }).click();

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

async function storedAnswers(code: string) {
  const r = await findResponse(app.db, 2022, code);
  expect(r?.status).toBe('submitted');
  return Object.fromEntries([...(await loadAnswers(app.db, r!.id))].filter(([, s]) => s.answer).map(([k, s]) => [k, s.answer]));
}

describe('answering the whole 2022 questionnaire in a browser', { timeout: 120_000 }, () => {
  it('with JavaScript: live show_if, error summary takes focus, language switch', async () => {
    const page = await newPage(true);
    const start = await linkFor('GM0363');

    // Start page, once in English and back.
    await page.goto(start);
    await arrive(page, 'Vragenlijst 2022');
    expect(await page.getByText('Voor de gemeente Amsterdam').isVisible()).toBe(true);
    expect(await page.getByText('0 van 4 vragen beantwoord').isVisible()).toBe(true);
    await shot(page, 'start');
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await arrive(page, 'Questionnaire 2022');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByText('For the municipality of Amsterdam').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Identifying loneliness and making it open to discussion' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Lees deze pagina in het Nederlands' }).click();
    await arrive(page, 'Vragenlijst 2022');
    await page.getByRole('link', { name: 'Begin met de vragenlijst' }).click();

    // 1 Signaleren: single choices, a toelichting, one question skipped (signaalpunt).
    await theme(page, 1);
    await choose(page, 'Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?', 'Ja');
    await question(page, 'Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?').getByLabel('Toelichting (optioneel)').fill('Sinds 2019 elk jaar in oktober');
    // The character count follows the typing (30 characters of 4,000).
    expect(await question(page, 'Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?').locator('.char-count').textContent()).toBe('U hebt nog 3.970 tekens over');
    await choose(page, 'Maakt uw gemeente gebruik van het landelijk communicatiemateriaal', 'Nee');
    await choose(page, 'Er is een (al dan niet digitaal) signaleringsnetwerk', 'Ja');
    await saveAndContinue(page);

    // 2 Doorbreken: a matrix; one row answered and then cleared again with "Geen antwoord".
    await theme(page, 2);
    await cell(page, 'Adviseurs Eén tegen eenzaamheid', 'Wordt ingezet');
    await cell(page, "Toolkit 'Campagne en communicatie'", 'Bekend, maar wordt niet ingezet');
    await cell(page, "Toolkit 'Lokale coalitie'", 'Niet bekend');
    await cell(page, "Toolkit 'Huisbezoeken/Over de drempel'", 'Wordt ingezet');
    await cell(page, "Toolkit 'Deskundigheidsbevordering'", 'Bekend, maar wordt niet ingezet');
    await cell(page, "Toolkit 'Interventies'", 'Wordt ingezet');
    await cell(page, "Toolkit 'Interventies'", 'Geen antwoord');
    await cell(page, "Databank 'Effectieve interventies' van Movisie", 'Wordt ingezet');
    await question(page, 'In welke mate worden de volgende producten').getByLabel('Toelichting (optioneel)').fill('De adviseur komt twee keer per jaar langs');
    await shot(page, 'matrix');
    await saveAndContinue(page);

    // 3 Bestuurlijk commitment: "Anders" without text → error summary (focused), link moves focus to the field, fix.
    await theme(page, 3);
    await choose(page, 'Wat beschrijft de bestuurlijke commitment', 'De wethouder zet zich actief in om eenzaamheid te verminderen en te voorkomen');
    const financiering = 'Hoe is in uw gemeente de financiering voor de aanpak van eenzaamheid geregeld?';
    await choose(page, financiering, 'Anders, namelijk');
    await saveAndContinue(page);
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    await page.waitForLoadState('load');
    expect(await page.title()).toMatch(/^Fout: Bestuurlijk commitment/);
    expect(await isFocused(page, summary)).toBe(true);
    await expectNoAxeViolations(page, 'error summary (JS)');
    await shot(page, 'error');
    const otherText = question(page, financiering).getByLabel('Toelichting bij "Anders, namelijk"');
    expect(await otherText.getAttribute('aria-invalid')).toBe('true');
    await summary.getByRole('link', { name: 'Vul in wat u bedoelt met "Anders, namelijk", of kies een ander antwoord' }).click();
    expect(await isFocused(page, otherText)).toBe(true);
    expect(await otherText.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    expect(await question(page, 'Wat beschrijft de bestuurlijke commitment').getByRole('radio', { name: /^De wethouder/ }).isChecked()).toBe(true);
    await otherText.fill('Subsidie van de provincie');
    await saveAndContinue(page);

    // 4 Sterk netwerk: show_if live.
    await theme(page, 4);
    const coalitie = 'Is er een lokale coalitie of lokaal netwerk opgezet';
    const kartrekker = question(page, 'Is er een kartrekker aangewezen');
    const samenstelling = question(page, 'Welke partijen dragen op welke manier bij');
    expect(await kartrekker.isVisible()).toBe(false); // nothing chosen yet
    await choose(page, coalitie, 'Ja, we zijn de samenwerking aan het verkennen en concretiseren');
    await kartrekker.waitFor({ state: 'visible' });
    await kartrekker.getByRole('radio', { name: 'Ja', exact: true }).check();
    await choose(page, coalitie, 'Nee, er is (nog) geen lokale coalitie');
    await kartrekker.waitFor({ state: 'hidden' });
    expect(await samenstelling.isVisible()).toBe(false);
    await choose(page, coalitie, 'Ja, we houden de samenwerking levend en bestendigen deze');
    await kartrekker.waitFor({ state: 'visible' });
    expect(await samenstelling.isVisible()).toBe(true);
    expect(await kartrekker.getByRole('radio', { name: 'Ja', exact: true }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'Sterk netwerk with follow-up questions shown');
    await cell(page, 'Gemeente', 'Kartrekker');
    await cell(page, 'Welzijnsorganisaties', 'Actief betrokken');
    await cell(page, 'Huisartsen en eerstelijnszorg', 'Wordt op de hoogte gehouden');
    await cell(page, 'Ondernemers', 'Niet betrokken');
    await saveAndContinue(page);

    // 5 Betrokkenheid: a multi with "Anders, namelijk" and its text.
    await theme(page, 5);
    await choose(page, 'Vindt in uw gemeente een bezoek plaats aan 75-plussers', 'Ja, een deel van de 75-plussers (bijvoorbeeld bepaalde leeftijden of wijken) krijgt een bezoek aangeboden');
    const uitvoerders = 'Wie voert de huisbezoeken uit?';
    await tick(page, uitvoerders, 'Vrijwilligers');
    await tick(page, uitvoerders, 'Medewerkers van een welzijnsorganisatie');
    await tick(page, uitvoerders, 'Anders, namelijk');
    await question(page, uitvoerders).getByLabel('Toelichting bij "Anders, namelijk"').fill('Buurtcoaches');
    const betrekken = 'Worden eenzame mensen of hun vertegenwoordigers betrokken';
    await choose(page, betrekken, 'Ja, bij de organisatie en ontwikkeling van activiteiten');
    await question(page, betrekken).getByLabel('Toelichting (optioneel)').fill('Via een klankbordgroep');
    await saveAndContinue(page);

    // 6 Duurzame aanpak: the exclusive "Nee" unchecks the others and the other way round.
    await theme(page, 6);
    const bp = 'Maakt uw gemeente gebruik van best practices';
    await tick(page, bp, "Ja, uit de databank 'Effectieve interventies' van Movisie");
    await tick(page, bp, 'Nee, we maken geen gebruik van best practices');
    expect(await question(page, bp).getByRole('checkbox', { name: /Movisie/ }).isChecked()).toBe(false);
    await tick(page, bp, "Ja, uit de databank 'Effectieve interventies' van Movisie");
    expect(await question(page, bp).getByRole('checkbox', { name: /^Nee/ }).isChecked()).toBe(false);
    await tick(page, bp, 'Ja, op basis van ervaringen van andere gemeenten');
    await saveAndContinue(page);

    // 7 Monitoring.
    await theme(page, 7);
    await choose(page, 'De gemeente monitort en evalueert', 'Gedeeltelijk, voor een deel van de activiteiten en projecten');
    await saveAndContinue(page);

    // 8 Actuele vraag: a yes/no matrix, partly answered.
    await theme(page, 8);
    await cell(page, 'Ouderen', 'Ja');
    await cell(page, 'Jongeren', 'Nee');
    await cell(page, 'Mantelzorgers', 'Ja');
    await cell(page, 'LHBTIQ+-personen', 'Nee');
    await saveAndContinue(page);

    // 9 Uitdagingen: last page goes to the review.
    await theme(page, 9);
    const uitdagingen = 'Wat vormen de grootste uitdagingen';
    await tick(page, uitdagingen, 'Een sterk netwerk of lokale coalitie creëren');
    await tick(page, uitdagingen, 'Eenzaamheid signaleren en bespreekbaar maken');
    await tick(page, uitdagingen, 'Anders, namelijk');
    await question(page, uitdagingen).getByLabel('Toelichting bij "Anders, namelijk"').fill('Te weinig vrijwilligers');
    await question(page, uitdagingen).getByLabel('Toelichting (optioneel)').fill('Vooral in de wijken buiten het centrum');
    await page.getByRole('button', { name: 'Opslaan en naar controleren' }).click();

    // Review, submit, confirmation, English.
    await arrive(page, 'Controleer uw antwoorden');
    await shot(page, 'review');
    const review = (await page.getByRole('main').textContent()) ?? '';
    expect(review).toContain('Subsidie van de provincie');
    expect(review).toContain('Buurtcoaches');
    await page.getByRole('button', { name: 'Vragenlijst versturen' }).click();
    await arrive(page, 'Bedankt, uw antwoorden zijn verstuurd');
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await arrive(page, 'Thank you, your answers have been sent');
    await shot(page, 'confirmation-en');
    expect(await page.getByRole('main').textContent()).toContain('Other, namely: Te weinig vrijwilligers');

    expect(await storedAnswers('GM0363')).toEqual({
      week_tegen_eenzaamheid: { value: 'ja', comment: 'Sinds 2019 elk jaar in oktober' },
      communicatiemateriaal: { value: 'nee' },
      signaleringsnetwerk: { value: 'ja' },
      inzet_producten: {
        items: {
          adviseurs: 'ingezet', toolkit_campagne: 'bekend', toolkit_lokale_coalitie: 'onbekend', toolkit_huisbezoeken: 'ingezet',
          toolkit_deskundigheid: 'bekend', databank_movisie: 'ingezet',
        },
        comment: 'De adviseur komt twee keer per jaar langs',
      },
      bestuurlijk_commitment: { value: 'wethouder' },
      financiering: { value: 'anders', other: 'Subsidie van de provincie' },
      lokale_coalitie: { value: 'bestendigen' },
      kartrekker: { value: 'ja' },
      samenstelling_coalitie: { items: { gemeente: 'kartrekker', welzijn: 'actief', huisartsen: 'op_de_hoogte', ondernemers: 'niet' } },
      huisbezoeken_75plus: { value: 'ja_deel' },
      huisbezoeken_uitvoerders: { values: ['vrijwilligers', 'welzijn', 'anders'], other: 'Buurtcoaches' },
      betrekken_doelgroep: { value: 'activiteiten', comment: 'Via een klankbordgroep' },
      best_practices: { values: ['movisie', 'andere_gemeenten'] },
      monitoring: { value: 'deels' },
      doelgroepen: { items: { ouderen: 'ja', jongeren: 'nee', mantelzorgers: 'ja', lhbtiq: 'nee' } },
      uitdagingen: { values: ['sterk_netwerk', 'signaleren', 'anders'], other: 'Te weinig vrijwilligers', comment: 'Vooral in de wijken buiten het centrum' },
    });
    expect(browserErrors(page), 'errors in the browser console').toEqual([]);
  });

  it('without JavaScript: every question shown, the server clears what show_if does not ask, errors link to fields', async () => {
    const page = await newPage(false);
    const start = await linkFor('GM0014');

    await page.goto(start);
    await arrive(page, 'Vragenlijst 2022');
    expect(await page.getByText('Voor de gemeente Groningen').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Begin met de vragenlijst' }).click();

    await theme(page, 1);
    await choose(page, 'Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?', 'Nee');
    await choose(page, 'Maakt uw gemeente gebruik van het landelijk communicatiemateriaal', 'Ja');
    await choose(page, 'Er is een digitaal/telefonisch signaalpunt', 'Ja');
    await question(page, 'Er is een digitaal/telefonisch signaalpunt').getByLabel('Toelichting (optioneel)').fill('Het Sociaal Loket, ook telefonisch');
    await saveAndContinue(page); // signaleringsnetwerk skipped

    await theme(page, 2);
    await cell(page, 'Adviseurs Eén tegen eenzaamheid', 'Bekend, maar wordt niet ingezet');
    await cell(page, "Toolkit 'Interventies'", 'Wordt ingezet');
    await saveAndContinue(page);

    await theme(page, 3);
    await choose(page, 'Wat beschrijft de bestuurlijke commitment', 'Er is een door B&W geaccordeerd uitvoeringsplan of een langetermijnvisie gericht op de aanpak van eenzaamheid');
    await choose(page, 'Hoe is in uw gemeente de financiering', 'Er is structureel budget gereserveerd op de gemeentelijke begroting');
    await saveAndContinue(page);

    // Without JS the follow-up questions are on screen with their hint; answering them anyway changes nothing.
    await theme(page, 4);
    const kartrekker = question(page, 'Is er een kartrekker aangewezen');
    expect(await kartrekker.isVisible()).toBe(true);
    expect(await kartrekker.getByText('Beantwoord deze vraag alleen als u bij "Is er een lokale coalitie').isVisible()).toBe(true);
    await choose(page, 'Is er een lokale coalitie of lokaal netwerk opgezet', 'Nee, er is (nog) geen lokale coalitie');
    await kartrekker.getByRole('radio', { name: 'Ja', exact: true }).check();
    await cell(page, 'Gemeente', 'Actief betrokken');
    // 320 CSS pixels wide (400% zoom): the 15-row matrix reflows, nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.getByRole('radio', { name: 'Onderwijs: Niet betrokken' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'Sterk netwerk at 320px');
    await page.setViewportSize({ width: 1280, height: 900 });
    await saveAndContinue(page);

    await theme(page, 5);
    await choose(page, 'Vindt in uw gemeente een bezoek plaats aan 75-plussers', 'Nee');
    await choose(page, 'Worden eenzame mensen of hun vertegenwoordigers betrokken', 'Nee');
    await saveAndContinue(page);

    await theme(page, 6);
    await tick(page, 'Maakt uw gemeente gebruik van best practices', 'Nee, we maken geen gebruik van best practices');
    await saveAndContinue(page);

    await theme(page, 7);
    await saveAndContinue(page); // the whole page skipped

    await theme(page, 8);
    const doelgroepen: [string, string][] = [
      ['Ouderen', 'Ja'], ['Jongeren', 'Ja'], ['Mensen met (een partner met) gezondheidsproblemen', 'Nee'],
      ['Mensen met een lagere sociaaleconomische status', 'Nee'], ['Mantelzorgers', 'Ja'], ['Mensen met een migratieachtergrond', 'Nee'],
      ['LHBTIQ+-personen', 'Nee'],
    ];
    for (const [item, option] of doelgroepen) await cell(page, item, option);
    await saveAndContinue(page);

    // A text at "Anders" without choosing it: the summary links to the text field; the browser moves focus there.
    await theme(page, 9);
    const uitdagingen = 'Wat vormen de grootste uitdagingen';
    await tick(page, uitdagingen, 'Werken aan een duurzame aanpak');
    const otherText = question(page, uitdagingen).getByLabel('Toelichting bij "Anders, namelijk"');
    await otherText.fill('Draagvlak bij de raad');
    await page.getByRole('button', { name: 'Opslaan en naar controleren' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page, 'error summary (no JS)');
    await summary.getByRole('link', { name: /Kies ook dat antwoord/ }).click();
    expect(await isFocused(page, otherText)).toBe(true);
    expect(await otherText.inputValue()).toBe('Draagvlak bij de raad');
    await tick(page, uitdagingen, 'Anders, namelijk');
    await page.getByRole('button', { name: 'Opslaan en naar controleren' }).click();

    await arrive(page, 'Controleer uw antwoorden');
    expect(await page.getByRole('main').textContent()).toContain('Niet gevraagd'); // kartrekker
    await page.getByRole('button', { name: 'Vragenlijst versturen' }).click();
    await arrive(page, 'Bedankt, uw antwoorden zijn verstuurd');

    expect(await storedAnswers('GM0014')).toEqual({
      week_tegen_eenzaamheid: { value: 'nee' },
      communicatiemateriaal: { value: 'ja' },
      signaalpunt: { value: 'ja', comment: 'Het Sociaal Loket, ook telefonisch' },
      inzet_producten: { items: { adviseurs: 'bekend', toolkit_interventies: 'ingezet' } },
      bestuurlijk_commitment: { value: 'uitvoeringsplan' },
      financiering: { value: 'structureel' },
      lokale_coalitie: { value: 'nee' },
      huisbezoeken_75plus: { value: 'nee' },
      betrekken_doelgroep: { value: 'nee' },
      best_practices: { values: ['nee'] },
      doelgroepen: { items: { ouderen: 'ja', jongeren: 'ja', gezondheidsproblemen: 'nee', lage_ses: 'nee', mantelzorgers: 'ja', migratieachtergrond: 'nee', lhbtiq: 'nee' } },
      uitdagingen: { values: ['duurzame_aanpak', 'anders'], other: 'Draagvlak bij de raad' },
    });
    expect(browserErrors(page), 'errors in the browser console').toEqual([]);
  });

  it('a wrong link gets a clear, accessible page', async () => {
    const page = await newPage(true);
    const res = await page.goto(`${app.baseUrl}/v/${'A'.repeat(43)}`);
    expect(res?.status()).toBe(404);
    await arrive(page, 'Deze link werkt niet');
  });
});
