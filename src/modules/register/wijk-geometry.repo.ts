// Wijk boundaries per year: an imported year from the database (register_wijk_geometry, via
// import-register --wijk-geo), else the file shipped in data/geo (wijken-YYYY.topojson, CBS/Kadaster,
// CC BY 4.0). A municipality's map uses the boundary year of its figures, or the nearest one: wijk
// codes rarely change, and a wijk the figures name but the map lacks is still in the table.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Db } from '../../db/client.ts';
import { projectWijken, type WijkGeometry } from '../../web/charts/index.ts';
import { normaliseWijkTopology, type WijkTopology } from './wijk-geometry.model.ts';

const geoDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'geo');
const SHIPPED = /^wijken-(\d{4})\.topojson$/;
let shipped: Map<number, string> | undefined;

export function shippedWijkFiles(): ReadonlyMap<number, string> {
  if (!shipped) {
    const files = fs.existsSync(geoDir) ? fs.readdirSync(geoDir) : [];
    shipped = new Map(files.flatMap((f) => {
      const m = SHIPPED.exec(f);
      return m ? [[Number(m[1]), path.join(geoDir, f)] as const] : [];
    }));
  }
  return shipped;
}

type Version = { year: number; source: 'db' | 'file'; version: string };

/** Every year with wijk boundaries: imported ones (newest import) over shipped ones. */
async function versions(db: Db): Promise<Version[]> {
  const rows = await db.query<{ year: number; at: string }>(
    `SELECT year, to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at FROM register_wijk_geometry`);
  const byYear = new Map<number, Version>([...shippedWijkFiles().keys()].map((year) => [year, { year, source: 'file', version: 'cbs' }]));
  for (const r of rows) byYear.set(r.year, { year: r.year, source: 'db', version: r.at });
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The boundary year for figures of `year`: that year, else the newest before it, else the oldest after. */
export function pickBoundaryYear(years: number[], year: number): number | undefined {
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.includes(year) ? year : (sorted.filter((y) => y < year).at(-1) ?? sorted.find((y) => y > year));
}

// Parsed topologies (the shipped file is 1.2 MB): the last two versions used.
const parsed = new Map<string, WijkTopology>();
async function topologyOf(db: Db, v: Version): Promise<WijkTopology | undefined> {
  const key = `${v.year}:${v.source}:${v.version}`;
  let topo = parsed.get(key);
  if (!topo) {
    const raw = v.source === 'db'
      ? (await db.one<{ topojson: WijkTopology }>('SELECT topojson FROM register_wijk_geometry WHERE year = $1', [v.year]))?.topojson
      : normaliseWijkTopology(JSON.parse(fs.readFileSync(shippedWijkFiles().get(v.year) as string, 'utf8')));
    if (!raw) return undefined;
    topo = raw;
    parsed.set(key, topo);
    while (parsed.size > 2) parsed.delete(parsed.keys().next().value as string);
  }
  return topo;
}

export type MunicipalWijkMap = { year: number; geometry: WijkGeometry };

/** The municipality's wijken, projected, for figures of `year`; undefined without boundaries for it. */
export async function municipalWijkMap(db: Db, municipalityCode: string, year: number): Promise<MunicipalWijkMap | undefined> {
  const all = await versions(db);
  const boundaryYear = pickBoundaryYear(all.map((v) => v.year), year);
  const v = all.find((x) => x.year === boundaryYear);
  if (!v) return undefined;
  const key = `${v.year}:${v.source}:${v.version}:${municipalityCode}`;
  const topo = await topologyOf(db, v);
  if (!topo) return undefined;
  // A wijk code is WK + the municipality's four digits + two characters.
  const prefix = `WK${municipalityCode.slice(2)}`;
  const own = topo.objects.wijken.geometries.filter((g) => String((g.properties as { code?: string } | undefined)?.code ?? '').startsWith(prefix));
  if (!own.length) return undefined;
  const features = own.map((g) => feature(topo, g) as Feature<Geometry, { code: string; name: string }>);
  return { year: v.year, geometry: projectWijken(key, features) };
}
