// The open answers (issue 18.5) through HTTP: the bureau reads every explanation and "Anders" text
// of a question, searches and filters them, makes codes, puts them on texts (two colleagues at once
// never take each other's code off), sees the count per code and edition, and exports; the ministry
// only reads; advisors and the public never see a text. Counts worked out by hand below.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { codeCounts } from '../src/modules/open-answers/index.ts';
import { createResolver } from '../src/modules/report-text/placeholder.model.ts';
import { loadResults } from '../src/modules/reports/national/data.ts';
import { checkNewCode, codingChange, highlight, slugOf } from '../src/modules/open-answers/open-answers.model.ts';
import type { AppEnv } from '../src/web/context.ts';
import { account, advisor, Browser, progress, testApp } from './fixtures/advisors/http.ts';
import { parse, text } from './html.ts';
import { createTestDb } from './test-db.ts';

describe('the model (pure)', () => {
  it('slugs, new-code checks, the coding difference, highlighting and counts per edition', () => {
    expect([slugOf('GGD-monitor'), slugOf('Structurele inbedding!'), slugOf('  Één café  '), slugOf('!!!')]).toEqual(['ggd-monitor', 'structurele-inbedding', 'een-cafe', '']);
    const existing = [{ id: 1, slug: 'ggd-monitor', label: 'GGD-monitor', description: '' }];
    expect(checkNewCode('', '', existing)).toEqual(['label.empty']);
    expect(checkNewCode('ggd monitor', '', existing)).toEqual(['label.taken']);
    expect(checkNewCode('???', 'x'.repeat(501), existing)).toEqual(['label.noLetters', 'description.long']);
    expect(checkNewCode('x'.repeat(81), '', existing)).toEqual(['label.long']);
    expect(checkNewCode('Wijkteams', 'Als de wijkteams genoemd worden', existing)).toEqual([]);
    expect(codingChange(new Set([1, 2]), new Set([2, 3]))).toEqual({ add: [3], remove: [1] });
    expect(highlight('De GGD-monitor en de ggd', 'ggd')).toEqual([
      { text: 'De ', match: false }, { text: 'GGD', match: true }, { text: '-monitor en de ', match: false }, { text: 'ggd', match: true },
    ]);
    // Two texts of one municipality with the same code count once; per edition.
    const a = (codeId: number, edition: number, municipality: string, question = 'q') => ({ codeId, edition, municipality, question, part: 'comment' as const });
    expect(codeCounts([a(1, 2022, 'GM1'), a(1, 2022, 'GM1', 'r'), a(1, 2022, 'GM2'), a(1, 2021, 'GM1'), a(2, 2022, 'GM3')]))
      .toEqual(new Map([[1, new Map([[2022, 2], [2021, 1]])], [2, new Map([[2022, 1]])]]));
  });
});

describe('/beheer/edities/2022/open-antwoorden', () => {
  let db: Db;
  let app: Hono<AppEnv>;
  const clock = new Date('2023-03-01T09:00:00Z');
  let admin: Browser;
  let colleague: Browser;
  let ministry: Browser;
  let adviser: Browser;
  const url = '/beheer/edities/2022/open-antwoorden';

  // 2022: Groningen (GM0014) and Amsterdam (GM0363) mention the GGD monitor; Rotterdam (GM0599)
  // something else; Veendam (GM0047) wrote an explanation but never submitted: it does not count.
  const comments: [number, string, string, boolean][] = [
    [2022, 'GM0014', 'We gebruiken de GGD-monitor voor de wijken.', true],
    [2022, 'GM0363', 'Signalen via huisartsen; ggd monitor jaarlijks.', true],
    [2022, 'GM0599', 'Via de wijkteams.', true],
    [2022, 'GM0047', 'Nog niet verstuurd: GGD.', false],
    [2021, 'GM0014', 'In 2021 ook al de GGD-monitor.', true],
  ];

  beforeAll(async () => {
    db = await createTestDb();
    app = testApp(db, () => clock);
    admin = await Browser.as(app, db, clock, (await account(db, 'admin')).id);
    colleague = await Browser.as(app, db, clock, (await account(db, 'admin')).id);
    ministry = await Browser.as(app, db, clock, (await account(db, 'ministry')).id);
    adviser = await Browser.as(app, db, clock, (await advisor(db, 'Anna Noord', ['GM0014', 'GM0047'])).account.id);
    for (const [edition, code, comment, submitted] of comments) {
      await progress(db, edition, code, submitted ? 'submitted' : 'started');
      await db.query(
        `INSERT INTO answers (response_id, question, answer) SELECT id, 'signaalpunt', $3::jsonb FROM responses WHERE edition = $1 AND municipality_code = $2`,
        [edition, code, JSON.stringify({ value: 'ja', comment })],
      );
    }
    // An "Anders, namelijk" text on another question of Rotterdam.
    await db.query(
      `INSERT INTO answers (response_id, question, answer) SELECT id, 'huisbezoeken_uitvoerders', $1::jsonb FROM responses WHERE edition = 2022 AND municipality_code = 'GM0599'`,
      [JSON.stringify({ values: ['anders'], other: 'De bibliotheek' })],
    );
  });
  afterAll(async () => db?.close());

  const texts = (html: string) => [...parse(html).querySelectorAll('ol.open-texts > li')].map((li) => [li.querySelector('h2')?.textContent, li.querySelector('blockquote')?.textContent?.trim()]);
  const codeForm = (html: string, name: string) => {
    const li = [...parse(html).querySelectorAll('ol.open-texts > li')].find((x) => x.querySelector('h2')?.textContent?.startsWith(name));
    const form = li?.querySelector('form');
    if (!form) throw new Error(`no coding form for ${name}`);
    return {
      action: form.getAttribute('action') ?? '',
      fields: [...form.querySelectorAll('input[type=hidden]:not([name=_csrf])')].map((i) => [i.getAttribute('name') ?? '', i.getAttribute('value') ?? ''] as [string, string]),
      codes: new Map([...form.querySelectorAll('input[type=checkbox]')].map((i) => [i.nextElementSibling?.textContent ?? '', i.getAttribute('value') ?? ''])),
    };
  };

  it('lists the questions with text and how many texts of submitted questionnaires each has', async () => {
    const html = await (await admin.get(url)).text();
    const rows = [...parse(html).querySelectorAll('table')[0].querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()));
    const signaal = rows.find((r) => r[1]?.startsWith('Er is een digitaal/telefonisch signaalpunt'));
    expect(signaal?.slice(2)).toEqual(['3', '0']);
    expect(rows.find((r) => r[1]?.includes('Wie voert de huisbezoeken uit'))?.slice(2)).toEqual(['1', '0']);
    expect(text(html)).toContain('Er zijn nog geen codes.');
  });

  it('refuses a code without a name or with a name taken, and makes one with its placeholder', async () => {
    const empty = await admin.post(`${url}/codes`, [['label', '  '], ['description', '']]);
    expect(empty.status).toBe(400);
    const page = parse(await empty.text());
    expect(page.querySelector('.error-summary a[href="#code-label"]')?.textContent).toBe('Vul de naam van de code in');
    expect(page.querySelector('title')?.textContent).toMatch(/^Fout: /);
    const made = await admin.post(`${url}/codes`, [['label', 'GGD-monitor'], ['description', 'De gezondheidsmonitor van de GGD']]);
    expect(made.status).toBe(303);
    const again = await colleague.post(`${url}/codes`, [['label', 'ggd monitor'], ['description', '']]);
    expect(again.status).toBe(400);
    expect(text(await again.text())).toContain('Er is al een code met deze naam');
    expect((await admin.post(`${url}/codes`, [['label', 'Wijkteams'], ['description', '']])).status).toBe(303);
    const html = await (await admin.get(made.headers.get('location') ?? url)).text();
    expect(text(html)).toContain('De code "GGD-monitor" is toegevoegd.');
    expect(text(html)).toContain('{code.ggd-monitor.aantal}');
  });

  it('shows the texts of the edition; searches, filters by province and edition, marks the search term', async () => {
    const html = await (await admin.get(`${url}/signaalpunt`)).text();
    expect(texts(html)).toEqual([
      ['Amsterdam (Noord-Holland), 2022: Toelichting', 'Signalen via huisartsen; ggd monitor jaarlijks.'],
      ['Groningen (Groningen), 2022: Toelichting', 'We gebruiken de GGD-monitor voor de wijken.'],
      ['Rotterdam (Zuid-Holland), 2022: Toelichting', 'Via de wijkteams.'],
    ]);
    expect(text(html)).toContain('3 van de 4 teksten');
    const found = await (await admin.get(`${url}/signaalpunt?zoek=GGD&editie=alle`)).text();
    expect(texts(found).map((t) => t[0])).toEqual([
      'Groningen (Groningen), 2021: Toelichting', 'Amsterdam (Noord-Holland), 2022: Toelichting', 'Groningen (Groningen), 2022: Toelichting',
    ]);
    expect([...parse(found).querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['GGD', 'ggd', 'GGD']);
    const province = await (await admin.get(`${url}/signaalpunt?provincie=Zuid-Holland&editie=2022`)).text();
    expect(texts(province).map((t) => t[0])).toEqual(['Rotterdam (Zuid-Holland), 2022: Toelichting']);
    // A text of a questionnaire that was never submitted is nowhere.
    expect(text(await (await admin.get(`${url}/signaalpunt?editie=alle`)).text())).not.toContain('Nog niet verstuurd');
  });

  it('codes texts; a colleague coding the same text at once never takes the other\'s code off', async () => {
    const page = await (await admin.get(`${url}/signaalpunt`)).text();
    const groningen = codeForm(page, 'Groningen');
    const amsterdam = codeForm(page, 'Amsterdam');
    const ggd = groningen.codes.get('GGD-monitor') ?? '';
    const wijk = groningen.codes.get('Wijkteams') ?? '';
    // Both open the page with Groningen uncoded; one ticks GGD-monitor, the other Wijkteams.
    const saved = await admin.post(groningen.action, [...groningen.fields, ['code', ggd]]);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toContain('#t-2022-GM0014-signaalpunt-comment');
    expect((await colleague.post(groningen.action, [...groningen.fields, ['code', wijk]])).status).toBe(303);
    expect((await admin.post(amsterdam.action, [...amsterdam.fields, ['code', ggd]])).status).toBe(303);
    const after = await (await admin.get(saved.headers.get('location') ?? '')).text();
    const g = codeForm(after, 'Groningen');
    const checked = [...parse(after).querySelectorAll('ol.open-texts > li')].find((x) => x.querySelector('h2')?.textContent?.startsWith('Groningen'))
      ?.querySelectorAll('input[type=checkbox][checked]');
    expect([...(checked ?? [])].map((i) => i.nextElementSibling?.textContent)).toEqual(['GGD-monitor', 'Wijkteams']);
    expect(text(after)).toContain('De codes van deze tekst zijn opgeslagen.');
    // Unticking Wijkteams takes only that one off.
    expect((await admin.post(g.action, [...g.fields, ['code', ggd]])).status).toBe(303);
    const only = await (await admin.get(`${url}/signaalpunt?code=ggd-monitor`)).text();
    expect(texts(only).map((t) => t[0])).toEqual(['Amsterdam (Noord-Holland), 2022: Toelichting', 'Groningen (Groningen), 2022: Toelichting']);
    expect(texts(await (await admin.get(`${url}/signaalpunt?code=geen`)).text()).map((t) => t[0])).toEqual(['Rotterdam (Zuid-Holland), 2022: Toelichting']);
  });

  it('counts municipalities per code and edition, and exports every text with its codes', async () => {
    const html = await (await admin.get(url)).text();
    const table = [...parse(html).querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent === 'Codes en het aantal gemeenten per editie');
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()));
    expect(rows.map((r) => [r[0]?.split('De gezondheidsmonitor')[0], r[2]])).toEqual([['GGD-monitor', '2'], ['Wijkteams', '0']]);
    // The report text cites the same count; an unknown code or measure is unknown (publishing refused).
    const data = await loadResults(db, 2022, { includeUnpublished: true });
    const resolver = createResolver(data!, 'nl');
    expect(resolver.resolve('code.ggd-monitor.aantal')).toMatchObject({ ok: true, text: '2', value: 2 });
    expect(resolver.resolve('code.wijkteams.aantal')).toMatchObject({ ok: true, text: '0' });
    expect(resolver.resolve('code.bestaat-niet.aantal')).toMatchObject({ ok: false, problem: 'unknown' });
    expect(resolver.resolve('code.ggd-monitor.percent')).toMatchObject({ ok: false, problem: 'unknown' });
    expect(resolver.catalogue().find((g) => g.title === 'code')?.entries.map((e) => e.name)).toEqual(['code.ggd-monitor.aantal', 'code.wijkteams.aantal']);
    const csv = await (await ministry.get(`${url}/export.csv`)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('edition,municipality_code,municipality,province,question,question_text,part,text,codes');
    expect(lines.find((l) => l.startsWith('2022,GM0014'))).toMatch(/,comment,We gebruiken de GGD-monitor voor de wijken\.,ggd-monitor$/);
    expect(lines.find((l) => l.startsWith('2022,GM0599') && l.includes('other'))).toMatch(/,other,De bibliotheek,$/);
    expect(lines).toHaveLength(5);
  });

  it('the ministry reads without forms; advisors and the public get nothing; wrong input changes nothing', async () => {
    const html = await (await ministry.get(`${url}/signaalpunt`)).text();
    expect(parse(html).querySelectorAll('ol.open-texts form')).toHaveLength(0);
    expect(text(html)).toContain('GGD-monitor');
    expect((await ministry.post(`${url}/codes`, [['label', 'Iets']])).status).toBe(403);
    for (const path of [url, `${url}/signaalpunt`, `${url}/export.csv`]) {
      expect((await adviser.get(path)).status).toBe(403);
      expect((await new Browser(app).get(path)).status).toBe(303);
    }
    const before = await db.query('SELECT * FROM answer_code_assignments ORDER BY municipality_code, code_id');
    // An unknown text, a text of another question, a made-up code id, no CSRF token.
    expect((await admin.post(`${url}/signaalpunt`, [['tekst', '2022|GM0014|monitoring|comment'], ['code', '1']])).status).toBe(400);
    expect((await admin.post(`${url}/signaalpunt`, [['tekst', 'x'], ['code', '1']])).status).toBe(400);
    expect((await admin.post(`${url}/signaalpunt`, [['tekst', '2022|GM0599|signaalpunt|comment'], ['code', '999']])).status).toBe(303);
    expect((await admin.post(`${url}/signaalpunt`, [['tekst', '2022|GM0599|signaalpunt|comment'], ['code', '1']], null)).status).toBe(403);
    expect(await db.query('SELECT * FROM answer_code_assignments ORDER BY municipality_code, code_id')).toEqual(before);
    expect((await admin.get(`${url}/onbekend`)).status).toBe(404);
    expect((await admin.get('/beheer/edities/1999/open-antwoorden')).status).toBe(404);
  });

  it('removing a code asks first, then takes it off every text', async () => {
    const confirm = await admin.get(`${url}/codes/ggd-monitor/verwijderen`);
    expect(text(await confirm.text())).toContain('De code staat op 2 teksten.');
    const gone = await admin.post(`${url}/codes/ggd-monitor/verwijderen`, []);
    expect(gone.status).toBe(303);
    expect(await db.query('SELECT * FROM answer_code_assignments')).toEqual([]);
    expect((await admin.get(`${url}/codes/ggd-monitor/verwijderen`)).status).toBe(404);
  });
});
