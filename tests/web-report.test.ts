// The municipal web report over HTTP on the demo data: who may open which report (personal link,
// staff roles, advisor regions, URL guessing), what it shows (own vs most given answer, small cells
// hidden, tips per answer), the advisor request through the outbox (once a day), and its speed.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { loadDemo } from '../src/modules/demo/index.ts';
import { answerOptions, loadQuestionnaires } from '../src/modules/questionnaire/index.ts';
import {
  buildMunicipalReport, municipalReportRoutes, staffReportRoutes, tipsFor,
} from '../src/modules/reports/municipal/index.ts';
import { writeSyntheticWijkFigures } from '../src/modules/wijk-figures/index.ts';
import type { AppEnv } from '../src/web/context.ts';
import { account, Browser, testApp } from './fixtures/advisors/http.ts';
import { formFields, parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

let db: Db;
let app: Hono<AppEnv>;
let clock = new Date('2024-03-04T09:00:00Z');
let A: { code: string; name: string; token: string }; // in a big province
let B: { code: string; name: string; token: string }; // in a big province, with another advisor than A
let advisorA: { name: string; email: string; accountId: number };
let advisorB: { name: string; email: string };
let S: { code: string; n: number }; // a municipality in a province with fewer than 5 responses
let notSubmitted: string;
let admin: Browser;
let ministry: Browser;
let anna: Browser; // A's advisor (the demo's advisors cover every municipality once)
let lonely: Browser; // an advisor without a region

const report = (token: string, query = '') => app.request(`/v/${token}/rapport${query}`);
const outbox = async () => db.query<{ to: string; key: string; text: string }>(
  `SELECT to_address AS to, idempotency_key AS key, body_text AS text FROM outbox WHERE kind = 'advisor-request' ORDER BY id`);
const responded = async (edition: number) => db.query<{ code: string; name: string; province: string }>(
  `SELECT r.municipality_code AS code, m.name, m.province_code AS province FROM responses r
   JOIN municipalities m ON m.year = $1 AND m.code = r.municipality_code
   WHERE r.edition = $1 AND r.submitted_at IS NOT NULL ORDER BY r.municipality_code`, [edition]);

beforeAll(async () => {
  db = await createTestDb();
  await loadDemo(db, { now: new Date('2024-03-01T10:00:00Z') });
  await writeSyntheticWijkFigures(db, { seed: 2022, now: clock });
  app = testApp(db, () => clock);
  if (!app.routes.some((r) => r.path === '/v/:token/rapport')) app.route('/', municipalReportRoutes);
  if (!app.routes.some((r) => r.path === '/beheer/rapport/:year/:code')) app.route('/', staffReportRoutes);
  const rows = await responded(2022);
  const perProvince = new Map<string, number>();
  for (const r of rows) perProvince.set(r.province, (perProvince.get(r.province) ?? 0) + 1);
  const advisorOf = async (code: string) => (await db.one<{ name: string; email: string; accountId: number }>(
    `SELECT a.name, a.email, a.account_id AS "accountId" FROM advisors a JOIN advisor_municipalities am ON am.advisor_id = a.id
     WHERE am.municipality_code = $1`, [code]))!;
  const big = rows.filter((r) => (perProvince.get(r.province) ?? 0) >= 10);
  const small = rows.find((r) => (perProvince.get(r.province) ?? 0) < 5) as (typeof rows)[number];
  advisorA = await advisorOf(big[0].code);
  let other = big[1];
  for (const r of big.slice(1)) if ((await advisorOf(r.code)).name !== advisorA.name) { other = r; break; }
  advisorB = await advisorOf(other.code);
  A = { ...big[0], token: await createPersonalLink(db, 2022, big[0].code) };
  B = { ...other, token: await createPersonalLink(db, 2022, other.code) };
  S = { code: small.code, n: perProvince.get(small.province) as number };
  notSubmitted = (await db.one<{ code: string }>(
    `SELECT code FROM municipalities WHERE year = 2022 AND code NOT IN (SELECT municipality_code FROM responses WHERE edition = 2022 AND submitted_at IS NOT NULL) ORDER BY code LIMIT 1`))!.code;
  admin = await Browser.as(app, db, clock, (await account(db, 'admin')).id);
  ministry = await Browser.as(app, db, clock, (await account(db, 'ministry')).id);
  anna = await Browser.as(app, db, clock, advisorA.accountId);
  lonely = await Browser.as(app, db, clock, (await account(db, 'advisor')).id);
}, 120_000);
afterAll(async () => db?.close());

describe('who may open a report', () => {
  it('a municipality opens its own report with its personal link, and only its own', async () => {
    const res = await report(A.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = text(await res.text());
    expect(page).toContain(`Rapportage ${A.name}`);
    // Codes and years in the address change nothing: the link decides.
    const guessed = text(await (await report(A.token, `?gemeente=${B.code}&jaar=2021&code=${B.code}`)).text());
    expect(guessed).toContain(`Rapportage ${A.name}`);
    expect(guessed).not.toContain(B.name);
    // A wrong or altered token is a 404, whatever its shape.
    for (const bad of ['x'.repeat(43), `${A.token.slice(0, -1)}${A.token.endsWith('A') ? 'B' : 'A'}`, 'GM0014', `${A.token}x`]) {
      expect((await report(bad)).status).toBe(404);
    }
    expect((await app.request(`/v/${A.token}/rapport/../../beheer/rapport/2022/${B.code}`)).status).not.toBe(200);
  });

  it('before submitting, the link shows that the report comes after sending', async () => {
    const token = await createPersonalLink(db, 2023, A.code);
    const res = await report(token);
    expect(res.status).toBe(200);
    const page = text(await res.text());
    expect(page).toContain('Uw rapportage komt na het versturen');
    expect(page).not.toContain('Eenzaamheid in uw gemeente');
  });

  it('staff: signed out to sign-in; bureau and ministry see all; an advisor only their region (404 otherwise)', async () => {
    const url = (code: string, year = 2022) => `/beheer/rapport/${year}/${code}`;
    const out = await app.request(url(A.code));
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toContain('/inloggen');
    for (const who of [admin, ministry]) {
      for (const code of [A.code, B.code]) expect((await who.get(url(code))).status).toBe(200);
    }
    expect((await anna.get(url(A.code))).status).toBe(200);
    expect((await anna.get(url(B.code))).status).toBe(404);
    expect((await lonely.get(url(A.code))).status).toBe(404);
    for (const bad of [url(notSubmitted), url('GM0000'), url(A.code, 2031), '/beheer/rapport/abcd/GM0014', `/beheer/rapport/2022/${A.code.toLowerCase()}`, '/beheer/rapport/2022/GM14']) {
      expect((await admin.get(bad)).status).toBe(404);
    }
    // The fictitious example is promotion material: every member of staff may open it.
    for (const who of [admin, ministry, anna]) {
      const res = await who.get(url('GM9999'));
      expect(res.status).toBe(200);
      expect(text(await res.text())).toContain('Gravendonck is een fictieve gemeente');
    }
    expect((await admin.get(url('GM9999', 2021))).status).toBe(404);
  });
});

describe('what the report shows', () => {
  it('the own answer beside the most given answer nationally', async () => {
    const counts = await db.query<{ v: string; n: number }>(
      `SELECT a.answer->>'value' AS v, count(*)::int AS n FROM responses r
       JOIN municipalities m ON m.year = 2022 AND m.code = r.municipality_code
       JOIN answers a ON a.response_id = r.id AND a.question = 'signaalpunt'
       WHERE r.edition = 2022 AND r.submitted_at IS NOT NULL AND a.answer->>'value' IS NOT NULL GROUP BY 1 ORDER BY 2 DESC`);
    const own = (await db.one<{ v: string }>(
      `SELECT a.answer->>'value' AS v FROM responses r JOIN answers a ON a.response_id = r.id AND a.question = 'signaalpunt'
       WHERE r.edition = 2022 AND r.municipality_code = $1`, [A.code]))?.v;
    const label = (v: string | undefined) => (v === 'ja' ? 'Ja' : v === 'nee' ? 'Nee' : 'Niet beantwoord');
    const doc = parse(await (await report(A.token, '?thema=signaleren')).text());
    const q = doc.querySelector('article[aria-labelledby=vraag-signaalpunt]');
    expect(q?.querySelector('.answer-own p')?.textContent).toBe(own ? label(own) : 'U heeft deze vraag niet beantwoord.');
    const total = counts.reduce((s, c) => s + c.n, 0);
    const share = (Math.round((1000 * counts[0].n) / total) / 10).toString().replace('.', ',');
    expect(q?.querySelector('.answer-modal')?.textContent).toContain(`${label(counts[0].v)} (${share}% van ${total} gemeenten)`);
    const r = await buildMunicipalReport(db, 2022, A.code, 'nl');
    const sq = r?.themes.flatMap((t) => t.questions).find((x) => x.key === 'signaalpunt');
    expect(sq?.modal[0]).toMatchObject({ labels: [label(counts[0].v)], n: total, own: own === counts[0].v });
  });

  it('hides the provincial figure of a province with fewer than 5 answers ("te weinig antwoorden")', async () => {
    const r = await buildMunicipalReport(db, 2022, S.code, 'nl');
    const comparisons = r?.themes.flatMap((t) => t.questions).flatMap((q) => q.comparisons) ?? [];
    expect(comparisons.length).toBeGreaterThan(5);
    for (const c of comparisons) expect(c.province).toMatchObject({ suppressed: true, count: null, percent: null });
    const html = await (await admin.get(`/beheer/rapport/2022/${S.code}?thema=alle`)).text();
    expect(text(html)).toContain(`te weinig antwoorden (n=${S.n})`);
    expect(html).not.toMatch(new RegExp(`\\(\\d+ van ${S.n}\\)`));
  });

  it('switches theme with plain links, shows the wijk figures as synthetic, and speaks English', async () => {
    const doc = parse(await (await report(A.token, '?thema=doorbreken')).text());
    expect(doc.querySelector('a[aria-current=page]')?.textContent).toBe('Doorbreken');
    expect(doc.querySelector('#thema-doorbreken')).not.toBeNull();
    expect(doc.querySelector('#thema-signaleren')).toBeNull();
    expect(doc.querySelectorAll('.report-theme')).toHaveLength(1);
    expect(parse(await (await report(A.token, '?thema=alle')).text()).querySelectorAll('.report-theme').length).toBeGreaterThan(8);
    expect(parse(await (await report(A.token, '?thema=<script>')).text()).querySelector('#thema-signaleren')).not.toBeNull();
    const part1 = doc.querySelector('[aria-labelledby=eenzaamheid]')?.textContent ?? '';
    expect(part1).toContain('Synthetische cijfers (demo)');
    expect(part1).toContain('2022');
    expect(doc.querySelector('svg[role=img]')).not.toBeNull();
    const en = text(await (await report(A.token, '?lang=en')).text());
    expect(en).toContain(`Report for ${A.name}`);
    expect(en).toContain('Loneliness in your municipality');
  });

  it('gives the tips that the answers lead to, with their links (Gravendonck)', async () => {
    const r = await buildMunicipalReport(db, 2022, 'GM9999', 'nl');
    expect(r?.example).toBe(true);
    const tips = r?.themes.flatMap((t) => t.tips.map((x) => `${x.question}:${x.code}`));
    // signaalpunt "nee"; inzet_producten: toolkit_deskundigheid "bekend", toolkit_interventies
    // "onbekend", databank_movisie "bekend"; financiering "coronasteun"; samenstelling_coalitie: onderwijs and ondernemers "niet";
    // huisbezoeken_75plus "ja_deel" has no tip; monitoring "deels"; doelgroepen lhbtiq/migratieachtergrond "nee".
    expect(tips).toEqual([
      'signaalpunt:nee', 'inzet_producten:toolkit_deskundigheid', 'inzet_producten:toolkit_interventies', 'inzet_producten:databank_movisie',
      'financiering:coronasteun', 'samenstelling_coalitie:onderwijs', 'samenstelling_coalitie:ondernemers', 'monitoring:deels',
      'doelgroepen:migratieachtergrond', 'doelgroepen:lhbtiq',
    ]);
    const html = await (await admin.get('/beheer/rapport/2022/GM9999')).text();
    const tip = parse(html).querySelector('.tip');
    expect(tip?.querySelector('a')?.getAttribute('href')).toMatch(/^https:\/\//);
    expect(tip?.textContent).toContain('Omdat u bij "Er is een digitaal/telefonisch signaalpunt');
  });
});

describe('the comparison panel (issue 19.1)', () => {
  /** The comparison table of a question: header cells and the cells of its first row. */
  const comparison = (doc: ReturnType<typeof parse>, key: string) => {
    const table = doc.querySelector(`article[aria-labelledby=vraag-${key}] table`);
    return {
      head: [...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent?.trim()),
      row: [...(table?.querySelectorAll('tbody tr:first-child td') ?? [])].map((td) => td.textContent?.trim()),
    };
  };

  it('chooses similar municipalities, the province or the nation with a GET form, without JavaScript', async () => {
    const first = await (await report(A.token, '?thema=signaleren')).text();
    const doc = parse(first);
    const form = doc.querySelector('form.compare-form');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.getAttribute('action')).toBe(`/v/${A.token}/rapport#wat-nu`);
    expect(form?.querySelector('legend')?.textContent).toBe('Vergelijk uw antwoorden met');
    expect([...(form?.querySelectorAll('input[type=radio]') ?? [])].map((i) => i.getAttribute('value'))).toEqual(['provincie', 'grootte', 'nederland']);
    // default as before: the province beside the nation
    const province = (await db.one<{ name: string }>('SELECT name FROM provinces WHERE code = $1', [(A as unknown as { province: string }).province]))?.name;
    expect(formFields(first, 'form.compare-form')).toEqual([['thema', 'signaleren'], ['vergelijk', 'provincie']]);
    expect(comparison(doc, 'signaalpunt').head).toEqual(['Uw antwoord', `Provincie ${province}`, 'Nederland']);

    // A's size class, worked out from data/population (inhabitants on 1 January 2022)
    const inhabitants = (await db.one<{ n: number }>('SELECT inhabitants AS n FROM population WHERE year = 2022 AND code = $1', [A.code]))?.n as number;
    const [lo, hi, name] = inhabitants < 20_000 ? [0, 20_000, 'minder dan 20.000 inwoners'] : inhabitants < 50_000 ? [20_000, 50_000, '20.000 tot 50.000 inwoners']
      : inhabitants < 100_000 ? [50_000, 100_000, '50.000 tot 100.000 inwoners'] : [100_000, 1e9, '100.000 inwoners of meer'];
    expect(text(first)).toContain(`${A.name} had op 1 januari 2022 ${inhabitants.toLocaleString('nl-NL')} inwoners (CBS)`);

    // submit the form as a browser does: its fields, with "vergelijkbare grootte" chosen
    const fields = new URLSearchParams(formFields(first, 'form.compare-form'));
    fields.set('vergelijk', 'grootte');
    const html = await (await report(A.token, `?${fields}`)).text();
    const chosen = parse(html);
    expect(chosen.querySelector('input[value=grootte]')?.hasAttribute('checked')).toBe(true);
    const t = comparison(chosen, 'signaalpunt');
    expect(t.head).toEqual(['Uw antwoord', `Gemeenten met ${name}`, 'Nederland']);
    // the same answer as A among the submitted municipalities of A's class, by hand from the database
    const own = (await db.one<{ v: string | null }>(
      `SELECT a.answer->>'value' AS v FROM responses r JOIN answers a ON a.response_id = r.id AND a.question = 'signaalpunt'
       WHERE r.edition = 2022 AND r.municipality_code = $1`, [A.code]))?.v;
    expect(own === 'ja' || own === 'nee').toBe(true);
    {
      const byHand = await db.one<{ n: number; count: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE a.answer->>'value' = $3)::int AS count
           FROM responses r JOIN population p ON p.year = 2022 AND p.code = r.municipality_code
           JOIN answers a ON a.response_id = r.id AND a.question = 'signaalpunt'
          WHERE r.edition = 2022 AND r.submitted_at IS NOT NULL AND a.answer->>'value' IN ('ja', 'nee')
            AND p.inhabitants >= $1 AND p.inhabitants < $2`, [lo, hi, own]);
      const r = await buildMunicipalReport(db, 2022, A.code, 'nl');
      const c = r?.themes.flatMap((x) => x.questions).find((q) => q.key === 'signaalpunt')?.comparisons[0];
      expect(c?.size?.n).toBe(byHand?.n);
      if (c?.size?.suppressed) expect(t.row[0]).toBe(`te weinig antwoorden (n=${byHand?.n})`);
      else {
        expect(c?.size?.count).toBe(byHand?.count);
        expect(t.row[0]).toMatch(new RegExp(` \\(${byHand?.count} van ${byHand?.n}\\)$`));
      }
    }
    // the theme links keep the choice; the nation alone has one column
    expect(chosen.querySelector('nav.theme-nav a')?.getAttribute('href')).toMatch(/\?thema=[a-z_]+&vergelijk=grootte#wat-nu$/);
    const nation = parse(await (await report(A.token, '?thema=signaleren&vergelijk=nederland')).text());
    expect(comparison(nation, 'signaalpunt').head).toEqual(['Uw antwoord', 'Nederland']);
    // a value the form does not offer is the default; English names the class in English
    expect(comparison(parse(await (await report(A.token, '?thema=signaleren&vergelijk=<x>')).text()), 'signaalpunt').head[1]).toBe(`Provincie ${province}`);
    const en = parse(await (await report(A.token, '?thema=signaleren&vergelijk=grootte&lang=en')).text());
    expect(en.querySelector('label[for=vergelijk-grootte]')?.textContent).toMatch(/^municipalities of similar size \(.+inhabitants.*\) and the whole Netherlands$/);
    // staff see the same choice on /beheer/rapport
    const staff = parse(await (await admin.get(`/beheer/rapport/2022/${A.code}?thema=signaleren&vergelijk=grootte`)).text());
    expect(comparison(staff, 'signaalpunt').head[1]).toBe(`Gemeenten met ${name}`);
  });

  it('hides every size cell with fewer than 5 answers', async () => {
    let cells = 0;
    for (const code of [A.code, B.code, S.code]) {
      const r = await buildMunicipalReport(db, 2022, code, 'nl');
      expect(r?.municipality.size).not.toBeNull();
      for (const c of r?.themes.flatMap((x) => x.questions).flatMap((q) => q.comparisons) ?? []) {
        expect(c.size).not.toBeNull();
        cells++;
        if (c.size && c.size.n > 0 && c.size.n < 5) expect(c.size).toMatchObject({ suppressed: true, count: null, percent: null });
      }
    }
    expect(cells).toBeGreaterThan(20);
  });

  it('an edition without population figures offers no size comparison and says so', async () => {
    const r2021 = await db.one<{ code: string }>(
      `SELECT municipality_code AS code FROM responses WHERE edition = 2021 AND submitted_at IS NOT NULL ORDER BY municipality_code LIMIT 1`);
    const html = await (await admin.get(`/beheer/rapport/2021/${r2021?.code}?vergelijk=grootte`)).text();
    const doc = parse(html);
    expect([...doc.querySelectorAll('form.compare-form input[type=radio]')].map((i) => i.getAttribute('value'))).toEqual(['provincie', 'nederland']);
    expect(text(html)).toMatch(/Vergelijken met gemeenten van vergelijkbare grootte kan hier niet: er is geen inwonertal van 2021 voor /);
    expect(doc.querySelector('input[value=provincie]')?.hasAttribute('checked')).toBe(true);
  });
});

describe('the tip rule, tested per answer', () => {
  const qns = loadQuestionnaires();
  /** The scale answers that mean "not (yet)", as the shipped questionnaires' statuses say. */
  const MATRIX_TIP_ANSWERS: Record<string, string[]> = { inzet: ['bekend', 'onbekend'], rol: ['niet'], ja_nee: ['nee'] };
  for (const year of [2022, 2023]) {
    it(`${year}: a chosen option gives its own tip; a matrix item its tip only when not (yet) in use / not involved / no`, () => {
      const qn = qns.get(year)!;
      let checked = 0;
      for (const q of qn.questions.filter((x) => x.tips)) {
        const tips = q.tips ?? {};
        for (const o of answerOptions(q, qn)) {
          if (q.type === 'single' || q.type === 'multi') {
            const answer = q.type === 'single' ? { value: o.code } : { values: [o.code] };
            expect(tipsFor(q, qn, answer, true).map((h) => h.code), `${q.key}=${o.code}`).toEqual(tips[o.code] ? [o.code] : []);
            checked++;
          } else {
            for (const it of q.items ?? []) {
              const expected = tips[it.code] && MATRIX_TIP_ANSWERS[q.scale ?? '']?.includes(o.code) ? [it.code] : [];
              expect(tipsFor(q, qn, { items: { [it.code]: o.code } }, true).map((h) => h.code), `${q.key}.${it.code}=${o.code}`).toEqual(expected);
              checked++;
            }
          }
        }
        // Not asked (show_if not met) or not answered: no tip, whatever is stored.
        const lacking = q.type === 'matrix' ? { items: Object.fromEntries((q.items ?? []).map((i) => [i.code, MATRIX_TIP_ANSWERS[q.scale ?? '']?.[0] ?? ''])) } : { value: Object.keys(tips)[0], values: Object.keys(tips) };
        expect(tipsFor(q, qn, lacking, false)).toEqual([]);
        expect(tipsFor(q, qn, undefined, true)).toEqual([]);
      }
      expect(checked).toBeGreaterThan(50);
    });
  }

  it('the rule in words: inzet "bekend" and "onbekend" give a tip, "ingezet" none; rol only "niet"; ja_nee only "nee"', () => {
    const qn = qns.get(2022)!;
    const q = (key: string) => qn.questions.find((x) => x.key === key)!;
    const codes = (key: string, item: string, value: string) => tipsFor(q(key), qn, { items: { [item]: value } }, true).map((h) => h.code);
    expect(['ingezet', 'bekend', 'onbekend'].map((v) => codes('inzet_producten', 'adviseurs', v))).toEqual([[], ['adviseurs'], ['adviseurs']]);
    expect(codes('inzet_producten', 'toolkit_campagne', 'onbekend')).toEqual([]); // no tip written for that item
    expect(['kartrekker', 'actief', 'op_de_hoogte', 'niet'].map((v) => codes('samenstelling_coalitie', 'ondernemers', v))).toEqual([[], [], [], ['ondernemers']]);
    expect(['ja', 'nee'].map((v) => codes('doelgroepen', 'lhbtiq', v))).toEqual([[], ['lhbtiq']]);
    expect(tipsFor(q('best_practices'), qn, { values: ['adviseurs', 'nee'] }, true).map((h) => h.code)).toEqual(['nee']);
    expect(tipsFor(q('signaalpunt'), qn, { value: 'ja' }, true)).toEqual([]);
  });
});

describe('asking the advisor for a conversation', () => {
  it('queues one e-mail to the own advisor per municipality per day; checks the fields; refuses other sites', async () => {
    const post = (token: string, fields: [string, string][], headers: Record<string, string> = {}) =>
      app.request(`/v/${token}/rapport/adviseur`, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    const page = parse(await (await report(A.token)).text());
    expect(page.querySelector('form.advisor-form')?.getAttribute('action')).toBe(`/v/${A.token}/rapport/adviseur`);
    expect(page.querySelector('.advisor')?.textContent).toContain(advisorA.name);

    const bad = await post(A.token, [['email', 'geen-adres'], ['naam', 'Petra']]);
    expect(bad.status).toBe(400);
    expect(text(await bad.text())).toContain('Vul een geldig e-mailadres in');
    expect((await post(A.token, [['naam', 'x']], { origin: 'https://evil.example' })).status).toBe(403);
    expect(await outbox()).toEqual([]);

    const first = await post(A.token, [['naam', 'Petra de Wit'], ['email', 'petra@gemeente.example.nl'], ['bericht', 'Graag na de zomer.']]);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/v/${A.token}/rapport?verzoek=verstuurd#adviseur`);
    const second = await post(A.token, [['naam', 'Collega']]);
    expect(second.headers.get('location')).toBe(`/v/${A.token}/rapport?verzoek=eerder#adviseur`);
    let sent = await outbox();
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe(advisorA.email);
    expect(sent[0].text).toContain('petra@gemeente.example.nl');
    expect(sent[0].text).toContain(`/beheer/rapport/2022/${A.code}`);
    expect(text(await (await report(A.token, '?verzoek=eerder')).text())).toContain(`Vandaag is al een verzoek naar ${advisorA.name} verstuurd`);

    // Another municipality the same day, and the same municipality the next day, may ask again.
    expect((await post(B.token, [])).headers.get('location')).toContain('verzoek=verstuurd');
    clock = new Date(clock.getTime() + 24 * 3600_000);
    expect((await post(A.token, [])).headers.get('location')).toContain('verzoek=verstuurd');
    sent = await outbox();
    expect(sent.map((m) => m.to)).toEqual([advisorA.email, advisorB.email, advisorA.email]);
    // Staff read the invitation but get no form.
    expect(parse(await (await admin.get(`/beheer/rapport/2022/${A.code}`)).text()).querySelector('form.advisor-form')).toBeNull();
  });
});


describe('a page kept while what it shows is the same', () => {
  // The page per address is kept for a second (MicroCache) and, behind that, for as long as the
  // edition's shared figures and the municipality's own rows are unchanged (SameInputsCache).
  const settle = () => new Promise((r) => setTimeout(r, 2200));
  it('shows a change in the own rows (a new advisor name) and in the shared figures (another municipality answers)', async () => {
    const before = await (await report(B.token)).text();
    expect(parse(before).querySelector('.advisor')?.textContent).toContain(advisorB.name);
    await db.query('UPDATE advisors SET name = $1 WHERE email = $2', ['Bea Nieuwenhuis-Vervangen', advisorB.email]);
    await settle();
    const renamed = await (await report(B.token)).text();
    expect(parse(renamed).querySelector('.advisor')?.textContent).toContain('Bea Nieuwenhuis-Vervangen');
    await db.query('UPDATE advisors SET name = $1 WHERE email = $2', [advisorB.name, advisorB.email]);
    await settle();
    const restored = await (await report(B.token)).text();
    expect(parse(restored).querySelector('.advisor')?.textContent).toContain(advisorB.name);

    // Another municipality withdraws its submission: the number the report compares against changes.
    // "Uw antwoorden worden vergeleken met die van de 162 gemeenten die …"
    const respondents = (html: string) => Number(/vergeleken met die van de (\d+) gemeenten/.exec(text(html))?.[1]);
    const n = respondents(restored);
    expect(n).toBeGreaterThan(100);
    const other = (await responded(2022)).find((r) => r.code !== A.code && r.code !== B.code && r.code !== S.code) as { code: string };
    await db.query('UPDATE responses SET submitted_at = NULL, updated_at = now() WHERE edition = 2022 AND municipality_code = $1', [other.code]);
    try {
      await settle();
      expect(respondents(await (await report(B.token)).text())).toBe(n - 1);
    } finally {
      await db.query(`UPDATE responses SET submitted_at = '2022-10-01T10:00:00Z', updated_at = now() WHERE edition = 2022 AND municipality_code = $1`, [other.code]);
    }
  }, 30_000);
});
