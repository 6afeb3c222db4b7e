// The check of an advisors file (every problem per row) with the confirm form; after the
// import, what was written.
import { AdminLayout } from '../../admin/index.ts';
import { authText, CsrfField, type Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { listProblemText } from '../../spreadsheet/index.ts';
import { importText as it } from '../import.i18n.ts';
import { badRows, goodRows, type ImportReport, type Problem } from '../import.model.ts';
import type { Table } from '../read-table.ts';

export function problemText(lang: Lang, p: Problem): string {
  const key = p.key;
  if (key === 'file.limit') return p.limit ? listProblemText(lang, p.limit) : it(lang, 'problem.file.unreadable');
  const params = { ...p.params };
  if (key === 'row.emailOtherRole' && params.role) params.role = authText(lang, `role.${params.role}` as 'role.admin');
  return it(lang, `problem.${key}`, params);
}

export type ImportReportProps = { lang: Lang; path: string; session: Session; report: ImportReport; table: Table; refused?: boolean };

export function ImportReportPage(p: ImportReportProps) {
  const l = p.lang;
  const r = p.report;
  const [bad, good] = [badRows(r), goodRows(r)];
  const o = r.outcome;
  const failed = p.refused || r.fileErrors.length > 0;
  return (
    <AdminLayout lang={l} title={`${failed ? authText(l, 'errors.prefix') : ''}${it(l, o ? 'import.title' : 'report.title')}`} path={p.path} session={p.session}>
      {o ? (
        <div class="notice notice--ok" role="status">
          <p>{it(l, 'report.done', { ...o, moved: o.moved.length })}</p>
          {bad.length ? <p>{it(l, 'report.skipped', { n: bad.length })}</p> : null}
        </div>
      ) : null}
      {p.refused ? <div class="notice notice--warn" role="alert"><p>{it(l, 'report.refused')}</p></div> : null}
      <h1>{it(l, o ? 'import.title' : 'report.title')}</h1>
      {r.fileErrors.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">{authText(l, 'errors.title')}</h2>
          <ul>{r.fileErrors.map((e) => <li>{problemText(l, e)}</li>)}</ul>
        </div>
      ) : (
        <>
          <p>{it(l, 'report.summary', { rows: r.rows.length, good: good.length, bad: bad.length })}</p>
          <p class="muted">{it(l, 'report.register', { year: r.registerYear })}</p>
        </>
      )}
      {o?.moved.length ? <ul>{o.moved.map((m) => <li>{it(l, 'report.moved', m)}</li>)}</ul> : null}
      {bad.length ? (
        <div class="table-scroll" tabindex={0}>
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{it(l, 'report.caption')}</caption>
            <thead><tr>{(['line', 'advisor', 'municipality', 'problems'] as const).map((k) => <th scope="col">{it(l, `report.col.${k}`)}</th>)}</tr></thead>
            <tbody>
              {bad.map((row) => (
                <tr>
                  <th scope="row">{String(row.line)}</th>
                  <td>{[row.name, row.email].filter(Boolean).join(', ')}</td>
                  <td>{[row.code, row.municipalityName].filter(Boolean).join(' ')}</td>
                  <td><ul>{row.errors.map((e) => <li>{problemText(l, e)}</li>)}</ul></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!o && !r.fileErrors.length ? <ConfirmForm lang={l} session={p.session} table={p.table} bad={bad.length} good={good.length} /> : null}
      <p><a class="utrecht-link" href="/beheer/adviseurs">{it(l, o ? 'advisors.title' : 'report.again')}</a></p>
    </AdminLayout>
  );
}

function ConfirmForm(p: { lang: Lang; session: Session; table: Table; bad: number; good: number }) {
  const l = p.lang;
  if (p.good === 0) return <p>{it(l, 'report.nothingLeft')}</p>;
  return (
    <form method="post" action="/beheer/adviseurs/importeren">
      <CsrfField session={p.session} />
      <input type="hidden" name="table" value={JSON.stringify(p.table)} />
      {p.bad === 0 ? <p>{it(l, 'report.allGood')}</p> : (
        <div class="choice">
          <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="overslaan" name="overslaan" value="1" />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="overslaan">{it(l, 'report.skip', { bad: p.bad, good: p.good })}</label>
        </div>
      )}
      <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{it(l, 'report.confirm')}</button></div>
    </form>
  );
}
