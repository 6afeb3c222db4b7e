// "Respons in de tijd": the chart of the response day by day and, as its text alternative and the
// figures the bureau wants, a table of the fieldwork steps with what came in after each.
import { raw } from 'hono/html';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { timelineFigure, timelineTable } from '../charts.ts';
import { responseText as rt } from '../response.i18n.ts';
import type { Timeline } from '../timeline.model.ts';

export function TimelineSection(p: { lang: Lang; year: number; timeline: Timeline }) {
  const l = p.lang;
  const t = p.timeline;
  return (
    <>
      <h2>{rt(l, 'timeline')}</h2>
      <p>{rt(l, 'timeline.intro')}</p>
      {t.days.length === 0 ? <p>{rt(l, 'timeline.none')}</p> : (
        <div class="chart-with-table">
          <figure>{raw(timelineFigure(l, p.year, t))}</figure>
          <TimelineStepsTable lang={l} year={p.year} timeline={t} />
        </div>
      )}
      {t.before > 0 ? <p>{rt(l, 'timeline.before', { n: t.before })}</p> : null}
    </>
  );
}

/** The steps with what came in after each: the chart's text alternative, also in the public report. */
export function TimelineStepsTable(p: { lang: Lang; year: number; timeline: Timeline; caption?: string }) {
  const { header, rows } = timelineTable(p.lang, p.timeline);
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption>{p.caption ?? rt(p.lang, 'timeline.caption', { year: p.year })}</caption>
        <thead>
          <tr>
            {header.map((h, i) => <th scope="col" class={i > 1 ? 'num' : undefined}>{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(([step, ...cells]) => (
            <tr>
              <th scope="row">{step}</th>
              {cells.map((c, i) => <td class={i > 0 ? 'num' : undefined}>{c}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
