// /beheer/edities/:year/vragenlijst.xlsx (download: bureau and ministry) and /beheer/edities/:year/spreadsheet
// (the page; upload → check → Toepassen: the bureau). The checked questionnaire waits server-side in
// pending_uploads with the revision it was compared with; the form carries only its id.
import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { bodyBytes, page } from '../../web/render.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { answeredMunicipalities, QuestionnaireConflictError, QuestionnaireLockedError } from '../edition-admin/index.ts';
import { QuestionnaireError } from '../questionnaire/index.ts';
import { sheetText } from './sheet.i18n.ts';
import { problemLine } from './sheet.model.ts';
import { sizeProblem } from './sheet.read.ts';
import { editionQuestionnaire, savePending, takePending } from './sheet.repo.ts';
import { applyWorkbook, exportWorkbook, type Preview, previewAgain, previewWorkbook } from './sheet.service.ts';
import { PreviewPage, SheetPage } from './sheet.views.tsx';

type C = Context<AuthEnv>;
const readers = requireRole('admin', 'ministry');
const admins = requireRole('admin');
const YEAR = ':year{[0-9]{4}}';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** At most this many problems on the page (the file has to be mended and read again anyway). */
const SHOWN = 200;

const yearOf = (c: C) => Number(c.req.param('year'));

async function sheetPage(c: C, extra: { problems?: string[]; notice?: string } = {}, status: 200 | 400 | 409 = 200) {
  const { db } = c.get('deps');
  const year = yearOf(c);
  if (!(await editionQuestionnaire(db, year))) return c.notFound();
  const lang = c.get('lang');
  const problems = extra.problems && extra.problems.length > SHOWN
    ? [...extra.problems.slice(0, SHOWN), `… ${extra.problems.length - SHOWN}`] : extra.problems;
  return page(c, <SheetPage lang={lang} path={`/beheer/edities/${year}/spreadsheet`} session={c.get('session')} year={year}
    answered={await answeredMunicipalities(db, year)} problems={problems} notice={extra.notice} />, status);
}

/** Keeps a checked questionnaire for "Toepassen" and shows what would change. */
async function previewPage(c: C, preview: Preview, conflict = false) {
  const { db, now } = c.get('deps');
  let uploadId: string | undefined;
  if (preview.next && preview.answered === 0) {
    uploadId = randomBytes(16).toString('base64url');
    await savePending(db, uploadId, c.get('session').account.id, { year: preview.year, rev: preview.rev, fileName: preview.fileName, questionnaire: preview.next }, now());
  }
  return page(c, <PreviewPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={preview.year} preview={preview}
    uploadId={uploadId} conflict={conflict} />, conflict ? 409 : 200);
}

export function createQuestionnaireSheetRoutes() {
  const app = new Hono<AuthEnv>();

  app.get(`/edities/${YEAR}/vragenlijst.xlsx`, readers, async (c) => {
    const year = yearOf(c);
    const bytes = await exportWorkbook(c.get('deps').db, year);
    if (!bytes) return c.notFound();
    return c.body(bodyBytes(bytes), 200, { 'content-type': XLSX, 'content-disposition': `attachment; filename="vragenlijst-${year}.xlsx"` });
  });

  app.get(`/edities/${YEAR}/spreadsheet`, readers, (c) => {
    const done = c.req.query('klaar');
    const notice = done === 'toegepast' ? sheetText(c.get('lang'), 'page.done', { year: yearOf(c) })
      : done === 'verlopen' ? sheetText(c.get('lang'), 'page.expired') : undefined;
    return sheetPage(c, { notice });
  });

  app.post(`/edities/${YEAR}/spreadsheet`, admins, async (c) => {
    const { db } = c.get('deps');
    const lang = c.get('lang');
    const file = (await c.req.parseBody()).bestand;
    if (!(file instanceof File) || file.size === 0) return sheetPage(c, { problems: [sheetText(lang, 'upload.noFile')] }, 400);
    // Too large: refused before it is read into memory (the reader checks the size again).
    const tooLarge = sizeProblem(file.size);
    if (tooLarge) return sheetPage(c, { problems: [tooLarge] }, 400);
    const preview = await previewWorkbook(db, yearOf(c), new Uint8Array(await file.arrayBuffer()), file.name);
    if (!preview) return c.notFound();
    if (preview.problems.length) return sheetPage(c, { problems: preview.problems.map(problemLine) }, 400);
    return previewPage(c, preview);
  });

  app.post(`/edities/${YEAR}/spreadsheet/toepassen`, admins, async (c) => {
    const { db, now } = c.get('deps');
    const year = yearOf(c);
    const id = String((await c.req.parseBody()).upload ?? '');
    const pending = await takePending(db, id, c.get('session').account.id, year, now());
    if (!pending) return c.redirect(`/beheer/edities/${year}/spreadsheet?klaar=verlopen`, 303);
    try {
      await applyWorkbook(db, year, pending);
    } catch (e) {
      if (e instanceof QuestionnaireConflictError) {
        // A colleague changed it since the check: compare again with what is there now.
        const again = await previewAgain(db, year, pending);
        return again ? previewPage(c, again, true) : c.notFound();
      }
      if (e instanceof QuestionnaireLockedError) return sheetPage(c, {}, 409);
      if (e instanceof QuestionnaireError) return sheetPage(c, { problems: e.problems }, 400);
      throw e;
    }
    return c.redirect(`/beheer/edities/${year}/spreadsheet?klaar=toegepast`, 303);
  });

  return app;
}
