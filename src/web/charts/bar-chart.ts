// Horizontal bars grouped like the report's figures: a heading per group (an answer option, a
// province), under it one bar per row (an edition, or a panel edition marked *). The row label
// carries what the colour means ("2022 (n=162)"), so colour is never the only cue; panel rows are
// drawn hollow (outlined) so they also differ in shape.
import * as Plot from '@observablehq/plot';
import { GRID, HOLLOW_FILL, INK, MUTED, rowColour } from './palette.ts';
import { type ChartMeta, chartDocument, finishPlotSvg, wrapText } from './svg.ts';

export type BarRow = {
  /** Row label on the axis, e.g. "2022 (n=162)" or "2022* (n=24)". */
  label: string;
  /** Null: no figure (suppressed or no answers); `note` is shown instead. */
  value: number | null;
  /** Text after the bar, e.g. "90%". */
  valueLabel?: string;
  note?: string;
  /** Index of the series for the colour, 0 = oldest; a row with a `year` takes that year's colour instead. */
  series: number;
  /** The edition year the row shows: its colour is the same on every chart (palette.ts yearColour). */
  year?: number;
  /** Drawn as an outline: the panel rows. */
  hollow?: boolean;
};

export type BarGroup = { label: string; rows: BarRow[] };

export type BarChartSpec = ChartMeta & {
  groups: BarGroup[];
  /** How many series (editions) there are, for the palette. */
  seriesCount: number;
  axisLabel: string;
  /** Upper end of the axis; 100 for percentages. */
  max?: number;
  width?: number;
  /** Height of a line in px: the PDF's compact charts use less (the text keeps its size). */
  line?: number;
};

type Line = { key: string; kind: 'head' | 'row'; text: string; row?: BarRow };

const LINE = 20;
const MARGIN_LEFT = 118;
const MARGIN_RIGHT = 52;

function lines(spec: BarChartSpec, headChars: number): Line[] {
  const out: Line[] = [];
  spec.groups.forEach((g, gi) => {
    for (const [li, text] of wrapText(g.label, headChars).entries()) out.push({ key: `g${gi}h${li}`, kind: 'head', text });
    for (const [ri, row] of g.rows.entries()) out.push({ key: `g${gi}r${ri}`, kind: 'row', text: row.label, row });
  });
  return out;
}

export function barChart(spec: BarChartSpec): string {
  const width = spec.width ?? 640;
  const max = spec.max ?? 100;
  // ~6.6 px per character at 12 px bold; headings may use the left margin too
  const all = lines(spec, Math.floor((width - MARGIN_RIGHT) / 6.8));
  const rows = all.filter((l) => l.kind === 'row');
  const shown = rows.filter((l) => l.row?.value !== null);
  const empty = rows.filter((l) => l.row?.value === null);
  const colour = (l: Line) => rowColour(l.row ?? { series: 0 }, spec.seriesCount);
  const labelOf = new Map(all.map((l) => [l.key, l.kind === 'row' ? l.text : '']));
  const ticks = Array.from({ length: 6 }, (_, i) => (max * i) / 5);
  const svg = Plot.plot({
    document: chartDocument,
    width,
    height: all.length * (spec.line ?? LINE) + 48,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    marginTop: 6,
    marginBottom: 42,
    x: { domain: [0, max], ticks, tickFormat: (d: number) => `${d}%`, label: spec.axisLabel, labelAnchor: 'left', labelArrow: 'none' },
    y: { domain: all.map((l) => l.key), padding: 0.18, tickFormat: (k: string) => labelOf.get(k) ?? '', label: null, tickSize: 0 },
    color: { type: 'identity' },
    marks: [
      Plot.ruleX(ticks, { stroke: GRID, strokeWidth: 1 }),
      Plot.barX(shown, {
        x: (l: Line) => l.row?.value,
        y: 'key',
        fill: (l: Line) => (l.row?.hollow ? HOLLOW_FILL : colour(l)),
        stroke: colour,
        strokeWidth: (l: Line) => (l.row?.hollow ? 2 : 0),
        inset: 0.5,
      }),
      Plot.text(shown, { x: (l: Line) => l.row?.value, y: 'key', text: (l: Line) => l.row?.valueLabel ?? '', dx: 5, textAnchor: 'start', fill: INK, fontSize: 12 }),
      Plot.text(empty, { x: 0, y: 'key', text: (l: Line) => l.row?.note ?? '', dx: 4, textAnchor: 'start', fill: MUTED, fontSize: 12, fontStyle: 'italic' }),
      Plot.text(all.filter((l) => l.kind === 'head'), {
        x: 0, y: 'key', text: 'text', dx: -(MARGIN_LEFT - 2), textAnchor: 'start', fill: INK, fontSize: 12, fontWeight: 'bold',
      }),
      Plot.axisY({ tickFormat: (k: string) => labelOf.get(k) ?? '', tickSize: 0, fontSize: 11, label: null }),
      Plot.axisX({ ticks, tickFormat: (d: number) => `${d}%`, fontSize: 11, label: spec.axisLabel, labelAnchor: 'left', labelArrow: 'none', labelOffset: 34 }),
    ],
  });
  return finishPlotSvg(svg as unknown as Element, spec);
}
