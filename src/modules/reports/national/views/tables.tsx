// The data tables beside the charts: the text alternative with every figure, n per column or
// row. A suppressed cell is only ever rendered as its label, never with its figure.
import { idPart } from '../../../../web/charts/index.ts';
import { tx } from '../../../../web/i18n.ts';
import { sizeClassName } from '../../../population/index.ts';
import type { Lang } from '../../../questionnaire/index.ts';
import type { ResultsData } from '../data.ts';
import { MIN_N } from '../data.ts';
import { formatPercent, rt } from '../i18n.ts';
import type { Cell, QuestionResult, SeriesRow } from '../questions.ts';
import { ratePercent } from '../response.ts';

/** What a cell shows: the figure, or why there is none. */
export function cellText(lang: Lang, cell: Cell | null, n: number): string {
  if (!cell) return rt(lang, 'table.notAsked');
  if (n === 0) return rt(lang, 'table.noAnswers');
  if (cell.suppressed || cell.percent === null) return rt(lang, n < MIN_N ? 'table.suppressed' : 'table.hidden');
  return `${formatPercent(lang, cell.percent)} (${cell.count})`;
}

const head = (row: SeriesRow) => `${row.edition}${row.panel ? '*' : ''}`;

/** A focusable region, named by the table's caption, so keyboard users can scroll a wide table (WCAG 2.1.1). */
function Scroll(props: { id: string; children: unknown }) {
  return (
    <section class="table-scroll" aria-labelledby={props.id} tabindex={0}>
      {props.children}
    </section>
  );
}

const tableId = (r: QuestionResult, part: string) => `${part}-${idPart(r.question.key)}`;

export function QuestionTable({ lang, r, figure }: { lang: Lang; r: QuestionResult; figure: number }) {
  if (r.question.type === 'matrix') return <MatrixTable lang={lang} r={r} figure={figure} />;
  return (
    <Scroll id={tableId(r, 'tabel')}>
      <table class="data-table">
        <caption id={tableId(r, 'tabel')}>{rt(lang, 'table.caption', { n: figure })}</caption>
        <thead>
          <tr>
            <th scope="col">{rt(lang, 'table.answer')}</th>
            {r.rows.map((row) => <th scope="col" class="num">{head(row)}</th>)}
          </tr>
        </thead>
        <tbody>
          {r.options.map((o, i) => (
            <tr>
              <th scope="row">{tx(lang, o.label)}</th>
              {r.rows.map((row) => <td class="num">{cellText(lang, row.cells[i], row.n)}</td>)}
            </tr>
          ))}
          <tr class="total">
            <th scope="row">{rt(lang, 'table.n')}</th>
            {r.rows.map((row) => <td class="num">{row.asked ? row.n : '–'}</td>)}
          </tr>
        </tbody>
      </table>
    </Scroll>
  );
}

function MatrixTable({ lang, r, figure }: { lang: Lang; r: QuestionResult; figure: number }) {
  return (
    <Scroll id={tableId(r, 'tabel')}>
      <table class="data-table">
        <caption id={tableId(r, 'tabel')}>{rt(lang, 'table.caption', { n: figure })}</caption>
        <thead>
          <tr>
            <th scope="col">{rt(lang, 'table.item')}</th>
            <th scope="col">{rt(lang, 'table.edition')}</th>
            {r.options.map((o) => <th scope="col" class="num">{tx(lang, o.label)}</th>)}
            <th scope="col" class="num">n</th>
          </tr>
        </thead>
        {r.items.map((item) => {
          const rows = r.rows.filter((row) => row.item === item.code);
          if (!rows.length) return null;
          return (
            <tbody>
              {rows.map((row, i) => (
                <tr>
                  {i === 0 ? <th scope="rowgroup" rowspan={rows.length}>{tx(lang, item.label)}</th> : null}
                  <th scope="row">{head(row)}</th>
                  {row.cells.map((c) => <td class="num">{cellText(lang, c, row.n)}</td>)}
                  <td class="num">{row.n}</td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </Scroll>
  );
}

type Line = { name: string; n: number; cells: Array<Cell | null> };

/** The shown edition per part of the nation (provinces, size classes), with the national total. */
function BreakdownTable(p: { lang: Lang; data: ResultsData; r: QuestionResult; id: string; caption: string; head: string; lines: Line[] }) {
  const { lang, data, r } = p;
  const national = r.rows.find((row) => row.edition === data.year && !row.panel);
  const line = (name: string, n: number, cells: Array<Cell | null>, cls?: string) => (
    <tr class={cls}>
      <th scope="row">{name}</th>
      {n === 0 || n < MIN_N ? (
        <td colspan={r.options.length}>{rt(lang, n === 0 ? 'table.noAnswers' : 'table.suppressed')}</td>
      ) : (
        cells.map((c) => <td class="num">{cellText(lang, c, n)}</td>)
      )}
      <td class="num">{n}</td>
    </tr>
  );
  return (
    <Scroll id={p.id}>
      <table class="data-table">
        <caption id={p.id}>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.head}</th>
            {r.options.map((o) => <th scope="col" class="num">{tx(lang, o.label)}</th>)}
            <th scope="col" class="num">n</th>
          </tr>
        </thead>
        <tbody>
          {p.lines.map((l) => line(l.name, l.n, l.cells))}
          {national ? line(rt(lang, 'response.total'), national.n, national.cells, 'total') : null}
        </tbody>
      </table>
    </Scroll>
  );
}

export function ProvinceTable({ lang, data, r, figure }: { lang: Lang; data: ResultsData; r: QuestionResult; figure: number }) {
  return (
    <BreakdownTable lang={lang} data={data} r={r} id={tableId(r, 'provincies')} caption={rt(lang, 'province.caption', { n: figure, year: data.year })}
      head={rt(lang, 'response.col.province')} lines={r.provinces} />
  );
}

/** The cross-table by CBS size class ("gemeenten van vergelijkbare grootte"). */
export function SizeTable({ lang, data, r, figure }: { lang: Lang; data: ResultsData; r: QuestionResult; figure: number }) {
  return (
    <BreakdownTable lang={lang} data={data} r={r} id={tableId(r, 'grootte')}
      caption={rt(lang, 'size.caption', { n: figure, year: data.year, registerYear: data.registerYear })}
      head={rt(lang, 'size.col')} lines={r.sizes.map((s) => ({ name: sizeClassName(lang, s.id), n: s.n, cells: s.cells }))} />
  );
}

export function ResponseTable({ lang, data }: { lang: Lang; data: ResultsData }) {
  const earlier = data.editions.filter((e) => e < data.year).reverse();
  const rate = (edition: number, code?: string) => {
    const e = data.response.get(edition);
    const t = code ? e?.byProvince.get(code) : e;
    const pct = t ? ratePercent(t) : null;
    return pct === null ? '–' : formatPercent(lang, pct);
  };
  const now = data.response.get(data.year);
  return (
    <Scroll id="tabel-respons">
      <table class="data-table">
        <caption id="tabel-respons">{rt(lang, 'response.tableCaption', { year: data.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{rt(lang, 'response.col.province')}</th>
            <th scope="col" class="num">{rt(lang, 'response.col.invited', { year: data.year })}</th>
            <th scope="col" class="num">{rt(lang, 'response.col.responded', { year: data.year })}</th>
            <th scope="col" class="num">{rt(lang, 'response.col.rate', { year: data.year })}</th>
            {earlier.map((e) => <th scope="col" class="num">{rt(lang, 'response.col.rate', { year: e })}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.provinces.map((p) => {
            const t = now?.byProvince.get(p.code);
            return (
              <tr>
                <th scope="row">{p.name}</th>
                <td class="num">{t?.invited ?? 0}</td>
                <td class="num">{t?.responded ?? 0}</td>
                <td class="num">{rate(data.year, p.code)}</td>
                {earlier.map((e) => <td class="num">{rate(e, p.code)}</td>)}
              </tr>
            );
          })}
          <tr class="total">
            <th scope="row">{rt(lang, 'response.total')}</th>
            <td class="num">{now?.invited ?? 0}</td>
            <td class="num">{now?.responded ?? 0}</td>
            <td class="num">{rate(data.year)}</td>
            {earlier.map((e) => <td class="num">{rate(e)}</td>)}
          </tr>
        </tbody>
      </table>
    </Scroll>
  );
}
