// The map file of a register year (pure): TopoJSON with the objects `gemeenten` and `provincies`
// as in data/geo, or a GeoJSON FeatureCollection of municipalities (turned into TopoJSON, so the
// borders are shared). Checked against the year's municipality list: the same codes, exactly.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, GeometryObject } from 'topojson-specification';
import type { MapTopology } from '../../web/charts/index.ts';
import { MUNICIPALITY_CODE, type Problem } from './import.model.ts';

type Muni = { code: string; name: string; provinceCode: string };
export type GeoCheck = { topology?: MapTopology; problems: Problem[]; count: number; kind?: 'topojson' | 'geojson' };

const SHAPES = new Set(['Polygon', 'MultiPolygon']);
/** How many codes a message lists before "… en N meer". */
const LIST = 40;

export function codeList(codes: string[]): string {
  const sorted = [...codes].sort();
  return sorted.length > LIST ? `${sorted.slice(0, LIST).join(', ')} … (+${sorted.length - LIST})` : sorted.join(', ');
}

type Props = Record<string, unknown> | null | undefined;
/** The municipality code of a geometry: its id, or the property code (ours) or statcode (PDOK). */
function codeOf(id: unknown, props: Props): string {
  const v = id ?? props?.code ?? props?.statcode;
  return v === undefined || v === null ? '' : String(v).trim();
}

/**
 * Reads and checks the file. `municipalities` is the year's list (already checked); `provinces`
 * the known province codes. The topology returned carries each municipality's code, name and
 * province (from the list), so the map never depends on the file's own properties.
 */
export function checkGeometry(bytes: Uint8Array, municipalities: Muni[], provinces: ReadonlySet<string>): GeoCheck {
  const problems: Problem[] = [];
  const say = (key: Problem['key'], params?: Problem['params'], field?: string) => problems.push({ file: 'geo', key, params, field });
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    say('geo.unreadable', { reason: (e as Error).message.slice(0, 200) });
    return { problems, count: 0 };
  }
  const d = doc as { type?: unknown; objects?: Record<string, { type?: string; geometries?: unknown[] }>; features?: unknown[] };
  if (d?.type === 'Topology' && d.objects && typeof d.objects === 'object') {
    const g = d.objects.gemeenten;
    if (g?.type !== 'GeometryCollection' || !Array.isArray(g.geometries)) {
      say('geo.noGemeenten', { objects: Object.keys(d.objects).join(', ') || '–' });
      return { problems, count: 0, kind: 'topojson' };
    }
    const geoms = g.geometries as Array<{ id?: unknown; type?: string; properties?: Props }>;
    const codes = geoms.map((x, i) => ({ code: codeOf(x?.id, x?.properties), type: x?.type, index: i + 1 }));
    idProblems(codes, municipalities, say);
    const p = d.objects.provincies as { type?: string; geometries?: Array<{ id?: unknown; properties?: Props }> } | undefined;
    if (p !== undefined) {
      const unknown = Array.isArray(p.geometries) ? p.geometries.map((x) => codeOf(x?.id, x?.properties)).filter((c) => !provinces.has(c)) : ['–'];
      if (p.type !== 'GeometryCollection' || unknown.length) say('geo.provinces', { codes: codeList(unknown) }, 'provincies');
    }
    if (problems.length) return { problems, count: geoms.length, kind: 'topojson' };
    const byCode = new Map(municipalities.map((m) => [m.code, m]));
    const topo = structuredClone(d) as unknown as MapTopology;
    for (const x of topo.objects.gemeenten.geometries as Array<GeometryObject<Record<string, string>>>) {
      const m = byCode.get(codeOf(x.id, x.properties)) as Muni;
      x.id = m.code;
      x.properties = { code: m.code, name: m.name, province_code: m.provinceCode };
    }
    return decodes(topo, problems) ? { topology: topo, problems, count: geoms.length, kind: 'topojson' } : { problems, count: geoms.length, kind: 'topojson' };
  }
  if (d?.type === 'FeatureCollection' && Array.isArray(d.features)) {
    const features = d.features as Array<Feature<Geometry | null, Props> | null>;
    const codes = features.map((f, i) => ({ code: codeOf(f?.id, f?.properties), type: f?.geometry?.type, index: i + 1 }));
    idProblems(codes, municipalities, say);
    if (problems.length) return { problems, count: features.length, kind: 'geojson' };
    const byCode = new Map(municipalities.map((m) => [m.code, m]));
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: features.map((f) => {
        const m = byCode.get(codeOf(f?.id, f?.properties)) as Muni;
        return { type: 'Feature', id: m.code, properties: { code: m.code, name: m.name, province_code: m.provinceCode }, geometry: f?.geometry as Geometry };
      }),
    };
    let topo: MapTopology;
    try {
      // 1e5: the quantisation of the shipped files (about a metre here).
      topo = topology({ gemeenten: fc }, 1e5) as unknown as MapTopology;
    } catch (e) {
      say('geo.broken', { reason: (e as Error).message.slice(0, 200) });
      return { problems, count: features.length, kind: 'geojson' };
    }
    return decodes(topo, problems) ? { topology: topo, problems, count: features.length, kind: 'geojson' } : { problems, count: features.length, kind: 'geojson' };
  }
  say('geo.kind', { type: typeof d?.type === 'string' ? d.type : typeof doc });
  return { problems, count: 0 };
}

type Say = (key: Problem['key'], params?: Problem['params'], field?: string) => void;

function idProblems(codes: Array<{ code: string; type?: string; index: number }>, municipalities: Muni[], say: Say): void {
  const seen = new Map<string, number>();
  for (const c of codes) {
    if (!MUNICIPALITY_CODE.test(c.code)) say('geo.id', { index: c.index, id: c.code || '–' }, 'id');
    else if (seen.has(c.code)) say('geo.duplicate', { index: c.index, id: c.code, first: seen.get(c.code) as number }, 'id');
    else seen.set(c.code, c.index);
    if (!c.type || !SHAPES.has(c.type)) say('geo.shape', { index: c.index, id: c.code || '–', type: c.type ?? '–' }, 'type');
  }
  const listed = new Set(municipalities.map((m) => m.code));
  const missing = [...listed].filter((c) => !seen.has(c));
  const extra = [...seen.keys()].filter((c) => !listed.has(c));
  if (missing.length) say('geo.missing', { n: missing.length, codes: codeList(missing) });
  if (extra.length) say('geo.extra', { n: extra.length, codes: codeList(extra) });
}

/** Every municipality must turn into a shape (arcs that exist, rings that close). */
function decodes(topo: MapTopology, problems: Problem[]): boolean {
  try {
    const fc = feature(topo, topo.objects.gemeenten as GeometryCollection) as FeatureCollection;
    if (fc.features.some((f) => !f.geometry)) throw new Error('een gemeente zonder vorm');
    if (topo.objects.provincies) feature(topo, topo.objects.provincies);
    return true;
  } catch (e) {
    problems.push({ file: 'geo', key: 'geo.broken', params: { reason: (e as Error).message.slice(0, 200) } });
    return false;
  }
}

/** The codes of a topology's municipalities (for the shipped map of a year imported without one). */
export function topologyCodes(topo: MapTopology): string[] {
  return (topo.objects.gemeenten.geometries as Array<{ id?: unknown; properties?: Props }>).map((g) => codeOf(g.id, g.properties));
}
