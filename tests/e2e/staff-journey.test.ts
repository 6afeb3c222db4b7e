// The bureau's whole fieldwork journey in Chromium with JavaScript on: sign in with a link e-mailed
// through the outbox to a real SMTP peer, import a contact list, select municipalities and invite
// them, a respondent opens the e-mailed link and submits, the response dashboard counts it.
// axe checks every page the admin and the respondent see. Every form of the signed-in admin is
// posted by the browser itself, with its own Origin header and the page's CSRF token.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/modules/auth/index.ts';
import { openEdition } from '../../src/modules/editions/index.ts';
import { createMailer, deliverDue, type Mailer } from '../../src/modules/mail/index.ts';
import { findResponse } from '../../src/modules/responses/index.ts';
import { expectNoAxeViolations, launchBrowser, newContext } from './browser.ts';
import { adminMenu, arrive, linksIn, type SmtpPeer, type StaffApp, startSmtpPeer, startStaffApp } from './staff-helpers.ts';

const NOW = new Date('2022-09-01T08:00:00Z');
const now = () => NOW;
const ADMIN = 'beheer@bureau.example.nl';

// Three contacts at the two municipalities that will be invited, one at a municipality that will not.
// Amsterdam by name only, in capitals: names are matched case-insensitively.
const CONTACTS_CSV = [
  'municipality_code,municipality_name,name,email,function,phone',
  'GM0014,,Greet Groen,greet@groningen.example.nl,Beleidsadviseur,050-5551234',
  'GM0014,,Piet Pot,piet@groningen.example.nl,,',
  ',AMSTERDAM,Karel Kok,karel@amsterdam.example.nl,Senior beleidsmedewerker,020-5550000',
  'GM0344,Utrecht,Ursula Uil,ursula@utrecht.example.nl,,',
].join('\n');

let app: StaffApp;
let smtp: SmtpPeer;
let mailer: Mailer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Every form post the browser made: where to, with which Origin header, and the status it got. */
const posts: { url: string; origin: string | undefined; status: number }[] = [];

beforeAll(async () => {
  smtp = await startSmtpPeer();
  [app, browser] = await Promise.all([startStaffApp({ now, smtpUrl: smtp.url }), launchBrowser()]);
  mailer = createMailer(smtp.url) as Mailer;
  await createAccount(app.db, { email: ADMIN, name: 'Bea Beheer', role: 'admin' }, NOW);
  await openEdition(app.db, 2022, '2022-10-31', NOW);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  mailer?.close();
  await app?.close();
  await smtp?.close();
});

async function newPage(): Promise<Page> {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  context.on('response', (res) => {
    const req = res.request();
    if (req.method() === 'POST') posts.push({ url: req.url(), origin: req.headers().origin, status: res.status() });
  });
  return context.newPage();
}

/** Delivers what the outbox holds to the SMTP peer; returns the messages that arrived. */
async function deliver() {
  const before = smtp.received.length;
  const report = await deliverDue(app.db, mailer, now);
  expect(report.failed).toBe(0);
  expect(smtp.received.length - before).toBe(report.sent);
  return smtp.received.slice(before);
}

describe('the fieldwork journey in a browser', { timeout: 180_000 }, () => {
  it('admin signs in by e-mail, imports contacts, invites; a respondent submits; the dashboard counts it', async () => {
    const admin = await newPage();

    // Sign in: ask for a link on /inloggen …
    await admin.goto(`${app.baseUrl}/beheer`);
    await arrive(admin, 'Inloggen', 'sign-in (sent there from /beheer)');
    expect(await admin.getByText('Log in om deze pagina te bekijken.').isVisible()).toBe(true);
    await admin.getByLabel('E-mailadres').fill(ADMIN);
    await admin.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await arrive(admin, 'Kijk in uw e-mail');

    // … which the outbox delivers to the SMTP peer; the test reads it from the e-mail …
    const [signInMail, ...otherMail] = await deliver();
    expect(otherMail).toEqual([]);
    expect(signInMail.to).toBe(ADMIN);
    expect(signInMail.subject).toBe('Inloggen bij de benchmark Eén tegen eenzaamheid');
    const [signInLink, ...moreLinks] = linksIn(signInMail.text, app.baseUrl);
    expect(moreLinks).toEqual([]);
    // Back to /beheer after signing in: the default, so the link carries no ?terug.
    expect(signInLink).toMatch(new RegExp(`^${app.baseUrl}/inloggen/[A-Za-z0-9_-]{43}$`));

    // … and opens it: a button, so a mail scanner that fetches the link signs nobody in.
    await admin.goto(signInLink);
    await arrive(admin, 'Inloggen bij de benchmark', 'the page behind the sign-in link');
    await admin.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await arrive(admin, 'Welkom, Bea Beheer', 'admin start page');
    expect(await admin.getByText('Ingelogd als Bea Beheer, onderzoeksbureau (beheerder)').isVisible()).toBe(true);

    // Contacts: upload, check, confirm.
    await adminMenu(admin).getByRole('link', { name: 'Veldwerk', exact: true }).click();
    await arrive(admin, 'Veldwerk');
    await admin.getByRole('link', { name: 'Contactpersonen 2022' }).click();
    await arrive(admin, 'Contactpersonen 2022');
    expect(await admin.getByText('Er zijn nog geen contactpersonen geïmporteerd.').isVisible()).toBe(true);
    await admin.getByLabel('Contactlijst (CSV of XLSX)').setInputFiles({ name: 'contactlijst-2022.csv', mimeType: 'text/csv', buffer: Buffer.from(CONTACTS_CSV) });
    await admin.getByRole('button', { name: 'Bestand controleren' }).click();
    await arrive(admin, 'Controle van contactlijst-2022.csv', 'import check');
    expect(await admin.getByText('4 rijen gelezen: 4 goed, 0 met fouten.').isVisible()).toBe(true);
    const goodRows = admin.getByRole('table', { name: 'Goede rijen (4)' });
    expect(await goodRows.getByRole('row', { name: /Karel Kok/ }).getByRole('cell', { name: 'Amsterdam (GM0363)' }).isVisible()).toBe(true);
    await admin.getByRole('button', { name: '4 contactpersonen importeren' }).click();
    await arrive(admin, 'Contactpersonen 2022', 'contacts after the import');
    expect(await admin.getByRole('main').getByRole('status').textContent()).toContain('4 contactpersonen geïmporteerd.');
    expect(await admin.getByText('4 contactpersonen bij 3 gemeenten.').isVisible()).toBe(true);

    // Invitations: Groningen and Amsterdam take part, Utrecht does not (yet).
    await admin.getByRole('navigation', { name: 'Veldwerk 2022' }).getByRole('link', { name: 'Uitnodigen en herinneren' }).click();
    await arrive(admin, 'Uitnodigen en herinneren 2022');
    await admin.getByRole('checkbox', { name: 'Groningen (2 contactpersonen)' }).check();
    await admin.getByRole('checkbox', { name: 'Amsterdam (1 contactpersoon)' }).check();
    expect(await admin.getByRole('checkbox', { name: 'Utrecht (1 contactpersoon)' }).isChecked()).toBe(false);
    await admin.getByRole('button', { name: 'Selectie opslaan' }).click();
    await admin.waitForURL(/klaar=selectie/);
    await arrive(admin, 'Uitnodigen en herinneren 2022', 'invitations after saving the selection');
    expect(await admin.getByRole('status').first().textContent()).toContain('De selectie is opgeslagen: 2 toegevoegd, 0 verwijderd.');
    expect(await admin.getByRole('group', { name: 'Noord-Holland (1 van' }).getByRole('checkbox', { name: /^Amsterdam/ }).isChecked()).toBe(true);
    // First who gets what: two municipalities, three e-mails, the message as it will look.
    await admin.getByRole('button', { name: 'Verstuur uitnodigingen' }).click();
    await arrive(admin, 'Uitnodigingen versturen 2022', 'the recipients before sending');
    expect(await admin.getByText('2 gemeenten, 3 e-mails.').isVisible()).toBe(true);
    const recipients = admin.getByRole('table', { name: 'Ontvangers (2 gemeenten)' });
    expect(await recipients.getByRole('row', { name: /^Groningen \(GM0014\)/ }).textContent()).toContain('piet@groningen.example.nl');
    expect(await recipients.getByRole('row', { name: /Utrecht/ }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Ja, verstuur 3 uitnodigingen aan 2 gemeenten' }).click();
    await admin.waitForURL(/klaar=uitnodigingen/);
    await arrive(admin, 'Uitnodigen en herinneren 2022', 'invitations after sending');
    expect(await admin.getByRole('status').first().textContent()).toContain('Uitnodigingen verstuurd aan 2 gemeenten: 3 e-mails staan in de wachtrij.');
    const counts = admin.getByRole('table', { name: 'Stand van zaken' });
    expect(await counts.getByRole('row', { name: /^Uitgenodigd/ }).getByRole('cell').textContent()).toBe('2');

    // Delivered: exactly one invitation per contact of an invited municipality, none to Utrecht.
    const invitations = await deliver();
    expect(invitations.map((m) => m.to).sort()).toEqual(['greet@groningen.example.nl', 'karel@amsterdam.example.nl', 'piet@groningen.example.nl']);
    expect(await deliverDue(app.db, mailer, now)).toEqual({ sent: 0, failed: 0 }); // nothing twice
    const karel = invitations.find((m) => m.to === 'karel@amsterdam.example.nl')!;
    expect(karel.subject).toBe('Uitnodiging benchmark Eén tegen eenzaamheid 2022 – gemeente Amsterdam');
    expect(karel.text).toContain('Beste Karel Kok,');
    expect(karel.text).toContain('De vragenlijst is open tot en met 31 oktober 2022.');
    const [personalLink, ...extra] = linksIn(karel.text, app.baseUrl);
    expect(extra).toEqual([]);
    expect(personalLink).toMatch(new RegExp(`^${app.baseUrl}/v/[A-Za-z0-9_-]{43}$`));
    // The two Groningen contacts share their municipality's link; Amsterdam has its own.
    const groningen = invitations.filter((m) => m.to.endsWith('@groningen.example.nl')).map((m) => linksIn(m.text, app.baseUrl)[0]);
    expect(new Set(groningen).size).toBe(1);
    expect(groningen[0]).not.toBe(personalLink);

    // The outbox page shows what went out.
    await adminMenu(admin).getByRole('link', { name: 'Outbox', exact: true }).click();
    await arrive(admin, 'Outbox');
    expect(await admin.getByRole('table').getByRole('row', { name: /karel@amsterdam\.example\.nl/ }).textContent()).toContain('verstuurd');

    // The respondent, in a browser of their own, follows the e-mailed link, answers two questions and submits.
    const respondent = await newPage();
    await respondent.goto(personalLink);
    await arrive(respondent, 'Vragenlijst 2022', 'respondent start page');
    expect(await respondent.getByText('Voor de gemeente Amsterdam').isVisible()).toBe(true);
    await respondent.getByRole('link', { name: 'Begin met de vragenlijst' }).click();
    await arrive(respondent, 'Signaleren en bespreekbaar maken');
    const question = (text: string) => respondent.getByRole('group', { name: text });
    await question('Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?').getByRole('radio', { name: 'Ja', exact: true }).check();
    await question('Er is een (al dan niet digitaal) signaleringsnetwerk').getByRole('radio', { name: 'Nee', exact: true }).check();
    await respondent.getByRole('button', { name: 'Opslaan en later verder' }).click();
    await arrive(respondent, 'Vragenlijst 2022', 'respondent start page after saving');
    expect(await respondent.getByText('Uw antwoorden zijn opgeslagen.').isVisible()).toBe(true);
    await respondent.getByRole('link', { name: 'Controleer en verstuur uw antwoorden' }).click();
    await arrive(respondent, 'Controleer uw antwoorden');
    await respondent.getByRole('button', { name: 'Vragenlijst versturen' }).click();
    await arrive(respondent, 'Bedankt, uw antwoorden zijn verstuurd');
    expect((await findResponse(app.db, 2022, 'GM0363'))?.status).toBe('submitted');

    // The response dashboard counts Amsterdam: 1 of the 2 invited.
    await adminMenu(admin).getByRole('link', { name: 'Respons', exact: true }).click();
    await arrive(admin, 'Respons 2022');
    expect(await admin.getByRole('main').textContent()).toMatch(/1 van de 2 uitgenodigde gemeenten hebben de vragenlijst verstuurd \(50\s?%\)/);
    const cells = async (table: string, row: RegExp) =>
      (await admin.getByRole('table', { name: table, exact: true }).getByRole('row', { name: row }).getByRole('cell').allTextContents()).map((s) => s.trim());
    // invited, opened, started, submitted, rate
    expect(await cells('Respons 2022, Landelijk', /^Landelijk/)).toEqual(['2', '1', '1', '1', expect.stringMatching(/^50\s?%$/)]);
    expect(await cells('Respons 2022 per provincie', /^Noord-Holland/)).toEqual(['1', '1', '1', '1', expect.stringMatching(/^100\s?%$/)]);
    expect(await cells('Respons 2022 per provincie', /^Groningen/)).toEqual(['1', '0', '0', '0', expect.stringMatching(/^0\s?%$/)]);
    await admin.getByText('Lijst van de 1 gemeenten die de vragenlijst hebben verstuurd').click();
    expect(await admin.getByText('Amsterdam', { exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(admin, 'response dashboard with the list opened');

    // Signing out; the sign-in link from the e-mail does not work a second time.
    await admin.getByRole('button', { name: 'Uitloggen' }).click();
    await arrive(admin, 'Inloggen', 'signed out');
    expect(await admin.getByRole('main').getByRole('status').textContent()).toContain('U bent uitgelogd.');
    expect((await admin.goto(signInLink))?.status()).toBe(410);
    await arrive(admin, 'Deze inloglink is al gebruikt', 'a used sign-in link');
    await admin.goto(`${app.baseUrl}/beheer/veldwerk`);
    await arrive(admin, 'Inloggen', 'sign-in, asked for by /beheer/veldwerk after signing out');

    // Every form was posted by the browser from this site, and none was refused.
    expect(posts.length).toBeGreaterThanOrEqual(8);
    for (const p of posts) {
      expect(p.origin, p.url).toBe(app.baseUrl);
      expect(p.status, p.url).toBe(303);
    }
  });
});
