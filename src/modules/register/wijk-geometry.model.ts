// The wijk boundaries of a register year (pure): TopoJSON with one GeometryCollection of wijken, as
// data/geo/wijken-2024.topojson (CBS/Kadaster via cartomap: object wijk_2024, properties statcode
// and statnaam). Stored normalised: object `wijken`, each geometry with id and properties code, name.
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { codeList } from './geometry.model.ts';
import { type Problem, WIJK_CODE } from './import.model.ts';

export type WijkTopology = Topology<{ wijken: GeometryCollection<{ code: string; name: string }> }>;

type Props = Record<string, unknown> | null | undefined;
type RawDoc = { type?: unknown; objects?: Record<string, { type?: string; geometries?: unknown[] }> };

const codeOf = (id: unknown, p: Props) => String(id ?? p?.code ?? p?.statcode ?? '').trim();
const nameOf = (p: Props) => String(p?.name ?? p?.statnaam ?? '').trim();
/** The wijken object: `wijken`, else the only (or first) GeometryCollection. */
function wijkObject(d: RawDoc): string | undefined {
  const names = Object.keys(d.objects ?? {}).filter((k) => d.objects?.[k]?.type === 'GeometryCollection');
  return names.includes('wijken') ? 'wijken' : names[0];
}

/** The file as stored: object `wijken`, code and name per geometry; other objects dropped. */
export function normaliseWijkTopology(doc: unknown): WijkTopology {
  const d = doc as RawDoc & Topology;
  const key = wijkObject(d) as string;
  const geoms = (d.objects[key] as GeometryCollection).geometries as Array<GeometryObject<Record<string, unknown>>>;
  const wijken = geoms.map((g) => ({ ...g, id: codeOf(g.id, g.properties), properties: { code: codeOf(g.id, g.properties), name: nameOf(g.properties) } }));
  return { ...d, objects: { wijken: { type: 'GeometryCollection', geometries: wijken } } } as unknown as WijkTopology;
}

export type WijkGeoCheck = { topology?: WijkTopology; problems: Problem[]; count: number };
const SHAPES = new Set(['Polygon', 'MultiPolygon']);

/** Reads and checks the file against the year's municipality codes (a wijk code carries its municipality's number). */
export function checkWijkGeometry(bytes: Uint8Array, municipalities: ReadonlySet<string>): WijkGeoCheck {
  const problems: Problem[] = [];
  const say = (key: Problem['key'], params?: Problem['params']) => problems.push({ file: 'wijkGeo', key, params });
  let doc: RawDoc;
  try {
    doc = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    say('wijkGeo.unreadable', { reason: (e as Error).message.slice(0, 200) });
    return { problems, count: 0 };
  }
  const key = doc?.type === 'Topology' && doc.objects && typeof doc.objects === 'object' ? wijkObject(doc) : undefined;
  if (!key) {
    say('wijkGeo.kind', { type: String((doc as RawDoc)?.type ?? '–') });
    return { problems, count: 0 };
  }
  const geoms = (doc.objects?.[key]?.geometries ?? []) as Array<{ id?: unknown; type?: string; properties?: Props }>;
  const seen = new Map<string, number>();
  const unknown = new Set<string>();
  geoms.forEach((g, i) => {
    const code = codeOf(g?.id, g?.properties);
    const index = i + 1;
    if (!WIJK_CODE.test(code)) {
      say('wijkGeo.id', { index, id: code || '–' });
      return;
    }
    if (seen.has(code)) {
      say('wijkGeo.duplicate', { index, id: code, first: seen.get(code) as number });
      return;
    }
    seen.set(code, index);
    if (!SHAPES.has(String(g?.type))) say('wijkGeo.shape', { index, id: code, type: String(g?.type ?? '–') });
    if (!nameOf(g?.properties)) say('wijkGeo.name', { index, id: code });
    if (!municipalities.has(`GM${code.slice(2, 6)}`)) unknown.add(code);
  });
  if (unknown.size) say('wijkGeo.municipality', { n: unknown.size, codes: codeList([...unknown]) });
  if (!geoms.length) say('wijkGeo.kind', { type: `${key} (leeg)` });
  if (problems.length) return { problems, count: geoms.length };
  const topology = normaliseWijkTopology(doc);
  try {
    feature(topology, topology.objects.wijken);
  } catch (e) {
    say('wijkGeo.broken', { reason: (e as Error).message.slice(0, 200) });
    return { problems, count: geoms.length };
  }
  return { topology, problems, count: geoms.length };
}
