// One question: /beheer/edities/:year/vragenlijst/:key (its own fields and summary), its key
// results, moving it, removing it, its preview; and /…/vragenlijst/nieuwe-vraag.
import type { Hono } from 'hono';
import { tx } from '../../web/i18n.ts';
import { readForm } from '../../web/form.ts';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import { eaText } from './edition-admin.i18n.ts';
import { admins, YEAR } from './editions.routes.tsx';
import { direction } from './editor/form.edit.ts';
import { addKeyResult, removeKeyResult } from './editor/key-results.edit.ts';
import { addQuestion, editQuestion, type QuestionType } from './editor/question.edit.ts';
import { moveQuestion } from './editor/structure.edit.ts';
import { edText } from './questionnaire-editor.i18n.ts';
import { type C, commit, doneNotice, loadState, pageBase, type Shown, type Status } from './questionnaire-commit.ts';
import { removeQuestion } from './questionnaire-edit.ts';
import type { EditorState } from './questionnaire.service.ts';
import { overview } from './questionnaire.routes.tsx';
import { ConfirmPage } from './views/confirm.views.tsx';
import { lockedText } from './views/editor.parts.tsx';
import { QuestionPreviewPage } from './views/preview.views.tsx';
import { NewQuestionPage } from './views/question-new.views.tsx';
import { QuestionPage } from './views/question.views.tsx';

export const KEY = ':key{[a-z0-9_]+}';
const Q = `/edities/${YEAR}/vragenlijst/${KEY}`;
const where = (st: EditorState) => `/beheer/edities/${st.year}/vragenlijst`;

function questionPage(c: C, st: EditorState, shown: Shown, status: Status = 200) {
  const q = st.qn.questions.find((x) => x.key === (c.req.param('key') ?? ''));
  // After a colleague's change the question may be gone: then the overview says what happened.
  if (!q) return shown.conflict ? overview(c, st, shown, status) : c.notFound();
  return page(c, <QuestionPage {...pageBase(c, st, shown)} path={`${where(st)}/${q.key}`} qn={st.qn} q={q} />, status);
}

export function newQuestionPage(c: C, st: EditorState, shown: Shown & { type?: string; theme?: string; newTheme?: Record<string, string> }, status: Status = 200) {
  return page(c, <NewQuestionPage {...pageBase(c, st, shown)} path={`${where(st)}/nieuwe-vraag`} qn={st.qn} type={shown.type as QuestionType}
    theme={shown.theme} newTheme={shown.newTheme} />, status);
}

/** The new theme's fields as sent with its first question. */
export function themeFieldsOf(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith('thema-')));
}

export function questionRoutes(app: Hono<AuthEnv>) {
  const known = async (c: C) => {
    const st = await loadState(c);
    return st?.qn.questions.some((q) => q.key === (c.req.param('key') ?? '')) ? st : undefined;
  };

  app.get(`/edities/${YEAR}/vragenlijst/nieuwe-vraag`, admins, async (c) => {
    const st = await loadState(c);
    if (!st) return c.notFound();
    return newQuestionPage(c, st, { type: c.req.query('soort'), theme: c.req.query('thema') });
  });
  app.post(`/edities/${YEAR}/vragenlijst/nieuwe-vraag`, admins, async (c) => {
    const st = await loadState(c);
    if (!st) return c.notFound();
    const form = await readForm(c);
    const newTheme = form['nieuw-thema']?.[0] === '1';
    const type = form.soort?.[0];
    return commit(c, st, form, (qn) => addQuestion(qn, st.others, form, newTheme),
      (s, shown, status) => newQuestionPage(c, s, { ...shown, type, theme: form.thema?.[0], newTheme: newTheme ? themeFieldsOf(shown.values ?? {}) : undefined }, status),
      (r) => `${where(st)}/${r.values.sleutel}?klaar=${newTheme ? 'nieuwthema' : 'nieuw'}&sleutel=${r.values.sleutel}`);
  });

  app.get(Q, admins, async (c) => {
    const st = await known(c);
    return st ? questionPage(c, st, { notice: doneNotice(c) }) : c.notFound();
  });
  app.post(Q, admins, async (c) => {
    const st = await known(c);
    if (!st) return c.notFound();
    const key = (c.req.param('key') ?? '');
    const form = await readForm(c);
    return commit(c, st, form, (qn) => editQuestion(qn, key, form), (s, shown, status) => questionPage(c, s, shown, status),
      () => `${where(st)}/${key}?klaar=vraag`);
  });

  app.post(`${Q}/kernresultaten`, admins, async (c) => {
    const st = await known(c);
    if (!st) return c.notFound();
    const key = (c.req.param('key') ?? '');
    const form = await readForm(c);
    return commit(c, st, form, (qn) => addKeyResult(qn, key, form), (s, shown, status) => questionPage(c, s, shown, status),
      () => `${where(st)}/${key}?klaar=kernresultaat#kernresultaten`);
  });
  app.post(`${Q}/kernresultaten/verwijderen`, admins, async (c) => {
    const st = await known(c);
    if (!st) return c.notFound();
    const key = (c.req.param('key') ?? '');
    const form = await readForm(c);
    return commit(c, st, form, (qn) => removeKeyResult(qn, key, form), (s, shown, status) => questionPage(c, s, shown, status),
      () => `${where(st)}/${key}?klaar=kernresultaatweg#kernresultaten`);
  });

  app.post(`${Q}/verplaatsen`, admins, async (c) => {
    const st = await known(c);
    if (!st) return c.notFound();
    const key = (c.req.param('key') ?? '');
    const form = await readForm(c);
    const dir = direction(form.richting?.[0]);
    return commit(c, st, form, (qn) => (dir ? { values: {}, errors: [], next: moveQuestion(qn, key, dir) } : { values: {}, errors: [] }),
      (s, shown, status) => overview(c, s, shown, status), () => `${where(st)}?klaar=verplaatst&sleutel=${key}#vraag-${key}`);
  });

  app.get(`${Q}/voorbeeld`, admins, async (c) => {
    const st = await known(c);
    const q = st?.qn.questions.find((x) => x.key === (c.req.param('key') ?? ''));
    if (!st || !q) return c.notFound();
    return page(c, <QuestionPreviewPage {...pageBase(c, st)} qn={st.qn} q={q} />);
  });

  const confirmRemove = (c: C, st: EditorState, shown: Shown, status: Status = 200) => {
    const lang = c.get('lang');
    const q = st.qn.questions.find((x) => x.key === (c.req.param('key') ?? ''));
    if (!q) return shown.conflict ? overview(c, st, shown, status) : c.notFound();
    const problems = st.answered > 0 ? [lockedText(lang, st.answered)] : (shown.problems ?? []);
    return page(c,
      <ConfirmPage lang={lang} path={c.req.path} session={c.get('session')} title={eaText(lang, 'qe.remove.confirmTitle', { key: q.key })}
        body={[tx(lang, q.text), eaText(lang, 'qe.remove.confirmBody')]} action={`${where(st)}/${q.key}/verwijderen`} button={eaText(lang, 'qe.remove.button')}
        back={`${where(st)}/${q.key}`} problems={problems} rev={st.rev} warning={shown.conflict ? edText(lang, 'conflict') : undefined} />,
      status);
  };
  app.get(`${Q}/verwijderen`, admins, async (c) => {
    const st = await known(c);
    return st ? confirmRemove(c, st, {}) : c.notFound();
  });
  app.post(`${Q}/verwijderen`, admins, async (c) => {
    const st = await known(c);
    if (!st) return c.notFound();
    const key = (c.req.param('key') ?? '');
    const form = await readForm(c);
    return commit(c, st, form, (qn) => ({ values: {}, errors: [], next: removeQuestion(qn, key) }), (s, shown, status) => confirmRemove(c, s, shown, status),
      () => `${where(st)}?klaar=verwijderd&sleutel=${key}`);
  });
}
