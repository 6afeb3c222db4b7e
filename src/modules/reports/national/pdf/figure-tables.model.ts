// The numbers behind each question's chart as a table for the PDF's appendix (issue 22): a screen
// reader reaches the percentages and n there, as a tagged Table, since the chart image has only its
// alt text. Same cells as the web page's table (cellText), strings only.
import { tx } from '../../../../web/i18n.ts';
import type { Lang } from '../../../questionnaire/index.ts';
import { rt } from '../i18n.ts';
import type { QuestionResult, SeriesRow } from '../questions.ts';
import { cellText } from '../views/tables.tsx';

/** A body row: a row header (with how many rows it spans; 0 = covered by the one above) and cells. */
export type FigureTableRow = { head: string; span: number; cells: string[] };
export type FigureTable = { label: string; caption: string; header: string[]; rows: FigureTableRow[] };

const head = (row: SeriesRow) => `${row.edition}${row.panel ? '*' : ''}`;

/** The Typst label of table `n` (the figure's number), so a figure can link to it. */
export const tableLabel = (n: number) => `tabel-${n}`;

export function figureTable(lang: Lang, r: QuestionResult, n: number, question: string): FigureTable {
  const caption = `${rt(lang, 'pdf.tableLabel', { n })}. ${rt(lang, 'table.caption', { n })}. ${question}`;
  if (r.question.type !== 'matrix') {
    return {
      label: tableLabel(n),
      caption,
      header: [rt(lang, 'table.answer'), ...r.rows.map(head)],
      rows: [
        ...r.options.map((o, i) => ({ head: tx(lang, o.label), span: 1, cells: r.rows.map((row) => cellText(lang, row.cells[i], row.n)) })),
        { head: rt(lang, 'table.n'), span: 1, cells: r.rows.map((row) => (row.asked ? String(row.n) : '–')) },
      ],
    };
  }
  const rows: FigureTableRow[] = [];
  for (const item of r.items) {
    const mine = r.rows.filter((row) => row.item === item.code);
    mine.forEach((row, i) => {
      rows.push({ head: i === 0 ? tx(lang, item.label) : '', span: i === 0 ? mine.length : 0, cells: [head(row), ...row.cells.map((c) => cellText(lang, c, row.n)), String(row.n)] });
    });
  }
  return { label: tableLabel(n), caption, header: [rt(lang, 'table.item'), rt(lang, 'table.edition'), ...r.options.map((o) => tx(lang, o.label)), 'n'], rows };
}
