// Register years as data (issue 17, point 5): a 2025 register built from the shipped 2024 one with
// one merger, imported through the service, the CLI command and /beheer/indeling; every kind of
// wrong input named by file, line and field with nothing written; dry run; replacing a year and
// refusing to when responses use it; the map of an imported year.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegisterCommand } from '../src/cli/commands/import-register.ts';
import { CliError } from '../src/cli/cli-error.ts';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import {
  importRegister, listRegisterYears, mapGeometry, problemLine, type RegisterInput, type RegisterReport, readRegisterFiles,
} from '../src/modules/register/index.ts';
import { responseMap } from '../src/web/charts/index.ts';
import type { AppEnv } from '../src/web/context.ts';
import { parse, text } from './html.ts';
import { file, fixture, geo2025, geojson2025, input2025, MERGED, municipalities2025, topology2025 } from './register-fixtures.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const NOW = new Date('2025-01-15T10:00:00Z');
const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
let db: Db;
let app: Hono<AppEnv>;

/** Everything an import can write, to show that a refused one wrote nothing. */
async function state(): Promise<string> {
  const row = await db.one<{ s: string }>(
    `SELECT concat_ws('|',
       (SELECT count(*) FROM municipalities), (SELECT string_agg(DISTINCT year::text, ',') FROM municipalities),
       (SELECT count(*) || ':' || COALESCE(sum(xmin::text::bigint), 0) FROM municipalities),
       (SELECT count(*) || ':' || COALESCE(sum(xmin::text::bigint), 0) FROM mergers),
       (SELECT count(*) FROM register_geometry), (SELECT count(*) FROM register_wijken), (SELECT count(*) FROM register_imports)) AS s`,
  );
  return row?.s ?? '';
}

const lines = (r: RegisterReport) => r.problems.map((p) => problemLine('nl', p, r.files));

async function refused(input: RegisterInput): Promise<string[]> {
  const before = await state();
  const r = await importRegister(db, input, { now: NOW });
  expect(r.written).toBe(false);
  expect(await state()).toBe(before);
  return lines(r);
}

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => NOW });
});
afterAll(async () => db?.close());

describe('wrong input: a message naming file, line and field, and nothing written', () => {
  const withMunicipalities = (text: string) => input2025({ municipalities: file('gemeenten-2025.csv', text) });
  const header = 'code,name,province_code,province_name,number';

  it('a bad code, an unknown province, a duplicate, a missing name, a number that does not fit', async () => {
    const body = municipalities2025().split('\n');
    body[1] = 'GM14,Groningen,PV20,Groningen,0014'; // line 2
    body[2] = body[2].replace(',PV24,', ',PV99,'); // line 3
    body[5] = body[4]; // line 6 repeats line 5
    body[7] = body[7].replace(/^(GM\d{4}),[^,]+,/, '$1,,'); // line 8
    body[9] = body[9].replace(/,\d{4}$/, ',0001'); // line 10
    const got = await refused(withMunicipalities(body.join('\n')));
    const code5 = body[4].slice(0, 6);
    expect(got).toEqual(expect.arrayContaining([
      'gemeenten (gemeenten-2025.csv), regel 2, veld code: "GM14" is geen gemeentecode (GM gevolgd door vier cijfers, bijvoorbeeld GM0363)',
      expect.stringMatching(/^gemeenten \(gemeenten-2025\.csv\), regel 3, veld province_code: provincie "PV99" is onbekend; bekend zijn PV20, PV21, .*PV31$/),
      `gemeenten (gemeenten-2025.csv), regel 6, veld code: ${code5} staat ook al op regel 5`,
      'gemeenten (gemeenten-2025.csv), regel 8, veld name: de naam ontbreekt',
      expect.stringMatching(/^gemeenten \(gemeenten-2025\.csv\), regel 10, veld number: nummer 0001 past niet bij code GM\d{4}$/),
    ]));
  });

  it('wrong columns, an empty file, only a header, an unreadable CSV', async () => {
    expect(await refused(withMunicipalities('gemeentecode,naam\nGM0014,Groningen\n'))).toEqual([
      'gemeenten (gemeenten-2025.csv), regel 1: kolom(men) code, name, province_code ontbreken; gevonden: gemeentecode, naam; verwacht minstens: code,name,province_code',
    ]);
    expect(await refused(withMunicipalities(''))).toEqual(['gemeenten (gemeenten-2025.csv): het bestand is leeg']);
    expect(await refused(withMunicipalities(`${header}\n`))).toEqual(['gemeenten (gemeenten-2025.csv): het bestand heeft alleen een kopregel, geen gegevens']);
    expect((await refused(withMunicipalities(`${header}\n"GM0014,Groningen,PV20\n`)))[0]).toMatch(/^gemeenten \(gemeenten-2025\.csv\), regel 2: het bestand is geen leesbare CSV/);
    expect(await refused(input2025({ mergers: file('herindelingen.csv', 'old_code,new_code\nGM0687,GM1996\n') }))).toEqual([
      'herindelingen (herindelingen.csv), regel 1: kolom(men) year_effective, date_effective, first_list_year, old_name, new_name, type ontbreken; gevonden: old_code, new_code; verwacht minstens: year_effective,date_effective,first_list_year,old_code,old_name,new_code,new_name,type',
      // Without readable mergers the list no longer explains the new and the vanished codes.
      expect.stringContaining('GM1996 stond niet in de indeling van 2024'),
      expect.stringContaining('2 gemeente(n) van 2024 ontbreken in 2025 zonder herindeling'),
    ]);
  });

  it('a merger to a code not in the list, from a code no earlier year has, a cycle, a bad type and date', async () => {
    const mergers = fixture('mergers-2025.csv');
    const text = `${Buffer.from(mergers.bytes).toString('utf8')}` +
      '2025,2025-01-01,2025,GM0014,Groningen,GM1997,Nergens,merged,1.00,\n' + // line 4: GM1997 not in the list
      '2025,2025-01-01,2025,GM1998,Niemand,GM0034,Almere,merged,,\n' + // line 5: GM1998 in no earlier year
      '2025,2025-01-01,2025,GM0034,Almere,GM0034,Almere,absorbed,1.00,\n' + // line 6: unknown type
      '2025,2025-13-01,2025,GM0363,Amsterdam,GM0363,Amsterdam,continues,1.00,\n' + // line 7: no such date
      '2021,2021-01-01,2021,GM0999,Oud,GM0014,Groningen,merged,1.00,\n'; // line 8: an earlier year, not known
    const got = await refused(input2025({ mergers: file('herindelingen.csv', text) }));
    expect(got).toEqual(expect.arrayContaining([
      'herindelingen (herindelingen.csv), regel 4, veld new_code: nieuwe code GM1997 staat niet in de gemeentelijke indeling van 2025',
      'herindelingen (herindelingen.csv), regel 4, veld old_code: oude code GM0014 is opgeheven (merged) maar staat nog in de indeling van 2025',
      'herindelingen (herindelingen.csv), regel 5, veld old_code: oude code GM1998 staat in geen enkele indeling vóór 2025',
      'herindelingen (herindelingen.csv), regel 6, veld type: soort "absorbed" is onbekend; kies uit merged, split, continues',
      'herindelingen (herindelingen.csv), regel 7, veld date_effective: "2025-13-01" is geen datum (JJJJ-MM-DD)',
      'herindelingen (herindelingen.csv), regel 8, veld first_list_year: deze herindeling hoort bij de indeling van 2021 en is daar niet bekend; importeer haar met --year 2021',
    ]));
    // A chain back to where it started (Amsterdam → Walcheren → Amsterdam) is refused, naming it.
    const cycle = `${Buffer.from(mergers.bytes).toString('utf8')}2025,2025-01-01,2025,GM1996,Walcheren (test),GM0687,Middelburg (Z.),merged,1.00,\n`;
    const list = `${municipalities2025()}GM0687,Middelburg (Z.),PV29,Zeeland,0687\n`;
    const got2 = await refused(input2025({ mergers: file('herindelingen.csv', cycle), municipalities: file('gemeenten-2025.csv', list), geo: undefined }));
    expect(got2).toEqual(expect.arrayContaining([expect.stringMatching(/regel 2, veld new_code: de herindelingen vormen een kring: GM0687 → GM1996 → GM0687/)]));
  });

  it('a new code without a merger, a vanished code without one', async () => {
    expect(await refused(input2025({ mergers: undefined }))).toEqual([
      expect.stringMatching(/^gemeenten \(municipalities-2025\.csv\), regel \d+, veld code: GM1996 stond niet in de indeling van 2024 en is geen new_code van een herindeling \(--mergers\)$/),
      'gemeenten (municipalities-2025.csv), veld code: 2 gemeente(n) van 2024 ontbreken in 2025 zonder herindeling (old_code) (--mergers): GM0687 (Middelburg (Z.)), GM0717 (Veere)',
    ]);
  });

  it('geometry: ids missing and extra are named, a duplicate, not a map at all', async () => {
    const topo = topology2025();
    const g = topo.objects.gemeenten.geometries;
    g.splice(g.findIndex((x) => x.id === 'GM0014'), 1);
    g.push({ ...g[0], id: 'GM0717' });
    const got = await refused(input2025({ geo: file('kaart.topojson', JSON.stringify(topo)) }));
    expect(got).toEqual([
      'kaart (kaart.topojson): op de kaart ontbreken 1 gemeente(n) van de lijst: GM0014',
      'kaart (kaart.topojson): op de kaart staan 1 code(s) die niet in de lijst staan: GM0717',
    ]);
    g.push({ ...g[1] });
    expect((await refused(input2025({ geo: file('kaart.topojson', JSON.stringify(topo)) })))).toContain(
      `kaart (kaart.topojson), veld id: vorm nr. ${g.length}: ${g[1].id} komt ook voor als vorm nr. 2`);
    expect(await refused(input2025({ geo: file('kaart.json', '{"type":"Feature"}') }))).toEqual([
      'kaart (kaart.json): verwacht TopoJSON (type Topology met object gemeenten) of GeoJSON (type FeatureCollection), niet "Feature"',
    ]);
    expect((await refused(input2025({ geo: file('kaart.json', '{"type":') })))[0]).toMatch(/^kaart \(kaart\.json\): het bestand is geen leesbare JSON/);
    const noObject = { ...topology2025(), objects: { gemeente: topology2025().objects.gemeenten } };
    expect(await refused(input2025({ geo: file('kaart.topojson', JSON.stringify(noObject)) }))).toEqual([
      'kaart (kaart.topojson): de TopoJSON heeft geen object "gemeenten" (wel: gemeente)',
    ]);
  });

  it('a wijk of an unknown municipality, a bad wijk code, a wijk code of another municipality', async () => {
    const wijken = 'wijk_code,wijk_name,municipality_code,municipality_name\n' +
      'WK071700,Veere-Dorp,GM0717,Veere\n' + // Veere is gone in 2025
      'WK12,Kort,GM0014,Groningen\n' +
      'WK036300,Centrum,GM0014,Groningen\n';
    expect(await refused(input2025({ wijken: file('wijken.csv', wijken) }))).toEqual([
      'wijken (wijken.csv), regel 2, veld municipality_code: wijk WK071700 hoort bij "GM0717", en die gemeente staat niet in de indeling van 2025',
      'wijken (wijken.csv), regel 3, veld wijk_code: "WK12" is geen wijkcode (WK gevolgd door zes tekens, bijvoorbeeld WK036300)',
      'wijken (wijken.csv), regel 4, veld wijk_code: wijkcode WK036300 begint niet met het nummer van GM0014',
    ]);
  });

  it('a year that is not a year', async () => {
    expect(await refused(input2025({ year: 25 }))).toEqual(['jaar: het jaar "25" is geen jaartal (bijvoorbeeld 2025)']);
  });
});

describe('the shipped files pass the same checks', () => {
  it('re-checking 2021 and 2023 from data/register (dry run) finds nothing wrong', async () => {
    const shipped = readRegisterFiles();
    for (const year of [2021, 2023]) {
      const list = ['code,name,province_code', ...shipped.municipalities.filter((m) => m.year === year).map((m) => `${m.code},"${m.name}",${m.provinceCode}`)].join('\n');
      const r = await importRegister(db, { year, municipalities: file(`municipalities-${year}.csv`, list), mergers: fixtureFromData('mergers.csv') },
        { now: NOW, dryRun: true });
      expect(lines(r), String(year)).toEqual([]);
      expect(r.notes.map((n) => n.key)).toEqual(['note.replaces', 'note.mergersSkipped', 'note.geoShipped', 'note.dryRun']);
    }
  });
});

function fixtureFromData(name: string) {
  return { name, bytes: new Uint8Array(fs.readFileSync(path.resolve('data/register', name))) };
}

describe('importing 2025', () => {
  it('a dry run checks everything and writes nothing', async () => {
    const before = await state();
    const r = await importRegister(db, input2025(), { now: NOW, dryRun: true });
    expect(lines(r)).toEqual([]);
    expect(r.counts).toEqual({ municipalities: 341, mergers: 2, wijken: 8, geometry: 341 });
    expect(r.written).toBe(false);
    expect(await state()).toBe(before);
  });

  it('imports the year: municipalities, mergers, wijken and the map, which the chart draws', async () => {
    const r = await importRegister(db, input2025(), { now: NOW });
    expect(lines(r)).toEqual([]);
    expect(r.written).toBe(true);
    expect(r.notes.map((n) => n.key)).toEqual(['note.new', 'note.written']);
    const muni = await db.query<{ code: string; name: string }>('SELECT code, name FROM municipalities WHERE year = 2025 AND code = $1', [MERGED.code]);
    expect(muni).toEqual([{ code: MERGED.code, name: MERGED.name }]);
    expect((await db.one<{ n: number }>('SELECT count(*)::int AS n FROM municipalities WHERE year = 2025'))?.n).toBe(341);
    expect(await db.query('SELECT old_code, new_code, type FROM mergers WHERE first_list_year = 2025 ORDER BY old_code')).toEqual([
      { old_code: 'GM0687', new_code: MERGED.code, type: 'merged' }, { old_code: 'GM0717', new_code: MERGED.code, type: 'merged' },
    ]);
    expect((await db.one<{ n: number }>('SELECT count(*)::int AS n FROM register_wijken WHERE year = 2025'))?.n).toBe(8);
    const geometry = (await mapGeometry(db, 2025))!;
    expect(geometry.municipalities).toHaveLength(341);
    expect(geometry.municipalities.some((m) => m.code === MERGED.code && m.d.length > 10)).toBe(true);
    const svg = responseMap({ id: 'kaart', title: 'Respons 2025', geometry, highlighted: new Set([MERGED.code]), legend: { highlighted: 'ja', other: 'nee' } });
    expect(svg).toMatch(/^<svg[^>]+role="img"/);
    const years = await listRegisterYears(db);
    expect(years[0]).toMatchObject({ year: 2025, municipalities: 341, map: 'db', wijken: 8 });
    expect(years.find((y) => y.year === 2024)).toMatchObject({ map: 'file', wijken: null, importedAt: null });
  });

  it('importing the same year again replaces it and says so; GeoJSON is accepted', async () => {
    const r = await importRegister(db, input2025({ geo: geojson2025(), wijken: undefined }), { now: new Date(NOW.getTime() + 60_000) });
    expect(lines(r)).toEqual([]);
    expect(r.notes.map((n) => n.key)).toEqual(['note.replaces', 'note.geojson', 'note.written']);
    expect(r.notes[0].params).toMatchObject({ year: 2025, n: 341, source: 'import' });
    expect((await db.one<{ n: number }>('SELECT count(*)::int AS n FROM register_wijken WHERE year = 2025'))?.n).toBe(0);
    expect((await db.one<{ n: number }>('SELECT count(*)::int AS n FROM mergers WHERE first_list_year = 2025'))?.n).toBe(2);
    // A new version of the map: drawn from the GeoJSON (province borders from each municipality's province).
    const geometry = (await mapGeometry(db, 2025))!;
    expect(geometry.municipalities).toHaveLength(341);
    expect(geometry.provinces.length).toBeGreaterThan(1000);
  });

  it('refuses to replace a year that an edition with responses uses, saying why', async () => {
    // Editions 2019–2023 have no responses here (no demo): give 2023 one.
    await db.query(`INSERT INTO responses (edition, municipality_code, status) VALUES (2023, 'GM0014', 'open')`);
    const shipped = readRegisterFiles();
    const list = ['code,name,province_code', ...shipped.municipalities.filter((m) => m.year === 2023).map((m) => `${m.code},"${m.name}",${m.provinceCode}`)].join('\n');
    const got = await refused({ year: 2023, municipalities: file('municipalities-2023.csv', list), mergers: fixtureFromData('mergers.csv') });
    expect(got).toEqual(['jaar: de indeling van 2023 wordt gebruikt door editie(s) met antwoorden: 2023 (1); die indeling kan niet meer worden vervangen']);
    await db.query(`DELETE FROM responses WHERE edition = 2023`);
  });
});

describe('import-register on the command line', () => {
  const run = async (...args: string[]) => {
    const out: string[] = [];
    try {
      await importRegisterCommand.run(args, { db, config, now: () => NOW, out: (s) => out.push(s) });
      return { out, error: undefined as string | undefined };
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      return { out, error: e.message };
    }
  };

  it('prints every problem by file, line and field; a one-line reason; nothing written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-register-'));
    try {
      fs.writeFileSync(`${dir}/gemeenten.csv`, 'code,name,province_code\nGM0014,Groningen,PV20\nGMX,,PV20\n');
      const before = await state();
      const r = await run('--year', '2026', '--municipalities', `${dir}/gemeenten.csv`, '--dry-run');
      expect(r.out).toContain('gemeenten (gemeenten.csv), regel 3, veld code: "GMX" is geen gemeentecode (GM gevolgd door vier cijfers, bijvoorbeeld GM0363)');
      expect(r.out).toContain('gemeenten (gemeenten.csv), regel 3, veld name: de naam ontbreekt');
      expect(r.error).toMatch(/^Niets geïmporteerd \(\d+ fout\(en\)\): gemeenten \(gemeenten\.csv\), regel 3, veld code/);
      expect(await state()).toBe(before);
      expect((await run('--year', '2026')).error).toBe('Geef het bestand met gemeenten: --municipalities gemeenten-2025.csv');
      expect((await run('--year', '2026', '--municipalities', `${dir}/bestaat-niet.csv`)).error).toMatch(/^Kan .*bestaat-niet\.csv \(--municipalities\) niet lezen: ENOENT/);
      // A dry run of a good year says so and writes nothing.
      fs.writeFileSync(`${dir}/gemeenten-2025.csv`, municipalities2025());
      fs.writeFileSync(`${dir}/herindelingen.csv`, Buffer.from(fixture('mergers-2025.csv').bytes));
      fs.writeFileSync(`${dir}/kaart.topojson`, Buffer.from(geo2025().bytes));
      const dry = await run('--year', '2025', '--municipalities', `${dir}/gemeenten-2025.csv`, '--mergers', `${dir}/herindelingen.csv`, '--geo', `${dir}/kaart.topojson`, '--dry-run');
      expect(dry.error).toBeUndefined();
      expect(dry.out).toEqual([
        '341 gemeenten, 2 herindelingen, 0 wijken, 341 vormen op de kaart.',
        'De indeling van 2025 bestaat al (341 gemeenten, eerder geïmporteerd) en wordt vervangen: gemeenten, herindelingen van dit jaar, kaart en wijken.',
        'Proefrun: er is niets gewijzigd.',
      ]);
      expect(await state()).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('/beheer/indeling', () => {
  it('is for the bureau only', async () => {
    expect((await app.request('/beheer/indeling')).status).toBe(303);
    for (const role of ['ministry', 'advisor'] as const) {
      const who = await signedInAs(app, db, role, NOW);
      expect((await who.get('/beheer/indeling')).status, role).toBe(403);
      expect((await who.upload('/beheer/indeling', { jaar: '2026', gemeenten: new Blob([municipalities2025()]) })).status, role).toBe(403);
    }
  });

  it('lists the years, checks an upload (nothing saved), imports on confirmation', async () => {
    const admin = await signedInAs(app, db, 'admin', NOW);
    const page = parse(await (await admin.get('/beheer/indeling')).text());
    expect(page.querySelector('h1')?.textContent).toBe('Gemeentelijke indeling');
    expect([...page.querySelectorAll('tbody th[scope=row]')].map((th) => th.textContent)).toEqual(['2025', '2024', '2023', '2022', '2021', '2020', '2019']);
    expect(page.querySelector('nav a[aria-current=page]')?.textContent).toBe('Gemeentelijke indeling');

    // Form errors: no year, no file.
    const empty = await admin.upload('/beheer/indeling', { jaar: 'volgend jaar' });
    expect(empty.status).toBe(400);
    const doc = parse(await empty.text());
    expect([...doc.querySelectorAll('.error-summary a')].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['#jaar', 'Vul het jaar in als jaartal, bijvoorbeeld 2025'], ['#gemeenten', 'Kies het CSV-bestand met de gemeenten'],
    ]);

    // A bad file: the problems per file, line and field; nothing to confirm; nothing saved.
    const before = await state();
    const bad = await upload(admin, '2026', 'code,name,province_code\nGM0014,Groningen,PV99\n');
    expect(bad.status).toBe(422);
    const badDoc = parse(await bad.text());
    expect(badDoc.querySelector('table')?.textContent).toContain('provincie "PV99" is onbekend');
    expect([...badDoc.querySelectorAll('tbody tr')][0].querySelectorAll('td')[1].textContent).toBe('2');
    expect(badDoc.querySelector('form[action="/beheer/indeling/bevestigen"]')).toBeNull();
    expect(await state()).toBe(before);

    // A good one: checked, then imported on confirmation (once).
    const good = await upload(admin, '2025', municipalities2025(), Buffer.from(fixture('mergers-2025.csv').bytes).toString('utf8'));
    expect(good.status).toBe(200);
    const html = await good.text();
    expect(text(html)).toContain('Alles klopt. Er is nog niets opgeslagen.');
    expect(text(html)).toContain('De indeling van 2025 bestaat al');
    expect(await state()).toBe(before);
    const id = /name="upload" value="([^"]+)"/.exec(html)?.[1] as string;
    const done = await admin.post('/beheer/indeling/bevestigen', [['upload', id]]);
    expect(done.status).toBe(303);
    expect(decodeURIComponent(done.headers.get('location') ?? '')).toContain('De gemeentelijke indeling van 2025 is geïmporteerd: 341 gemeenten, 2 herindelingen');
    const again = await admin.post('/beheer/indeling/bevestigen', [['upload', id]]);
    expect(decodeURIComponent(again.headers.get('location') ?? '')).toContain('verlopen');
  });
});

function upload(who: Awaited<ReturnType<typeof signedInAs>>, year: string, municipalities: string, mergers?: string) {
  return who.upload('/beheer/indeling', {
    jaar: year, gemeenten: new Blob([municipalities]), kaart: new Blob([Buffer.from(geo2025().bytes)]),
    ...(mergers ? { herindelingen: new Blob([mergers]) } : {}),
  });
}
