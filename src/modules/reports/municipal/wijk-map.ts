// The wijk map of report part 1, shared by the web report and the factsheet: the SVG (d3-geo, drawn
// on the server), the legend's class labels, and the wijken the map shows without figures (they
// are hatched on the map and listed as "geen cijfers" in the table, the map's text alternative).
import { formatPercent } from '../../../web/i18n.ts';
import { NO_FIGURE_FILL, type SvgPicture, WIJK_CLASSES, wijkMapPicture } from '../../../web/charts/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { pct, rt } from './i18n.ts';
import type { MunicipalReport } from './model.ts';

/** The picture: on the page no legend (it is HTML there), for the PDF its swatches and, apart, its words. */
export type WijkMapView = SvgPicture & {
  /** Legend rows in order: each class, then "geen cijfers"; `fill` is a colour or NO_FIGURE_FILL. */
  legend: Array<{ fill: string; text: string }>;
  /** Wijken on the map without a figure in this release (for the table). */
  withoutFigures: Array<{ code: string; name: string }>;
  boundaryYear: number;
};

export function classLabels(lang: Lang): string[] {
  // Class bounds are round numbers, not figures: no decimal.
  const bound = (v: number) => formatPercent(lang, v, 0);
  return WIJK_CLASSES.map((c) => (c.min === -Infinity ? rt(lang, 'wijk.map.below', { max: bound(c.max) })
    : c.max === Infinity ? rt(lang, 'wijk.map.above', { min: bound(c.min) })
      : rt(lang, 'wijk.map.range', { min: c.min, max: bound(c.max) })));
}

/** The map view of the report, or null when its wijken have no boundaries. `legendInSvg` for the PDF. */
export function wijkMapView(r: MunicipalReport, opts: { legendInSvg?: boolean; id?: string } = {}): WijkMapView | null {
  const f = r.loneliness;
  const m = r.wijkMap;
  if (!f || !m) return null;
  const lang = r.lang;
  const values = new Map(f.wijken.flatMap((w) => (w.values.eenzaam === undefined ? [] : [[w.code, w.values.eenzaam] as const])));
  const labels = classLabels(lang);
  const none = rt(lang, 'wijk.map.none');
  const picture = wijkMapPicture({
    id: opts.id ?? 'wijk-kaart',
    title: rt(lang, 'wijk.map.title', { name: r.municipality.name, year: f.year }),
    description: rt(lang, 'wijk.map.desc'),
    geometry: m.geometry,
    values,
    label: opts.legendInSvg ? undefined : (w, v) => `${w.name}: ${v === undefined ? none : pct(lang, v)}`,
    legend: opts.legendInSvg ? { classes: labels, none } : undefined,
  });
  return {
    ...picture,
    legend: [...labels.map((text, i) => ({ fill: WIJK_CLASSES[i].fill as string, text })), { fill: NO_FIGURE_FILL, text: none }],
    withoutFigures: m.geometry.wijken.filter((w) => !values.has(w.code) && !f.wijken.some((x) => x.code === w.code))
      .map((w) => ({ code: w.code, name: w.name })).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    boundaryYear: m.year,
  };
}
