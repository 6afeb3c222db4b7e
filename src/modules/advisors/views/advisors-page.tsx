// /beheer/adviseurs: every advisor with their region, municipalities without one, and (for the
// bureau) the form to import a file of advisors.
import { AdminLayout } from '../../admin/index.ts';
import { authText, CsrfField, ErrorSummary, type Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import type { AdvisorWithRegion, RegionMunicipality } from '../advisors.repo.ts';
import { importText as it } from '../import.i18n.ts';

export type AdvisorsPageProps = {
  lang: Lang;
  path: string;
  session: Session;
  advisors: AdvisorWithRegion[];
  unassigned: RegionMunicipality[];
  canImport: boolean;
  uploadError?: 'import.error.noFile' | 'import.error.form';
};

const names = (ms: RegionMunicipality[]) => ms.map((m) => m.name ?? m.code).join(', ');

export function AdvisorsPage(p: AdvisorsPageProps) {
  const l = p.lang;
  const title = `${p.uploadError ? authText(l, 'errors.prefix') : ''}${it(l, 'advisors.title')}`;
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={p.uploadError ? [{ field: 'file', message: it(l, p.uploadError) }] : []} intro={it(l, 'import.notChecked')} />
      <h1>{it(l, 'advisors.title')}</h1>
      <p class="lead">{it(l, 'advisors.intro')}</p>
      {p.advisors.length === 0 ? <p>{it(l, 'advisors.none')}</p> : (
        <div class="table-scroll" tabindex={0}>
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{it(l, 'advisors.caption')}</caption>
            <thead>
              <tr>
                {(['name', 'email', 'phone', 'account', 'count', 'municipalities'] as const).map((k) => <th scope="col">{it(l, `advisors.col.${k}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {p.advisors.map((a) => (
                <tr>
                  <th scope="row">
                    <a class="utrecht-link" href={`/beheer/adviseurs/${a.id}`}>{a.name}<span class="visually-hidden">{` – ${it(l, 'advisors.dashboard', { name: a.name })}`}</span></a>
                  </th>
                  <td>{a.email}</td>
                  <td>{a.phone ?? ''}</td>
                  <td>{it(l, a.accountId ? 'advisors.account.yes' : 'advisors.account.no')}</td>
                  <td>{String(a.municipalities.length)}</td>
                  <td>{names(a.municipalities)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.unassigned.length === 0 ? <p>{it(l, 'advisors.unassignedNone')}</p> : (
        <details>
          <summary>{it(l, 'advisors.unassigned', { n: p.unassigned.length })}</summary>
          <p>{names(p.unassigned)}</p>
        </details>
      )}
      {p.canImport ? (
        <>
          <h2>{it(l, 'import.title')}</h2>
          <p>{it(l, 'import.intro')}</p>
          <form method="post" action="/beheer/adviseurs" enctype="multipart/form-data" novalidate>
            <CsrfField session={p.session} />
            <div class={p.uploadError ? 'field--error' : undefined}>
              <label class="block utrecht-form-label" for="file">{it(l, 'import.file')}</label>
              {p.uploadError ? <p class="error-message utrecht-form-field-error-message" id="file-error">{it(l, p.uploadError)}</p> : null}
              <input type="file" id="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid={p.uploadError ? 'true' : undefined} aria-describedby={p.uploadError ? 'file-error' : undefined} />
            </div>
            <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{it(l, 'import.check')}</button></div>
          </form>
        </>
      ) : null}
    </AdminLayout>
  );
}
