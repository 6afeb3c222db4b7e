// "Respons in de tijd": the chart of the response day by day and, as its text alternative and the
// figures the bureau wants, a table of the fieldwork steps with what came in after each.
import { raw } from 'hono/html';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { formatDate } from '../../../web/i18n.ts';
import { timelineFigure } from '../charts.ts';
import { percent, responseText as rt } from '../response.i18n.ts';
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
          <div class="table-scroll" tabindex={0}>
            <table>
              <caption>{rt(l, 'timeline.caption', { year: p.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{rt(l, 'timeline.col.step')}</th>
                  <th scope="col">{rt(l, 'timeline.col.day')}</th>
                  <th scope="col" class="num">{rt(l, 'timeline.col.reached')}</th>
                  <th scope="col" class="num">{rt(l, 'timeline.col.after')}</th>
                  <th scope="col" class="num">{rt(l, 'timeline.col.rate')}</th>
                </tr>
              </thead>
              <tbody>
                {t.steps.map((s, i) => (
                  <tr>
                    <th scope="row">{`${i + 1}. ${rt(l, `step.${s.kind}`)}`}</th>
                    <td>{formatDate(l, s.day)}</td>
                    <td class="num">{String(s.reached)}</td>
                    <td class="num">{String(s.submittedAfter)}</td>
                    <td class="num">{percent(l, s.rateAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {t.before > 0 ? <p>{rt(l, 'timeline.before', { n: t.before })}</p> : null}
    </>
  );
}
