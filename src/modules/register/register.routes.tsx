// /beheer/indeling (admin): the register years present and the import of a year, checked first
// (nothing saved), then confirmed. The checked files wait in pending_uploads, so the confirmation
// may reach another app instance; the import checks them again before it writes.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { page } from '../../web/render.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { FILE_KINDS, type FileKind, type NamedFile, type RegisterInput } from './import.model.ts';
import { importRegister } from './import.service.ts';
import { rgText, summaryText } from './register.i18n.ts';
import { listRegisterYears } from './register.repo.ts';
import { FIELD_OF, type FormErrors, PreviewPage, RegisterPage } from './register.views.tsx';

const KIND = 'register';
const admins = requireRole('admin');

type Bundle = { year: number; files: Partial<Record<FileKind, { name: string; data: string }>> };

function toInput(b: Bundle): RegisterInput | undefined {
  const file = (k: FileKind): NamedFile | undefined => {
    const f = b.files[k];
    return f && { name: f.name, bytes: new Uint8Array(Buffer.from(f.data, 'base64')) };
  };
  const municipalities = file('municipalities');
  if (!municipalities) return undefined;
  const input: RegisterInput = { year: b.year, municipalities };
  for (const k of ['geo', 'mergers', 'wijken', 'wijkGeo'] as const) {
    const f = file(k);
    if (f) input[k] = f;
  }
  return input;
}

export const registerRoutes = new Hono<AuthEnv>()
  .get('/indeling', admins, async (c) => {
    const { db } = c.get('deps');
    const notice = c.req.query('klaar');
    return page(c, <RegisterPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} years={await listRegisterYears(db)}
      notice={notice ? notice.slice(0, 500) : undefined} />);
  })
  .post('/indeling', admins, async (c) => {
    const { db, now } = c.get('deps');
    const lang = c.get('lang');
    const session = c.get('session');
    const body = await c.req.parseBody();
    const yearText = typeof body.jaar === 'string' ? body.jaar.trim() : '';
    const errors: FormErrors = {};
    if (!/^\d{4}$/.test(yearText)) errors.jaar = rgText(lang, 'page.error.year');
    const files: Bundle['files'] = {};
    for (const kind of FILE_KINDS) {
      const f = body[FIELD_OF[kind]];
      if (f instanceof File && f.size > 0) files[kind] = { name: f.name.split(/[\\/]/).pop()?.slice(0, 200) || kind, data: Buffer.from(await f.arrayBuffer()).toString('base64') };
    }
    if (!files.municipalities) errors.gemeenten = rgText(lang, 'page.error.municipalities');
    if (errors.jaar || errors.gemeenten) {
      return page(c, <RegisterPage lang={lang} path={c.req.path} session={session} years={await listRegisterYears(db)} year={yearText.slice(0, 10)} errors={errors} />, 400);
    }
    const bundle: Bundle = { year: Number(yearText), files };
    const report = await importRegister(db, toInput(bundle) as RegisterInput, { dryRun: true, now: now() });
    let uploadId: string | undefined;
    if (report.problems.length === 0) {
      uploadId = randomBytes(16).toString('base64url');
      await db.tx(async (tx) => {
        await tx.query('DELETE FROM pending_uploads WHERE kind = $1 AND created_at < $2', [KIND, new Date(now().getTime() - 24 * 3600_000)]);
        await tx.query('INSERT INTO pending_uploads (id, kind, file_name, content, account_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          uploadId, KIND, `indeling-${bundle.year}`, Buffer.from(JSON.stringify(bundle)), session.account.id, now(),
        ]);
      });
    }
    return page(c, <PreviewPage lang={lang} path={c.req.path} session={session} report={report} uploadId={uploadId} />, report.problems.length ? 422 : 200);
  })
  .post('/indeling/bevestigen', admins, async (c) => {
    const { db, now } = c.get('deps');
    const lang = c.get('lang');
    const body = await c.req.parseBody();
    // Only the admin who checked the files may confirm them; taking the row makes a double click harmless.
    const upload = await db.one<{ content: Buffer }>(
      'DELETE FROM pending_uploads WHERE id = $1 AND kind = $2 AND account_id = $3 RETURNING content',
      [String(body.upload ?? ''), KIND, c.get('session').account.id],
    );
    const input = upload && toInput(JSON.parse(Buffer.from(upload.content).toString('utf8')) as Bundle);
    if (!input) return c.redirect(`/beheer/indeling?klaar=${encodeURIComponent(rgText(lang, 'expired'))}`, 303);
    const report = await importRegister(db, input, { now: now() });
    if (!report.written) {
      // Something changed since the check (another import, a response): show why, nothing saved.
      return page(c, <PreviewPage lang={lang} path={c.req.path} session={c.get('session')} report={report} />, 409);
    }
    const message = rgText(lang, 'done', { year: report.year, summary: summaryText(lang, report) });
    return c.redirect(`/beheer/indeling?klaar=${encodeURIComponent(message)}`, 303);
  });
