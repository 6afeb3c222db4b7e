// The map of the Netherlands for the response (report figure 4): municipalities that responded
// filled, the others light, province borders on top. Geometry from the CBS/PDOK TopoJSON in
// data/geo, projected once per file with d3-geo; a map is then only string concatenation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { INK, MAP_COLOURS } from './palette.ts';
import { type ChartMeta, escapeXml, FONT_FAMILY, withAccessibleName } from './svg.ts';

type Projected = { width: number; height: number; municipalities: Array<{ code: string; d: string }>; provinces: string };

const WIDTH = 480;
const PAD = 8;
const cache = new Map<string, Projected>();

/** The TopoJSON shipped for a register year (gemeenten + provincies). */
export function geoFile(registerYear: number): string {
  return path.resolve('data/geo', `gemeenten-provincies-${registerYear}.topojson`);
}

function project(file: string): Projected {
  const hit = cache.get(file);
  if (hit) return hit;
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ gemeenten: GeometryCollection; provincies: GeometryCollection }>;
  const gemeenten = feature(topo, topo.objects.gemeenten) as FeatureCollection<Geometry, { code: string }>;
  const provincies = feature(topo, topo.objects.provincies) as FeatureCollection;
  const projection = geoMercator().fitWidth(WIDTH - 2 * PAD, provincies);
  const [[, y0], [, y1]] = geoPath(projection).bounds(provincies);
  projection.translate([projection.translate()[0] + PAD, projection.translate()[1] - y0 + PAD]);
  // one decimal is a tenth of a pixel: sharp enough, and the output stays small and stable
  const toPath = geoPath(projection).digits(1);
  const projected: Projected = {
    width: WIDTH,
    height: Math.ceil(y1 - y0 + 2 * PAD),
    municipalities: gemeenten.features
      .map((f) => ({ code: String(f.properties?.code ?? f.id), d: toPath(f) ?? '' }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    provinces: toPath(mesh(topo, topo.objects.provincies)) ?? '',
  };
  cache.set(file, projected);
  return projected;
}

export type MapSpec = ChartMeta & {
  file: string;
  /** Codes (GMxxxx) drawn filled. */
  highlighted: ReadonlySet<string>;
  legend: { highlighted: string; other: string };
};

export function responseMap(spec: MapSpec): string {
  const p = project(spec.file);
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
