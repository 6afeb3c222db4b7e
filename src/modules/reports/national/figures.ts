// Charts of the national results, the same for the web pages and the PDF: one per question
// (bars per option, or stacked bars per item for a matrix), the map and the response per province.
import { tx } from '../../../web/i18n.ts';
import { barChart, type BarGroup, escapeXml, idPart, responseMap, stackedChart } from '../../../web/charts/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { barGroups, rowLabel, stackedGroups } from './chart-groups.model.ts';
import type { ResultsData } from './data.ts';
import { rt } from './i18n.ts';
import type { QuestionResult } from './questions.ts';

export { rowLabel };
import { ratePercent, wholePercent } from './response.ts';

/** Figure numbers: 1 the map, 2 the response per province, 3 the response over time (when the edition has dates), then the questions in order. */
export function figureNumbers(data: ResultsData): Map<string, number> {
  const out = new Map<string, number>([['map', 1], ['provinces', 2]]);
  let n = 3;
  if (data.timeline) out.set('timeline', n++);
  for (const theme of data.questionnaire.themes) {
    for (const q of data.questionnaire.questions) if (q.theme === theme.key && q.type !== 'text') out.set(q.key, n++);
  }
  return out;
}

/**
 * Splits groups into parts of at most `maxLines` chart lines (a heading counts one line, two when
 * long), so that a chart never grows taller than a PDF page. Without a limit: one part.
 */
export function chunkGroups<G extends { label: string; rows: unknown[] }>(groups: G[], maxLines = Number.POSITIVE_INFINITY): G[][] {
  const size = (g: G) => (g.label.length > 80 ? 2 : 1) + g.rows.length;
  const total = groups.reduce((sum, g) => sum + size(g), 0);
  // Parts of about equal height, rather than full parts and a small rest on a page of its own.
  const target = total / Math.max(1, Math.ceil(total / maxLines));
  const parts: G[][] = [[]];
  let lines = 0;
  for (const g of groups) {
    if (lines > 0 && (lines + size(g) > maxLines || lines + size(g) / 2 > target)) {
      parts.push([]);
      lines = 0;
    }
    parts[parts.length - 1].push(g);
    lines += size(g);
  }
  return parts;
}

const partId = (id: string, i: number) => (i === 0 ? id : `${id}-${i + 1}`);

/** The chart of a question, in parts of at most `maxLines` lines (the web takes one part). */
export function questionCharts(lang: Lang, data: ResultsData, r: QuestionResult, maxLines?: number): string[] {
  const title = tx(lang, r.question.text);
  const panel = data.panel.shown ? rt(lang, 'chart.descPanel') : '';
  const id = `fig-${idPart(r.question.key)}`;
  if (r.question.type !== 'matrix') {
    const groups = barGroups(lang, data, r);
    return chunkGroups(groups, maxLines).map((part, i) =>
      barChart({
        id: partId(id, i),
        title,
        description: rt(lang, 'chart.descBars', { panel }),
        seriesCount: data.editions.length,
        axisLabel: rt(lang, 'chart.axis'),
        groups: part,
      }),
    );
  }
  const groups = stackedGroups(lang, r);
  return chunkGroups(groups, maxLines).map((part, i) =>
    stackedChart({
      id: partId(id, i),
      title,
      description: rt(lang, 'chart.descStacked', { panel }),
      axisLabel: rt(lang, 'chart.axis'),
      options: r.options.map((o) => tx(lang, o.label)),
      groups: part,
    }),
  );
}

export function mapChart(lang: Lang, data: ResultsData): string {
  const now = data.response.get(data.year);
  const responded = now?.responded ?? 0;
  if (!data.geometry) {
    // A register year imported without geometry: say so where the map would be (web and PDF).
    const text = escapeXml(rt(lang, 'response.mapMissing', { registerYear: data.registerYear }));
    return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${text}" viewBox="0 0 480 40" width="480" height="40"><text x="8" y="24" font-size="12">${text}</text></svg>`;
  }
  return responseMap({
    id: 'fig-map',
    title: rt(lang, 'response.mapTitle', { year: data.year }),
    description: rt(lang, 'response.mapDesc', { responded }),
    geometry: data.geometry,
    highlighted: now?.respondents ?? new Set(),
    legend: { highlighted: rt(lang, 'response.legendOn', { n: responded }), other: rt(lang, 'response.legendOff') },
  });
}

export function provinceCharts(lang: Lang, data: ResultsData, maxLines?: number): string[] {
  return chunkGroups(provinceGroups(lang, data), maxLines).map((part, i) =>
    barChart({
      id: partId('fig-provinces', i),
      title: rt(lang, 'response.provinceTitle'),
      description: rt(lang, 'response.provinceDesc'),
      seriesCount: data.editions.length,
      axisLabel: rt(lang, 'response.axis'),
      groups: part,
    }),
  );
}

/** The response per province and edition, as the groups of a bar chart (also the web's narrow chart). */
export function provinceGroups(lang: Lang, data: ResultsData): BarGroup[] {
  return data.provinces.map((p) => ({
      label: p.name,
      rows: data.editions.flatMap((edition, series) => {
        const t = data.response.get(edition)?.byProvince.get(p.code);
        if (!t || t.invited === 0) return [];
        const rate = ratePercent(t);
        return [{ label: rt(lang, 'response.rowLabel', { edition, responded: t.responded, invited: t.invited }), value: rate, valueLabel: `${wholePercent(t.responded, t.invited)}%`, series, year: edition }];
      }),
  }));
}
