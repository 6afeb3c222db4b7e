// One question on a theme page: its text, notes on how it changed, the chart, the data table and
// the shown edition per province and per size class (folded away: most readers want the national
// picture).
import { tx } from '../../../../web/i18n.ts';
import { raw } from 'hono/html';
import { idPart, narrowBarChart, narrowStackedChart } from '../../../../web/charts/index.ts';
import { barGroups, stackedGroups } from '../chart-groups.model.ts';
import type { Lang } from '../../../questionnaire/index.ts';
import type { ResultsData } from '../data.ts';
import { MIN_N } from '../data.ts';
import { rt } from '../i18n.ts';
import type { QuestionResult } from '../questions.ts';
import { questionNotes } from '../summary.ts';
import { ProvinceTable, QuestionTable, SizeTable } from './tables.tsx';

type Props = { lang: Lang; data: ResultsData; r: QuestionResult; figure: number; svg: string };

export function QuestionBlock({ lang, data, r, figure, svg }: Props) {
  const headingId = `vraag-${idPart(r.question.key)}`;
  return (
    <section class="question-result" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span class="figure-number">{rt(lang, 'figure.label', { n: figure })}. </span>
        {tx(lang, r.question.text)}
      </h2>
      {questionNotes(lang, data, r).map((note) => <p class="note">{note}</p>)}
      {r.rows.length ? <Figures {...{ lang, data, r, figure, svg }} /> : <p>{rt(lang, 'question.noAnswers')}</p>}
    </section>
  );
}

/** The narrow variant (labels above the bars, 13 px text) for small screens; results.css shows one of the two. */
function narrowChart(lang: Lang, data: ResultsData, r: QuestionResult): string {
  const id = `fig-${idPart(r.question.key)}-smal`;
  const title = tx(lang, r.question.text);
  return r.question.type === 'matrix'
    ? narrowStackedChart(id, title, stackedGroups(lang, r), r.options.map((o) => tx(lang, o.label)))
    : narrowBarChart(id, title, barGroups(lang, data, r), data.editions.length);
}

function Figures({ lang, data, r, figure, svg }: Props) {
  return (
    <>
      <figure class="chart-figure">
        <div class="chart-wide">{raw(svg)}</div>
        <div class="chart-narrow">{raw(narrowChart(lang, data, r))}</div>
        {data.panel.shown ? (
          <figcaption>{rt(lang, 'note.panel', { from: data.editions[0], to: data.year, n: data.panel.size })}</figcaption>
        ) : null}
      </figure>
      <QuestionTable lang={lang} r={r} figure={figure} />
      {r.provinces.length ? (
        <details class="province-details">
          <summary>{rt(lang, 'province.summary', { year: data.year })}</summary>
          <ProvinceTable lang={lang} data={data} r={r} figure={figure} />
          <p class="note">{rt(lang, 'province.note', { min: MIN_N })}</p>
        </details>
      ) : null}
      {r.sizes.length ? (
        <details class="province-details">
          <summary>{rt(lang, 'size.summary', { year: data.year })}</summary>
          <SizeTable lang={lang} data={data} r={r} figure={figure} />
          <p class="note">{rt(lang, 'province.note', { min: MIN_N })}</p>
        </details>
      ) : null}
    </>
  );
}
