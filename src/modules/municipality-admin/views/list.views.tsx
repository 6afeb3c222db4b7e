// /beheer/edities/:year/gemeenten: every municipality of the edition's register with its status;
// filter by province and status, search by name (a GET form: works without JavaScript).
import { formatDate } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import type { Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { maText } from '../municipality-admin.i18n.ts';
import { type ListFilter, type Status, STATUSES, type StatusRow } from '../status.repo.ts';

export function StatusTag({ lang, status }: { lang: Lang; status: Status }) {
  const look = status === 'submitted' ? 'done' : status === 'not_invited' || status === 'invited' ? 'todo' : 'busy';
  return <span class={`tag tag--${look}`}>{maText(lang, `status.${status}`)}</span>;
}

/** The date that goes with the status: when it was reached. */
export function statusDate(r: StatusRow): Date | null {
  return r.status === 'submitted' ? r.submittedAt : r.status === 'started' ? r.startedAt : r.status === 'opened' ? r.openedAt : r.invitedAt;
}

export type ListPageProps = {
  lang: Lang; path: string; session: Session; year: number; rows: StatusRow[]; total: number;
  provinces: { code: string; name: string }[]; filter: ListFilter;
};

export function MunicipalityListPage(p: ListPageProps) {
  const l = p.lang;
  const title = maText(l, 'list.title', { year: p.year });
  const filtered = !!(p.filter.province || p.filter.status || p.filter.search);
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      <p class="caption"><a class="utrecht-link" href={`/beheer/edities/${p.year}`}>{maText(l, 'edition.name', { year: p.year })}</a></p>
      <h1>{title}</h1>
      {p.session.account.role === 'advisor' ? <p>{maText(l, 'list.advisorNote')}</p> : null}
      <form method="get" action={`/beheer/edities/${p.year}/gemeenten`}>
        <fieldset>
          <legend>{maText(l, 'list.filter')}</legend>
          <div>
            <label class="block utrecht-form-label" for="zoek">{maText(l, 'list.search')}</label>
            <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="zoek" name="zoek" value={p.filter.search ?? ''} autocomplete="off" />
          </div>
          <div>
            <label class="block utrecht-form-label" for="provincie">{maText(l, 'list.province')}</label>
            <select class="utrecht-select utrecht-select--html-select" id="provincie" name="provincie">
              <option value="">{maText(l, 'list.allProvinces')}</option>
              {p.provinces.map((pr) => <option value={pr.code} selected={p.filter.province === pr.code}>{pr.name}</option>)}
            </select>
          </div>
          <div>
            <label class="block utrecht-form-label" for="status">{maText(l, 'list.status')}</label>
            <select class="utrecht-select utrecht-select--html-select" id="status" name="status">
              <option value="">{maText(l, 'list.allStatuses')}</option>
              {STATUSES.map((s) => <option value={s} selected={p.filter.status === s}>{maText(l, `status.${s}`)}</option>)}
            </select>
          </div>
        </fieldset>
        <div class="button-row">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">{maText(l, 'list.apply')}</button>
          {filtered ? <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/beheer/edities/${p.year}/gemeenten`}>{maText(l, 'list.reset')}</a> : null}
        </div>
      </form>
      <p role="status">{maText(l, 'list.count', { n: p.rows.length, total: p.total })}</p>
      {p.rows.length === 0 ? <p>{maText(l, 'list.none')}</p> : (
        <div class="table-scroll" tabindex={0}>
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{maText(l, 'list.caption', { year: p.year })}</caption>
            <thead>
              <tr>
                {(['name', 'province', 'status', 'since'] as const).map((k) => <th scope="col">{maText(l, `list.col.${k}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => {
                const since = statusDate(r);
                return (
                  <tr>
                    <th scope="row"><a class="utrecht-link" href={`/beheer/edities/${p.year}/gemeenten/${r.code}`}>{r.name}</a></th>
                    <td>{r.provinceName}</td>
                    <td><StatusTag lang={l} status={r.status} /></td>
                    <td>{since ? formatDate(l, since) : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
