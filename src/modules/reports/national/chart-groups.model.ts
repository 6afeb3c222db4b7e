// The groups a question chart draws (per answer option or matrix item, a row per edition), for the
// PDF's compact charts (pdf/question-charts.pdf.ts) and the web's narrow charts; `panel` picks the
// panel rows or the national rows, undefined both (as the web's wide chart).
import { tx } from '../../../web/i18n.ts';
import type { BarGroup, BarRow, StackedGroup } from '../../../web/charts/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import type { ResultsData } from './data.ts';
import { formatPercent, rt } from './i18n.ts';
import type { Cell, QuestionResult, SeriesRow } from './questions.ts';

export function rowLabel(lang: Lang, row: Pick<SeriesRow, 'edition' | 'panel' | 'n'> & { asked?: boolean }): string {
  if (row.asked === false) return String(row.edition);
  return rt(lang, row.panel ? 'chart.panelRow' : 'chart.row', { edition: row.edition, n: row.n });
}

function barRow(lang: Lang, data: ResultsData, row: SeriesRow, cell: Cell | null): BarRow {
  const series = data.editions.indexOf(row.edition);
  const base = { label: rowLabel(lang, row), series, year: row.edition, hollow: row.panel };
  if (!cell) return { ...base, value: null, note: rt(lang, 'chart.notAsked') };
  if (cell.suppressed || cell.percent === null) return { ...base, value: null, note: rt(lang, 'chart.suppressed') };
  return { ...base, value: cell.percent, valueLabel: formatPercent(lang, cell.percent) };
}

const rowsOf = (r: QuestionResult, panel?: boolean) => (panel === undefined ? r.rows : r.rows.filter((row) => row.panel === panel));

export function barGroups(lang: Lang, data: ResultsData, r: QuestionResult, panel?: boolean): BarGroup[] {
  return r.options.map((o, i) => ({ label: tx(lang, o.label), rows: rowsOf(r, panel).map((row) => barRow(lang, data, row, row.cells[i])) }));
}

export function stackedGroups(lang: Lang, r: QuestionResult, panel?: boolean): StackedGroup[] {
  return r.items.map((item) => ({
    label: tx(lang, item.label),
    rows: rowsOf(r, panel).filter((row) => row.item === item.code).map((row) => ({
      label: rowLabel(lang, row),
      values: row.cells.some((c) => c?.suppressed) ? null : row.cells.map((c) => c?.percent ?? 0),
      valueLabels: row.cells.map((c) => (c && c.percent !== null ? formatPercent(lang, c.percent) : '')),
      note: rt(lang, 'chart.suppressed'),
    })),
  }));
}
