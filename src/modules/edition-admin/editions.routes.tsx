// /beheer/edities …: the list and "next edition", one edition's page, its dates, open/close/publish.
// Bureau (admin) acts; the ministry reads. Guards per route: a use('*') would cover all of /beheer.
import type { Context, Hono } from 'hono';
import { readForm } from '../../web/form.ts';
import { page } from '../../web/render.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { reportReadyRecipients } from '../publication/index.ts';
import type { Lang } from '../questionnaire/index.ts';
import type { DateError, DateValues } from './dates.ts';
import { type EaKey, eaText } from './edition-admin.i18n.ts';
import {
  actionProblem, changeState, createNextEdition, EditionStateError, FEW_RESPONSES, fewResponses, findEditionRow, listEditionRows, nextEditionPlan, type Problem,
  saveDates, type StateAction,
} from './editions.service.ts';
import { answeredMunicipalities } from './questionnaire.service.ts';
import { editionProblems, TextProblemsError } from '../report-text/index.ts';
import { ConfirmPage } from './views/confirm.views.tsx';
import { ACTION_SLUG, EditionPage } from './views/edition.views.tsx';
import { EditionsPage } from './views/editions.views.tsx';

type C = Context<AuthEnv>;
export const readers = requireRole('admin', 'ministry');
export const admins = requireRole('admin');
export const YEAR = ':year{[0-9]{4}}';

const SLUG_ACTION: Record<string, StateAction> = { openen: 'open', sluiten: 'close', publiceren: 'publish' };
const DONE = ['aangemaakt', 'datums', 'open', 'close', 'publish'] as const;

/** A problem's text; a state in its parameters is shown in words. */
export function problemText(lang: Lang, p: Problem): string {
  const state = p.params?.state;
  return eaText(lang, p.key, { ...p.params, ...(state ? { state: eaText(lang, `state.${state}` as EaKey) } : {}) });
}

async function editionPage(c: C, extra: { values?: DateValues; errors?: DateError[] } = {}, status: 200 | 400 = 200) {
  const { db, now } = c.get('deps');
  const e = await findEditionRow(db, Number(c.req.param('year')), now());
  if (!e) return c.notFound();
  const lang = c.get('lang');
  const done = c.req.query('klaar') as (typeof DONE)[number];
  const notice = DONE.includes(done) ? eaText(lang, `done.${done}`, { year: e.year }) : undefined;
  return page(c,
    <EditionPage lang={lang} path={c.req.path} session={c.get('session')} e={e} answered={await answeredMunicipalities(db, e.year)}
      values={extra.values ?? { opensOn: e.opensOn ?? '', closesOn: e.closesOn ?? '' }} errors={extra.errors ?? []} notice={notice} />,
    status);
}

/** An unresolved placeholder in the report text blocks publishing (issue 18). */
async function reportTextProblem(db: Parameters<typeof editionProblems>[0], year: number): Promise<Problem | undefined> {
  const problems = await editionProblems(db, year);
  return problems.length ? { key: 'state.error.reportText', params: { n: problems.length, list: problems.map((p) => `{${p.name}}`).join(', ') } } : undefined;
}

async function confirmPage(c: C, problem?: Problem) {
  const { db, now } = c.get('deps');
  const lang = c.get('lang');
  const action = SLUG_ACTION[c.req.param('action') ?? ''];
  const e = await findEditionRow(db, Number(c.req.param('year')), now());
  if (!e || !action) return c.notFound();
  const why = problem ?? actionProblem(e, action, now()) ?? (action === 'publish' ? await reportTextProblem(db, e.year) : undefined);
  const params = { year: e.year, date: e.closesOn ?? '', submitted: e.submitted, invited: e.invited,
    rate: e.invited ? `${Math.round((100 * e.submitted) / e.invited)}%` : '–' };
  // Publishing says how many municipalities the results rest on, and warns when that is few.
  const publish = action === 'publish';
  const few = publish && fewResponses(e);
  const mail = publish ? await reportReadyRecipients(db, e.year) : [];
  const mailParams = { municipalities: mail.length, messages: mail.reduce((n, m) => n + m.contacts.length, 0) };
  const body = [eaText(lang, `action.${action}.body`, params),
    ...(publish ? [eaText(lang, 'action.publish.response', params), eaText(lang, 'action.publish.mail', mailParams)] : [])];
  return page(c,
    <ConfirmPage lang={lang} path={c.req.path} session={c.get('session')} title={eaText(lang, `action.${action}.title`, params)}
      body={body} action={c.req.path} button={eaText(lang, few ? 'action.publish.confirmFew' : `action.${action}.confirm`, params)}
      caution={few ? eaText(lang, 'action.publish.few', { ...params, min: FEW_RESPONSES }) : undefined}
      back={`/beheer/edities/${e.year}`} problems={why ? [problemText(lang, why)] : []} />,
    problem ? 409 : 200);
}

export function editionRoutes(app: Hono<AuthEnv>) {
  app.get('/edities', readers, async (c) => {
    const { db, now } = c.get('deps');
    return page(c, <EditionsPage lang={c.get('lang')} path={c.req.path} session={c.get('session')}
      rows={await listEditionRows(db, now())} next={await nextEditionPlan(db)} />);
  });

  app.post('/edities', admins, async (c) => {
    const { db, now } = c.get('deps');
    try {
      const year = Number((await readForm(c)).jaar?.[0]);
      const plan = await createNextEdition(db, Number.isInteger(year) && year > 2000 ? year : undefined);
      return c.redirect(`/beheer/edities/${plan.year}?klaar=aangemaakt`, 303);
    } catch (e) {
      if (!(e instanceof EditionStateError)) throw e;
      return page(c, <EditionsPage lang={c.get('lang')} path={c.req.path} session={c.get('session')}
        rows={await listEditionRows(db, now())} error={eaText(c.get('lang'), e.key)} />, 409);
    }
  });

  app.get(`/edities/${YEAR}`, readers, (c) => editionPage(c));

  app.post(`/edities/${YEAR}/datums`, admins, async (c) => {
    const { db, now } = c.get('deps');
    const form = await readForm(c);
    const values = { opensOn: (form.opensOn?.[0] ?? '').trim(), closesOn: (form.closesOn?.[0] ?? '').trim() };
    const year = Number(c.req.param('year'));
    if (!(await findEditionRow(db, year, now()))) return c.notFound();
    try {
      const errors = await saveDates(db, year, values, now());
      if (errors.length) return editionPage(c, { values, errors }, 400);
    } catch (e) {
      if (!(e instanceof EditionStateError)) throw e;
      return editionPage(c, { values, errors: [{ field: 'opensOn', key: e.key }] }, 400);
    }
    return c.redirect(`/beheer/edities/${year}?klaar=datums`, 303);
  });

  const actionPath = `/edities/${YEAR}/:action{${Object.values(ACTION_SLUG).join('|')}}`;
  app.get(actionPath, admins, (c) => confirmPage(c));
  app.post(actionPath, admins, async (c) => {
    const { db, now, config } = c.get('deps');
    const year = Number(c.req.param('year'));
    const action = SLUG_ACTION[c.req.param('action') ?? ''];
    if (!action || !(await findEditionRow(db, year, now()))) return c.notFound();
    try {
      await changeState(db, year, action, now(), { baseUrl: config.baseUrl });
    } catch (e) {
      if (e instanceof TextProblemsError) return confirmPage(c, await reportTextProblem(db, year));
      if (!(e instanceof EditionStateError)) throw e;
      return confirmPage(c, { key: e.key, params: e.params });
    }
    return c.redirect(`/beheer/edities/${year}?klaar=${action}`, 303);
  });
}
