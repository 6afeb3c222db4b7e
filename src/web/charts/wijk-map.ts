// The map of one municipality's wijken (report part 1 and the factsheet): each wijk filled by its
// class of the share of lonely adults, a wijk without a figure hatched ("geen cijfers"). Projected
// with d3-geo once per boundary version and municipality; drawing is string concatenation, so the
// same SVG goes into the page and, as a file, into the Typst PDF. No text in the picture on the
// page: the legend and the table beside it are HTML (readable at 320 px); the PDF gets the legend's
// swatches drawn in and its words apart, set by Typst (which turns SVG text into costly outlines).
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { INK } from './palette.ts';
import { type ChartMeta, type ChartText, escapeXml, FONT_FAMILY, type SvgPicture, withAccessibleName } from './svg.ts';

/** One wijk, projected. */
export type WijkShape = { code: string; name: string; d: string };
export type WijkGeometry = { width: number; height: number; wijken: WijkShape[] };

/**
 * Fixed classes of the share of lonely adults (%), the same in every municipality and year, so two
 * maps can be compared: the Gezondheidsmonitor's wijken lie between about 35 and 60%.
 */
export const WIJK_CLASSES = [
  { min: -Infinity, max: 40, fill: '#deebf7' },
  { min: 40, max: 45, fill: '#9ecae1' },
  { min: 45, max: 50, fill: '#4292c6' },
  { min: 50, max: 55, fill: '#2171b5' },
  { min: 55, max: Infinity, fill: '#08306b' },
] as const;
/** Marks the hatched swatch; the pattern's id is made per SVG (ids are unique on a page). */
export const NO_FIGURE_FILL = 'hatched';
const HATCH_INK = '#4a4a4a';

export function wijkClass(value: number): number {
  return WIJK_CLASSES.findIndex((c) => value >= c.min && value < c.max);
}

const SIZE = 480;
const PAD = 6;
const cache = new Map<string, WijkGeometry>();

/** Projects the features to fit a SIZE×SIZE box, once per key (boundary version + municipality). */
export function projectWijken(key: string, features: Array<Feature<Geometry, { code: string; name: string }>>): WijkGeometry {
  const hit = cache.get(key);
  if (hit) return hit;
  const fc: FeatureCollection<Geometry> = { type: 'FeatureCollection', features };
  const projection = geoMercator().fitExtent([[PAD, PAD], [SIZE - PAD, SIZE - PAD]], fc);
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(fc);
  const [tx, ty] = projection.translate();
  projection.translate([tx - x0 + PAD, ty - y0 + PAD]);
  const toPath = geoPath(projection).digits(1);
  const projected: WijkGeometry = {
    width: Math.ceil(x1 - x0 + 2 * PAD),
    height: Math.ceil(y1 - y0 + 2 * PAD),
    wijken: features.map((f) => ({ code: f.properties.code, name: f.properties.name, d: toPath(f) ?? '' })).sort((a, b) => a.code.localeCompare(b.code)),
  };
  cache.set(key, projected);
  while (cache.size > 200) cache.delete(cache.keys().next().value as string);
  return projected;
}

export type WijkMapSpec = ChartMeta & {
  geometry: WijkGeometry;
  /** Share of lonely adults per wijk code; a wijk not in it is hatched. */
  values: ReadonlyMap<string, number>;
  /** Per wijk, the text of its <title> (shown on hover): name and figure; none in the PDF, where nobody hovers. */
  label?: (w: WijkShape, value: number | undefined) => string;
  /** Swatches drawn under the map, their words apart (the PDF); the page shows its legend in HTML instead. */
  legend?: { classes: string[]; none: string };
};

/** The map as an SVG (the web page: no legend; a wijk's name and figure on hover). */
export function wijkMapSvg(spec: WijkMapSpec): string {
  return wijkMapPicture(spec).svg;
}

/**
 * The map with its legend's swatches, and the legend's words apart, for the PDF to set over it
 * (`texts`, in the SVG's units of `width` × `height`): the SVG has no text at all.
 */
export function wijkMapPicture(spec: WijkMapSpec): SvgPicture {
  const g = spec.geometry;
  const legendRows = spec.legend ? spec.legend.classes.length + 1 : 0;
  const legendTop = g.height + 8;
  const height = g.height + (legendRows ? 8 + legendRows * 18 : 0);
  const width = Math.max(g.width, spec.legend ? 200 : 0);
  const hatchId = `${spec.id}-geen-cijfers`;
  const paint = (fill: string) => (fill === NO_FIGURE_FILL ? `url(#${hatchId})` : fill);
  const shapes = g.wijken.map((w) => {
    const v = spec.values.get(w.code);
    const fill = paint(v === undefined ? NO_FIGURE_FILL : WIJK_CLASSES[wijkClass(v)].fill);
    return spec.label ? `<path d="${w.d}" fill="${fill}"><title>${escapeXml(spec.label(w, v))}</title></path>` : `<path d="${w.d}" fill="${fill}"/>`;
  }).join('');
  const rows = spec.legend ? [...spec.legend.classes.map((text, i) => ({ fill: WIJK_CLASSES[i].fill as string, text })), { fill: NO_FIGURE_FILL, text: spec.legend.none }] : [];
  const legend = rows.map(({ fill }, i) => `<rect x="${PAD}" y="${legendTop + i * 18}" width="14" height="14" fill="${paint(fill)}" stroke="${INK}" stroke-width="0.75"/>`).join('');
  const texts = rows.map(({ text }, i): ChartText => ({ x: PAD + 20, y: legendTop + i * 18 + 11, size: 12, text, fill: INK }));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--wijk-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${FONT_FAMILY}" font-size="12" fill="${INK}">` +
    `<defs>${hatch(hatchId)}</defs>` +
    `<g stroke="${INK}" stroke-width="0.75" stroke-linejoin="round">${shapes}</g>` +
    legend +
    '</svg>';
  return { svg: withAccessibleName(svg, spec), width, height, texts };
}

/** Diagonal hatching on white: "geen cijfers", told apart from every class without colour. */
export function hatch(id: string): string {
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${HATCH_INK}" stroke-width="2"/></pattern>`;
}

/** A legend swatch as its own small SVG (for the page's HTML legend). */
export function swatchSvg(fill: string, id: string): string {
  const defs = fill === NO_FIGURE_FILL ? `<defs>${hatch(id)}</defs>` : '';
  const paint = fill === NO_FIGURE_FILL ? `url(#${id})` : fill;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${defs}<rect x="0.5" y="0.5" width="15" height="15" fill="${paint}" stroke="${INK}"/></svg>`;
}
