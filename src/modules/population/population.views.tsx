// /beheer/indeling/inwoners: the population years present, the upload of a year, and its result.
import { formatDate } from '../../web/i18n.ts';
import { AdminLayout } from '../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../auth/index.ts';
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import { popText, populationSummary, problemMessage } from './population.i18n.ts';
import type { PopulationReport, PopulationYear } from './population.model.ts';
import { SIZE_CLASSES } from './size-class.model.ts';

export type PopulationErrors = Partial<Record<'jaar' | 'bestand', string>>;

type Props = { lang: Lang; path: string; session: Session; years: PopulationYear[]; year?: string; errors?: PopulationErrors; report?: PopulationReport; dryRun?: boolean; notice?: string };

function Field(p: { id: string; label: string; hint: string; error?: string; children: (describedBy: string) => unknown }) {
  const describedBy = p.error ? `${p.id}-hint ${p.id}-error` : `${p.id}-hint`;
  return (
    <div class={p.error ? 'field--error' : undefined}>
      <label class="block utrecht-form-label" for={p.id}>{p.label}</label>
      <p class="hint" id={`${p.id}-hint`}>{p.hint}</p>
      {p.error ? <p class="error-message utrecht-form-field-error-message" id={`${p.id}-error`}>{p.error}</p> : null}
      {p.children(describedBy)}
    </div>
  );
}

function Report({ lang, report, dryRun }: { lang: Lang; report: PopulationReport; dryRun: boolean }) {
  const bad = report.problems.length > 0;
  const message = bad
    ? popText(lang, 'result.bad', { n: report.problems.length, file: report.fileName })
    : popText(lang, dryRun ? 'result.checked' : 'result.done', { year: report.year, file: report.fileName });
  return (
    <>
      <div class={`notice ${bad ? 'notice--warn' : 'notice--ok'}`} role={bad ? 'alert' : 'status'}>
        <p>{message}</p>
        {bad ? null : <p>{populationSummary(lang, report)}</p>}
      </div>
      {bad ? (
        <div class="table-scroll" tabindex={0}>
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{popText(lang, 'result.caption')}</caption>
            <thead>
              <tr>{(['line', 'field', 'problem'] as const).map((k) => <th scope="col">{popText(lang, `result.col.${k}`)}</th>)}</tr>
            </thead>
            <tbody>
              {report.problems.slice(0, 500).map((x) => (
                <tr>
                  <td>{x.line ?? '–'}</td>
                  <td>{x.field ?? '–'}</td>
                  <td>{problemMessage(lang, x)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

export function PopulationPage(p: Props) {
  const l = p.lang;
  const errors = p.errors ?? {};
  const list = Object.entries(errors).map(([field, message]) => ({ field, message: message as string }));
  const failed = list.length > 0 || (p.report?.problems.length ?? 0) > 0;
  const classes = SIZE_CLASSES.map((c) => `${c.name[l]} (${c.id})`).join(', ');
  const nf = new Intl.NumberFormat(l === 'en' ? 'en-GB' : 'nl-NL');
  return (
    <AdminLayout lang={l} title={`${failed ? `${popText(l, 'problem')}: ` : ''}${popText(l, 'page.title')}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={list} />
      <p><a class="utrecht-link" href="/beheer/indeling">{popText(l, 'page.registerLink')}</a></p>
      <h1>{popText(l, 'page.title')}</h1>
      {p.notice ? <div class="notice notice--ok" role="status"><p>{p.notice}</p></div> : null}
      {p.report ? <Report lang={l} report={p.report} dryRun={p.dryRun ?? false} /> : null}
      <p class="lead">{popText(l, 'page.intro')}</p>
      <p>{popText(l, 'page.classes', { classes })}</p>
      {p.years.length ? (
        <div class="table-scroll" tabindex={0}>
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{popText(l, 'page.years')}</caption>
            <thead>
              <tr>{(['year', 'municipalities', 'inhabitants', 'source', 'imported', 'editions'] as const).map((k) => <th scope="col">{popText(l, `page.col.${k}`)}</th>)}</tr>
            </thead>
            <tbody>
              {p.years.map((y) => (
                <tr>
                  <th scope="row">{y.year}</th>
                  <td class="num">{y.municipalities}</td>
                  <td class="num">{nf.format(y.inhabitants)}</td>
                  <td>{y.fileName}</td>
                  <td>{formatDate(l, y.importedAt)}</td>
                  <td>{y.editions.join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>{popText(l, 'page.none')}</p>}
      <h2>{popText(l, 'page.upload')}</h2>
      <form method="post" action="/beheer/indeling/inwoners" enctype="multipart/form-data">
        <CsrfField session={p.session} />
        <Field id="jaar" label={popText(l, 'page.year')} hint={popText(l, 'page.yearHint')} error={errors.jaar}>
          {(d) => <input class="utrecht-textbox utrecht-textbox--html-input" type="text" inputmode="numeric" id="jaar" name="jaar" value={p.year ?? ''} size={6} autocomplete="off" aria-describedby={d} aria-invalid={errors.jaar ? 'true' : undefined} />}
        </Field>
        <Field id="bestand" label={popText(l, 'page.file')} hint={popText(l, 'page.fileHint')} error={errors.bestand}>
          {(d) => <input type="file" id="bestand" name="bestand" accept=".csv,text/csv" aria-describedby={d} aria-invalid={errors.bestand ? 'true' : undefined} />}
        </Field>
        <div class="checkbox">
          <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="controleren" name="controleren" value="1" checked={p.dryRun ? true : undefined} />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="controleren">{popText(l, 'page.dryRun')}</label>
        </div>
        <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{popText(l, 'page.submit')}</button></div>
      </form>
      <p class="muted">{popText(l, 'page.cli')}</p>
    </AdminLayout>
  );
}
