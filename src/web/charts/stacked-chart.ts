// Matrix questions: per item a heading, under it one 100% stacked bar per edition (panel rows
// marked *), segments in option order with white gaps. The legend inside the picture names the
// options in the same left-to-right order as the segments, and segments wide enough carry their
// percentage, so the colour is not the only way to tell them apart; the table has every figure.
import * as Plot from '@observablehq/plot';
import { INK, MUTED, scaleColour } from './palette.ts';
import { type ChartMeta, chartDocument, finishPlotSvg, wrapText } from './svg.ts';

export type StackedRow = {
  label: string;
  /** Percent per option, in option order; null when the row has no figures (note shown). */
  values: number[] | null;
  /** Texts in the segments, e.g. "45%". */
  valueLabels?: string[];
  note?: string;
};

export type StackedGroup = { label: string; rows: StackedRow[] };

export type StackedChartSpec = ChartMeta & {
  options: string[];
  groups: StackedGroup[];
  axisLabel: string;
  width?: number;
  /** Height of a line in px: the PDF's compact charts use less (the text keeps its size). */
  line?: number;
};

type Line = { key: string; kind: 'legend' | 'head' | 'row'; text: string; row?: StackedRow };
type Segment = { key: string; x1: number; x2: number; option: number; label: string };

const LINE = 20;
const MARGIN_LEFT = 118;
/** Width of a legend label at 11px, generously (Liberation/DejaVu Sans average ~6.2 px a character). */
const legendTextPx = (text: string) => text.length * 6.4 + 24;

/** As many legend entries on a line as fit without overlapping (issue 22: figure 7's labels overlapped). */
function legendPerLine(options: string[], plotWidth: number): number {
  for (const n of [3, 2]) if (options.every((o) => legendTextPx(o) <= plotWidth / n)) return n;
  return 1;
}

/**
 * A second cue besides hue (issue 22: the scale colours differ from each other by ~1:1): every
 * option after the first has its own texture of light lines, so even a thin segment or a swatch
 * tells its option by more than colour. Ids carry the chart's id: a page holds many charts.
 */
const TEXTURES = ['', 'rotate(45)', 'rotate(-45)', 'rotate(0)', 'rotate(90)', 'rotate(45)'];
const patternId = (chart: string, option: number) => `${chart}-o${option}`;
export function patternDefs(chart: string, count: number): string {
  const out: string[] = [];
  for (let i = 1; i < count; i++) {
    const cross = i === 5 ? '<line x1="0" y1="0" x2="6" y2="0" stroke="#ffffff" stroke-opacity="0.6" stroke-width="1.5"/>' : '';
    out.push(
      `<pattern id="${patternId(chart, i)}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="${TEXTURES[i % TEXTURES.length]}">` +
        `<rect width="6" height="6" fill="${scaleColour(i)}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-opacity="0.6" stroke-width="1.5"/>${cross}</pattern>`,
    );
  }
  return out.length ? `<defs>${out.join('')}</defs>` : '';
}

export function stackedChart(spec: StackedChartSpec): string {
  const width = spec.width ?? 640;
  const PER_LEGEND_LINE = legendPerLine(spec.options, width - MARGIN_LEFT - 20);
  const fillOf = (option: number) => (option === 0 ? scaleColour(0) : `url(#${patternId(spec.id, option)})`);
  const all: Line[] = [];
  for (let i = 0; i < spec.options.length; i += PER_LEGEND_LINE) all.push({ key: `legend${i}`, kind: 'legend', text: '' });
  spec.groups.forEach((g, gi) => {
    for (const [li, text] of wrapText(g.label, Math.floor((width - 20) / 6.8)).entries()) all.push({ key: `g${gi}h${li}`, kind: 'head', text });
    for (const [ri, row] of g.rows.entries()) all.push({ key: `g${gi}r${ri}`, kind: 'row', text: row.label, row });
  });
  const segments: Segment[] = [];
  for (const l of all) {
    const values = l.row?.values;
    if (!values) continue;
    let x = 0;
    values.forEach((v, option) => {
      if (v > 0) segments.push({ key: l.key, x1: x, x2: Math.min(100, x + v), option, label: l.row?.valueLabels?.[option] ?? '' });
      x += v;
    });
  }
  // Legend swatches sit in the legend lines, spread over the plot width (thirds, halves or one a line).
  const legend = spec.options.map((text, option) => ({
    key: `legend${option - (option % PER_LEGEND_LINE)}`,
    x: (option % PER_LEGEND_LINE) * (100 / PER_LEGEND_LINE),
    option,
    text,
  }));
  const labelOf = new Map(all.map((l) => [l.key, l.kind === 'row' ? l.text : '']));
  const ticks = [0, 20, 40, 60, 80, 100];
  const svg = Plot.plot({
    document: chartDocument,
    width,
    height: all.length * (spec.line ?? LINE) + 48,
    marginLeft: MARGIN_LEFT,
    marginRight: 20,
    marginTop: 6,
    marginBottom: 42,
    x: { domain: [0, 100] },
    y: { domain: all.map((l) => l.key), padding: 0.18 },
    color: { type: 'identity' },
    marks: [
      Plot.barX(segments, { x1: 'x1', x2: 'x2', y: 'key', fill: (s: Segment) => fillOf(s.option), stroke: '#ffffff', strokeWidth: 1 }),
      // A halo of the plain colour keeps the white figure at full contrast over the texture.
      Plot.text(segments.filter((s) => s.x2 - s.x1 >= 8), { x: (s: Segment) => (s.x1 + s.x2) / 2, y: 'key', text: 'label', fill: '#ffffff', stroke: (s: Segment) => scaleColour(s.option), strokeWidth: 3, fontSize: 11, fontWeight: 'bold' }),
      Plot.text(all.filter((l) => l.kind === 'row' && !l.row?.values), { x: 0, y: 'key', text: (l: Line) => l.row?.note ?? '', dx: 4, textAnchor: 'start', fill: MUTED, fontStyle: 'italic' }),
      Plot.barX(legend, { x1: 'x', x2: (d: (typeof legend)[number]) => d.x + 3, y: 'key', fill: (d: (typeof legend)[number]) => fillOf(d.option) }),
      Plot.text(legend, { x: (d: (typeof legend)[number]) => d.x + 3.6, y: 'key', text: 'text', textAnchor: 'start', fill: INK, fontSize: 11 }),
      Plot.text(all.filter((l) => l.kind === 'head'), { x: 0, y: 'key', text: 'text', dx: -(MARGIN_LEFT - 2), textAnchor: 'start', fill: INK, fontWeight: 'bold' }),
      Plot.axisY({ tickFormat: (k: string) => labelOf.get(k) ?? '', tickSize: 0, fontSize: 11, label: null }),
      Plot.axisX({ ticks, tickFormat: (d: number) => `${d}%`, fontSize: 11, label: spec.axisLabel, labelAnchor: 'left', labelArrow: 'none', labelOffset: 34 }),
    ],
  });
  return finishPlotSvg(svg as unknown as Element, spec).replace(/(<svg[^>]*>)/, `$1${patternDefs(spec.id, spec.options.length)}`);
}
