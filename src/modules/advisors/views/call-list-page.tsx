// The call list (bellijst): invited municipalities that have not submitted, by province and
// advisor, with phone numbers from the contact list, the last call and a link to log one.
import { AdminLayout } from '../../admin/index.ts';
import type { Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { fieldworkText as ft } from '../fieldwork.i18n.ts';
import type { MunicipalityStatus } from '../status.repo.ts';
import { EditionPicker, LastCall, mayRemind, Phones, ReminderButton, ReminderNotice, StatusTag } from './parts.tsx';

export type CallListProps = {
  lang: Lang;
  path: string;
  session: Session;
  year: number;
  years: number[];
  rows: MunicipalityStatus[];
  canRemind: boolean;
  /** The municipality whose call was just logged. */
  loggedName?: string;
  reminder?: { result?: string; code?: string };
};

export function CallListPage(p: CallListProps) {
  const l = p.lang;
  const title = ft(l, 'calllist.title', { year: p.year });
  const logged = p.loggedName;
  const reminded = p.rows.find((r) => r.code === p.reminder?.code);
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      {logged ? <div class="notice notice--ok" role="status"><p>{ft(l, 'calllist.logged', { name: logged })}</p></div> : null}
      <ReminderNotice lang={l} result={p.reminder?.result} name={reminded?.name} />
      <h1>{title}</h1>
      <EditionPicker lang={l} action="/beheer/bellijst" year={p.year} years={p.years} />
      <p class="lead">{ft(l, 'calllist.intro')}</p>
      {p.rows.length === 0 ? <p>{ft(l, 'calllist.none')}</p> : (
        <div class="table-scroll" tabindex={0}>
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{ft(l, 'calllist.caption', { year: p.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{ft(l, 'col.province')}</th>
                <th scope="col">{ft(l, 'col.advisor')}</th>
                <th scope="col">{ft(l, 'col.municipality')}</th>
                <th scope="col">{ft(l, 'col.status')}</th>
                <th scope="col">{ft(l, 'col.phone')}</th>
                <th scope="col">{ft(l, 'col.lastCall')}</th>
                <th scope="col">{ft(l, 'col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((m) => (
                <tr id={m.code}>
                  <td>{m.provinceName}</td>
                  <td>{m.advisorName ?? ft(l, 'noAdvisor')}</td>
                  <th scope="row">{m.name}</th>
                  <td><StatusTag lang={l} status={m.status} /></td>
                  <td><Phones lang={l} m={m} /></td>
                  <td><LastCall lang={l} m={m} /></td>
                  <td>
                    <a class="utrecht-link" href={`/beheer/edities/${p.year}/bellijst/${m.code}`}>
                      {ft(l, 'dashboard.logCall')}<span class="visually-hidden">{`: ${m.name}`}</span>
                    </a>
                    {p.canRemind && mayRemind(m) ? <ReminderButton lang={l} session={p.session} year={p.year} m={m} back={p.path} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
