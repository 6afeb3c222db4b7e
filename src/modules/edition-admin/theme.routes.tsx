// Themes: /beheer/edities/:year/themas/nieuw-thema (step one; step two is the new-question page),
// /themas/:theme (change), …/verplaatsen, …/verwijderen (with its questions), …/voorbeeld.
import type { Hono } from 'hono';
import { tx } from '../../web/i18n.ts';
import { readForm } from '../../web/form.ts';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import { admins, YEAR } from './editions.routes.tsx';
import { direction, formRev } from './editor/form.edit.ts';
import { checkNewTheme } from './editor/question.edit.ts';
import { editTheme, moveTheme, removeTheme } from './editor/structure.edit.ts';
import { type C, commit, doneNotice, loadState, pageBase, type Shown, type Status } from './questionnaire-commit.ts';
import { edText } from './questionnaire-editor.i18n.ts';
import type { EditorState } from './questionnaire.service.ts';
import { newQuestionPage, themeFieldsOf } from './question.routes.tsx';
import { overview } from './questionnaire.routes.tsx';
import { ConfirmPage } from './views/confirm.views.tsx';
import { lockedText } from './views/editor.parts.tsx';
import { ThemePreviewPage } from './views/preview.views.tsx';
import { NewThemePage, ThemePage } from './views/theme.views.tsx';

const T = `/edities/${YEAR}/themas/:theme{[a-z0-9_]+}`;

function newThemePage(c: C, st: EditorState, shown: Shown, status: Status = 200) {
  return page(c, <NewThemePage {...pageBase(c, st, shown)} path={`/beheer/edities/${st.year}/themas/nieuw-thema`} qn={st.qn} />, status);
}

function themePage(c: C, st: EditorState, shown: Shown, status: Status = 200) {
  const theme = st.qn.themes.find((t) => t.key === c.req.param('theme'));
  if (!theme) return shown.conflict ? overview(c, st, shown, status) : c.notFound();
  return page(c, <ThemePage {...pageBase(c, st, shown)} path={`/beheer/edities/${st.year}/themas/${theme.key}`} qn={st.qn} theme={theme} />, status);
}

function confirmRemove(c: C, st: EditorState, shown: Shown, status: Status = 200) {
  const lang = c.get('lang');
  const theme = st.qn.themes.find((t) => t.key === c.req.param('theme'));
  if (!theme) return shown.conflict ? overview(c, st, shown, status) : c.notFound();
  const questions = st.qn.questions.filter((q) => q.theme === theme.key);
  const problems = st.answered > 0 ? [lockedText(lang, st.answered)] : (shown.problems ?? []);
  return page(c,
    <ConfirmPage lang={lang} path={c.req.path} session={c.get('session')} title={edText(lang, 'theme.removeTitle', { title: tx(lang, theme.title) })}
      body={[edText(lang, 'theme.removeBody', { n: questions.length }), ...questions.map((q) => `${st.qn.questions.indexOf(q) + 1}. ${tx(lang, q.text)} (${q.key})`)]}
      action={`/beheer/edities/${st.year}/themas/${theme.key}/verwijderen`} button={edText(lang, 'theme.removeButton')}
      back={`/beheer/edities/${st.year}/themas/${theme.key}`} problems={problems} rev={st.rev} warning={shown.conflict ? edText(lang, 'conflict') : undefined} />,
    status);
}

export function themeRoutes(app: Hono<AuthEnv>) {
  app.get(`/edities/${YEAR}/themas/nieuw-thema`, admins, async (c) => {
    const st = await loadState(c);
    return st ? newThemePage(c, st, {}) : c.notFound();
  });
  // Step one checked: nothing is saved yet; step two (the first question) carries the theme along.
  app.post(`/edities/${YEAR}/themas/nieuw-thema`, admins, async (c) => {
    const st = await loadState(c);
    if (!st) return c.notFound();
    const form = await readForm(c);
    const typed = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v[0] ?? '']));
    if (st.answered > 0) return newThemePage(c, st, {}, 409);
    if (formRev(form) !== st.rev) return newThemePage(c, st, { conflict: true, values: typed }, 409);
    if (form.terug) return newThemePage(c, st, { values: typed });
    const checked = checkNewTheme(st.qn, form);
    if (!checked.next) return newThemePage(c, st, { values: checked.values, errors: checked.errors }, 400);
    return newQuestionPage(c, st, { type: checked.values.soort, newTheme: themeFieldsOf(checked.values) });
  });

  app.get(T, admins, async (c) => {
    const st = await loadState(c);
    return st ? themePage(c, st, { notice: doneNotice(c) }) : c.notFound();
  });
  app.post(T, admins, async (c) => {
    const st = await loadState(c);
    const key = c.req.param('theme');
    if (!st?.qn.themes.some((t) => t.key === key)) return c.notFound();
    const form = await readForm(c);
    return commit(c, st, form, (qn) => editTheme(qn, key, form), (s, shown, status) => themePage(c, s, shown, status),
      () => `/beheer/edities/${st.year}/vragenlijst?klaar=thema&sleutel=${key}#thema-${key}`);
  });

  app.post(`${T}/verplaatsen`, admins, async (c) => {
    const st = await loadState(c);
    const key = c.req.param('theme');
    if (!st?.qn.themes.some((t) => t.key === key)) return c.notFound();
    const form = await readForm(c);
    const dir = direction(form.richting?.[0]);
    return commit(c, st, form, (qn) => (dir ? { values: {}, errors: [], next: moveTheme(qn, key, dir) } : { values: {}, errors: [] }),
      (s, shown, status) => overview(c, s, shown, status), () => `/beheer/edities/${st.year}/vragenlijst?klaar=verplaatst&sleutel=${key}#thema-${key}`);
  });

  app.get(`${T}/verwijderen`, admins, async (c) => {
    const st = await loadState(c);
    return st ? confirmRemove(c, st, {}) : c.notFound();
  });
  app.post(`${T}/verwijderen`, admins, async (c) => {
    const st = await loadState(c);
    const key = c.req.param('theme');
    if (!st?.qn.themes.some((t) => t.key === key)) return c.notFound();
    const form = await readForm(c);
    return commit(c, st, form, (qn) => ({ values: {}, errors: [], next: removeTheme(qn, key) }), (s, shown, status) => confirmRemove(c, s, shown, status),
      () => `/beheer/edities/${st.year}/vragenlijst?klaar=themaweg&sleutel=${key}`);
  });

  app.get(`${T}/voorbeeld`, admins, async (c) => {
    const st = await loadState(c);
    const theme = st?.qn.themes.find((t) => t.key === c.req.param('theme'));
    if (!st || !theme) return c.notFound();
    return page(c, <ThemePreviewPage {...pageBase(c, st)} qn={st.qn} theme={theme} />);
  });
}
