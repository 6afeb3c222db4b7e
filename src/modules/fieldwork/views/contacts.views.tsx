// /beheer/edities/:year/contacten: the imported contacts and the upload form.
import { AdminLayout } from '../../admin/index.ts';
import { authText, CsrfField, ErrorSummary, type Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import type { Contact } from '../contacts.repo.ts';
import { fwText } from '../fieldwork.i18n.ts';
import { type Problem, problemLine, problemText } from '../problems.ts';
import { EditionNav, Notice } from './parts.tsx';

export type ContactsPageProps = {
  lang: Lang; path: string; session: Session; year: number; contacts: Contact[];
  /** Problems with the uploaded file as a whole (no rows could be read). */
  fileProblems: Problem[];
  notice?: { kind: 'ok' | 'warn'; text: string };
};

export function ContactsPage(p: ContactsPageProps) {
  const l = p.lang;
  const errors = p.fileProblems.map((x) => ({ field: 'bestand', message: x.key === 'noFile' ? problemText(l, x) : problemLine(l, x) }));
  const title = `${errors.length ? authText(l, 'errors.prefix') : ''}${fwText(l, 'contacts.title', { year: p.year })}`;
  const municipalities = new Set(p.contacts.map((c) => c.municipalityCode)).size;
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={errors} intro={fwText(l, 'upload.notChecked')} />
      <Notice kind={p.notice?.kind} text={p.notice?.text} />
      <EditionNav lang={l} year={p.year} current="contacten" />
      <h1>{fwText(l, 'contacts.title', { year: p.year })}</h1>
      <p class="lead">{fwText(l, 'contacts.intro')}</p>
      <h2>{fwText(l, 'upload.title')}</h2>
      <form method="post" action={`/beheer/edities/${p.year}/contacten`} enctype="multipart/form-data" novalidate>
        <CsrfField session={p.session} />
        <div class={errors.length ? 'field--error' : undefined}>
          <label class="block utrecht-form-label" for="bestand">{fwText(l, 'upload.file')}</label>
          <p class="hint" id="bestand-hint">{fwText(l, 'upload.hint')}</p>
          {errors.length ? <p class="error-message utrecht-form-field-error-message" id="bestand-error">{errors[0].message}</p> : null}
          <input type="file" id="bestand" name="bestand" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={errors.length ? 'bestand-hint bestand-error' : 'bestand-hint'} aria-invalid={errors.length ? 'true' : undefined} />
        </div>
        <div class="button-row">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">{fwText(l, 'upload.submit')}</button>
        </div>
      </form>
      <h2>{fwText(l, 'contacts.listTitle')}</h2>
      {p.contacts.length === 0 ? <p>{fwText(l, 'contacts.none')}</p> : (
        <>
          <p>{fwText(l, 'contacts.count', { contacts: p.contacts.length, municipalities })}</p>
          <div class="table-scroll" tabindex={0}>
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="visually-hidden">{fwText(l, 'contacts.caption')}</caption>
              <thead>
                <tr>{(['municipality', 'name', 'email', 'function', 'phone'] as const).map((k) => <th scope="col">{fwText(l, `col.${k}`)}</th>)}</tr>
              </thead>
              <tbody>
                {p.contacts.map((c) => (
                  <tr>
                    <td>{c.municipalityName ?? c.municipalityCode} ({c.municipalityCode})</td>
                    <th scope="row">{c.name}</th>
                    <td>{c.email}</td>
                    <td>{c.function ?? ''}</td>
                    <td>{c.phone ?? ''}</td>
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
