// Loneliness per wijk: the CBS/RIVM CSV in its release variants (suffixes, separators, decimal
// commas, missing values), bad rows with line and reason, the CLI and the admin upload, and the
// synthetic demo figures (deterministic, plausible, never over measured ones).
import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importWijkFiguresCommand } from '../src/cli/commands/import-wijk-figures.ts';
import { CliError } from '../src/cli/cli-error.ts';
import type { Db } from '../src/db/client.ts';
import {
  generateSyntheticWijkFigures, knownCodes, parseWijkCsv, problemText, readWijkRegister, wijkFigureRoutes, wijkFiguresFor,
  writeSyntheticWijkFigures,
} from '../src/modules/wijk-figures/index.ts';
import type { AppEnv } from '../src/web/context.ts';
import { account, Browser, config, testApp } from './fixtures/advisors/http.ts';
import { text } from './html.ts';
import { createTestDb } from './test-db.ts';

const dir = path.join(import.meta.dirname, 'fixtures', 'wijk');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));
const NOW = new Date('2024-03-01T10:00:00Z');
let db: Db;
let app: Hono<AppEnv>;
const cli = async (...args: string[]) => {
  const out: string[] = [];
  await importWijkFiguresCommand.run(args, { db, config, now: () => NOW, out: (s) => out.push(s) });
  return out;
};
const figures = async (where = 'true') =>
  db.query<{ region: string; indicator: string; value: number; synthetic: boolean; year: number }>(
    `SELECT region_code AS region, indicator, value::float8 AS value, synthetic, year FROM wijk_figures WHERE ${where} ORDER BY region_code, indicator`);

beforeAll(async () => {
  db = await createTestDb();
  app = testApp(db, () => NOW);
  if (!app.routes.some((r) => r.path === '/beheer/wijkcijfers')) app.route('/beheer', wijkFigureRoutes);
});
afterAll(async () => db?.close());
beforeEach(async () => db.query('DELETE FROM wijk_figures'));

describe('reading the CBS/RIVM CSV', () => {
  it('finds the columns by prefix whatever their suffix and separator, with decimal commas and missing values', async () => {
    const known = await knownCodes(db);
    const a = parseWijkCsv(fixture('rivm-2022.csv'), known);
    expect(a.fileErrors).toEqual([]);
    expect(a.problems).toEqual([]);
    expect(a.columns).toEqual({ eenzaam: 'Eenzaam_28', ernstig_eenzaam: 'ErnstigZeerErnstigEenzaam_29', emotioneel_eenzaam: 'EmotioneelEenzaam_30', sociaal_eenzaam: 'SociaalEenzaam_31' });
    // 9 rows: a margin, a 65+ row and a buurt are skipped on purpose, not reported.
    expect([a.rows, a.skipped]).toEqual([9, 3]);
    const value = (region: string, ind: string) => a.figures.find((f) => f.regionCode === region && f.indicator === ind)?.value;
    expect(value('GM0014', 'eenzaam')).toBe(52.3);
    expect(value('WK001400', 'ernstig_eenzaam')).toBe(14.9);
    expect(value('NL01', 'sociaal_eenzaam')).toBe(40);
    // "." and "x" and "" are no figure: WK001401 has two, WK001402 none, Amsterdam's lettered wijk two.
    expect(a.figures.filter((f) => f.regionCode === 'WK001401').map((f) => f.indicator)).toEqual(['eenzaam', 'ernstig_eenzaam']);
    expect(a.figures.some((f) => f.regionCode === 'WK001402')).toBe(false);
    expect(a.figures.find((f) => f.regionCode === 'WK0363AA')).toMatchObject({ municipalityCode: 'GM0363', regionName: 'Haarlemmerbuurt' });
    expect(a.figures).toHaveLength(16);

    const b = parseWijkCsv(fixture('rivm-2020-comma.csv'), known);
    expect(b.problems).toEqual([]);
    expect(b.columns.eenzaam).toBe('Eenzaam_24');
    expect(b.figures.find((f) => f.regionCode === 'GM0014' && f.indicator === 'eenzaam')).toMatchObject({ value: 50, year: 2020 });
    expect(b.figures.find((f) => f.regionCode === 'WK001400' && f.indicator === 'eenzaam')?.value).toBe(53.9);
  });

  it('refuses a file with a required column missing or a prefix twice, and says which', async () => {
    const known = await knownCodes(db);
    const missing = parseWijkCsv(fixture('missing-column.csv'), known);
    expect(missing.fileErrors.map((p) => problemText('nl', p))).toEqual(['Kolom ErnstigZeerErnstigEenzaam_… ontbreekt.']);
    expect(missing.figures).toEqual([]);
    const twice = parseWijkCsv(fixture('twice.csv'), known);
    expect(twice.fileErrors.map((p) => problemText('en', p))).toEqual(['More than one column starts with Eenzaam_: Eenzaam_27, Eenzaam_28.']);
    await expect(cli(path.join(dir, 'missing-column.csv'))).rejects.toThrow(/ErnstigZeerErnstigEenzaam_… ontbreekt/);
    expect(await figures()).toEqual([]);
  });

  it('reports every bad row with its line and reason: unknown wijk, not a number, out of range, duplicates', async () => {
    const p = parseWijkCsv(fixture('bad-rows.csv'), await knownCodes(db));
    expect(p.problems.map((x) => problemText('nl', x))).toEqual([
      'Regel 3: wijkcode WK999999 staat niet in de wijkindeling 2024',
      'Regel 4: Eenzaam_30: "veel" is geen getal',
      'Regel 5: Eenzaam_30: 120 ligt niet tussen 0 en 100',
      'Regel 6: gemeentecode GM9998 is onbekend',
      'Regel 7: onbekende soort regiocode "XX0001" (verwacht WKxxxxxx, GMxxxx of NL01)',
      'Regel 8: WK001400 2022 staat ook al op regel 2',
      'Regel 9: geen jaar in "onbekend"',
    ]);
    expect(p.figures.map((f) => `${f.regionCode} ${f.indicator} ${f.value}`)).toEqual(['WK001400 eenzaam 48.1', 'WK001400 ernstig_eenzaam 10.2']);
  });
});

describe('import-wijk-figures (CLI)', () => {
  it('--dry-run changes nothing; bad rows block everything unless --skip-invalid', async () => {
    const dry = await cli(path.join(dir, 'rivm-2022.csv'), '--dry-run');
    expect(dry.join('\n')).toContain('16 cijfers voor 5 regio\'s in 2022');
    expect(dry.at(-1)).toContain('er is niets gewijzigd');
    expect(await figures()).toEqual([]);

    await expect(cli(path.join(dir, 'bad-rows.csv'))).rejects.toBeInstanceOf(CliError);
    expect(await figures()).toEqual([]);
    const out = await cli(path.join(dir, 'bad-rows.csv'), '--skip-invalid');
    expect(out).toContain('Regel 3: wijkcode WK999999 staat niet in de wijkindeling 2024');
    expect(out.at(-1)).toBe('Geïmporteerd: 2 cijfers.');
    expect((await figures()).map((f) => f.region)).toEqual(['WK001400', 'WK001400']);
  });

  it('imports twice to the same result, and measured figures replace the synthetic ones of that municipality only', async () => {
    await writeSyntheticWijkFigures(db, { seed: 7, now: NOW, municipalities: ['GM0014', 'GM0363', 'GM0034'] });
    expect((await figures(`municipality_code = 'GM0014' AND synthetic`)).length).toBeGreaterThan(0);
    await cli(path.join(dir, 'rivm-2022.csv'));
    const once = await figures();
    await cli(path.join(dir, 'rivm-2022.csv'));
    expect(await figures()).toEqual(once);
    // GM0014 and GM0363 had measured rows: none of their synthetic rows is left; GM0034 keeps its own.
    expect(await figures(`municipality_code IN ('GM0014', 'GM0363') AND synthetic`)).toEqual([]);
    expect((await figures(`municipality_code = 'GM0034' AND synthetic`)).length).toBeGreaterThan(0);
    // A new synthetic run never overwrites a measured figure.
    await writeSyntheticWijkFigures(db, { seed: 8, now: NOW, municipalities: ['GM0014'] });
    expect((await figures(`region_code = 'WK001400' AND year = 2022 AND indicator = 'eenzaam'`))[0]).toMatchObject({ value: 55.8, synthetic: false });

    // The report prefers the measured release (and the national figure of that release).
    const shown = await wijkFiguresFor(db, 'GM0014', 2022);
    expect(shown).toMatchObject({ year: 2022, synthetic: false, municipality: { values: { eenzaam: 52.3 } }, national: { values: { eenzaam: 49 } } });
    expect(shown?.wijken.map((w) => w.code).slice(0, 2)).toEqual(['WK001400', 'WK001401']);
  });
});

describe('synthetic figures for the demo', () => {
  const register = readWijkRegister();
  it('are the same for the same seed, differ for another, and do not depend on which municipalities are asked', () => {
    const a = generateSyntheticWijkFigures(2022, register);
    expect(generateSyntheticWijkFigures(2022, register)).toEqual(a);
    expect(generateSyntheticWijkFigures(2023, register)).not.toEqual(a);
    const some = generateSyntheticWijkFigures(2022, register, { municipalities: ['GM0014'] });
    expect(some).toEqual(a.filter((f) => f.municipalityCode === 'GM0014' || f.regionCode === 'NL01'));
  });

  it('are plausible: adults lonely 40–55%, severely 8–15%, for every wijk; Gravendonck has its fictitious wijken', () => {
    const all = generateSyntheticWijkFigures(2022, register);
    const of = (ind: string) => all.filter((f) => f.indicator === ind).map((f) => f.value);
    expect(Math.min(...of('eenzaam'))).toBeGreaterThanOrEqual(40);
    expect(Math.max(...of('eenzaam'))).toBeLessThanOrEqual(55);
    expect(Math.min(...of('ernstig_eenzaam'))).toBeGreaterThanOrEqual(8);
    expect(Math.max(...of('ernstig_eenzaam'))).toBeLessThanOrEqual(15);
    expect(new Set(all.filter((f) => f.regionCode.startsWith('WK')).map((f) => f.regionCode)).size).toBe(register.wijken.size + 7);
    expect(all.filter((f) => f.municipalityCode === 'GM9999' && f.indicator === 'eenzaam')).toHaveLength(8);
  });
});

describe('admin upload /beheer/wijkcijfers', () => {
  it('is for the bureau only: checks the file, lists bad lines, imports on confirmation', async () => {
    expect((await app.request('/beheer/wijkcijfers')).status).toBe(303);
    const ministry = await Browser.as(app, db, NOW, (await account(db, 'ministry')).id);
    expect((await ministry.get('/beheer/wijkcijfers')).status).toBe(403);
    const admin = await Browser.as(app, db, NOW, (await account(db, 'admin')).id);
    const form = new FormData();
    form.set('_csrf', admin.csrf);
    form.set('bestand', new File([Buffer.from(fixture('bad-rows.csv'))], 'wijken.csv'));
    const preview = await admin.request('/beheer/wijkcijfers', { method: 'POST', body: form });
    const html = await preview.text();
    expect(preview.status).toBe(200);
    expect(text(html)).toContain('Regel 4: Eenzaam_30: "veel" is geen getal');
    expect(await figures()).toEqual([]);
    const upload = /name="upload" value="([^"]+)"/.exec(html)?.[1] as string;
    const done = await admin.post('/beheer/wijkcijfers/bevestigen', [['upload', upload], ['alleen_goed', '1']]);
    expect(done.status).toBe(303);
    expect(decodeURIComponent(done.headers.get('location') ?? '')).toContain('2 cijfers geïmporteerd voor 1 regio’s');
    expect(await figures()).toHaveLength(2);
    // A second confirmation of the same upload does nothing.
    const again = await admin.post('/beheer/wijkcijfers/bevestigen', [['upload', upload], ['alleen_goed', '1']]);
    expect(decodeURIComponent(again.headers.get('location') ?? '')).toContain('verlopen');
    const page = text(await (await admin.get('/beheer/wijkcijfers')).text());
    expect(page).toContain('gemeten (modelschattingen)');
  });
});
