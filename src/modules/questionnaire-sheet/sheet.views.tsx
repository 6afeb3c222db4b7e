// /beheer/edities/:year/spreadsheet: download, the columns explained and the upload form; after an
// upload the check: its problems (error summary, each naming sheet, row and column) or what changes.
import { AdminLayout } from '../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../auth/index.ts';
import type { Lang } from '../questionnaire/index.ts';
import { describeDiff, diffSummary } from './sheet.describe.ts';
import { isEmptyDiff } from './sheet.diff.ts';
import { type SheetKey, sheetText } from './sheet.i18n.ts';
import { COLUMNS, SHEET_NAMES } from './sheet.model.ts';
import type { Preview } from './sheet.service.ts';

type Base = { lang: Lang; path: string; session: Session; year: number };

const base = (year: number) => `/beheer/edities/${year}`;

function lockedText(lang: Lang, n: number) {
  return sheetText(lang, n === 1 ? 'page.locked.one' : 'page.locked.many', { n });
}

function UploadForm(p: Base & { invalid?: boolean }) {
  const l = p.lang;
  return (
    <form method="post" action={`${base(p.year)}/spreadsheet`} enctype="multipart/form-data" novalidate>
      <CsrfField session={p.session} />
      <div class={p.invalid ? 'field--error' : undefined}>
        <label class="block utrecht-form-label" for="bestand">{sheetText(l, 'upload.label')}</label>
        <p class="hint" id="bestand-hint">{sheetText(l, 'upload.hint')}</p>
        <input type="file" id="bestand" name="bestand" aria-describedby="bestand-hint" aria-invalid={p.invalid ? 'true' : undefined}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
      </div>
      <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{sheetText(l, 'upload.submit')}</button></div>
    </form>
  );
}

/** One table per sheet: every column, what it means, XLSForm's or ours. */
function ColumnGuide({ lang }: { lang: Lang }) {
  return (
    <section aria-labelledby="kolommen-titel">
      <h2 id="kolommen-titel">{sheetText(lang, 'columns.title')}</h2>
      <p>{sheetText(lang, 'columns.intro')}</p>
      {SHEET_NAMES.map((sheet) => {
        // One row per column, both language versions of a text column together.
        const columns = COLUMNS[sheet].filter((c) => !c.key.endsWith('.en') || c.key === 'form_title.en');
        return (
          <div class="table-scroll" tabindex={0}>
            <table class="utrecht-table utrecht-table--html-table">
              <caption>{sheetText(lang, 'columns.caption', { sheet })}</caption>
              <thead>
                <tr>
                  <th scope="col">{sheetText(lang, 'columns.col.column')}</th>
                  <th scope="col">{sheetText(lang, 'columns.col.meaning')}</th>
                  <th scope="col">{sheetText(lang, 'columns.col.source')}</th>
                </tr>
              </thead>
              <tbody>
                {columns.map((c) => {
                  const bare = c.key.endsWith('.nl') ? c.key.slice(0, -3) : c.key;
                  const header = c.key.endsWith('.nl') ? `${bare}::…` : c.header;
                  return (
                    <tr>
                      <th scope="row"><code>{header}</code></th>
                      <td>{sheetText(lang, `col.${sheet}.${bare}` as SheetKey)}</td>
                      <td>{sheetText(lang, c.xlsform ? 'columns.xlsform' : 'columns.own')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

export type SheetPageProps = Base & { answered: number; problems?: string[]; notice?: string };

export function SheetPage(p: SheetPageProps) {
  const l = p.lang;
  const problems = p.problems ?? [];
  const title = sheetText(l, 'page.title', { year: p.year });
  const admin = p.session.account.role === 'admin';
  return (
    <AdminLayout lang={l} title={`${problems.length ? sheetText(l, 'error.prefix') : ''}${title}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={problems.map((message) => ({ field: 'bestand', message }))} intro={sheetText(l, 'preview.notSaved')} />
      {p.notice ? <div class="notice notice--ok" role="status"><p>{p.notice}</p></div> : null}
      <p class="caption"><a class="utrecht-link" href={`${base(p.year)}/vragenlijst`}>{sheetText(l, 'page.back', { year: p.year })}</a></p>
      <h1>{title}</h1>
      <p>{sheetText(l, 'page.intro')}</p>
      <p><a class="utrecht-link" href={`${base(p.year)}/vragenlijst.xlsx`} download={`vragenlijst-${p.year}.xlsx`}>{sheetText(l, 'page.download', { year: p.year })}</a></p>
      {p.answered > 0 ? <div class="notice notice--warn"><p>{lockedText(l, p.answered)}</p></div> : null}
      {admin && p.answered === 0 ? (
        <section aria-labelledby="inlezen-titel">
          <h2 id="inlezen-titel">{sheetText(l, 'upload.title')}</h2>
          <UploadForm {...p} invalid={problems.length > 0} />
        </section>
      ) : null}
      {!admin ? <p>{sheetText(l, 'page.readOnly')}</p> : null}
      <ColumnGuide lang={l} />
    </AdminLayout>
  );
}

/** The check of a workbook without problems: what changes, and "Toepassen" (unless nothing can or would change). */
export function PreviewPage(p: Base & { preview: Preview; uploadId?: string; conflict?: boolean }) {
  const l = p.lang;
  const { preview } = p;
  const diff = preview.diff;
  const title = sheetText(l, 'preview.title', { file: preview.fileName });
  const identical = !diff || isEmptyDiff(diff);
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      {p.conflict ? <div class="notice notice--warn" role="alert"><p>{sheetText(l, 'preview.conflict')}</p></div> : null}
      <p class="caption"><a class="utrecht-link" href={`${base(p.year)}/spreadsheet`}>{sheetText(l, 'page.title', { year: p.year })}</a></p>
      <h1>{title}</h1>
      {preview.answered > 0 ? <div class="notice notice--warn"><p>{lockedText(l, preview.answered)}</p></div> : null}
      {identical ? <p>{sheetText(l, 'preview.identical')}</p> : (
        <>
          <h2>{sheetText(l, 'preview.changes')}</h2>
          {diff ? <p>{diffSummary(diff, l)}</p> : null}
          {diff ? describeDiff(diff, l).map((s) => (
            <section aria-label={s.title}>
              <h3>{s.title}</h3>
              <ul>
                {s.lines.map((line) => (
                  <li>
                    {line.subject}
                    {line.details.length ? <ul>{line.details.map((d) => <li>{d}</li>)}</ul> : null}
                  </li>
                ))}
              </ul>
            </section>
          )) : null}
        </>
      )}
      {p.uploadId && !identical && preview.answered === 0 ? (
        <form method="post" action={`${base(p.year)}/spreadsheet/toepassen`}>
          <CsrfField session={p.session} />
          <input type="hidden" name="upload" value={p.uploadId} />
          <p>{sheetText(l, 'preview.applyHint', { year: p.year })}</p>
          <div class="button-row">
            <button class="utrecht-button utrecht-button--primary-action" type="submit">{sheetText(l, 'preview.apply')}</button>
            <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`${base(p.year)}/spreadsheet`}>{sheetText(l, 'preview.again')}</a>
          </div>
        </form>
      ) : <p><a class="utrecht-link" href={`${base(p.year)}/spreadsheet`}>{sheetText(l, 'preview.again')}</a></p>}
    </AdminLayout>
  );
}
