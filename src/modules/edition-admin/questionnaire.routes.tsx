// /beheer/edities/:year/vragenlijst …: the overview (and JSON download), a replacement upload, the
// translations still to do; the editor's other pages are mounted from here. Every change goes
// through changeQuestionnaire with the revision the page was made on (questionnaire-commit.ts).
import type { Hono } from 'hono';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import { QuestionnaireError } from '../questionnaire/index.ts';
import { eaText } from './edition-admin.i18n.ts';
import { admins, readers, YEAR } from './editions.routes.tsx';
import { formRev } from './editor/form.edit.ts';
import { translationGaps } from './editor/translations.edit.ts';
import { type C, doneNotice, loadState, pageBase, type Shown, type Status } from './questionnaire-commit.ts';
import { parseUpload, uploadLabel } from './questionnaire-edit.ts';
import { changeQuestionnaire, type EditorState, QuestionnaireConflictError, QuestionnaireLockedError } from './questionnaire.service.ts';
import { questionPartRoutes } from './question-parts.routes.tsx';
import { questionRoutes } from './question.routes.tsx';
import { themeRoutes } from './theme.routes.tsx';
import { QuestionnairePage } from './views/questionnaire.views.tsx';
import { TranslationsPage } from './views/translations.views.tsx';

/** The overview; `problemField` says where problems link to (the upload field, or the list after a refused move). */
export function overview(c: C, st: EditorState, shown: Shown, status: Status = 200, problemField: 'bestand' | 'vragen' = 'vragen') {
  return page(c, <QuestionnairePage {...pageBase(c, st, shown)} path={`/beheer/edities/${st.year}/vragenlijst`} qn={st.qn} problemField={problemField} />, status);
}

export function questionnaireRoutes(app: Hono<AuthEnv>) {
  app.get(`/edities/${YEAR}/vragenlijst`, readers, async (c) => {
    const st = await loadState(c);
    return st ? overview(c, st, { notice: doneNotice(c) }) : c.notFound();
  });

  app.get(`/edities/${YEAR}/vragenlijst.json`, readers, async (c) => {
    const st = await loadState(c);
    if (!st) return c.notFound();
    c.header('content-disposition', `attachment; filename="${st.year}.json"`);
    return c.body(`${JSON.stringify(st.qn, null, 2)}\n`, 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  // A whole file: checked like a shipped one. The page's revision, when sent, must still be current.
  app.post(`/edities/${YEAR}/vragenlijst`, admins, async (c) => {
    const st = await loadState(c);
    if (!st) return c.notFound();
    const body = await c.req.parseBody();
    const file = body.bestand;
    const lang = c.get('lang');
    if (st.answered > 0) return overview(c, st, {}, 409, 'bestand');
    if (!(file instanceof File) || file.size === 0) return overview(c, st, { problems: [eaText(lang, 'qn.upload.noFile')] }, 400, 'bestand');
    const rev = typeof body.rev === 'string' ? formRev({ rev: [body.rev] }) : undefined;
    const label = uploadLabel(file.name);
    const text = await file.text();
    try {
      await changeQuestionnaire(c.get('deps').db, st.year, () => parseUpload(text, label), label, rev);
    } catch (e) {
      if (e instanceof QuestionnaireError) return overview(c, st, { problems: e.problems }, 400, 'bestand');
      if (!(e instanceof QuestionnaireConflictError) && !(e instanceof QuestionnaireLockedError)) throw e;
      const fresh = (await loadState(c)) ?? st;
      return overview(c, fresh, { conflict: e instanceof QuestionnaireConflictError }, 409, 'bestand');
    }
    return c.redirect(`/beheer/edities/${st.year}/vragenlijst?klaar=vervangen`, 303);
  });

  app.get(`/edities/${YEAR}/vertalingen`, admins, async (c) => {
    const st = await loadState(c);
    if (!st) return c.notFound();
    return page(c, <TranslationsPage {...pageBase(c, st)} gaps={translationGaps(st.qn)} />);
  });

  themeRoutes(app);
  questionRoutes(app);
  questionPartRoutes(app);
}
