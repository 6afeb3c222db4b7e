// The questionnaire editor in Chromium with JavaScript off, as the bureau prepares next year's
// edition: a new theme with a multi question that has "Anders, namelijk", a tip, a key result, then
// the previews. Every page is checked with axe (including the pages with errors). A database
// without demo answers, so the 2023 questionnaire can still be changed.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/modules/auth/index.ts';
import { getEdition } from '../../src/modules/editions/index.ts';
import { launchBrowser, newContext } from './browser.ts';
import { arrive, signIn, type StaffApp, staffAccount, startStaffApp } from './staff-helpers.ts';

const NOW = new Date('2023-08-15T08:00:00Z');
let app: StaffApp;
let browser: Browser;
let admin: Account;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startStaffApp({ now: () => NOW }), launchBrowser()]);
  admin = await staffAccount(app.db, 'admin', NOW, 'Bea Beheer');
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

async function pageWithoutScript(): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  await signIn(context, app, admin.id, NOW);
  return context.newPage();
}

/** Dutch and English of a text, in the group named by its legend. */
async function bilingual(scope: Page | Locator, legend: string, nl: string, en = '') {
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Nederlands').fill(nl);
  if (en) await group.getByLabel('Engels').fill(en);
}

describe('the questionnaire editor without JavaScript', { timeout: 180_000 }, () => {
  it('a new theme, a multi question with "Anders", a tip and a key result, then the previews', async () => {
    const page = await pageWithoutScript();
    await page.goto(`${app.baseUrl}/beheer/edities/2023/vragenlijst`);
    await arrive(page, 'Vragenlijst 2023');
    await page.getByRole('link', { name: 'Onderdeel (thema) toevoegen' }).click();
    await arrive(page, 'Onderdeel toevoegen');

    // Nothing filled in: the error summary links to the fields.
    await page.getByRole('button', { name: 'Verder naar de eerste vraag' }).click();
    await arrive(page, 'Onderdeel toevoegen', 'new theme with errors');
    expect(await page.title()).toMatch(/^Fout: /);
    const alert = page.getByRole('alert');
    expect(await alert.getByRole('link').count()).toBe(6);
    await alert.getByRole('link', { name: 'Vul de Nederlandse tekst in van de titel van het onderdeel' }).click();
    await page.waitForURL(/#thema-title-nl$/);

    await page.getByLabel('Sleutel van het onderdeel').fill('digitaal');
    await page.getByRole('radio', { name: 'Actualiteit' }).check();
    await bilingual(page, 'Titel', 'Digitale inclusie', 'Digital inclusion');
    await bilingual(page, 'Korte titel', 'Digitaal', 'Digital');
    await bilingual(page, 'Inleiding', 'Hoe bereikt de gemeente ouderen die niet digitaal zijn?', 'How does the municipality reach older people who are not online?');
    await page.getByRole('radio', { name: 'meer antwoorden' }).check();
    await page.getByRole('button', { name: 'Verder naar de eerste vraag' }).click();
    await arrive(page, 'Eerste vraag van het nieuwe onderdeel');
    expect(await page.getByText('Nieuw onderdeel "Digitale inclusie" (sleutel digitaal)').count()).toBe(1);

    await page.getByLabel('Sleutel van de vraag').fill('digitale_kanalen');
    await bilingual(page, 'Vraagtekst', 'Via welke kanalen bereikt uw gemeente ouderen zonder internet?', 'Through which channels does your municipality reach older people without internet?');
    await bilingual(page, 'Uitleg onder de vraag (optioneel)', 'Kies alles wat uw gemeente gebruikt.', 'Choose everything your municipality uses.');
    const first = page.getByRole('group', { name: 'Antwoordoptie 1', exact: true });
    await first.getByLabel('Code').fill('huisbezoek');
    await bilingual(first, 'Antwoord', 'Huisbezoek', 'Home visit');
    const second = page.getByRole('group', { name: 'Antwoordoptie 2', exact: true });
    await second.getByLabel('Code').fill('anders');
    await bilingual(second, 'Antwoord', 'Anders, namelijk', 'Other, namely');
    await second.getByRole('checkbox', { name: 'Anders, namelijk' }).check();
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await arrive(page, 'Vraag 18');
    expect(await page.getByRole('main').getByRole('status').textContent()).toBe('Het onderdeel en vraag "digitale_kanalen" zijn toegevoegd.');

    // A tip for "Huisbezoek".
    await page.getByRole('link', { name: 'Wijzig Tips' }).click();
    await arrive(page, 'Tips bij vraag 18');
    const tip = page.getByRole('group', { name: 'Tekst van de tip (optioneel)' }).first();
    await tip.getByLabel('Nederlands').fill('Huisbezoeken bereiken wie niet online is.');
    await page.getByLabel('Webadres').first().fill('notaurl');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await arrive(page, 'Tips bij vraag 18', 'tips with an error');
    await page.getByLabel('Webadres').first().fill('https://www.eentegeneenzaamheid.nl/huisbezoeken');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await arrive(page, 'Vraag 18', 'question after saving tips');
    expect(await page.getByRole('main').getByRole('status').textContent()).toBe('De tips zijn opgeslagen.');

    // A key result: a multi question counts exactly one answer (radios).
    const kr = page.getByRole('region', { name: 'Kernresultaten in de landelijke samenvatting' });
    await kr.getByRole('radio', { name: 'Huisbezoek (huisbezoek)' }).check();
    await bilingual(kr, 'Zin', 'bereiken ouderen zonder internet met huisbezoeken', 'reach older people without internet through home visits');
    await kr.getByRole('button', { name: 'Kernresultaat toevoegen' }).click();
    await arrive(page, 'Vraag 18', 'question after adding a key result');
    expect(await page.getByRole('main').getByRole('status').textContent()).toBe('Het kernresultaat is toegevoegd.');
    expect(await page.getByText('N gemeenten bereiken ouderen zonder internet met huisbezoeken').count()).toBe(1);

    // The preview is the respondent's question, read-only.
    await page.getByRole('link', { name: 'Voorbeeld bekijken' }).click();
    await arrive(page, 'Voorbeeld van vraag 18');
    const preview = page.getByRole('region', { name: 'Voorbeeld' });
    const question = preview.getByRole('group', { name: /^18\. Via welke kanalen/ });
    expect(await question.getByRole('checkbox', { name: 'Anders, namelijk' }).isDisabled()).toBe(true);
    expect(await preview.getByText('Kies alles wat uw gemeente gebruikt.').count()).toBe(1);
    expect(await preview.getByLabel('Toelichting bij "Anders, namelijk"').count()).toBe(1);

    // The theme page's preview, from the overview.
    await page.getByRole('link', { name: 'Vragenlijst 2023' }).click();
    await arrive(page, 'Vragenlijst 2023', 'overview with the new theme');
    await page.getByRole('link', { name: 'Voorbeeld van de pagina Actualiteit: Digitale inclusie' }).click();
    await arrive(page, 'Voorbeeld: Actualiteit: Digitale inclusie');
    expect(await page.getByRole('region', { name: 'Voorbeeld' }).getByRole('heading', { level: 2, name: 'Digitale inclusie' }).count()).toBe(1);

    const qn = (await getEdition(app.db, 2023))!.questionnaire;
    const q = qn.questions.find((x) => x.key === 'digitale_kanalen');
    expect(q).toMatchObject({ theme: 'digitaal', type: 'multi', help: { nl: 'Kies alles wat uw gemeente gebruikt.' } });
    expect(q?.options?.find((o) => o.code === 'anders')?.other).toBe(true);
    expect(q?.tips?.huisbezoek?.url).toBe('https://www.eentegeneenzaamheid.nl/huisbezoeken');
    expect(qn.keyResults?.at(-1)).toEqual({ question: 'digitale_kanalen', options: ['huisbezoek'], text: { nl: 'bereiken ouderen zonder internet met huisbezoeken', en: 'reach older people without internet through home visits' } });
  });

  it('with JavaScript: the steps of show_if and lineage, a new matrix question, and pages with errors pass axe', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    contexts.push(context);
    context.setDefaultTimeout(15_000);
    await signIn(context, app, admin.id, NOW);
    const page = await context.newPage();
    const base = `${app.baseUrl}/beheer/edities/2023/vragenlijst`;
    for (const [path, heading] of [
      ['kartrekker/voorwaarde?vraag=lokale_coalitie', 'Voorwaarde bij vraag 9'],
      ['financiering/herkomst?soort=replaces', 'Herkomst van vraag 7'],
      ['financiering/herkomst?soort=replaces&van=budget_status', 'Herkomst van vraag 7'],
      ['financiering/herkomst?soort=merges', 'Herkomst van vraag 7'],
      ['financiering/herkomst?soort=merges&van=budget_status&van=corona_aanpak', 'Herkomst van vraag 7'],
      ['financiering/herkomst?soort=none', 'Herkomst van vraag 7'],
      ['nieuwe-vraag?thema=sterk_netwerk&soort=matrix', 'Vraag toevoegen'],
      ['nieuwe-vraag?thema=sterk_netwerk&soort=single', 'Vraag toevoegen'],
      ['financiering/verwijderen', 'Vraag "financiering" verwijderen?'],
    ] as const) {
      await page.goto(`${base}/${path}`);
      await arrive(page, heading, `editor ${path}`);
    }
    await page.goto(`${app.baseUrl}/beheer/edities/2023/themas/signaleren/verwijderen`);
    await arrive(page, 'Onderdeel "Signaleren en bespreekbaar maken" verwijderen?');

    // Options with mistakes: an invalid code and a renamed code that show_if uses.
    await page.goto(`${base}/lokale_coalitie/opties`);
    await arrive(page, 'Antwoordopties van vraag 8');
    await page.getByRole('group', { name: /^Antwoordoptie 1:/ }).getByLabel('Code').fill('Nee!');
    await page.getByRole('group', { name: /^Antwoordoptie 2:/ }).getByLabel('Code').fill('begonnen');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).last().click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Antwoordopties van vraag 8', 'options with errors');
    expect(await page.getByRole('alert').getByRole('link').count()).toBe(2);
    expect(await page.getByRole('alert').textContent()).toContain('de voorwaarde van vraag "kartrekker"');

    // A key result without an answer or a sentence.
    await page.goto(`${base}/monitoring`);
    await page.getByRole('button', { name: 'Kernresultaat toevoegen' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Vraag 15', 'a key result with errors');
  });
});
