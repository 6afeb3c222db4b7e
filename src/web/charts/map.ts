// The map of the Netherlands for the response (report figure 4): municipalities that responded
// filled, the others light, province borders on top. Geometry: the TopoJSON of a register year
// (objects `gemeenten` and, optionally, `provincies`), projected once per version with d3-geo; a
// map is then only string concatenation. Where the geometry comes from is the register's business
// (src/modules/register/geometry.repo.ts): this file never reads a disk or a database.
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { INK, MAP_COLOURS } from './palette.ts';
import { type ChartMeta, escapeXml, FONT_FAMILY, withAccessibleName } from './svg.ts';

/** A register year's map, projected: a path per municipality and the province borders. */
export type MapGeometry = { width: number; height: number; municipalities: Array<{ code: string; d: string }>; provinces: string };
export type MapTopology = Topology<{ gemeenten: GeometryCollection<{ code?: string; province_code?: string }>; provincies?: GeometryCollection }>;

const WIDTH = 480;
const PAD = 8;
/** A few years' maps at most (a replaced year gets a new key; the old one ages out). */
const CACHE_SIZE = 8;
const cache = new Map<string, MapGeometry>();

const provinceOf = (g: { properties?: unknown }) => (g.properties as { province_code?: string } | undefined)?.province_code;

/** The projected map under `key` (year and version), if made before. */
export function cachedMap(key: string): MapGeometry | undefined {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/**
 * Projects a topology once per key. Without a `provincies` object the province borders are the
 * municipal borders between two provinces (and the coast), from each municipality's province_code.
 */
export function projectMap(key: string, topo: MapTopology): MapGeometry {
  const hit = cachedMap(key);
  if (hit) return hit;
  const gemeenten = feature(topo, topo.objects.gemeenten) as FeatureCollection<Geometry, { code?: string }>;
  const outline = topo.objects.provincies ? (feature(topo, topo.objects.provincies) as FeatureCollection) : gemeenten;
  const borders = topo.objects.provincies
    ? mesh(topo, topo.objects.provincies)
    : mesh(topo, topo.objects.gemeenten, (a, b) => a === b || provinceOf(a) !== provinceOf(b));
  const projection = geoMercator().fitWidth(WIDTH - 2 * PAD, outline);
  const [[, y0], [, y1]] = geoPath(projection).bounds(outline);
  projection.translate([projection.translate()[0] + PAD, projection.translate()[1] - y0 + PAD]);
  // one decimal is a tenth of a pixel: sharp enough, and the output stays small and stable
  const toPath = geoPath(projection).digits(1);
  const projected: MapGeometry = {
    width: WIDTH,
    height: Math.ceil(y1 - y0 + 2 * PAD),
    municipalities: gemeenten.features
      .map((f) => ({ code: String(f.properties?.code ?? f.id), d: toPath(f) ?? '' }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    provinces: toPath(borders) ?? '',
  };
  cache.set(key, projected);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return projected;
}

export type MapSpec = ChartMeta & {
  geometry: MapGeometry;
  /** Codes (GMxxxx) drawn filled. */
  highlighted: ReadonlySet<string>;
  legend: { highlighted: string; other: string };
};

export function responseMap(spec: MapSpec): string {
  const p = spec.geometry;
  const on: string[] = [];
  const off: string[] = [];
  for (const m of p.municipalities) (spec.highlighted.has(m.code) ? on : off).push(m.d);
  const swatch = (y: number, fill: string, text: string) =>
    `<rect x="${PAD}" y="${y}" width="14" height="14" fill="${fill}" stroke="${INK}" stroke-width="1"/>` +
    `<text x="${PAD + 20}" y="${y + 11}">${escapeXml(text)}</text>`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--map" viewBox="0 0 ${p.width} ${p.height}" width="${p.width}" height="${p.height}" font-family="${FONT_FAMILY}" font-size="12" fill="${INK}">` +
    `<path d="${off.join('')}" fill="${MAP_COLOURS.other}" stroke="${MAP_COLOURS.municipalityBorder}" stroke-width="0.5"/>` +
    `<path d="${on.join('')}" fill="${MAP_COLOURS.responded}" stroke="${MAP_COLOURS.municipalityBorder}" stroke-width="0.5"/>` +
    `<path d="${p.provinces}" fill="none" stroke="${MAP_COLOURS.provinceBorder}" stroke-width="1" stroke-linejoin="round"/>` +
    `<g>${swatch(PAD, MAP_COLOURS.responded, spec.legend.highlighted)}${swatch(PAD + 20, MAP_COLOURS.other, spec.legend.other)}</g>` +
    '</svg>';
  return withAccessibleName(svg, spec);
}
