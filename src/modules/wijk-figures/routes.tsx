// /beheer/wijkcijfers (admin): what is in the database, and the upload of a CBS/RIVM wijk CSV with
// a check first. The checked file waits in pending_uploads (not in memory), so the confirmation
// may reach another app instance.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { page } from '../../web/render.ts';
import { AdminLayout } from '../admin/index.ts';
import { type AuthEnv, CsrfField, requireRole, type Session } from '../auth/index.ts';
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import { wt, problemText } from './i18n.ts';
import { type ImportReport, importWijkFigures } from './import.ts';
import { wijkFigureSummary } from './repo.ts';

const MAX_UPLOAD = 20 * 1024 * 1024;
const KIND = 'wijk-figures';
type P = { lang: Lang; session: Session; path: string };

export const wijkFigureRoutes = new Hono<AuthEnv>();

function UploadForm({ lang, session, error }: { lang: Lang; session: Session; error?: string }) {
  return (
    <form method="post" action="/beheer/wijkcijfers" enctype="multipart/form-data">
      <CsrfField session={session} />
      <div class={error ? 'field--error' : undefined}>
        <label class="block utrecht-form-label" for="bestand">{wt(lang, 'page.file')}</label>
        {error ? <p class="error-message utrecht-form-field-error-message" id="bestand-error">{error}</p> : null}
        <input type="file" id="bestand" name="bestand" accept=".csv,text/csv" aria-describedby={error ? 'bestand-error' : undefined} aria-invalid={error ? 'true' : undefined} />
      </div>
      <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{wt(lang, 'page.check')}</button></div>
    </form>
  );
}

wijkFigureRoutes.get('/wijkcijfers', requireRole('admin'), async (c) => {
  const lang = c.get('lang');
  const summary = await wijkFigureSummary(c.get('deps').db);
  const done = c.req.query('klaar');
  return page(c,
    <AdminLayout lang={lang} title={wt(lang, 'page.title')} path={c.req.path} session={c.get('session')}>
      <h1>{wt(lang, 'page.title')}</h1>
      {done ? <div class="notice notice--ok" role="status"><p>{done}</p></div> : null}
      <p>{wt(lang, 'page.intro')}</p>
      <h2>{wt(lang, 'page.current')}</h2>
      {summary.length === 0 ? <p>{wt(lang, 'page.none')}</p> : (
        // In a scroll box, so the table never widens the page at 320 px (issue 22).
        <div class="table-scroll" tabindex={0}>
        <table class="data-table utrecht-table utrecht-table--html-table">
          <caption class="visually-hidden">{wt(lang, 'page.current')}</caption>
          <thead><tr><th scope="col">{wt(lang, 'page.year')}</th><th scope="col">{wt(lang, 'page.kind')}</th><th scope="col" class="num">{wt(lang, 'page.regions')}</th><th scope="col" class="num">{wt(lang, 'page.municipalities')}</th></tr></thead>
          <tbody>{summary.map((s) => (
            <tr><th scope="row">{s.year}</th><td>{wt(lang, s.synthetic ? 'page.synthetic' : 'page.real')}</td><td class="num">{s.regions}</td><td class="num">{s.municipalities}</td></tr>
          ))}</tbody>
        </table>
        </div>
      )}
      <UploadForm lang={lang} session={c.get('session')} />
    </AdminLayout>,
  );
});

function Preview({ lang, session, path, file, report, uploadId }: P & { file: string; report: ImportReport; uploadId?: string }) {
  const problems = [...report.fileErrors, ...report.problems];
  return (
    <AdminLayout lang={lang} title={wt(lang, 'preview.title', { file })} path={path} session={session}>
      <h1>{wt(lang, 'preview.title', { file })}</h1>
      {report.fileErrors.length ? null : (
        <p>{wt(lang, 'preview.summary', { rows: report.rows, skipped: report.skipped, figures: report.figures.length, regions: report.regions, years: report.years.join(', ') || '–' })}</p>
      )}
      {problems.length ? (
        <>
          <div class="notice notice--warn" role="alert"><p>{wt(lang, 'preview.problems', { n: problems.length })}</p></div>
          <ul>{problems.slice(0, 500).map((p) => <li>{problemText(lang, p)}</li>)}</ul>
        </>
      ) : null}
      {uploadId ? (
        <form method="post" action="/beheer/wijkcijfers/bevestigen">
          <CsrfField session={session} />
          <input type="hidden" name="upload" value={uploadId} />
          <div class="button-row">
            <button class="utrecht-button utrecht-button--primary-action" type="submit" name="alleen_goed" value={report.problems.length ? '1' : '0'}>{wt(lang, report.problems.length ? 'preview.confirmGood' : 'preview.confirm')}</button>
            <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/beheer/wijkcijfers">{wt(lang, 'preview.cancel')}</a>
          </div>
        </form>
      ) : <p>{wt(lang, 'preview.nothing')} <a class="utrecht-link" href="/beheer/wijkcijfers">{wt(lang, 'preview.cancel')}</a></p>}
    </AdminLayout>
  );
}

wijkFigureRoutes.post('/wijkcijfers', requireRole('admin'), async (c) => {
  const { db, now } = c.get('deps');
  const lang = c.get('lang');
  const session = c.get('session');
  const file = (await c.req.parseBody()).bestand;
  const fail = (message: string) => page(c,
    <AdminLayout lang={lang} title={`${wt(lang, 'problem')}: ${wt(lang, 'page.title')}`} path={c.req.path} session={session}>
      <h1>{wt(lang, 'page.title')}</h1>
      <div class="error-summary" role="alert" tabindex={-1}><h2>{wt(lang, 'problem')}</h2><ul><li><a class="utrecht-link" href="#bestand">{message}</a></li></ul></div>
      <UploadForm lang={lang} session={session} error={message} />
    </AdminLayout>, 400);
  if (!(file instanceof File) || file.size === 0) return fail(wt(lang, 'page.noFile'));
  if (file.size > MAX_UPLOAD) return fail(wt(lang, 'page.tooBig'));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const report = await importWijkFigures(db, bytes, { dryRun: true, now: now() });
  let uploadId: string | undefined;
  if (!report.fileErrors.length && report.figures.length) {
    uploadId = randomBytes(16).toString('base64url');
    await db.query('DELETE FROM pending_uploads WHERE kind = $1 AND created_at < $2', [KIND, new Date(now().getTime() - 24 * 3600_000)]);
    await db.query('INSERT INTO pending_uploads (id, kind, file_name, content, account_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      uploadId, KIND, file.name, Buffer.from(bytes), session.account.id, now(),
    ]);
  }
  const status = report.fileErrors.length ? 422 : 200;
  return page(c, <Preview lang={lang} session={session} path={c.req.path} file={file.name} report={report} uploadId={uploadId} />, status);
});

wijkFigureRoutes.post('/wijkcijfers/bevestigen', requireRole('admin'), async (c) => {
  const { db, now } = c.get('deps');
  const lang = c.get('lang');
  const body = await c.req.parseBody();
  // Only the admin who checked the file may confirm it; taking the row makes a double click harmless.
  const upload = await db.one<{ content: Buffer }>(
    'DELETE FROM pending_uploads WHERE id = $1 AND kind = $2 AND account_id = $3 RETURNING content',
    [String(body.upload ?? ''), KIND, c.get('session').account.id],
  );
  if (!upload) return c.redirect(`/beheer/wijkcijfers?klaar=${encodeURIComponent(wt(lang, 'expired'))}`, 303);
  const report = await importWijkFigures(db, new Uint8Array(upload.content), { now: now(), skipInvalid: body.alleen_goed === '1' });
  const message = report.imported === null
    ? [...report.fileErrors, ...report.problems].slice(0, 5).map((p) => problemText(lang, p)).join(' ')
    : wt(lang, 'done', { figures: report.imported, regions: report.regions });
  return c.redirect(`/beheer/wijkcijfers?klaar=${encodeURIComponent(message)}`, 303);
});
