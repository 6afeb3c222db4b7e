// An advisor's overview: every municipality of the region with its status in the edition, the
// last reminder and call, and (for those who may act) a reminder button and a link to log a call.
import { formatDate } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import type { Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { fieldworkText as ft } from '../fieldwork.i18n.ts';
import type { MunicipalityStatus } from '../status.repo.ts';
import { EditionPicker, LastCall, mayRemind, ReminderButton, ReminderNotice, StatusTag } from './parts.tsx';

export type DashboardProps = {
  lang: Lang;
  path: string;
  session: Session;
  /** undefined: the signed-in advisor has no advisor record (no region). */
  advisorName?: string;
  own: boolean;
  year: number;
  years: number[];
  rows: MunicipalityStatus[];
  canAct: boolean;
  canRemind: boolean;
  reminder?: { result?: string; code?: string };
};

export function DashboardPage(p: DashboardProps) {
  const l = p.lang;
  const title = p.own ? ft(l, 'dashboard.title') : ft(l, 'dashboard.titleOf', { name: p.advisorName ?? '' });
  const back = `${p.path}?editie=${p.year}`;
  const invited = p.rows.filter((r) => r.status !== 'not_invited').length;
  const submitted = p.rows.filter((r) => r.status === 'submitted').length;
  const reminded = p.rows.find((r) => r.code === p.reminder?.code);
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      <ReminderNotice lang={l} result={p.reminder?.result} name={reminded?.name} />
      <h1>{title}</h1>
      <EditionPicker lang={l} action={p.path} year={p.year} years={p.years} />
      {p.rows.length === 0 ? <p>{ft(l, p.own ? 'dashboard.noRegion' : 'dashboard.noRegionOf')}</p> : (
        <>
          <p class="lead">{ft(l, 'dashboard.intro', { year: p.year })}</p>
          <p>{ft(l, 'dashboard.summary', { submitted, invited })}</p>
          <p>
            <a class="utrecht-link" href={`/beheer/edities/${p.year}/bellijst`}>{ft(l, 'dashboard.toCallList')}</a>{' · '}
            <a class="utrecht-link" href={`/beheer/edities/${p.year}/respons`}>{ft(l, 'dashboard.toResponse')}</a>
          </p>
          <div class="table-scroll" tabindex={0}>
            <table class="utrecht-table utrecht-table--html-table">
              <caption>{ft(l, 'dashboard.caption', { name: p.advisorName ?? '', year: p.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{ft(l, 'col.municipality')}</th>
                  <th scope="col">{ft(l, 'col.province')}</th>
                  <th scope="col">{ft(l, 'col.status')}</th>
                  <th scope="col">{ft(l, 'col.lastReminder')}</th>
                  <th scope="col">{ft(l, 'col.lastCall')}</th>
                  {p.canAct ? <th scope="col">{ft(l, 'col.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {p.rows.map((m) => (
                  <tr id={m.code}>
                    <th scope="row">{m.name}</th>
                    <td>{m.provinceName}</td>
                    <td><StatusTag lang={l} status={m.status} /></td>
                    <td>{m.lastReminderAt ? formatDate(l, m.lastReminderAt) : ft(l, 'none')}</td>
                    <td><LastCall lang={l} m={m} /></td>
                    {p.canAct ? (
                      <td>
                        <a class="utrecht-link" href={`/beheer/edities/${p.year}/bellijst/${m.code}`}>
                          {ft(l, 'dashboard.logCall')}<span class="visually-hidden">{`: ${m.name}`}</span>
                        </a>
                        {p.canRemind && mayRemind(m) ? <ReminderButton lang={l} session={p.session} year={p.year} m={m} back={back} /> : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </AdminLayout>
  );
}
