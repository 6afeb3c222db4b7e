// The question charts of the PDF, compact (issue 18.4): the web's chart (figures.ts) with thinner
// lines and without the panel rows, and the panel as a separate, smaller chart. So a question
// takes half a page or less, two fit on a page, and the panel no longer doubles every answer.
import { tx } from '../../../../web/i18n.ts';
import { barChart, type BarGroup, idPart, type StackedGroup, stackedChart } from '../../../../web/charts/index.ts';
import type { Lang } from '../../../questionnaire/index.ts';
import { barGroups, stackedGroups } from '../chart-groups.model.ts';
import type { ResultsData } from '../data.ts';
import { chunkGroups } from '../figures.ts';
import { rt } from '../i18n.ts';
import type { QuestionResult } from '../questions.ts';

/** Line heights in px: bars 14 (text 11–12 px still fits), stacked 17 (the % inside the bar). */
const BAR_LINE = 14;
const STACK_LINE = 17;
/** The panel's bar chart is narrower: it has only the panel rows. */
const PANEL_WIDTH = 480;

export type CompactCharts = { main: string[]; panel: string[] };

/** The question's chart without panel rows (in parts of at most `maxLines`), and the panel's chart. */
export function compactQuestionCharts(lang: Lang, data: ResultsData, r: QuestionResult, maxLines: number): CompactCharts {
  const title = tx(lang, r.question.text);
  const id = `pdf-${idPart(r.question.key)}`;
  const hasPanel = r.rows.some((row) => row.panel);
  const partId = (i: number, suffix = '') => `${id}${suffix}${i ? `-${i + 1}` : ''}`;
  if (r.question.type !== 'matrix') {
    const chart = (part: BarGroup[], chartId: string, width?: number) =>
      barChart({ id: chartId, title, description: rt(lang, 'chart.descBars', { panel: '' }), seriesCount: data.editions.length, axisLabel: rt(lang, 'chart.axis'), groups: part, line: BAR_LINE, width });
    return {
      main: chunkGroups(barGroups(lang, data, r, false), maxLines).map((part, i) => chart(part, partId(i))),
      panel: hasPanel ? [chart(barGroups(lang, data, r, true), `${id}-panel`, PANEL_WIDTH)] : [],
    };
  }
  const chart = (part: StackedGroup[], chartId: string) =>
    stackedChart({ id: chartId, title, description: rt(lang, 'chart.descStacked', { panel: '' }), axisLabel: rt(lang, 'chart.axis'), options: r.options.map((o) => tx(lang, o.label)), groups: part, line: STACK_LINE });
  return {
    main: chunkGroups(stackedGroups(lang, r, false), maxLines).map((part, i) => chart(part, partId(i))),
    panel: hasPanel ? chunkGroups(stackedGroups(lang, r, true), maxLines).map((part, i) => chart(part, partId(i, '-panel'))) : [],
  };
}
