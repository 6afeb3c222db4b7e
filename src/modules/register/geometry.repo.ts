// The map geometry of a register year: an imported year's TopoJSON from the database (shared by
// every app instance), else the file shipped in data/geo (decision 010). Projected once per year
// and version; a re-imported year gets a new version, so no instance draws an old map.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/client.ts';
import { cachedMap, type MapGeometry, type MapTopology, projectMap } from '../../web/charts/index.ts';

const geoDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'geo');
const SHIPPED = /^gemeenten-provincies-(\d{4})\.topojson$/;
let shipped: Map<number, string> | undefined;

/** The geometry files shipped with the product, by register year (whatever years data/geo holds). */
export function shippedGeometryFiles(): ReadonlyMap<number, string> {
  if (!shipped) {
    const files = fs.existsSync(geoDir) ? fs.readdirSync(geoDir) : [];
    shipped = new Map(files.flatMap((f) => {
      const m = SHIPPED.exec(f);
      return m ? [[Number(m[1]), path.join(geoDir, f)] as const] : [];
    }));
  }
  return shipped;
}

export function readShippedGeometry(year: number): MapTopology | undefined {
  const file = shippedGeometryFiles().get(year);
  return file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as MapTopology) : undefined;
}

type Version = { source: 'db' | 'file'; version: string };

async function geometryVersion(db: Db, year: number): Promise<Version | undefined> {
  const row = await db.one<{ at: string }>(
    `SELECT to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at FROM register_geometry WHERE year = $1`, [year]);
  if (row) return { source: 'db', version: row.at };
  return shippedGeometryFiles().has(year) ? { source: 'file', version: 'cbs' } : undefined;
}

/** The year's TopoJSON as stored (imported) or shipped; undefined when the year has no map. */
export async function registerTopology(db: Db, year: number): Promise<MapTopology | undefined> {
  const row = await db.one<{ topojson: MapTopology }>('SELECT topojson FROM register_geometry WHERE year = $1', [year]);
  return row?.topojson ?? readShippedGeometry(year);
}

/** A string that changes whenever the year's map does (for page caches); '' when it has none. */
export async function geometryStamp(db: Db, year: number): Promise<string> {
  const v = await geometryVersion(db, year);
  return v ? `${v.source}:${v.version}` : '';
}

/** The year's map, projected; undefined when the register year has no geometry. */
export async function mapGeometry(db: Db, year: number): Promise<MapGeometry | undefined> {
  const v = await geometryVersion(db, year);
  if (!v) return undefined;
  const key = `${year}:${v.source}:${v.version}`;
  const hit = cachedMap(key);
  if (hit) return hit;
  const topo = v.source === 'db'
    ? (await db.one<{ topojson: MapTopology }>('SELECT topojson FROM register_geometry WHERE year = $1', [year]))?.topojson
    : readShippedGeometry(year);
  return topo && projectMap(key, topo);
}
