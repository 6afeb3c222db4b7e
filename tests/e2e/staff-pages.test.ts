// Every administration page each role reaches from the menu, in Chromium with the demo data loaded,
// checked with axe against WCAG 2.2 AA; plus the pages one level deeper (an edition's fieldwork
// pages, an advisor's overview, the call list and the log-a-call page). For every role also one
// round with JavaScript off: the menu is plain links and works without it.
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Role } from '../../src/modules/auth/index.ts';
import { loadDemo } from '../../src/modules/demo/index.ts';
import { geo2025 } from '../register-fixtures.ts';
import { launchBrowser, newContext } from './browser.ts';
import { adminMenu, arrive, signIn, type StaffApp, staffAccount, startStaffApp } from './staff-helpers.ts';

const NOW = new Date('2023-09-15T08:00:00Z');
const now = () => NOW;

let app: StaffApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const accounts = {} as Record<Role, Account>;
/** The advisor's region: 2022 municipalities that had not submitted, then two that had. */
let region: { code: string; name: string; submitted: boolean }[] = [];
const ADVISOR = 'Fenna Veld';

beforeAll(async () => {
  [app, browser] = await Promise.all([startStaffApp({ now }), launchBrowser()]);
  await loadDemo(app.db, { now: NOW });
  accounts.admin = await staffAccount(app.db, 'admin', NOW, 'Bea Beheer');
  accounts.ministry = await staffAccount(app.db, 'ministry', NOW, 'Mo Ministerie');
  accounts.advisor = await staffAccount(app.db, 'advisor', NOW, ADVISOR);
  // A region of five: three 2022 non-responders (so the call list has rows) and two that submitted.
  region = await app.db.query<{ code: string; name: string; submitted: boolean }>(
    `(SELECT i.municipality_code AS code, m.name, false AS submitted FROM invitations i
        JOIN municipalities m ON m.year = 2022 AND m.code = i.municipality_code
        LEFT JOIN responses r ON r.edition = i.edition AND r.municipality_code = i.municipality_code
       WHERE i.edition = 2022 AND r.submitted_at IS NULL ORDER BY i.municipality_code LIMIT 3)
     UNION ALL
     (SELECT r.municipality_code, m.name, true FROM responses r JOIN municipalities m ON m.year = 2022 AND m.code = r.municipality_code
       WHERE r.edition = 2022 AND r.submitted_at IS NOT NULL ORDER BY r.municipality_code LIMIT 2)`,
  );
  expect(region).toHaveLength(5);
  const advisor = await app.db.one<{ id: number }>(
    'INSERT INTO advisors (name, email, phone, account_id) VALUES ($1, $2, $3, $4) RETURNING id',
    [ADVISOR, accounts.advisor.email, '06 1234 5678', accounts.advisor.id],
  );
  await app.db.query(
    `INSERT INTO advisor_municipalities (municipality_code, advisor_id) SELECT unnest($1::text[]), $2
     ON CONFLICT (municipality_code) DO UPDATE SET advisor_id = excluded.advisor_id`,
    [region.map((m) => m.code), advisor!.id],
  );
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

async function pageAs(role: Role, javaScriptEnabled = true): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  await signIn(context, app, accounts[role].id, NOW);
  return context.newPage();
}

/** The page as it is now has one main heading; checked with axe. Returns the heading. */
async function checkHere(page: Page, what: string): Promise<string> {
  await page.waitForLoadState('load');
  const h1 = page.getByRole('heading', { level: 1 });
  expect(await h1.count(), `one h1 on ${what}`).toBe(1);
  const heading = ((await h1.textContent()) ?? '').trim();
  await arrive(page, heading, what);
  return heading;
}

/** Follows every link of the admin menu in turn; each page is checked with axe. Returns [link, h1]. */
async function visitMenu(page: Page): Promise<[string, string][]> {
  const labels = (await adminMenu(page).getByRole('link').allTextContents()).map((s) => s.trim());
  const seen: [string, string][] = [];
  for (const label of labels) {
    await adminMenu(page).getByRole('link', { name: label, exact: true }).click();
    const heading = await checkHere(page, `the page behind menu "${label}"`);
    // The menu marks where we are (menu pages that redirect elsewhere mark nothing).
    const current = adminMenu(page).locator('[aria-current="page"]');
    if (await current.count()) expect((await current.textContent())?.trim()).toBe(label);
    seen.push([label, heading]);
  }
  return seen;
}

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const status = (page: Page) => page.getByRole('status').first();
// The municipality is visually hidden in the link text; Chromium puts a space before its colon.
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const logCallLink = (page: Page, name: string) => page.getByRole('link', { name: new RegExp(`^Gesprek vastleggen ?: ${escapeRegExp(name)}$`) });

describe('every staff page passes axe', { timeout: 240_000 }, () => {
  it('the bureau (admin): the whole menu, an edition\'s fieldwork pages, an advisor, the call list and a call', async () => {
    const page = await pageAs('admin');
    await page.goto(`${app.baseUrl}/beheer`);
    await arrive(page, 'Welkom, Bea Beheer');
    expect(await visitMenu(page)).toEqual([
      ['Start', 'Welkom, Bea Beheer'],
      ['Accounts', 'Accounts'],
      ['Edities', 'Edities'],
      ['Gemeenten', 'Gemeenten – editie 2023'],
      ['Veldwerk', 'Veldwerk'],
      ['Outbox', 'Outbox'],
      ['Adviseurs', 'Adviseurs en hun gemeenten'],
      ['Bellijst', 'Bellijst 2023'],
      ['Respons', 'Respons 2023'],
      ['Factsheets', 'Factsheets'],
      ['Gemeentelijke indeling', 'Gemeentelijke indeling'],
      ['Wijkcijfers eenzaamheid', 'Eenzaamheidscijfers per wijk'],
      ['Privacy', 'Privacy (AVG)'],
      ['Gegevens', 'Gegevens: exporteren en importeren'],
    ]);

    // Veldwerk → the 2022 edition's contacts (the demo's contact list), invitations, e-mail texts and a preview.
    await adminMenu(page).getByRole('link', { name: 'Veldwerk', exact: true }).click();
    await page.getByRole('link', { name: 'Contactpersonen 2022' }).click();
    await arrive(page, 'Contactpersonen 2022');
    await page.getByRole('navigation', { name: 'Veldwerk 2022' }).getByRole('link', { name: 'Uitnodigen en herinneren' }).click();
    await arrive(page, 'Uitnodigen en herinneren 2022');
    await page.getByRole('navigation', { name: 'Veldwerk 2022' }).getByRole('link', { name: 'E-mailteksten' }).click();
    await arrive(page, 'E-mailteksten 2022');
    await page.getByRole('button', { name: 'Voorbeeld van de uitnodiging bekijken' }).click();
    await page.getByRole('heading', { name: /^Voorbeeld: Uitnodiging voor / }).waitFor();
    await arrive(page, 'E-mailteksten 2022', 'e-mail texts with a preview');
    await page.getByRole('navigation', { name: 'Veldwerk 2022' }).getByRole('link', { name: 'Outbox' }).click();
    await arrive(page, 'Outbox', 'outbox of 2022');

    // 2023 is open: before bulk mail the recipients and the message; reminders planned for later.
    await page.goto(`${app.baseUrl}/beheer/edities/2023/uitnodigen`);
    await arrive(page, 'Uitnodigen en herinneren 2023');
    await page.getByRole('button', { name: 'Verstuur uitnodigingen' }).click();
    await arrive(page, 'Uitnodigingen versturen 2023', 'invitations: who gets what');
    await page.goto(`${app.baseUrl}/beheer/edities/2023/uitnodigen`);
    await page.getByRole('button', { name: 'Verstuur herinneringen' }).click();
    await arrive(page, 'Herinneringen versturen 2023', 'reminders: who gets what, and planning');
    await page.getByRole('button', { name: 'Herinneringen plannen' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Herinneringen versturen 2023', 'reminders: planned without a date');
    await page.getByLabel('Datum (jjjj-mm-dd)').fill('2023-09-20');
    await page.getByRole('button', { name: 'Herinneringen plannen' }).click();
    await page.waitForURL(/klaar=gepland/);
    await arrive(page, 'Uitnodigen en herinneren 2023', 'a reminder planned');
    expect(await page.getByRole('table', { name: 'Geplande herinneringen, nieuwste eerst' }).textContent()).toContain('20 september 2023, 09:00');
    await page.getByRole('button', { name: 'Geplande herinnering van 20 september 2023, 09:00 annuleren' }).click();
    await page.waitForURL(/klaar=geannuleerd/);
    await arrive(page, 'Uitnodigen en herinneren 2023', 'a planned reminder cancelled');

    // Adviseurs → one advisor's overview, for 2022.
    await adminMenu(page).getByRole('link', { name: 'Adviseurs', exact: true }).click();
    await page.getByRole('link', { name: `${ADVISOR} – Bekijk het overzicht van ${ADVISOR}` }).click();
    await arrive(page, `Gemeenten van ${ADVISOR}`);
    await page.getByLabel('Editie').selectOption('2022');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/editie=2022/);
    await arrive(page, `Gemeenten van ${ADVISOR}`, 'advisor overview 2022');
    expect(await page.getByRole('table').getByRole('row').count()).toBe(1 + region.length);

    // The 2022 call list, and logging a call.
    await page.getByRole('link', { name: 'Naar de bellijst' }).click();
    await arrive(page, 'Bellijst 2022');
    const first = region[0];
    await logCallLink(page, first.name).click();
    await arrive(page, `Gesprek met ${first.name} vastleggen`);

    // The response of 2022 (the demo's 62%), and a municipality's page.
    await page.goto(`${app.baseUrl}/beheer/edities/2022/respons`);
    await arrive(page, 'Respons 2022');
    await page.goto(`${app.baseUrl}/beheer/edities/2022/gemeenten/GM0363`);
    expect(await checkHere(page, 'the municipality page of Amsterdam')).toMatch(/Amsterdam/);

    // The questionnaire as a spreadsheet (2022 has answers: download and the columns, no upload; the
    // upload, its check and Toepassen are in questionnaire-sheet.test.ts, on editions without answers).
    await page.goto(`${app.baseUrl}/beheer/edities/2022/spreadsheet`);
    await arrive(page, 'Vragenlijst 2022 als spreadsheet');
  });

  it('the bureau reads and codes the open answers of 2022', async () => {
    const page = await pageAs('admin');

    // The open answers of 2022 (issue 18.5): a code, refused without a name first; the monitoring
    // explanations that name the GGD monitor (the demo has thirteen, as the 2022 report counts);
    // one coded, the page comes back at that text saying so.
    await page.goto(`${app.baseUrl}/beheer/edities/2022`);
    await page.getByRole('link', { name: 'Open antwoorden 2022 lezen en coderen' }).click();
    await arrive(page, 'Open antwoorden 2022');
    await page.getByRole('button', { name: 'Code toevoegen' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Open antwoorden 2022', 'open answers: a code without a name');
    await page.getByLabel('Naam van de code').fill('GGD-monitor');
    await page.getByRole('button', { name: 'Code toevoegen' }).click();
    await page.waitForURL(/toegevoegd=/);
    await page.getByRole('link', { name: /^Lezen en coderen: vraag 15: De gemeente monitort/ }).click();
    await arrive(page, /^Open antwoorden: De gemeente monitort/);
    await page.getByLabel('Zoek in de teksten en gemeentenamen').fill('GGD');
    await page.getByRole('button', { name: 'Toon teksten' }).click();
    await page.waitForURL(/zoek=GGD/);
    await arrive(page, /^Open antwoorden: De gemeente monitort/, 'open answers searched');
    expect(await page.locator('ol.open-texts > li').count()).toBeGreaterThanOrEqual(13);
    const firstText = page.locator('ol.open-texts > li').first();
    await firstText.getByRole('checkbox', { name: 'GGD-monitor' }).check();
    await firstText.getByRole('button', { name: /^Codes opslaan/ }).click();
    await page.waitForURL(/opgeslagen=/);
    await arrive(page, /^Open antwoorden: De gemeente monitort/, 'open answers: a text coded');
    expect(await page.getByText('De codes van deze tekst zijn opgeslagen.').count()).toBe(1);
    expect(await page.locator('ol.open-texts > li').first().getByRole('checkbox', { name: 'GGD-monitor' }).isChecked()).toBe(true);
  });

  it('the bureau\'s forms: inviting an account, uploads with errors or without a file, an import confirmed', async () => {
    const page = await pageAs('admin');
    const fixture = (dir: string, name: string) => path.join(import.meta.dirname, '..', 'fixtures', dir, name);

    // Inviting a colleague of the ministry: first without anything filled in.
    await page.goto(`${app.baseUrl}/beheer/accounts`);
    await arrive(page, 'Accounts');
    await page.getByRole('button', { name: 'Account aanmaken en uitnodigen' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Accounts', 'accounts: invitation with errors');
    expect(await isFocused(page.getByRole('alert')), 'the error summary takes focus').toBe(true);
    await page.getByRole('alert').getByRole('link', { name: 'Kies een rol' }).click();
    expect(await isFocused(page.getByRole('radio').first()), 'its link goes to the first role').toBe(true);
    await page.getByLabel('E-mailadres').fill('nina@minvws.example.nl');
    await page.getByLabel('Naam', { exact: true }).fill('Nina Nieuw');
    await page.getByRole('radio', { name: 'Ministerie van VWS' }).check();
    await page.getByRole('button', { name: 'Account aanmaken en uitnodigen' }).click();
    await page.waitForURL(/uitgenodigd=\d+/);
    await arrive(page, 'Accounts', 'accounts: invited');
    expect(await status(page).textContent()).toContain('Het account voor Nina Nieuw (nina@minvws.example.nl) is aangemaakt.');
    // Disabling her account and enabling it again (issue 21.5); the own account has no button.
    await page.getByRole('button', { name: 'Uitschakelen Nina Nieuw' }).click();
    await page.waitForURL(/uitgeschakeld=\d+/);
    await arrive(page, 'Accounts', 'accounts: one disabled');
    expect(await status(page).textContent()).toContain('Het account van Nina Nieuw (nina@minvws.example.nl) is uitgeschakeld');
    await page.getByRole('button', { name: 'Weer inschakelen Nina Nieuw' }).click();
    await page.waitForURL(/ingeschakeld=\d+/);
    await arrive(page, 'Accounts', 'accounts: enabled again');
    // No mail server: her sign-in link is in the outbox, readable, with the notice.
    await page.goto(`${app.baseUrl}/beheer/outbox`);
    await arrive(page, 'Outbox', 'outbox with a sign-in link (no mail server)');
    expect(await page.getByText(/^Alleen zonder mailserver: deze inloglink/).first().isVisible()).toBe(true);

    // A contact list full of problems: every problem per row, nothing to import but the good rows.
    await page.goto(`${app.baseUrl}/beheer/edities/2023/contacten`);
    await arrive(page, 'Contactpersonen 2023');
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Contactpersonen 2023', 'contacts: upload without a file');
    expect(await isFocused(page.getByRole('alert')), 'the error summary takes focus').toBe(true);
    await page.getByRole('alert').getByRole('link', { name: /^Er is geen bestand gekozen/ }).click();
    expect(await isFocused(page.getByLabel('Contactlijst (CSV of XLSX)')), 'its link goes to the file field').toBe(true);
    await page.getByLabel('Contactlijst (CSV of XLSX)').setInputFiles(fixture('contacts', 'bad.csv'));
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await arrive(page, 'Controle van bad.csv', 'contacts: check with problems');
    expect(await page.getByRole('table', { name: 'Problemen per regel' }).getByRole('row').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await arrive(page, 'Contactpersonen 2023', 'contacts: import cancelled');
    expect(await status(page).textContent()).toContain('De import is geannuleerd.');

    // Advisors: no file, a file with errors, then a good one imported.
    await adminMenu(page).getByRole('link', { name: 'Adviseurs', exact: true }).click();
    await arrive(page, 'Adviseurs en hun gemeenten');
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Adviseurs en hun gemeenten', 'advisors: upload without a file');
    expect(await isFocused(page.getByRole('alert')), 'the error summary takes focus').toBe(true);
    await page.getByRole('alert').getByRole('link', { name: 'Kies een CSV- of XLSX-bestand' }).click();
    expect(await isFocused(page.getByLabel('Bestand (CSV of XLSX)')), 'its link goes to the file field').toBe(true);
    await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(fixture('advisors', 'wrong-columns.csv'));
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Controle van het bestand', 'advisors: a file with the wrong columns');
    expect(await isFocused(page.getByRole('alert')), 'the error summary of a file that cannot be checked takes focus').toBe(true);
    await page.getByRole('link', { name: 'Een ander bestand kiezen' }).click();
    await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(fixture('advisors', 'bad.csv'));
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await arrive(page, 'Controle van het bestand', 'advisors: check with problems');
    await page.getByRole('link', { name: 'Een ander bestand kiezen' }).click();
    await arrive(page, 'Adviseurs en hun gemeenten');
    const csv = 'advisor_name,advisor_email,advisor_phone,municipality_code,municipality_name\n' +
      'Gert Grens,gert.grens@adviseurs.example.nl,06 5555 0000,GM0363,\nGert Grens,gert.grens@adviseurs.example.nl,,,Rotterdam\n';
    await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles({ name: 'adviseurs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await arrive(page, 'Controle van het bestand', 'advisors: a good file checked');
    await page.getByRole('button', { name: 'Importeren' }).click();
    await arrive(page, 'Adviseurs importeren', 'advisors: imported');
    expect(await status(page).textContent()).toContain('1 nieuw en 0 bijgewerkt; 2 gemeenten toegewezen');

    // Answers (long CSV): no file, then a file with errors; nothing is imported.
    await adminMenu(page).getByRole('link', { name: 'Gegevens', exact: true }).click();
    await arrive(page, 'Gegevens: exporteren en importeren');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await arrive(page, 'Antwoorden importeren', 'answers: upload without a file');
    expect(await page.title()).toMatch(/^Fout: Antwoorden importeren/);
    expect(await isFocused(page.getByRole('alert')), 'the error summary takes focus').toBe(true);
    await page.getByRole('alert').getByRole('link', { name: 'Kies een CSV-bestand' }).click();
    expect(await isFocused(page.getByLabel('CSV-bestand')), 'its link goes to the file field').toBe(true);
    await page.getByLabel('CSV-bestand').setInputFiles(fixture('responses', 'invalid-2022.csv'));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await arrive(page, 'Controle van invalid-2022.csv', 'answers: a file with errors');
    expect(await page.getByRole('button', { name: 'Importeren' }).count()).toBe(0);
    // A good file for the published 2022 (issue 21.5): a warning and a box to tick; confirming
    // without the tick is refused in words and changes nothing (so the demo stays as it is here).
    await adminMenu(page).getByRole('link', { name: 'Gegevens', exact: true }).click();
    await page.getByLabel('CSV-bestand').setInputFiles(fixture('responses', 'valid-2021-2022.csv'));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await arrive(page, 'Controle van valid-2021-2022.csv', 'answers: a file for a published edition');
    expect(await page.getByText(/^Let op: het bestand heeft antwoorden voor de gepubliceerde editie\(s\) .*2022/).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Controle van valid-2021-2022.csv', 'answers: confirmed without the tick');
    expect(await isFocused(page.getByRole('alert')), 'the error summary takes focus').toBe(true);
    await page.getByRole('alert').getByRole('link').click();
    expect(await isFocused(page.getByRole('checkbox')), 'its link goes to the box').toBe(true);

    // The register of a new year: no year and no file, a list with errors, then 2025 imported.
    await adminMenu(page).getByRole('link', { name: 'Gemeentelijke indeling', exact: true }).click();
    await arrive(page, 'Gemeentelijke indeling');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Gemeentelijke indeling', 'register: upload without year and file');
    expect(await isFocused(page.getByRole('alert')), 'the error summary takes focus').toBe(true);
    await page.getByRole('alert').getByRole('link', { name: 'Kies het CSV-bestand met de gemeenten' }).click();
    expect(await isFocused(page.getByLabel('Gemeenten (CSV, verplicht)')), 'its link goes to the file field').toBe(true);
    await page.getByLabel('Jaar van de indeling').fill('2025');
    await page.getByLabel('Gemeenten (CSV, verplicht)').setInputFiles({
      name: 'gemeenten-2025.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name,province_code\nGM14,Groningen,PV20\nGM0034,,PV99\n'),
    });
    await page.getByRole('button', { name: 'Controleren' }).click();
    await arrive(page, 'Controle van de indeling 2025', 'register: a list with errors');
    expect(await page.getByRole('table', { name: 'Fouten per bestand en regel' }).getByRole('row').count()).toBeGreaterThan(3);
    expect(await page.getByRole('button', { name: 'Importeer de indeling van 2025' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Annuleren' }).click();
    await arrive(page, 'Gemeentelijke indeling');
    await page.getByLabel('Jaar van de indeling').fill('2025');
    await page.getByLabel('Gemeenten (CSV, verplicht)').setInputFiles(fixture('register', 'municipalities-2025.csv'));
    await page.getByLabel('Herindelingen (CSV, niet verplicht)').setInputFiles(fixture('register', 'mergers-2025.csv'));
    await page.getByLabel('Kaart (TopoJSON of GeoJSON, niet verplicht)').setInputFiles({
      name: 'kaart-2025.topojson', mimeType: 'application/json', buffer: Buffer.from(geo2025().bytes),
    });
    await page.getByRole('button', { name: 'Controleren' }).click();
    await arrive(page, 'Controle van de indeling 2025', 'register: a good year checked');
    await page.getByRole('button', { name: 'Importeer de indeling van 2025' }).click();
    await arrive(page, 'Gemeentelijke indeling', 'register: imported');
    expect(await status(page).textContent()).toContain('De gemeentelijke indeling van 2025 is geïmporteerd: 341 gemeenten, 2 herindelingen');
    expect(await page.getByRole('table', { name: 'Aanwezige jaren' }).getByRole('row', { name: /^2025 341 / }).count()).toBe(1);
  });

  it('the bureau\'s questionnaire editor: every page of 2023 (open, no answers yet, so with its forms), an error, the previews', async () => {
    const page = await pageAs('admin');
    const base = `${app.baseUrl}/beheer/edities/2023`;
    for (const [path, heading] of [
      ['vragenlijst', 'Vragenlijst 2023'],
      ['vragenlijst/signaalpunt', 'Vraag 3'],
      ['vragenlijst/signaalpunt/opties', 'Antwoordopties van vraag 3'],
      ['vragenlijst/signaalpunt/voorwaarde', 'Voorwaarde bij vraag 3'],
      ['vragenlijst/signaalpunt/tips', 'Tips bij vraag 3'],
      ['vragenlijst/financiering/herkomst', 'Herkomst van vraag 7'],
      ['vragenlijst/inzet_producten/onderdelen', 'Onderdelen van vraag 5'],
      ['vragenlijst/inzet_producten/schaal', 'Antwoordschaal van vraag 5'],
      ['schalen/inzet', 'Schaal inzet'],
      ['themas/sterk_netwerk', 'Onderdeel: Pijler 2: Sterk netwerk'],
      ['vragenlijst/nieuwe-vraag', 'Vraag toevoegen'],
      ['themas/nieuw-thema', 'Onderdeel toevoegen'],
      ['vertalingen', 'Vertalingen van vragenlijst 2023'],
      ['vragenlijst/kartrekker/voorbeeld', 'Voorbeeld van vraag 9'],
      ['themas/sterk_netwerk/voorbeeld', 'Voorbeeld: Pijler 2: Sterk netwerk'],
    ] as const) {
      await page.goto(`${base}/${path}`);
      expect(await checkHere(page, `questionnaire editor ${path}`)).toBe(heading);
    }
    // A question without its Dutch text: the error summary takes focus and links to the field; nothing is saved.
    await page.goto(`${base}/vragenlijst/signaalpunt`);
    await page.getByRole('group', { name: 'Vraagtekst' }).getByLabel('Nederlands').fill('');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, 'Vraag 3', 'questionnaire editor: a question with an error');
    expect(await isFocused(page.getByRole('alert')), 'the error summary takes focus').toBe(true);
    await page.getByRole('alert').getByRole('link', { name: 'Vul de Nederlandse tekst in van de vraagtekst' }).click();
    expect(await isFocused(page.getByRole('group', { name: 'Vraagtekst' }).getByLabel('Nederlands')), 'its link goes to the field').toBe(true);
  });

  it('the ministry: the whole menu and an advisor\'s overview (read-only)', async () => {
    const page = await pageAs('ministry');
    await page.goto(`${app.baseUrl}/beheer`);
    await arrive(page, 'Welkom, Mo Ministerie');
    expect(await visitMenu(page)).toEqual([
      ['Start', 'Welkom, Mo Ministerie'],
      ['Edities', 'Edities'],
      ['Gemeenten', 'Gemeenten – editie 2023'],
      ['Adviseurs', 'Adviseurs en hun gemeenten'],
      ['Respons', 'Respons 2023'],
      ['Gegevens', 'Gegevens: exporteren en importeren'],
    ]);
    await adminMenu(page).getByRole('link', { name: 'Adviseurs', exact: true }).click();
    await page.getByRole('link', { name: `${ADVISOR} – Bekijk het overzicht van ${ADVISOR}` }).click();
    await arrive(page, `Gemeenten van ${ADVISOR}`);
    expect(await page.getByRole('link', { name: /^Gesprek vastleggen/ }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/beheer/edities/2022/spreadsheet`);
    await arrive(page, 'Vragenlijst 2022 als spreadsheet', 'the questionnaire as a spreadsheet, read-only');
  });

  it('an advisor: the whole menu, their region in 2022, the call list, logging a call', async () => {
    const page = await pageAs('advisor');
    await page.goto(`${app.baseUrl}/beheer`);
    await arrive(page, `Welkom, ${ADVISOR}`);
    expect(await visitMenu(page)).toEqual([
      ['Start', `Welkom, ${ADVISOR}`],
      ['Gemeenten', 'Gemeenten – editie 2023'],
      ['Mijn gemeenten', 'Mijn gemeenten'],
      ['Bellijst', 'Bellijst 2023'],
      ['Respons', 'Respons 2023 in uw regio'],
    ]);

    await adminMenu(page).getByRole('link', { name: 'Mijn gemeenten', exact: true }).click();
    await page.waitForURL(/\/beheer\/mijn-gemeenten$/);
    await page.getByLabel('Editie').selectOption('2022');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/editie=2022/);
    await arrive(page, 'Mijn gemeenten', 'my municipalities 2022');
    await page.getByRole('link', { name: 'Naar de bellijst' }).click();
    await arrive(page, 'Bellijst 2022', 'call list 2022 of the region');
    const rows = page.getByRole('table', { name: 'Nog niet verstuurd, benchmark 2022' }).getByRole('row');
    expect(await rows.count()).toBe(1 + region.filter((m) => !m.submitted).length);

    const m = region[1];
    await logCallLink(page, m.name).click();
    await arrive(page, `Gesprek met ${m.name} vastleggen`);
    // Without an outcome: the error summary, checked too.
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await page.getByRole('alert').waitFor();
    await arrive(page, `Gesprek met ${m.name} vastleggen`, 'log-a-call with an error');
    expect(await isFocused(page.getByRole('alert')), 'the error summary takes focus').toBe(true);
    await page.getByRole('alert').getByRole('link', { name: 'Kies de uitkomst van het gesprek' }).click();
    expect(await isFocused(page.getByRole('radio', { name: 'Bereikt' })), 'its link goes to the first outcome').toBe(true);
    await page.getByRole('radio', { name: 'Gaat de vragenlijst invullen' }).check();
    await page.getByLabel('Notitie (optioneel)').fill('Vult het deze week in.');
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await arrive(page, 'Bellijst 2022', 'call list after logging a call');
    expect(await status(page).textContent()).toContain(`Het gesprek met ${m.name} is vastgelegd.`);

    await page.goto(`${app.baseUrl}/beheer/edities/2022/respons`);
    await arrive(page, 'Respons 2022 in uw regio');
    await page.goto(`${app.baseUrl}/beheer/edities/2022/gemeenten/${m.code}`);
    expect(await checkHere(page, `the municipality page of ${m.name}`)).toMatch(m.name);
  });

  for (const [role, name, link, heading] of [
    ['admin', 'Bea Beheer', 'Veldwerk', 'Veldwerk'],
    ['ministry', 'Mo Ministerie', 'Adviseurs', 'Adviseurs en hun gemeenten'],
    ['advisor', ADVISOR, 'Mijn gemeenten', 'Mijn gemeenten'],
  ] as const) {
    it(`without JavaScript the menu works (${role})`, async () => {
      const page = await pageAs(role, false);
      await page.goto(`${app.baseUrl}/beheer`);
      await arrive(page, `Welkom, ${name}`, `start page without JS (${role})`);
      await adminMenu(page).getByRole('link', { name: link, exact: true }).click();
      await arrive(page, heading, `"${link}" without JS (${role})`);
      expect(await adminMenu(page).getByRole('link', { name: link, exact: true }).getAttribute('aria-current')).toBe('page');
    });
  }
});
