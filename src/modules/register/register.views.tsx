// /beheer/indeling: the register years present, the upload of a new year, and the check's report.
import { formatDate } from '../../web/i18n.ts';
import { AdminLayout } from '../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../auth/index.ts';
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import type { FileKind, RegisterReport } from './import.model.ts';
import { noteText, problemMessage, rgText, summaryText } from './register.i18n.ts';
import type { RegisterYear } from './register.repo.ts';

type Base = { lang: Lang; path: string; session: Session };
export type FormErrors = Partial<Record<'jaar' | 'gemeenten', string>>;

const FILE_FIELDS: { id: string; kind: FileKind; accept: string }[] = [
  { id: 'gemeenten', kind: 'municipalities', accept: '.csv,text/csv' },
  { id: 'kaart', kind: 'geo', accept: '.topojson,.geojson,.json,application/json,application/geo+json' },
  { id: 'herindelingen', kind: 'mergers', accept: '.csv,text/csv' },
  { id: 'wijken', kind: 'wijken', accept: '.csv,text/csv' },
  { id: 'wijkkaart', kind: 'wijkGeo', accept: '.topojson,.json,application/json' },
];
export const FIELD_OF: Record<FileKind, string> = Object.fromEntries(FILE_FIELDS.map((f) => [f.kind, f.id])) as Record<FileKind, string>;

const LABEL = { municipalities: 'page.municipalities', geo: 'page.geo', mergers: 'page.mergers', wijken: 'page.wijken', wijkGeo: 'page.wijkGeo' } as const;
const HINT = { municipalities: 'page.municipalitiesHint', geo: 'page.geoHint', mergers: 'page.mergersHint', wijken: 'page.wijkenHint', wijkGeo: 'page.wijkGeoHint' } as const;

function UploadForm({ lang, session, year, errors }: { lang: Lang; session: Session; year: string; errors: FormErrors }) {
  const yearError = errors.jaar;
  return (
    <form method="post" action="/beheer/indeling" enctype="multipart/form-data">
      <CsrfField session={session} />
      <div class={yearError ? 'field--error' : undefined}>
        <label class="block utrecht-form-label" for="jaar">{rgText(lang, 'page.year')}</label>
        <p class="hint" id="jaar-hint">{rgText(lang, 'page.yearHint')}</p>
        {yearError ? <p class="error-message utrecht-form-field-error-message" id="jaar-error">{yearError}</p> : null}
        <input class="utrecht-textbox utrecht-textbox--html-input" type="text" inputmode="numeric" id="jaar" name="jaar" value={year} size={6} autocomplete="off"
          aria-describedby={yearError ? 'jaar-hint jaar-error' : 'jaar-hint'} aria-invalid={yearError ? 'true' : undefined} />
      </div>
      {FILE_FIELDS.map((f) => {
        const error = f.id === 'gemeenten' ? errors.gemeenten : undefined;
        return (
          <div class={error ? 'field--error' : undefined}>
            <label class="block utrecht-form-label" for={f.id}>{rgText(lang, LABEL[f.kind])}</label>
            <p class="hint" id={`${f.id}-hint`}>{rgText(lang, HINT[f.kind])}</p>
            {error ? <p class="error-message utrecht-form-field-error-message" id={`${f.id}-error`}>{error}</p> : null}
            <input type="file" id={f.id} name={f.id} accept={f.accept}
              aria-describedby={error ? `${f.id}-hint ${f.id}-error` : `${f.id}-hint`} aria-invalid={error ? 'true' : undefined} />
          </div>
        );
      })}
      <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{rgText(lang, 'page.check')}</button></div>
    </form>
  );
}

function YearsTable({ lang, years }: { lang: Lang; years: RegisterYear[] }) {
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption>{rgText(lang, 'page.years')}</caption>
        <thead>
          <tr>
            {(['year', 'municipalities', 'map', 'wijken', 'wijkMap', 'source', 'editions'] as const).map((k) => <th scope="col">{rgText(lang, `page.col.${k}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr>
              <th scope="row">{y.year}</th>
              <td>{y.municipalities}</td>
              <td>{rgText(lang, `page.map.${y.map}`)}</td>
              <td>{y.wijken === null ? rgText(lang, 'page.map.file') : y.wijken}</td>
              <td>{rgText(lang, `page.map.${y.wijkMap}`)}</td>
              <td>{y.importedAt ? rgText(lang, 'page.source.import', { date: formatDate(lang, y.importedAt) }) : rgText(lang, 'page.source.cbs')}</td>
              <td>{y.editions.join(', ') || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RegisterPage(p: Base & { years: RegisterYear[]; year?: string; errors?: FormErrors; notice?: string }) {
  const l = p.lang;
  const errors = p.errors ?? {};
  const list = Object.entries(errors).map(([field, message]) => ({ field, message: message as string }));
  return (
    <AdminLayout lang={l} title={`${list.length ? `${rgText(l, 'problem')}: ` : ''}${rgText(l, 'page.title')}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={list} />
      <h1>{rgText(l, 'page.title')}</h1>
      {p.notice ? <div class="notice notice--ok" role="status"><p>{p.notice}</p></div> : null}
      <p class="lead">{rgText(l, 'page.intro')}</p>
      <YearsTable lang={l} years={p.years} />
      <p><a class="utrecht-link" href="/beheer/indeling/inwoners">{rgText(l, 'page.population')}</a></p>
      <h2>{rgText(l, 'page.upload')}</h2>
      <UploadForm lang={l} session={p.session} year={p.year ?? ''} errors={errors} />
      <p class="muted">{rgText(l, 'page.cli')}</p>
    </AdminLayout>
  );
}

export function PreviewPage(p: Base & { report: RegisterReport; uploadId?: string }) {
  const l = p.lang;
  const r = p.report;
  const title = rgText(l, 'preview.title', { year: r.year });
  const bad = r.problems.length > 0;
  return (
    <AdminLayout lang={l} title={bad ? `${rgText(l, 'problem')}: ${title}` : title} path={p.path} session={p.session}>
      <h1>{title}</h1>
      <div class={`notice ${bad ? 'notice--warn' : 'notice--ok'}`} role={bad ? 'alert' : 'status'}>
        <p>{bad ? rgText(l, 'preview.bad', { n: r.problems.length }) : rgText(l, 'preview.ok')}</p>
      </div>
      <p>{summaryText(l, r)}</p>
      <ul>{r.notes.filter((n) => n.key !== 'note.dryRun' && n.key !== 'note.nothingWritten').map((n) => <li>{noteText(l, n)}</li>)}</ul>
      {bad ? (
        <div class="table-scroll" tabindex={0}>
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{rgText(l, 'preview.caption')}</caption>
            <thead>
              <tr>{(['file', 'line', 'field', 'problem'] as const).map((k) => <th scope="col">{rgText(l, `preview.col.${k}`)}</th>)}</tr>
            </thead>
            <tbody>
              {r.problems.slice(0, 500).map((x) => (
                <tr>
                  <td>{rgText(l, `file.${x.file}`)}{x.file !== 'year' && r.files[x.file] ? ` (${r.files[x.file]})` : ''}</td>
                  <td>{x.line ?? '–'}</td>
                  <td>{x.field ?? '–'}</td>
                  <td>{problemMessage(l, x)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {p.uploadId ? (
        <form method="post" action="/beheer/indeling/bevestigen">
          <CsrfField session={p.session} />
          <input type="hidden" name="upload" value={p.uploadId} />
          <div class="button-row">
            <button class="utrecht-button utrecht-button--primary-action" type="submit">{rgText(l, 'preview.confirm', { year: r.year })}</button>
            <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/beheer/indeling">{rgText(l, 'preview.cancel')}</a>
          </div>
        </form>
      ) : <p><a class="utrecht-link" href="/beheer/indeling">{rgText(l, 'preview.cancel')}</a></p>}
    </AdminLayout>
  );
}
