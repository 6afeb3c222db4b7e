// A cumulative line over the days of the fieldwork (the response so far), with numbered markers
// where a step was taken (the invitation, reminders, the advisors' round, the phone round). The
// markers carry a number, not a word, so labels never overlap however close the steps are; the
// table beside the chart says what each number is, with the figures. Narrow on purpose (340 px at
// 14 px text): on a 320 px screen it shrinks to about 12 px text instead of becoming unreadable.
import * as Plot from '@observablehq/plot';
import { GRID, INK, MUTED, yearColour } from './palette.ts';
import { type ChartMeta, chartDocument, finishPlotSvg } from './svg.ts';

export type TimelinePoint = { day: string; value: number | null };
export type TimelineMarker = { day: string; label: string };

export type TimelineChartSpec = ChartMeta & {
  points: TimelinePoint[];
  markers: TimelineMarker[];
  /** Short day label on the axis, e.g. "3 okt". */
  dayLabel: (day: string) => string;
  max?: number;
  /** The edition year: the line has that year's colour, as on every chart. */
  year: number;
};

const WIDTH = 340;
const FONT = 14;
const at = (day: string) => new Date(`${day}T12:00:00Z`);

export function timelineChart(spec: TimelineChartSpec): string {
  const max = spec.max ?? 100;
  const points = spec.points.filter((p) => p.value !== null);
  const first = spec.points[0]?.day;
  const last = spec.points.at(-1)?.day;
  // Four or five day ticks at most: each label is about 45 px wide at 14 px.
  const days = spec.points.map((p) => p.day);
  const every = Math.max(1, Math.ceil(days.length / 4));
  const ticks = days.filter((_, i) => i % every === 0).map(at);
  const yTicks = [0, max / 2, max];
  const svg = Plot.plot({
    document: chartDocument,
    width: WIDTH,
    height: 230,
    marginLeft: 54,
    marginRight: 18,
    marginTop: 30,
    marginBottom: 40,
    x: first && last ? { type: 'utc', domain: [at(first), at(last)], ticks, tickFormat: (d: Date) => spec.dayLabel(d.toISOString().slice(0, 10)) } : { type: 'utc' },
    y: { domain: [0, max], ticks: yTicks, tickFormat: (d: number) => `${d}%`, label: null },
    marks: [
      Plot.ruleY(yTicks, { stroke: GRID }),
      Plot.ruleX(spec.markers, { x: (m: TimelineMarker) => at(m.day), stroke: MUTED, strokeDasharray: '4,3' }),
      Plot.dot(spec.markers, { x: (m: TimelineMarker) => at(m.day), y: max, dy: -12, r: 9, fill: '#ffffff', stroke: INK }),
      Plot.text(spec.markers, { x: (m: TimelineMarker) => at(m.day), y: max, dy: -12, text: 'label', fill: INK, fontSize: 12, fontWeight: 'bold' }),
      Plot.lineY(points, { x: (p: TimelinePoint) => at(p.day), y: 'value', curve: 'step-after', stroke: yearColour(spec.year), strokeWidth: 3 }),
      // Room below the axis, so the first day's label keeps clear of the "0%" beside it.
      Plot.axisX({ ticks, tickFormat: (d: Date) => spec.dayLabel(d.toISOString().slice(0, 10)), fontSize: FONT, label: null, tickPadding: 9 }),
      Plot.axisY({ ticks: yTicks, tickFormat: (d: number) => `${d}%`, fontSize: FONT, label: null }),
    ],
  });
  return finishPlotSvg(svg as unknown as Element, spec, FONT);
}
