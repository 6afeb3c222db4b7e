// A table of the funnel (invited, opened, started, submitted, response rate) per group:
// province, advisor, or edition. Caption and header cells for screen readers.
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import type { Counts } from '../response.model.ts';
import { percent, type ResponseKey, responseText as rt } from '../response.i18n.ts';

export type CountsRow = { label: string; counts: Counts };

const STEPS = ['invited', 'opened', 'started', 'submitted'] as const;

export function CountsTable(p: { lang: Lang; caption: string; first: ResponseKey; rows: CountsRow[]; total?: CountsRow; hideCaption?: boolean }) {
  const l = p.lang;
  const cells = (c: Counts) => [...STEPS.map((s) => <td class="num">{String(c[s])}</td>), <td class="num">{percent(l, c.rate)}</td>];
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption class={p.hideCaption ? 'visually-hidden' : undefined}>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rt(l, p.first)}</th>
            {STEPS.map((s) => <th scope="col">{rt(l, `col.${s}`)}</th>)}
            <th scope="col">{rt(l, 'col.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => <tr><th scope="row">{r.label}</th>{cells(r.counts)}</tr>)}
        </tbody>
        {p.total ? <tfoot><tr><th scope="row">{p.total.label}</th>{cells(p.total.counts)}</tr></tfoot> : null}
      </table>
    </div>
  );
}
