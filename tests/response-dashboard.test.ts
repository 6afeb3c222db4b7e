// The live response: numbers checked by hand on a small data set written with SQL, per province
// and per advisor, earlier editions and the panel; who may see it; tables and charts accessible.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import { count, rate, type ResponseRow, summarize } from '../src/modules/response-dashboard/index.ts';
import type { AppEnv } from '../src/web/context.ts';
import { account, advisor, Browser, progress, testApp } from './fixtures/advisors/http.ts';
import { parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

describe('summarize (pure)', () => {
  const row = (edition: number, code: string, province: string, step: 0 | 1 | 2 | 3, advisorId: number | null = null): ResponseRow => ({
    edition, code, name: code, provinceCode: province, provinceName: province, advisorId, advisorName: advisorId ? `A${advisorId}` : null,
    opened: step >= 1, started: step >= 2, submitted: step >= 3,
  });

  it('counts the funnel, rounds to whole percents, and finds the panel and the returners', () => {
    expect([rate(162, 263), rate(64, 103), rate(115, 263), rate(100, 180), rate(5, 8), rate(1, 0)]).toEqual([62, 62, 44, 56, 63, null]);
    // A submitted row without opened/started timestamps still counts at every step.
    expect(count([{ ...row(2022, 'GM1', 'X', 0), submitted: true }])).toEqual({ invited: 1, opened: 1, started: 1, submitted: 1, rate: 100 });
    const s = summarize([
      row(2021, 'GM1', 'B', 3), row(2021, 'GM2', 'A', 3), row(2021, 'GM3', 'A', 0),
      row(2022, 'GM1', 'B', 3, 7), row(2022, 'GM2', 'A', 2), row(2022, 'GM3', 'A', 3, 7), row(2022, 'GM4', 'A', 1),
      row(2023, 'GM1', 'B', 3),
    ], 2022);
    expect(s.total).toEqual({ invited: 4, opened: 4, started: 3, submitted: 2, rate: 50 });
    expect(s.provinces.map((p) => [p.name, p.counts.invited, p.counts.submitted, p.counts.rate])).toEqual([['A', 3, 1, 33], ['B', 1, 1, 100]]);
    expect(s.advisors.map((a) => [a.name, a.counts.invited, a.counts.submitted])).toEqual([['A7', 2, 2], ['', 2, 0]]);
    expect(s.editions.map((e) => [e.year, e.counts.rate])).toEqual([[2021, 67], [2022, 50]]);
    expect(s.panel).toEqual({ editions: [2021, 2022], size: 1 });
    expect(s.retained).toEqual({ previousYear: 2021, previous: 2, again: 1, rate: 50 });
    expect([...s.responded].sort()).toEqual(['GM1', 'GM3']);
  });
});

describe('/beheer/edities/:year/respons', () => {
  let db: Db;
  let app: Hono<AppEnv>;
  const clock = new Date('2023-10-10T09:00:00Z');
  let admin: Browser;
  let ministry: Browser;
  let advA: Browser;

  beforeAll(async () => {
    db = await createTestDb();
    app = testApp(db, () => clock);
    admin = await Browser.as(app, db, clock, (await account(db, 'admin')).id);
    ministry = await Browser.as(app, db, clock, (await account(db, 'ministry')).id);
    const a = await advisor(db, 'Anna Noord', ['GM0014', 'GM0037', 'GM0047']);
    await advisor(db, 'Bart West', ['GM0363', 'GM0599']);
    advA = await Browser.as(app, db, clock, a.account.id);
    // 2021: Groningen, Amsterdam and Rotterdam sent it, Veendam did not: 3 of 4.
    for (const [code, step] of [['GM0014', 'submitted'], ['GM0363', 'submitted'], ['GM0599', 'submitted'], ['GM0047', 'invited']] as const) {
      await progress(db, 2021, code, step);
    }
    // 2022, by province: Groningen 1 of 3, Noord-Holland 2 of 2, Zuid-Holland 1 of 2, Utrecht 1 of 1.
    const y2022 = [
      ['GM0014', 'submitted'], ['GM0037', 'started'], ['GM0047', 'opened'],
      ['GM0363', 'submitted'], ['GM0373', 'submitted'],
      ['GM0599', 'invited'], ['GM0518', 'submitted'],
    ] as const;
    for (const [code, step] of y2022) await progress(db, 2022, code, step);
    // Utrecht answered without an invitation row (an imported response): it was invited all the same.
    await db.query(`INSERT INTO responses (edition, municipality_code, status, submitted_at) VALUES (2022, 'GM0344', 'submitted', '2022-10-03')`);
    // The fictitious example municipality is not in any register and never counts.
    await db.query(`INSERT INTO responses (edition, municipality_code, status, submitted_at) VALUES (2022, 'GM9999', 'submitted', '2022-10-03')`);
    // The fieldwork of 2022: invitations on 30 September, a reminder on 2 October to the three that
    // had not sent it, Anna calling Veendam the same day, the bureau calling Rotterdam on 3 October.
    const mail = (kind: string, code: string, at: string, n = 1) => db.query(
      `INSERT INTO outbox (idempotency_key, kind, to_address, subject, body_text, edition, municipality_code, created_at, status)
       VALUES ($1, $2, $3, 's', 'b', 2022, $4, $5, 'sent')`, [`${kind}:${code}:${n}`, kind, `c${n}@${code}.example`, code, at]);
    for (const code of ['GM0014', 'GM0037', 'GM0047', 'GM0363', 'GM0373', 'GM0599', 'GM0518']) await mail('invitation', code, '2022-09-30T08:00:00Z');
    await mail('invitation', 'GM0014', '2022-09-30T08:00:00Z', 2); // a second contact: still one municipality
    for (const code of ['GM0037', 'GM0047', 'GM0599']) await mail('reminder', code, '2022-10-02T07:00:00Z');
    const call = (code: string, day: string, by: number) => db.query(
      `INSERT INTO calls (edition, municipality_code, called_at, outcome, account_id) VALUES (2022, $1, $2, 'reached', $3)`, [code, day, by]);
    await call('GM0047', '2022-10-02', a.account.id);
    await call('GM0599', '2022-10-03', (await account(db, 'admin', 'bel@bureau.example.nl', 'Bel Bureau')).id);
    await openEdition(db, 2023, '2023-12-01', clock);
  });
  afterAll(async () => db?.close());

  const tableRows = (html: string, caption: string) => {
    const table = [...parse(html).querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent === caption);
    if (!table) throw new Error(`no table "${caption}"`);
    return [...table.querySelectorAll('tbody tr, tfoot tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()));
  };

  it('shows invited, opened, started, submitted and the rate nationally, per province and per advisor', async () => {
    const res = await admin.get('/beheer/edities/2022/respons');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(text(html)).toContain('5 van de 8 uitgenodigde gemeenten hebben de vragenlijst verstuurd (63%).');
    expect(tableRows(html, 'Respons 2022, Landelijk')).toEqual([['Landelijk', '8', '7', '6', '5', '63%']]);
    expect(tableRows(html, 'Respons 2022 per provincie')).toEqual([
      ['Groningen', '3', '3', '2', '1', '33%'],
      ['Noord-Holland', '2', '2', '2', '2', '100%'],
      ['Utrecht', '1', '1', '1', '1', '100%'],
      ['Zuid-Holland', '2', '1', '1', '1', '50%'],
      ['Landelijk', '8', '7', '6', '5', '63%'],
    ]);
    expect(tableRows(html, 'Respons 2022 per adviseur')).toEqual([
      ['Anna Noord', '3', '3', '2', '1', '33%'],
      ['Bart West', '2', '1', '1', '1', '50%'],
      ['Zonder adviseur', '3', '3', '3', '3', '100%'],
    ]);
  });

  it('puts earlier editions side by side, with the panel and the returners', async () => {
    const html = await (await ministry.get('/beheer/edities/2022/respons')).text();
    expect(tableRows(html, 'Respons per editie tot en met 2022')).toEqual([
      ['2021', '4', '3', '3', '3', '75%'],
      ['2022', '8', '7', '6', '5', '63%'],
    ]);
    const t = text(html);
    expect(t).toContain('2 gemeenten hebben in elke editie (2021, 2022) de vragenlijst verstuurd (het panel).');
    expect(t).toContain('Van de 3 gemeenten die in 2021 de vragenlijst verstuurden, deden er 2 (67%) in 2022 weer mee.');
    expect(t).toContain('Lijst van de 5 gemeenten die de vragenlijst hebben verstuurd');
    expect(t).toContain("'s-Gravenhage, Amsterdam, Bergen (NH.), Groningen, Utrecht");
  });

  it('shows the response over time: each fieldwork step and what came in until the next one', async () => {
    const html = await (await admin.get('/beheer/edities/2022/respons')).text();
    // Submitted: four on 1 October, Utrecht on 3 October; 8 invited.
    expect(tableRows(html, 'Stappen van het veldwerk 2022 en wat daarna binnenkwam')).toEqual([
      ['1. Uitnodiging per e-mail', '30 september 2022', '7', '4', '50%'],
      // The advisors' round began the same day: the reminder has no stretch of its own.
      ['2. Herinnering per e-mail', '2 oktober 2022', '3', '0', '50%'],
      ['3. Adviseurs bellen hun gemeenten', '2 oktober 2022', '1', '0', '50%'],
      ['4. Belronde van het bureau', '3 oktober 2022', '1', '1', '63%'],
    ]);
    const chart = parse(html).querySelector('svg#respons-verloop');
    expect(chart?.querySelector('title')?.textContent).toBe('Lijngrafiek: respons per dag in 2022, met de genummerde stappen van het veldwerk');
    expect(chart?.querySelector('desc')?.textContent).toContain('De respons loopt op van 0% (30 september 2022) tot 63% (');
    // The markers are numbered as the table's rows; the days on the axis are in Dutch.
    expect(chart?.textContent).toMatch(/1.*2.*3.*4/s);
    expect(chart?.textContent).toContain('30 sep');
    // An advisor sees the steps in their region only: Rotterdam's call is not theirs.
    expect(tableRows(await (await advA.get('/beheer/edities/2022/respons')).text(), 'Stappen van het veldwerk 2022 en wat daarna binnenkwam')).toEqual([
      ['1. Uitnodiging per e-mail', '30 september 2022', '3', '1', '33%'],
      ['2. Herinnering per e-mail', '2 oktober 2022', '2', '0', '33%'],
      ['3. Adviseurs bellen hun gemeenten', '2 oktober 2022', '1', '0', '33%'],
    ]);
  });

  it('draws the bar charts and the map as SVG with a name, each with a table of the same numbers', async () => {
    const doc = parse(await (await admin.get('/beheer/edities/2022/respons')).text());
    const svgs = [...doc.querySelectorAll('svg')];
    expect(svgs.length).toBe(4);
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).toBe('img');
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
      expect(svg.querySelector(`title#${ids[0]}`)?.textContent).toMatch(/Staafdiagram|Kaart|Lijngrafiek/);
    }
    expect(doc.querySelector('svg#respons-provincies title')?.textContent).toBe('Staafdiagram: respons 2022 per provincie');
    expect(doc.querySelector('svg#respons-provincies')?.textContent).toContain('33% (1/3)');
    expect(doc.querySelector('svg.chart--map path')).not.toBeNull();
    for (const table of doc.querySelectorAll('table')) {
      expect(table.querySelector('caption')?.textContent).toBeTruthy();
      expect(table.querySelectorAll('thead th:not([scope=col])').length).toBe(0);
      expect(table.querySelectorAll('tbody th:not([scope=row])').length).toBe(0);
    }
  });

  it('shows an advisor only their region', async () => {
    const res = await advA.get('/beheer/edities/2022/respons');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(parse(html).querySelector('h1')?.textContent).toBe('Respons 2022 in uw regio');
    expect(tableRows(html, 'Respons 2022, Uw regio')).toEqual([['Uw regio', '3', '3', '2', '1', '33%']]);
    expect(tableRows(html, 'Respons 2022 per adviseur')).toEqual([['Anna Noord', '3', '3', '2', '1', '33%']]);
    expect(tableRows(html, 'Respons per editie tot en met 2022')).toEqual([['2021', '2', '1', '1', '1', '50%'], ['2022', '3', '3', '2', '1', '33%']]);
    expect(text(html)).not.toMatch(/Amsterdam|Rotterdam|Bart West|Noord-Holland|Utrecht/);
  });

  it('goes to the current edition, answers 404 for an unknown one, and an empty edition says so', async () => {
    expect((await admin.get('/beheer/respons')).headers.get('location')).toBe('/beheer/edities/2023/respons');
    expect((await admin.get('/beheer/respons?editie=2021')).headers.get('location')).toBe('/beheer/edities/2021/respons');
    expect((await admin.get('/beheer/edities/1999/respons')).status).toBe(404);
    expect((await admin.get('/beheer/respons?editie=abc')).status).toBe(404);
    expect(text(await (await admin.get('/beheer/edities/2023/respons')).text())).toContain('Voor deze editie zijn nog geen gemeenten uitgenodigd.');
    const en = parse(await (await ministry.get('/beheer/edities/2022/respons?lang=en')).text());
    expect(en.querySelector('h1')?.textContent).toBe('Response 2022');
  });

  it('sends the signed-out to sign in', async () => {
    for (const p of ['/beheer/respons', '/beheer/edities/2022/respons']) {
      const res = await new Browser(app).get(p);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/inloggen?terug=${encodeURIComponent(p)}`);
    }
  });
});
