// The check of an uploaded contact list: every problem per row, the good rows, and the choice
// to import everything (only when nothing is wrong), only the good rows, or nothing.
import { AdminLayout } from '../../admin/index.ts';
import { CsrfField, type Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import type { ContactReport } from '../contacts-import.ts';
import { fwText } from '../fieldwork.i18n.ts';
import { problemText } from '../problems.ts';
import { EditionNav, Notice } from './parts.tsx';

export type PreviewPageProps = { lang: Lang; path: string; session: Session; year: number; id: string; fileName: string; report: ContactReport; refused?: boolean };

export function PreviewPage(p: PreviewPageProps) {
  const l = p.lang;
  const r = p.report;
  const bad = r.rows.filter((x) => x.problems.length > 0);
  const good = r.rows.filter((x) => x.problems.length === 0);
  const problems = bad.flatMap((x) => x.problems);
  return (
    <AdminLayout lang={l} title={fwText(l, 'preview.title', { file: p.fileName })} path={p.path} session={p.session}>
      {p.refused ? <Notice kind="warn" text={fwText(l, 'preview.refused')} /> : null}
      <EditionNav lang={l} year={p.year} current="" />
      <h1>{fwText(l, 'preview.title', { file: p.fileName })}</h1>
      <p class="lead">{fwText(l, 'preview.summary', { total: r.rows.length, valid: r.valid, invalid: r.invalid })}</p>
      {problems.length === 0 ? <p>{fwText(l, 'preview.allGood')}</p> : (
        <>
          <h2>{fwText(l, 'preview.errorsTitle')}</h2>
          <p>{fwText(l, 'preview.errorsIntro')}</p>
          <div class="table-scroll" tabindex={0}>
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="visually-hidden">{fwText(l, 'preview.errorsTitle')}</caption>
              <thead><tr>{(['line', 'field', 'problem'] as const).map((k) => <th scope="col">{fwText(l, `col.${k}`)}</th>)}</tr></thead>
              <tbody>
                {problems.map((x) => (
                  <tr>
                    <th scope="row">{x.line}</th>
                    <td>{x.field}</td>
                    <td>{problemText(l, x)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <form method="post" action={`/beheer/edities/${p.year}/contacten/import/${p.id}`}>
        <CsrfField session={p.session} />
        <div class="button-row">
          {r.invalid === 0 && r.valid > 0 ? <button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="importeren">{fwText(l, 'preview.import', { n: r.valid })}</button> : null}
          {r.invalid > 0 && r.valid > 0 ? <button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="overslaan">{fwText(l, 'preview.skip', { n: r.valid })}</button> : null}
          <button type="submit" name="actie" value="annuleren" class="secondary utrecht-button utrecht-button--secondary-action">{fwText(l, 'preview.cancel')}</button>
        </div>
      </form>
      {good.length > 0 ? (
        <>
          <h2>{fwText(l, 'preview.goodTitle', { n: good.length })}</h2>
          <div class="table-scroll" tabindex={0}>
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="visually-hidden">{fwText(l, 'preview.goodTitle', { n: good.length })}</caption>
              <thead><tr>{(['line', 'municipality', 'name', 'email', 'function', 'phone'] as const).map((k) => <th scope="col">{fwText(l, `col.${k}`)}</th>)}</tr></thead>
              <tbody>
                {good.map((x) => (
                  <tr>
                    <th scope="row">{x.line}</th>
                    <td>{x.municipality ? `${x.municipality.name} (${x.municipality.code})` : ''}</td>
                    <td>{x.name}</td>
                    <td>{x.email}</td>
                    <td>{x.function}</td>
                    <td>{x.phone}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </AdminLayout>
  );
}
