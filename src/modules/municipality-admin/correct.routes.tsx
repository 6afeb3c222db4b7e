// /beheer/edities/:year/gemeenten/:code/corrigeren/:theme: the bureau corrects a theme's answers.
import type { Context, Hono } from 'hono';
import { readForm } from '../../web/form.ts';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import { editionState } from '../editions/index.ts';
import { currentAnswers, loadAnswers, themeQuestions } from '../responses/index.ts';
import { correctTheme } from './correction.service.ts';
import { maText } from './municipality-admin.i18n.ts';
import { admins, found, municipalityPage, PAGE } from './municipalities.routes.tsx';
import { CorrectPage, type CorrectPageProps } from './views/correct.views.tsx';

type C = Context<AuthEnv>;
const THEME = `${PAGE}/corrigeren/:theme{[a-z0-9_]+}`;

/** The municipality, its response and the theme, or the answer that says why not. */
async function target(c: C) {
  const hit = await found(c);
  const theme = c.req.param('theme') ?? '';
  if (!hit || hit.row.responseId === null || !hit.e.questionnaire.themes.some((t) => t.key === theme)) return c.notFound();
  if (editionState(hit.e, c.get('deps').now()) === 'published') {
    return municipalityPage(c, { notice: { kind: 'warn', text: maText(c.get('lang'), 'correct.published') } }, 409);
  }
  return { ...hit, responseId: hit.row.responseId, theme };
}

function render(c: C, t: Exclude<Awaited<ReturnType<typeof target>>, Response>, p: Pick<CorrectPageProps, 'answers' | 'errors' | 'conflicts' | 'baseVersions'>, status: 200 | 400 | 409 = 200) {
  return page(c,
    <CorrectPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={t.e.year} code={t.row.code} name={t.row.name}
      qn={t.e.questionnaire} theme={t.theme} {...p} />,
    status);
}

export function correctRoutes(app: Hono<AuthEnv>) {
  app.get(THEME, admins, async (c) => {
    const t = await target(c);
    if (t instanceof Response) return t;
    const stored = await loadAnswers(c.get('deps').db, t.responseId);
    const baseVersions = Object.fromEntries(themeQuestions(t.e.questionnaire, t.theme).map((q) => [q.key, stored.get(q.key)?.version ?? 0]));
    return render(c, t, { answers: currentAnswers(stored), errors: [], conflicts: [], baseVersions });
  });

  app.post(THEME, admins, async (c) => {
    const t = await target(c);
    if (t instanceof Response) return t;
    const { db, now } = c.get('deps');
    const out = await correctTheme(db, {
      responseId: t.responseId, qn: t.e.questionnaire, theme: t.theme, form: await readForm(c), account: c.get('session').account, now: now(),
    });
    if (!out.saved) {
      return render(c, t, { answers: out.shown, errors: out.errors, conflicts: out.conflicts, baseVersions: out.baseVersions }, out.errors.length ? 400 : 409);
    }
    return c.redirect(`/beheer/edities/${t.e.year}/gemeenten/${t.row.code}?klaar=gecorrigeerd&thema=${t.theme}#antwoorden-titel`, 303);
  });
}
