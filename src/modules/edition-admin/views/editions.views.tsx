// /beheer/edities: every edition with its state, register year, dates and response; "next edition".
import { formatDate } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../../auth/index.ts';
import type { EditionState } from '../../editions/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';
import type { EditionRow, NextPlan } from '../editions.service.ts';

export function StateTag({ lang, state }: { lang: Lang; state: EditionState }) {
  const look = state === 'open' ? 'busy' : state === 'draft' ? 'todo' : 'done';
  return <span class={`tag tag--${look}`}>{eaText(lang, `state.${state}`)}</span>;
}

export const dateOr = (lang: Lang, d: string | Date | null) => (d ? formatDate(lang, d) : eaText(lang, 'date.none'));

export type EditionsPageProps = {
  lang: Lang; path: string; session: Session; rows: EditionRow[]; next?: NextPlan; error?: string;
};

export function EditionsPage(p: EditionsPageProps) {
  const l = p.lang;
  const admin = p.session.account.role === 'admin';
  return (
    <AdminLayout lang={l} title={`${p.error ? eaText(l, 'error.prefix') : ''}${eaText(l, 'list.title')}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={p.error ? [{ field: 'volgende', message: p.error }] : []} />
      <h1>{eaText(l, 'list.title')}</h1>
      <p class="lead">{eaText(l, admin ? 'list.intro' : 'list.introReadOnly')}</p>
      <div class="table-scroll" tabindex={0}>
        <table class="utrecht-table utrecht-table--html-table">
          <caption>{eaText(l, 'list.caption')}</caption>
          <thead>
            <tr>
              {(['edition', 'state', 'register', 'opens', 'closes', 'invited', 'submitted'] as const).map((k) => (
                <th scope="col">{eaText(l, `list.col.${k}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <th scope="row"><a class="utrecht-link" href={`/beheer/edities/${r.year}`}>{eaText(l, 'edition.name', { year: r.year })}</a></th>
                <td><StateTag lang={l} state={r.state} /></td>
                <td>{r.registerYear}</td>
                <td>{dateOr(l, r.opensOn)}</td>
                <td>{dateOr(l, r.closesOn)}</td>
                <td>{r.invited}</td>
                <td>{r.submitted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && p.next ? (
        <section aria-labelledby="volgende-titel">
          <h2 id="volgende-titel">{eaText(l, 'list.next.title')}</h2>
          <p>{eaText(l, 'list.next.body', { year: p.next.year, from: p.next.from, register: p.next.registerYear })}</p>
          {p.next.hasRegister ? null : <div class="notice notice--warn"><p>{eaText(l, 'list.next.noRegister', { register: p.next.registerYear })}</p></div>}
          <form method="post" action="/beheer/edities">
            <CsrfField session={p.session} />
            <input type="hidden" name="jaar" value={String(p.next.year)} />
            <div class="button-row">
              <button class="utrecht-button utrecht-button--primary-action" type="submit" id="volgende">{eaText(l, 'list.next.submit', { year: p.next.year })}</button>
            </div>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}
