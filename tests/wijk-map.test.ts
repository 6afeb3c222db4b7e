// Issue 19.3, the wijk map of report part 1: the SVG (a class colour per wijk, a wijk without
// figures hatched, a title per wijk), the web report (map, HTML legend, the table beside it with
// "geen cijfers"), the factsheet PDF (pdftotext names the wijken), and new wijk boundary years
// through import-register (--wijk-geo and the service), checked and all or nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import { CliError } from '../src/cli/cli-error.ts';
import { importRegisterCommand } from '../src/cli/commands/import-register.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import { checkWijkGeometry, importRegister, listRegisterYears, municipalWijkMap, pickBoundaryYear, problemLine } from '../src/modules/register/index.ts';
import { buildFactsheetPdf } from '../src/modules/reports/factsheet/index.ts';
import { writeSyntheticWijkFigures } from '../src/modules/wijk-figures/index.ts';
import { projectWijken, WIJK_CLASSES, wijkMapPicture, wijkMapSvg } from '../src/web/charts/index.ts';
import { parse } from './html.ts';
import { storeSubmitted } from './next-edition-fixtures.ts';
import { file, input2025 } from './register-fixtures.ts';
import { createTestDb } from './test-db.ts';

const NOW = new Date('2024-03-04T09:00:00Z');
const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false, trustProxy: 1 };
const shipped = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'data', 'geo', 'wijken-2024.topojson'), 'utf8'));
const text = (el: { textContent: string | null } | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Groningen's wijken from the shipped 2024 boundaries, as a TopoJSON file of their own. */
function wijkFile(edit: (g: Array<{ id: string; type: string; properties: Record<string, unknown> }>) => void = () => {}) {
  const topo = structuredClone(shipped);
  topo.objects.wijk_2024.geometries = topo.objects.wijk_2024.geometries.filter((g: { id: string }) => g.id.startsWith('WK0014'));
  edit(topo.objects.wijk_2024.geometries);
  return file('wijken-2025.topojson', JSON.stringify(topo));
}

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await openEdition(db, 2022, '2022-12-31', NOW);
  await storeSubmitted(db, 2022, [['GM0014', {}], ['GM0363', {}]], NOW);
  await writeSyntheticWijkFigures(db, { seed: 7, now: NOW, municipalities: ['GM0014', 'GM0363'] });
  // Oud-Zuid has no figures: hatched on the map, "geen cijfers" in the table.
  await db.query(`DELETE FROM wijk_figures WHERE region_code = 'WK001401'`);
});
afterAll(async () => {
  await db?.close();
});

describe('the map', () => {
  it('colours each wijk by its class, hatches one without figures, names every wijk', () => {
    const features = [
      { type: 'Feature' as const, properties: { code: 'WK000100', name: 'Noord' }, geometry: { type: 'Polygon' as const, coordinates: [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52.1], [5, 52]]] } },
      { type: 'Feature' as const, properties: { code: 'WK000101', name: 'Zuid' }, geometry: { type: 'Polygon' as const, coordinates: [[[5, 51.9], [5.1, 51.9], [5.1, 52], [5, 52], [5, 51.9]]] } },
    ];
    const svg = wijkMapSvg({
      id: 't', title: 'Kaart', geometry: projectWijken('test', features), values: new Map([['WK000100', 51.2]]),
      label: (w, v) => `${w.name}: ${v ?? 'geen cijfers'}`,
    });
    const doc = parse(`<body>${svg}</body>`);
    const paths = [...doc.querySelectorAll('path')];
    expect(paths.map((p) => p.getAttribute('fill'))).toEqual([WIJK_CLASSES[3].fill, 'url(#t-geen-cijfers)']);
    expect(paths.map((p) => text(p.querySelector('title')))).toEqual(['Noord: 51.2', 'Zuid: geen cijfers']);
    expect(doc.querySelector('pattern#t-geen-cijfers')).not.toBeNull();
    expect(doc.querySelector('svg')?.getAttribute('role')).toBe('img');
  });

  it('for the PDF: the legend\'s swatches in the SVG, its words apart, one under the other beside them', () => {
    const features = [{ type: 'Feature' as const, properties: { code: 'WK000100', name: 'Noord' }, geometry: { type: 'Polygon' as const, coordinates: [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52.1], [5, 52]]] } }];
    const p = wijkMapPicture({ id: 'p', title: 'Kaart', geometry: projectWijken('test-pdf', features), values: new Map(), legend: { classes: ['laag', 'hoog'], none: 'geen cijfers' } });
    expect(p.svg).not.toContain('<text');
    const swatches = [...parse(`<body>${p.svg}</body>`).querySelectorAll('rect')].filter((r) => r.getAttribute('width') === '14');
    expect(swatches).toHaveLength(3);
    expect(p.texts.map((t) => t.text)).toEqual(['laag', 'hoog', 'geen cijfers']);
    swatches.forEach((r, i) => {
      expect(p.texts[i].y).toBe(Number(r.getAttribute('y')) + 11); // baseline inside its swatch's row
      expect(p.texts[i].x).toBeGreaterThan(Number(r.getAttribute('x')) + 14);
    });
    expect(p.texts.every((t) => t.y <= p.height)).toBe(true);
  });

  it('takes the boundaries of the figures\' year, else the newest before, else the oldest after', () => {
    expect(pickBoundaryYear([2024], 2022)).toBe(2024);
    expect(pickBoundaryYear([2020, 2024], 2022)).toBe(2020);
    expect(pickBoundaryYear([2020, 2022, 2024], 2022)).toBe(2022);
    expect(pickBoundaryYear([], 2022)).toBeUndefined();
  });
});

describe('part 1 of the web report and the factsheet', () => {
  it('shows the wijken on a map with a legend, the table beside it as its text alternative', async () => {
    const app = createApp({ db, config, now: () => NOW });
    const token = await createPersonalLink(db, 2022, 'GM0014');
    const res = await app.request(`/v/${token}/rapport`);
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    const svg = doc.querySelector('#eenzaamheid')?.closest('section')?.querySelector('svg.chart--wijk-map');
    expect(svg).toBeTruthy();
    expect(text(svg?.querySelector('title') ?? null)).toMatch(/^Kaart: aandeel volwassenen dat zich eenzaam voelt, per wijk van Groningen/);
    const shapes = [...(svg?.querySelectorAll('path') ?? [])];
    expect(shapes).toHaveLength(20);
    const hatched = shapes.filter((p) => p.getAttribute('fill')?.startsWith('url('));
    expect(hatched.map((p) => text(p.querySelector('title')))).toEqual(['Oud-Zuid: geen cijfers']);
    expect([...doc.querySelectorAll('.map-legend li')].map(text)).toEqual(['minder dan 40%', '40 tot 45%', '45 tot 50%', '50 tot 55%', '55% of meer', 'geen cijfers']);
    expect(text(doc.querySelector('.wijk-map figcaption'))).toContain('Wijkgrenzen: CBS en Kadaster, Wijk- en Buurtkaart 2024 (CC BY 4.0).');
    // No bar chart beside the map; the table has every wijk of the map.
    expect(doc.querySelector('#wijk-chart')).toBeNull();
    const rows = [...doc.querySelectorAll('.wijk-map-layout table tbody tr')].map((tr) => [...tr.children].map(text));
    expect(rows.find((r) => r[0] === 'Oud-Zuid')).toEqual(['Oud-Zuid', 'geen cijfers', 'geen cijfers']);
    for (const w of ['Centrum', 'Oosterparkwijk', 'Glimmen-Onnen-Noordlaren']) expect(rows.some((r) => r[0] === w)).toBe(true);
  });

  it('the factsheet has the map and names every wijk in its table (pdftotext)', async () => {
    const pdf = await buildFactsheetPdf(db, 2022, 'GM0014', { now: NOW });
    expect(pdf).toBeDefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-pdf-'));
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdf as Buffer);
    if (process.env.KEEP_PDF) fs.copyFileSync(path.join(dir, 'f.pdf'), process.env.KEEP_PDF);
    const out = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(out).toContain('1. Eenzaamheid in uw gemeente');
    for (const w of ['Centrum', 'Oud-Zuid', 'Oosterparkwijk', 'Helpman e.o.', 'Haren-Oost e.o.']) expect(out).toContain(w);
    expect(out).toContain('Wijkgrenzen: CBS en Kadaster');
    // The legend's words are text Typst set over the map, not outlines.
    for (const word of ['minder dan 40%', '55% of meer']) expect(out).toContain(word);
  });

  it('a long list (Amsterdam, 111 wijken) goes under the map and runs on over the page, every wijk named', async () => {
    const pdf = await buildFactsheetPdf(db, 2022, 'GM0363', { now: NOW });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-pdf-'));
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdf as Buffer);
    const out = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    const names = (await db.query<{ name: string }>(`SELECT DISTINCT region_name AS name FROM wijk_figures WHERE municipality_code = 'GM0363' AND region_code LIKE 'WK%'`)).map((r) => r.name);
    expect(names.length).toBeGreaterThan(100);
    const lines = new Set(out.split('\n').map((l) => l.trim()));
    const missing = names.filter((n) => !lines.has(n) && !out.replace(/\s+/g, ' ').includes(n));
    expect(missing).toEqual([]);
  });
});

describe('new wijk boundary years through import-register', () => {
  it('checks the file: bad codes, duplicates, wijken of unknown municipalities, not a topology', () => {
    const list = new Set(['GM0014']);
    expect(checkWijkGeometry(new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'), list).problems.map((p) => p.key)).toEqual(['wijkGeo.kind']);
    const bad = wijkFile((g) => {
      g[0].id = 'XX1';
      g[0].properties.statcode = 'XX1';
      g[2].id = g[1].id;
      g[2].properties.statcode = g[1].id;
      g[3].id = 'WK071700';
      g[3].properties.statcode = 'WK071700';
    });
    const r = checkWijkGeometry(bad.bytes, list);
    expect(r.topology).toBeUndefined();
    expect(r.problems.map((p) => p.key)).toEqual(['wijkGeo.id', 'wijkGeo.duplicate', 'wijkGeo.municipality']);
    expect(problemLine('nl', r.problems[0], { wijkGeo: bad.name })).toContain('wijkkaart (wijken-2025.topojson)');
    expect(problemLine('nl', r.problems[2])).toContain('WK071700');
  });

  it('imports a year\'s boundaries with the register (all or nothing); the report then uses them', async () => {
    const wrong = await importRegister(db, input2025({ wijkGeo: wijkFile((g) => { g[0].type = 'LineString'; }) }), { now: NOW });
    expect(wrong.written).toBe(false);
    expect((await db.one<{ n: number }>('SELECT count(*)::int AS n FROM register_wijk_geometry'))?.n).toBe(0);
    expect((await db.one<{ n: number }>('SELECT count(*)::int AS n FROM municipalities WHERE year = 2025'))?.n).toBe(0);

    const renamed = wijkFile((g) => { g.find((x) => x.id === 'WK001400')!.properties.statnaam = 'Binnenstad (2025)'; });
    const report = await importRegister(db, input2025({ wijkGeo: renamed }), { now: NOW });
    expect(report.problems).toEqual([]);
    expect(report.counts.wijkGeometry).toBe(20);
    const in2025 = await municipalWijkMap(db, 'GM0014', 2025);
    expect(in2025?.year).toBe(2025);
    expect(in2025?.geometry.wijken.find((w) => w.code === 'WK001400')?.name).toBe('Binnenstad (2025)');
    // Figures of 2022 keep the nearest boundaries: the shipped 2024 ones.
    expect((await municipalWijkMap(db, 'GM0014', 2022))?.year).toBe(2024);
    expect((await municipalWijkMap(db, 'GM0014', 2026))?.year).toBe(2025);
    // The register page lists where each year's wijk map comes from.
    const years = new Map((await listRegisterYears(db)).map((y) => [y.year, y.wijkMap]));
    expect([years.get(2025), years.get(2024), years.get(2023)]).toEqual(['db', 'file', 'none']);
  });

  it('the CLI takes --wijk-geo and prints every problem; nothing is written on one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-cli-'));
    const write = (name: string, bytes: Uint8Array) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const i = input2025();
    const args = ['--year', '2025', '--municipalities', write('m.csv', i.municipalities.bytes), '--mergers', write('h.csv', i.mergers?.bytes as Uint8Array),
      '--geo', write('g.topojson', i.geo?.bytes as Uint8Array)];
    const out: string[] = [];
    const run = (...more: string[]) => importRegisterCommand.run([...args, ...more], { db, config, now: () => NOW, out: (s) => out.push(s) });
    const bad = write('w-bad.topojson', wijkFile((g) => { g[1].id = g[0].id; g[1].properties.statcode = g[0].id; }).bytes);
    const e = await run('--wijk-geo', bad).catch((x) => x);
    expect(e).toBeInstanceOf(CliError);
    expect(out.join('\n')).toContain('wijkkaart (w-bad.topojson): vorm nr. 2: WK001400 komt ook voor als vorm nr. 1');
    const before = await db.one<{ at: Date }>('SELECT imported_at AS at FROM register_wijk_geometry WHERE year = 2025');
    out.length = 0;
    const later = new Date(NOW.getTime() + 60_000);
    await importRegisterCommand.run([...args, '--wijk-geo', write('w.topojson', wijkFile().bytes)], { db, config, now: () => later, out: (s) => out.push(s) });
    expect(out.join('\n')).toContain('20 wijkvormen');
    const after = await db.one<{ at: Date; name: string }>(
      `SELECT imported_at AS at, (SELECT g->'properties'->>'name' FROM jsonb_array_elements(topojson->'objects'->'wijken'->'geometries') g WHERE g->>'id' = 'WK001400') AS name
       FROM register_wijk_geometry WHERE year = 2025`);
    expect(after?.at.getTime()).toBeGreaterThan(before?.at.getTime() as number);
    expect(after?.name).toBe('Centrum');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
