// /beheer/gegevens: downloads of answers and statistics per edition (admin, ministry) and the
// upload of answers in the long CSV with a check before anything is saved (admin).
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { page } from '../../web/render.ts';
import { type AuthEnv, authText, CsrfField, ErrorSummary, requireRole } from '../auth/index.ts';
import { AdminLayout } from '../admin/index.ts';
import {
  exportCsv, exportSps, exportXlsx, type ImportAudit, type ImportReport, importResponses, listResponseImports, loadExportData, statsFor,
} from '../data-exchange/index.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { listEditions } from '../editions/index.ts';
import { suppress, toCsv, toJson } from '../statistics/index.ts';
import { dt } from './data-admin.i18n.ts';

const MAX_UPLOAD = 20 * 1024 * 1024;

export const dataAdminRoutes = new Hono<AuthEnv>();

dataAdminRoutes.get('/', requireRole('admin', 'ministry'), async (c) => {
  const { db } = c.get('deps');
  const lang = c.get('lang');
  const session = c.get('session');
  const counts = new Map((await db.query<{ edition: number; n: number }>(
    'SELECT edition, count(*)::int AS n FROM responses WHERE submitted_at IS NOT NULL GROUP BY edition',
  )).map((r) => [r.edition, r.n]));
  const done = doneMessage(lang, c.req.query());
  return page(c,
    <AdminLayout lang={lang} title={dt(lang, 'data.title')} path={c.req.path} session={session}>
      <h1>{dt(lang, 'data.title')}</h1>
      {done ? <div class="notice notice--ok" role="status"><p>{done}</p></div> : null}
      <p class="lead">{dt(lang, 'data.intro')}</p>
      <h2>{dt(lang, 'data.downloads')}</h2>
      <div class="table-scroll" tabindex={0}>
        <table class="data-table utrecht-table utrecht-table--html-table">
          <caption class="visually-hidden">{dt(lang, 'data.downloads')}</caption>
          <thead><tr><th scope="col">{dt(lang, 'data.edition')}</th><th scope="col">{dt(lang, 'data.responses')}</th><th scope="col">{dt(lang, 'data.stats')}</th></tr></thead>
          <tbody>
            {(await listEditions(db)).map((e) => (
              <tr>
                <th scope="row">{e.year} <span class="muted">({dt(lang, 'data.submitted', { n: counts.get(e.year) ?? 0 })})</span></th>
                <td>
                  <a class="utrecht-link" href={`/beheer/gegevens/${e.year}/antwoorden.csv`}>{dt(lang, 'data.csv')}</a> ·{' '}
                  <a class="utrecht-link" href={`/beheer/gegevens/${e.year}/antwoorden.xlsx`}>{dt(lang, 'data.xlsx')}</a> ·{' '}
                  <a class="utrecht-link" href={`/beheer/gegevens/${e.year}/antwoorden.sps`}>{dt(lang, 'data.sps')}</a> (<a class="utrecht-link" href={`/beheer/gegevens/${e.year}/antwoorden-spss.csv`}>{dt(lang, 'data.spsCsv')}</a>)
                </td>
                <td>
                  <a class="utrecht-link" href={`/beheer/gegevens/${e.year}/statistieken.csv`}>{dt(lang, 'data.statsCsv')}</a> ·{' '}
                  <a class="utrecht-link" href={`/beheer/gegevens/${e.year}/statistieken.json`}>{dt(lang, 'data.statsJson')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {session.account.role === 'admin' ? <UploadForm lang={lang} session={session} /> : null}
      {session.account.role === 'admin' ? <History lang={lang} imports={await listResponseImports(db)} /> : null}
    </AdminLayout>,
  );
});

/** The audit of imports: who, when, which file, how many; an import into a published edition says so. */
function History({ lang, imports }: { lang: 'nl' | 'en'; imports: ImportAudit[] }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{dt(lang, 'data.history')}</h2>
      {imports.length === 0 ? <p>{dt(lang, 'data.history.none')}</p> : (
        <div class="table-scroll" tabindex={0}>
          <table class="data-table utrecht-table utrecht-table--html-table">
            <caption class="visually-hidden">{dt(lang, 'data.history')}</caption>
            <thead>
              <tr>{(['when', 'who', 'file', 'editions', 'counts'] as const).map((k) => <th scope="col">{dt(lang, `data.history.${k}`)}</th>)}</tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr>
                  <td>{formatDateTime(lang, i.importedAt)}</td>
                  <td>{i.via === 'cli' ? dt(lang, 'data.history.cli') : (i.who ?? dt(lang, 'data.history.unknown'))}</td>
                  <td>{i.fileName}</td>
                  <td>
                    {i.editions.join(', ')}
                    {i.publishedEditions.length ? <> <strong>{dt(lang, 'data.history.published', { years: i.publishedEditions.join(', ') })}</strong></> : null}
                  </td>
                  <td>{dt(lang, 'data.history.countsText', { pairs: i.pairs, created: i.created, replaced: i.replaced, unchanged: i.unchanged })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** `main`: the form is the page (after a failed upload), so its heading is the page's h1. */
function UploadForm({ lang, session, error, main }: { lang: 'nl' | 'en'; session: AuthEnv['Variables']['session']; error?: string; main?: boolean }) {
  return (
    <section aria-labelledby="import-title">
      {main ? <h1 id="import-title">{dt(lang, 'data.import')}</h1> : <h2 id="import-title">{dt(lang, 'data.import')}</h2>}
      <p>{dt(lang, 'data.importIntro')}</p>
      <form method="post" action="/beheer/gegevens/import" enctype="multipart/form-data">
        <CsrfField session={session} />
        <div class={error ? 'field--error' : undefined}>
          <label class="block utrecht-form-label" for="bestand">{dt(lang, 'data.file')}</label>
          {error ? <p class="error-message utrecht-form-field-error-message" id="bestand-error">{error}</p> : null}
          <input type="file" id="bestand" name="bestand" accept=".csv,text/csv" aria-describedby={error ? 'bestand-error' : undefined} aria-invalid={error ? 'true' : undefined} />
        </div>
        <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{dt(lang, 'data.check')}</button></div>
      </form>
    </section>
  );
}

dataAdminRoutes.post('/import', requireRole('admin'), async (c) => {
  const { db, now } = c.get('deps');
  const lang = c.get('lang');
  const session = c.get('session');
  const body = await c.req.parseBody();
  const file = body.bestand;
  const fail = (message: string) => page(c,
    <AdminLayout lang={lang} title={`${authText(lang, 'errors.prefix')}${dt(lang, 'data.import')}`} path={c.req.path} session={session}>
      <ErrorSummary lang={lang} errors={[{ field: 'bestand', message }]} />
      <UploadForm lang={lang} session={session} error={message} main />
    </AdminLayout>, 400);
  if (!(file instanceof File) || file.size === 0) return fail(dt(lang, 'data.noFile'));
  if (file.size > MAX_UPLOAD) return fail(dt(lang, 'data.tooBig'));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const report = await importResponses(db, bytes, { now: now(), actor: file.name, dryRun: true });
  let uploadId: string | undefined;
  if (!report.errors.length) {
    uploadId = randomBytes(16).toString('base64url');
    await db.query(`DELETE FROM pending_uploads WHERE created_at < $1`, [new Date(now().getTime() - 24 * 3600_000)]);
    await db.query('INSERT INTO pending_uploads (id, kind, file_name, content, account_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      uploadId, 'responses', file.name, Buffer.from(bytes), session.account.id, now(),
    ]);
  }
  return page(c, <Preview lang={lang} session={session} path={c.req.path} file={file.name} report={report} uploadId={uploadId} />, report.errors.length ? 422 : 200);
});

function Preview(p: {
  lang: 'nl' | 'en'; session: AuthEnv['Variables']['session']; path: string; file: string; report: ImportReport; uploadId?: string;
  /** The confirmation was posted without ticking the published-edition box. */
  confirmMissing?: boolean;
}) {
  const { lang, report } = p;
  const years = report.published.join(', ');
  const needed = p.confirmMissing ? dt(lang, 'data.publishedNeeded', { years }) : undefined;
  return (
    <AdminLayout lang={lang} title={`${needed ? authText(lang, 'errors.prefix') : ''}${dt(lang, 'data.preview', { file: p.file })}`} path={p.path} session={p.session}>
      {needed ? <ErrorSummary lang={lang} errors={[{ field: 'gepubliceerd', message: needed }]} /> : null}
      <h1>{dt(lang, 'data.preview', { file: p.file })}</h1>
      {report.errors.length ? (
        <>
          <div class="notice notice--warn" role="alert"><p>{dt(lang, 'data.hasErrors', { n: report.errors.length })}</p></div>
          <table class="data-table utrecht-table utrecht-table--html-table">
            <caption class="visually-hidden">{dt(lang, 'data.hasErrors', { n: report.errors.length })}</caption>
            <thead><tr><th scope="col">{dt(lang, 'data.line')}</th><th scope="col">{dt(lang, 'data.problem')}</th></tr></thead>
            <tbody>{report.errors.slice(0, 500).map((e) => <tr><td>{e.line}</td><td>{e.message}</td></tr>)}</tbody>
          </table>
          <p><a class="utrecht-link" href="/beheer/gegevens">{dt(lang, 'data.import')}</a></p>
        </>
      ) : (
        <form method="post" action="/beheer/gegevens/import/bevestigen">
          <CsrfField session={p.session} />
          <input type="hidden" name="upload" value={p.uploadId} />
          <p>{dt(lang, 'data.ok', { pairs: report.pairs, created: report.created, replaced: report.replaced, unchanged: report.unchanged })}</p>
          {report.published.length ? (
            <>
              <div class="notice notice--warn"><p>{dt(lang, 'data.published', { years })}</p></div>
              <div class={needed ? 'choice field--error' : 'choice'}>
                {needed ? <p class="error-message utrecht-form-field-error-message" id="gepubliceerd-error">{needed}</p> : null}
                <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="gepubliceerd" name="gepubliceerd" value="ja" aria-describedby={needed ? 'gepubliceerd-error' : undefined} />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for="gepubliceerd">{dt(lang, 'data.publishedOk', { years })}</label>
              </div>
            </>
          ) : null}
          <div class="button-row">
            <button class="utrecht-button utrecht-button--primary-action" type="submit">{dt(lang, 'data.confirm')}</button>
            <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/beheer/gegevens">{dt(lang, 'data.cancel')}</a>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}

dataAdminRoutes.post('/import/bevestigen', requireRole('admin'), async (c) => {
  const { db, now } = c.get('deps');
  const lang = c.get('lang');
  const body = await c.req.parseBody();
  const id = String(body.upload ?? '');
  const session = c.get('session');
  const publishedOk = body.gepubliceerd === 'ja';
  // A published edition without the box ticked: the same check page again, 400, and the upload
  // left exactly as it was (looked at, not taken out), nothing saved.
  if (!publishedOk) {
    const kept = await db.one<{ fileName: string; content: Buffer }>(
      `SELECT file_name AS "fileName", content FROM pending_uploads WHERE id = $1 AND kind = 'responses' AND account_id = $2`,
      [id, session.account.id],
    );
    if (!kept) return c.redirect('/beheer/gegevens?klaar=verlopen', 303);
    const check = await importResponses(db, new Uint8Array(kept.content), { now: now(), actor: kept.fileName, dryRun: true });
    if (check.published.length) {
      return page(c, <Preview lang={lang} session={session} path={c.req.path} file={kept.fileName} report={check} uploadId={id} confirmMissing />, 400);
    }
  }
  // Taken out first, so a double click imports once.
  const upload = await db.one<{ fileName: string; content: Buffer; createdAt: Date }>(
    `DELETE FROM pending_uploads WHERE id = $1 AND kind = 'responses' AND account_id = $2
     RETURNING file_name AS "fileName", content, created_at AS "createdAt"`,
    [id, session.account.id],
  );
  if (!upload) return c.redirect('/beheer/gegevens?klaar=verlopen', 303);
  const report = await importResponses(db, new Uint8Array(upload.content), {
    now: now(), actor: upload.fileName, publishedOk, audit: { via: 'web', accountId: session.account.id, fileName: upload.fileName },
  });
  // A published edition without the box ticked: the same check page again, the upload kept, nothing saved.
  if (report.needsConfirmation) {
    await db.query('INSERT INTO pending_uploads (id, kind, file_name, content, account_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      id, 'responses', upload.fileName, upload.content, session.account.id, upload.createdAt,
    ]);
    return page(c, <Preview lang={lang} session={session} path={c.req.path} file={upload.fileName} report={{ ...report, dryRun: true }} uploadId={id} confirmMissing />, 400);
  }
  // The data changed between check and confirm: show what is wrong now; nothing was saved.
  if (report.errors.length) return page(c, <Preview lang={lang} session={session} path={c.req.path} file={upload.fileName} report={report} />, 422);
  return c.redirect(`/beheer/gegevens?klaar=geimporteerd&nieuw=${report.created}&vervangen=${report.replaced}&gelijk=${report.unchanged}`, 303);
});

/** The notice after a redirect, rebuilt from numbers only: the address never carries text onto the page. */
function doneMessage(lang: 'nl' | 'en', q: Record<string, string>): string | undefined {
  if (q.klaar === 'verlopen') return dt(lang, 'data.expired');
  if (q.klaar !== 'geimporteerd') return undefined;
  const n = (v: string | undefined) => (/^\d{1,7}$/.test(v ?? '') ? Number(v) : 0);
  return dt(lang, 'data.done', { created: n(q.nieuw), replaced: n(q.vervangen), unchanged: n(q.gelijk) });
}

const year = (s: string) => (/^\d{4}$/.test(s) ? Number(s) : Number.NaN);

dataAdminRoutes.get('/:year/:file', requireRole('admin', 'ministry'), async (c) => {
  const { db } = c.get('deps');
  const y = year(c.req.param('year'));
  const file = c.req.param('file');
  const attach = (body: string | Uint8Array, type: string) =>
    c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, { 'content-type': type, 'content-disposition': `attachment; filename="${y}-${file}"` });
  if (file.startsWith('statistieken.')) {
    const rows = await statsFor(db, { edition: y, scope: 'all' }).catch(() => undefined);
    if (!rows) return c.notFound();
    if (file === 'statistieken.csv') return attach(toCsv(rows), 'text/csv; charset=utf-8');
    if (file === 'statistieken.json') return attach(toJson(suppress(rows)), 'application/json');
    return c.notFound();
  }
  const data = Number.isNaN(y) ? undefined : await loadExportData(db, y);
  if (!data) return c.notFound();
  if (file === 'antwoorden.csv') return attach(exportCsv(data), 'text/csv; charset=utf-8');
  if (file === 'antwoorden.xlsx') return attach(await exportXlsx(data), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  if (file === 'antwoorden.sps') return attach(exportSps(data, `${y}-antwoorden-spss.csv`).sps, 'text/plain; charset=utf-8');
  if (file === 'antwoorden-spss.csv') return attach(exportSps(data, `${y}-antwoorden-spss.csv`).csv, 'text/csv; charset=utf-8');
  return c.notFound();
});
