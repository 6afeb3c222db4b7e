// The 2025 register of the tests: the shipped 2024 register with one fictitious merger, Middelburg
// (Z.) GM0687 + Veere GM0717 → Walcheren (test) GM1996 (tests/fixtures/register). Its map is made
// here from the shipped 2024 map (kept out of the repository: 170 KB): GM0687's shape under the new
// code, GM0717's left out.
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { NamedFile, RegisterInput } from '../src/modules/register/index.ts';

export const FIXTURES = path.resolve(import.meta.dirname, 'fixtures', 'register');
export const MERGED = { code: 'GM1996', name: 'Walcheren (test)', from: ['GM0687', 'GM0717'] } as const;

export function fixture(name: string): NamedFile {
  return { name, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))) };
}

export const file = (name: string, text: string): NamedFile => ({ name, bytes: new Uint8Array(Buffer.from(text)) });

type Geo = Topology<{ gemeenten: GeometryCollection<{ code: string }>; provincies: GeometryCollection }>;

export function topology2025(): Geo {
  const topo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'data', 'geo', 'gemeenten-provincies-2024.topojson'), 'utf8')) as Geo;
  const g = topo.objects.gemeenten;
  g.geometries = g.geometries.filter((x) => x.id !== MERGED.from[1]).map((x) =>
    x.id === MERGED.from[0] ? { ...x, id: MERGED.code, properties: { ...x.properties, code: MERGED.code } } : x);
  return topo;
}

export const geo2025 = (): NamedFile => file('gemeenten-provincies-2025.topojson', JSON.stringify(topology2025()));

/** The same map as a GeoJSON FeatureCollection of municipalities (as PDOK gives it: statcode). */
export function geojson2025(): NamedFile {
  const topo = topology2025();
  const fc = feature(topo, topo.objects.gemeenten) as FeatureCollection;
  for (const f of fc.features) {
    f.properties = { statcode: f.id, statnaam: 'x' };
    delete f.id;
  }
  return file('gemeenten-2025.geojson', JSON.stringify(fc));
}

/** Everything of the 2025 register; `over` replaces or leaves out files. */
export function input2025(over: Partial<RegisterInput> = {}): RegisterInput {
  return {
    year: 2025,
    municipalities: fixture('municipalities-2025.csv'),
    mergers: fixture('mergers-2025.csv'),
    wijken: fixture('wijken-2025.csv'),
    geo: geo2025(),
    ...over,
  };
}

/** The 2025 municipality list as text, to make a wrong one from. */
export const municipalities2025 = () => fs.readFileSync(path.join(FIXTURES, 'municipalities-2025.csv'), 'utf8');
