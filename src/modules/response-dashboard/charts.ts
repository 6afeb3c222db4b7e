// The dashboard's figures, drawn with the shared server-side charts (src/web/charts): response
// per province (report figure 5), per edition side by side, and the map (figure 4).
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import { barChart, type MapGeometry, responseMap } from '../../web/charts/index.ts';
import { timelineChart } from '../../web/charts/timeline-chart.ts';
import { formatDate, formatShortDate } from '../../web/i18n.ts';
import type { Timeline } from './timeline.model.ts';
import type { Counts, ResponseSummary } from './response.model.ts';
import { percent, responseText as rt } from './response.i18n.ts';

const valueLabel = (l: Lang, c: Counts) => `${percent(l, c.rate)} (${c.submitted}/${c.invited})`;

export function provinceChart(l: Lang, s: ResponseSummary): string {
  const editions = s.editions.length || 1;
  return barChart({
    id: 'respons-provincies', title: rt(l, 'provinces.chart', { year: s.year }), description: rt(l, 'provinces.chartDesc'),
    axisLabel: rt(l, 'chart.axis'), max: 100, seriesCount: editions,
    groups: [{
      label: rt(l, 'chart.edition', { year: s.year }),
      rows: s.provinces.map((g) => ({ label: g.name, value: g.counts.rate, valueLabel: valueLabel(l, g.counts), note: rt(l, 'rate.none'), series: editions - 1, year: s.year })),
    }],
  });
}

export function editionsChart(l: Lang, s: ResponseSummary): string {
  return barChart({
    id: 'respons-edities', title: rt(l, 'editions.chart', { year: s.year }), description: rt(l, 'editions.chartDesc'),
    axisLabel: rt(l, 'chart.axis'), max: 100, seriesCount: s.editions.length,
    groups: [{
      label: rt(l, 'editions'),
      rows: s.editions.map((e, i) => ({ label: String(e.year), value: e.counts.rate, valueLabel: valueLabel(l, e.counts), note: rt(l, 'rate.none'), series: i, year: e.year })),
    }],
  });
}

/** undefined when the register year has no map geometry. */
export function mapChart(l: Lang, s: ResponseSummary, geometry: MapGeometry | undefined, region: boolean): string | undefined {
  if (!geometry) return undefined;
  return responseMap({
    id: 'respons-kaart', geometry, highlighted: s.responded,
    title: rt(l, 'map.title', { year: s.year }),
    description: rt(l, 'map.desc', { submitted: s.total.submitted, invited: s.total.invited }),
    legend: { highlighted: rt(l, 'map.responded'), other: rt(l, region ? 'map.other.region' : 'map.other') },
  });
}

/** "The response rises from 2% (3 October 2023) to 70% (31 October 2023) …": the chart's numbers in words. */
export function timelineDescription(l: Lang, t: Timeline): string | undefined {
  const first = t.days[0];
  const last = t.days.at(-1);
  return first && last
    ? rt(l, t.steps.length ? 'timeline.chartDesc' : 'timeline.chartDescPlain', { from: `${percent(l, first.rate)} (${formatDate(l, first.day)})`, to: `${percent(l, last.rate)} (${formatDate(l, last.day)})` })
    : undefined;
}

/** The response day by day with the fieldwork steps numbered as in the table beside it. */
export function timelineFigure(l: Lang, year: number, t: Timeline): string {
  return timelineChart({
    id: 'respons-verloop',
    title: rt(l, 'timeline.chart', { year }),
    description: timelineDescription(l, t),
    points: t.days.map((d) => ({ day: d.day, value: d.rate })),
    markers: t.steps.map((s, i) => ({ day: s.day, label: String(i + 1) })),
    dayLabel: (day) => formatShortDate(l, day),
    year,
  });
}

/** The steps as text rows (step, date, reached, submitted after, response after): the table beside the chart, on the web and in the PDF. */
export function timelineTable(l: Lang, t: Timeline): { header: string[]; rows: string[][] } {
  return {
    header: (['step', 'day', 'reached', 'after', 'rate'] as const).map((c) => rt(l, `timeline.col.${c}`)),
    rows: t.steps.map((s, i) => [`${i + 1}. ${rt(l, `step.${s.kind}`)}`, formatDate(l, s.day), String(s.reached), String(s.submittedAfter), percent(l, s.rateAfter)]),
  };
}
