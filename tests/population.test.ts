// Issue 19.1: inhabitants per municipality and year (import-population, /beheer/indeling/inwoners,
// the shipped CBS files) and the size classes built on them in `stats --scope size`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import { CliError, type Command, type CommandContext } from '../src/cli/cli-error.ts';
import { importPopulationCommand } from '../src/cli/commands/import-population.ts';
import { importResponsesCommand } from '../src/cli/commands/import-responses.ts';
import { statsCommand } from '../src/cli/commands/stats.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { sizeClassesByEdition } from '../src/modules/population/index.ts';
import type { AppEnv } from '../src/web/context.ts';
import { parse } from './html.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const NOW = new Date('2025-01-15T10:00:00Z');
const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const root = path.resolve(import.meta.dirname, '..');
let db: Db;
let app: Hono<AppEnv>;
let tmp: string;
const out: string[] = [];
const ctx = (): CommandContext => ({ db, config, now: () => NOW, out: (s) => out.push(s) });

async function run(command: Command, ...args: string[]): Promise<{ out: string; err?: string }> {
  out.length = 0;
  try {
    await command.run(args, ctx());
    return { out: out.join('\n') };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { out: out.join('\n'), err: e.message };
  }
}

/** Everything an import can write, to show that a refused one wrote nothing. */
async function state(): Promise<string> {
  const row = await db.one<{ s: string }>(
    `SELECT concat_ws('|', (SELECT count(*) FROM population),
       (SELECT coalesce(sum(xmin::text::bigint), 0) FROM population),
       (SELECT string_agg(year || ':' || file_name || ':' || imported_at::text, ',' ORDER BY year) FROM population_imports)) AS s`,
  );
  return row?.s ?? '';
}

const write = (name: string, content: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
};
const text = (el: { textContent: string | null } | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shipped = (year: number) => fs.readFileSync(path.join(root, 'data', 'population', `population-${year}.csv`), 'utf8');

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => NOW });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-population-'));
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the shipped population (data/population, loaded with the reference data)', () => {
  it('holds 2022–2024 with the CBS national totals', async () => {
    const years = await db.query<{ year: number; n: number; total: string }>(
      'SELECT year, count(*)::int AS n, sum(inhabitants)::text AS total FROM population GROUP BY year ORDER BY year',
    );
    expect(years).toEqual([
      { year: 2022, n: 345, total: '17590672' },
      { year: 2023, n: 342, total: '17811291' },
      { year: 2024, n: 342, total: '17942942' },
    ]);
  });

  it('gives the demo editions their classes: a few municipalities by hand, and every one against the files', async () => {
    const classes = await sizeClassesByEdition(db);
    const e2022 = classes.get(2022);
    const e2023 = classes.get(2023);
    // by hand from data/population: Amsterdam 882,633 / 918,117; Schiermonnikoog 944 / 982;
    // Aa en Hunze 25,579; Hilversum 2023 93,327; Weesp 2022 20,766 (own row until March 2022)
    expect(e2022?.get('GM0363')).toBe('ge100k');
    expect(e2023?.get('GM0363')).toBe('ge100k');
    expect(e2022?.get('GM0088')).toBe('lt20k');
    expect(e2023?.get('GM0088')).toBe('lt20k');
    expect(e2022?.get('GM1680')).toBe('20k-50k');
    expect(e2023?.get('GM0402')).toBe('50k-100k');
    expect(e2022?.get('GM0457')).toBe('20k-50k');
    // editions whose register year has no figures (2019–2021) have no size classes
    for (const e of [2019, 2020, 2021]) expect(classes.has(e)).toBe(false);
    // every municipality of 2022 and 2023, class worked out from the file with the CBS bounds
    for (const [edition, year] of [[2022, 2022], [2023, 2023]]) {
      // code first, inhabitants last (a name may hold a quoted comma: "Nuenen, Gerwen en Nederwetten")
      const rows = shipped(year).trim().split('\n').slice(1).map((l) => [l.slice(0, 6), l.slice(l.lastIndexOf(',') + 1)]);
      const byHand = (n: number) => (n < 20_000 ? 'lt20k' : n < 50_000 ? '20k-50k' : n < 100_000 ? '50k-100k' : 'ge100k');
      expect(classes.get(edition)?.size).toBe(rows.length);
      for (const [code, inhabitants] of rows) expect(classes.get(edition)?.get(code), code).toBe(byHand(Number(inhabitants)));
    }
  });
});

describe('import-population', () => {
  it('names every problem by line and field and stores nothing', async () => {
    const before = await state();
    const lines = shipped(2024).trim().split('\n');
    // line 2: a bad code; line 3: a code not in the 2024 register (Bedum merged in 2019);
    // line 4: not a number; line 5: a duplicate of line 6's code further on is fine, so a decimal
    lines[1] = 'GX14,Groningen,243768';
    lines[2] = 'GM0005,Bedum,10500';
    lines[3] = 'GM0037,Stadskanaal,veel';
    lines[4] = 'GM0047,Veendam,27520,5';
    lines[5] = 'GM0047,Veendam,27.520';
    const file = write('inwoners-fout.csv', `${lines.join('\n')}\n`);
    const r = await run(importPopulationCommand, '--year', '2024', file);
    expect(r.err).toMatch(/^Niets geïmporteerd \(\d+ fout\(en\)\): inwoners-fout\.csv, regel 2, veld code: "GX14" is geen CBS-gemeentecode/);
    const printed = r.out.split('\n');
    expect(printed).toContain('inwoners-fout.csv, regel 2, veld code: "GX14" is geen CBS-gemeentecode (GM en vier cijfers)');
    expect(printed).toContain('inwoners-fout.csv, regel 3, veld code: GM0005 staat niet in de gemeentelijke indeling van dit jaar');
    expect(printed).toContain('inwoners-fout.csv, regel 4, veld inhabitants: "veel" is geen geheel aantal inwoners');
    expect(printed).toContain('inwoners-fout.csv, regel 6, veld code: GM0047 staat ook al op regel 5');
    // Groningen, now without a row, is named as missing (no line: it is not in the file)
    expect(printed).toContain('inwoners-fout.csv, GM0014 (Groningen) staat in de gemeentelijke indeling maar niet in het bestand');
    expect(await state()).toBe(before);
  });

  it('refuses a missing column, a year without register and an empty file, storing nothing', async () => {
    const before = await state();
    const noColumn = write('zonder-kolom.csv', 'code,name\nGM0014,Groningen\n');
    expect((await run(importPopulationCommand, '--year', '2024', noColumn)).err)
      .toBe('Niets geïmporteerd (1 fout(en)): zonder-kolom.csv, regel 1: kolom(men) inhabitants ontbreken; gevonden: code, name; verwacht: code,name,inhabitants');
    const y2030 = write('inwoners-2030.csv', shipped(2024));
    expect((await run(importPopulationCommand, '--year', '2030', y2030)).err).toMatch(/er is geen gemeentelijke indeling van 2030/);
    expect((await run(importPopulationCommand, '--year', '2024', write('leeg.csv', ''))).err).toMatch(/het bestand is leeg/);
    expect((await run(importPopulationCommand, '--year', 'twintig', noColumn)).err).toMatch(/jaartal/);
    expect((await run(importPopulationCommand, '--year', '2024')).err).toMatch(/Geef het CSV-bestand/);
    expect(await state()).toBe(before);
  });

  it('imports a correct file as a whole (semicolons and Dutch thousands too), replacing the year', async () => {
    const dutch = shipped(2024).replace(/,/g, ';').replace('GM0088;Schiermonnikoog;972', 'GM0088;Schiermonnikoog;1.972').replace('GM0363;Amsterdam;931298', 'GM0363;Amsterdam;"931 298"');
    const file = write('inwoners-2024.csv', dutch);
    const dry = await run(importPopulationCommand, '--year', '2024', file, '--dry-run');
    expect(dry.err).toBeUndefined();
    expect(dry.out).toContain('Proefimport');
    expect(await db.one('SELECT inhabitants FROM population WHERE year = 2024 AND code = $1', ['GM0088'])).toEqual({ inhabitants: 972 });
    const r = await run(importPopulationCommand, '--year', '2024', file);
    expect(r.err).toBeUndefined();
    expect(r.out).toMatch(/^2024: 342 gemeenten; minder dan 20\.000 inwoners: \d+, .*100\.000 inwoners of meer: \d+ \(vervangt de eerdere inwonertallen van 2024\)\nInwonertallen 2024 opgeslagen\.$/);
    expect(await db.one('SELECT inhabitants FROM population WHERE year = 2024 AND code = $1', ['GM0088'])).toEqual({ inhabitants: 1972 });
    expect(await db.one('SELECT inhabitants FROM population WHERE year = 2024 AND code = $1', ['GM0363'])).toEqual({ inhabitants: 931298 });
    expect(await db.one('SELECT file_name FROM population_imports WHERE year = 2024')).toEqual({ file_name: 'inwoners-2024.csv' });
  });
});

describe('/beheer/indeling/inwoners', () => {
  it('is the same upload for an admin: problems by line and field, nothing stored; a good file is stored', async () => {
    const admin = await signedInAs(app, db, 'admin', NOW);
    const page = await admin.get('/beheer/indeling/inwoners');
    expect(page.status).toBe(200);
    const doc = parse(await page.text());
    expect(text(doc.querySelector('h1'))).toBe('Inwonertallen');
    expect(text(doc.querySelector('table'))).toContain('data/population/population-2022.csv');
    const before = await state();
    const bad = await admin.upload('/beheer/indeling/inwoners', { jaar: '2023', bestand: new Blob(['code,name,inhabitants\nGM0014,Groningen,abc\n']) }, 'inwoners.csv');
    expect(bad.status).toBe(422);
    const body = parse(await bad.text());
    expect(text(body.querySelector('[role=alert]'))).toMatch(/Niets opgeslagen: \d+ problemen in inwoners\.csv/);
    const first = [...body.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => text(td)));
    expect(first).toContainEqual(['2', 'inhabitants', '"abc" is geen geheel aantal inwoners']);
    expect(await state()).toBe(before);
    const empty = await admin.upload('/beheer/indeling/inwoners', { jaar: '' }, 'x.csv');
    expect(empty.status).toBe(400);
    const checked = await admin.upload('/beheer/indeling/inwoners', { jaar: '2023', controleren: '1', bestand: new Blob([shipped(2023)]) }, 'cbs-2023.csv');
    expect(checked.status).toBe(200);
    expect(text(parse(await checked.text()).querySelector('[role=status]'))).toContain('Gecontroleerd, niets opgeslagen: cbs-2023.csv is in orde.');
    expect(await state()).toBe(before);
    const good = await admin.upload('/beheer/indeling/inwoners', { jaar: '2023', bestand: new Blob([shipped(2023)]) }, 'cbs-2023.csv');
    expect(good.status).toBe(200);
    expect(text(parse(await good.text()).querySelector('[role=status]'))).toContain('Inwonertallen 2023 opgeslagen uit cbs-2023.csv');
    expect(await db.one('SELECT file_name FROM population_imports WHERE year = 2023')).toEqual({ file_name: 'cbs-2023.csv' });
  });
});

describe('stats --scope size', () => {
  const stats = (...args: string[]) => run(statsCommand, ...args);

  it('gives every class as size:ID, and one class with size:ID (figures worked out by hand)', async () => {
    const fixture = path.join(import.meta.dirname, 'fixtures', 'responses', 'valid-2021-2022.csv');
    expect((await run(importResponsesCommand, fixture)).err).toBeUndefined();
    // 2022: Amsterdam ja, Groningen ja, Rotterdam nee (all ≥ 100k); Aa en Hunze (25,579) ja
    const all = (await stats('--edition', '2022', '--scope', 'size', '--format', 'csv')).out.split('\n');
    expect(all[0]).toBe('edition,scope,question,item,option,count,n,percent');
    for (const row of [
      '2022,size:ge100k,week_tegen_eenzaamheid,,ja,2,3,66.7',
      '2022,size:ge100k,week_tegen_eenzaamheid,,nee,1,3,33.3',
      '2022,size:20k-50k,week_tegen_eenzaamheid,,ja,1,1,100.0',
      '2022,size:lt20k,week_tegen_eenzaamheid,,ja,0,0,',
      '2022,size:50k-100k,week_tegen_eenzaamheid,,nee,0,0,',
    ]) expect(all).toContain(row);
    const scopes = [...new Set(all.slice(1).map((l) => l.split(',')[1]))];
    expect(scopes).toEqual(['size:lt20k', 'size:20k-50k', 'size:50k-100k', 'size:ge100k']);

    const lt20k = (await stats('--edition', '2022', '--scope', 'size:lt20k', '--format', 'csv')).out.split('\n');
    expect(lt20k.slice(1).every((l) => l.startsWith('2022,size:lt20k,'))).toBe(true);
    expect(lt20k.length).toBe((all.length - 1) / 4 + 1);
    const json = JSON.parse((await stats('--edition', '2022', '--scope', 'size:GE100K', '--format', 'json')).out);
    expect(json.find((r: { question: string; option: string }) => r.question === 'week_tegen_eenzaamheid' && r.option === 'ja')).toEqual({
      edition: 2022, scope: 'size:ge100k', question: 'week_tegen_eenzaamheid', item: null, option: 'ja', count: 2, n: 3, percent: 66.7, suppressed: true,
    });
    expect((await stats('--edition', '2022', '--scope', 'all', '--format', 'csv')).out).toContain('\n2022,size:ge100k,');
  });

  it('an edition without population figures has no size scope, and says so', async () => {
    expect((await stats('--edition', '2021', '--scope', 'size', '--format', 'csv')).err)
      .toBe('Editie 2021 heeft geen vergelijking naar grootte: er zijn geen inwonertallen van 2021 (importeer ze met import-population --year 2021)');
    expect((await stats('--edition', '2021', '--scope', 'size:lt20k', '--format', 'csv')).err).toMatch(/geen inwonertallen van 2021/);
    expect((await stats('--edition', '2022', '--scope', 'size:klein', '--format', 'csv')).err)
      .toBe('Onbekende grootteklasse "klein"; verwacht een van: lt20k, 20k-50k, 50k-100k, ge100k');
    expect((await stats('--edition', '2021', '--scope', 'all', '--format', 'csv')).out).not.toContain(',size:');
  });
});
