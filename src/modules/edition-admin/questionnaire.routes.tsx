// /beheer/edities/:year/vragenlijst …: overview (and JSON download), edit one question's texts,
// remove a question, upload a replacement. Every change goes through changeQuestionnaire.
import type { Context, Hono } from 'hono';
import { readForm } from '../../web/form.ts';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import { getEdition } from '../editions/index.ts';
import { tx } from '../../web/i18n.ts';
import { QuestionnaireError } from '../questionnaire/index.ts';
import { eaText } from './edition-admin.i18n.ts';
import { admins, readers, YEAR } from './editions.routes.tsx';
import { applyTextEdits, parseUpload, removeQuestion, type TextError, type TextValues, uploadLabel } from './questionnaire-edit.ts';
import { answeredMunicipalities, changeQuestionnaire, type QuestionnaireChange, QuestionnaireLockedError } from './questionnaire.service.ts';
import { ConfirmPage } from './views/confirm.views.tsx';
import { QuestionPage } from './views/question.views.tsx';
import { lockedText, QuestionnairePage } from './views/questionnaire.views.tsx';

type C = Context<AuthEnv>;
const KEY = ':key{[a-z0-9_]+}';
const DONE = ['vervangen', 'gewijzigd', 'verwijderd'] as const;

async function load(c: C) {
  const e = await getEdition(c.get('deps').db, Number(c.req.param('year')));
  if (!e) return undefined;
  return { e, answered: await answeredMunicipalities(c.get('deps').db, e.year) };
}

async function overview(c: C, extra: { problems?: string[]; refused?: boolean } = {}, status: 200 | 400 | 409 = 200) {
  const found = await load(c);
  if (!found) return c.notFound();
  const lang = c.get('lang');
  const done = c.req.query('klaar') as (typeof DONE)[number];
  return page(c,
    <QuestionnairePage lang={lang} path={`/beheer/edities/${found.e.year}/vragenlijst`} session={c.get('session')} year={found.e.year}
      qn={found.e.questionnaire} answered={found.answered} notice={DONE.includes(done) ? eaText(lang, `done.qn.${done}`, { key: c.req.query('vraag') ?? '' }) : undefined}
      {...extra} />,
    status);
}

/** Applies a change; on refusal or invalid result answers with the page that says why. */
async function apply(c: C, change: QuestionnaireChange, label: string | undefined, onProblems: (problems: string[], answered?: number) => Promise<Response> | Response) {
  const year = Number(c.req.param('year'));
  try {
    await changeQuestionnaire(c.get('deps').db, year, change, label);
    return undefined;
  } catch (e) {
    if (e instanceof QuestionnaireLockedError) return onProblems([], e.municipalities);
    if (e instanceof QuestionnaireError) return onProblems(e.problems);
    throw e;
  }
}

async function questionPage(c: C, extra: { values?: TextValues; errors?: TextError[]; problems?: string[] } = {}, status: 200 | 400 | 409 = 200) {
  const found = await load(c);
  const q = found?.e.questionnaire.questions.find((x) => x.key === c.req.param('key'));
  if (!found || !q) return c.notFound();
  return page(c,
    <QuestionPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={found.e.year} qn={found.e.questionnaire} q={q}
      values={extra.values ?? {}} errors={extra.errors ?? []} problems={extra.problems} answered={found.answered} />,
    status);
}

export function questionnaireRoutes(app: Hono<AuthEnv>) {
  app.get(`/edities/${YEAR}/vragenlijst`, readers, (c) => overview(c));

  app.get(`/edities/${YEAR}/vragenlijst.json`, readers, async (c) => {
    const e = await getEdition(c.get('deps').db, Number(c.req.param('year')));
    if (!e) return c.notFound();
    c.header('content-disposition', `attachment; filename="${e.year}.json"`);
    return c.body(`${JSON.stringify(e.questionnaire, null, 2)}\n`, 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  app.post(`/edities/${YEAR}/vragenlijst`, admins, async (c) => {
    if (!(await load(c))) return c.notFound();
    const file = (await c.req.parseBody()).bestand;
    const lang = c.get('lang');
    if (!(file instanceof File) || file.size === 0) return overview(c, { problems: [eaText(lang, 'qn.upload.noFile')] }, 400);
    const label = uploadLabel(file.name);
    const text = await file.text();
    const refused = await apply(c, () => parseUpload(text, label), label, (problems) =>
      problems.length ? overview(c, { problems }, 400) : overview(c, { refused: true }, 409));
    return refused ?? c.redirect(`/beheer/edities/${c.req.param('year')}/vragenlijst?klaar=vervangen`, 303);
  });

  app.get(`/edities/${YEAR}/vragenlijst/${KEY}`, admins, (c) => questionPage(c));

  app.post(`/edities/${YEAR}/vragenlijst/${KEY}`, admins, async (c) => {
    const found = await load(c);
    const key = c.req.param('key');
    if (!found?.e.questionnaire.questions.some((q) => q.key === key)) return c.notFound();
    const form = await readForm(c);
    const read = applyTextEdits(found.e.questionnaire, key, form);
    if (read.errors.length) return questionPage(c, read, 400);
    // Re-applied to the questionnaire as it is inside the transaction, not the one read above.
    const refused = await apply(c, (current) => applyTextEdits(current, key, form).next ?? current, undefined, (problems) =>
      questionPage(c, { values: read.values, problems }, problems.length ? 400 : 409));
    return refused ?? c.redirect(`/beheer/edities/${found.e.year}/vragenlijst?klaar=gewijzigd&vraag=${key}`, 303);
  });

  const removePath = `/edities/${YEAR}/vragenlijst/${KEY}/verwijderen`;
  const confirmRemove = async (c: C, problems: string[] = [], answered = 0) => {
    const found = await load(c);
    const q = found?.e.questionnaire.questions.find((x) => x.key === c.req.param('key'));
    if (!found || !q) return c.notFound();
    const lang = c.get('lang');
    const n = answered || found.answered;
    const shown = n > 0 ? [lockedText(lang, n)] : problems;
    return page(c,
      <ConfirmPage lang={lang} path={c.req.path} session={c.get('session')} title={eaText(lang, 'qe.remove.confirmTitle', { key: q.key })}
        body={[tx(lang, q.text), eaText(lang, 'qe.remove.confirmBody')]} action={c.req.path} button={eaText(lang, 'qe.remove.button')}
        back={`/beheer/edities/${found.e.year}/vragenlijst/${q.key}`} problems={shown} />,
      shown.length && c.req.method === 'POST' ? (n > 0 ? 409 : 400) : 200);
  };
  app.get(removePath, admins, (c) => confirmRemove(c));
  app.post(removePath, admins, async (c) => {
    const found = await load(c);
    const key = c.req.param('key');
    if (!found?.e.questionnaire.questions.some((q) => q.key === key)) return c.notFound();
    const refused = await apply(c, (current) => removeQuestion(current, key), undefined, (problems, answered) => confirmRemove(c, problems, answered));
    return refused ?? c.redirect(`/beheer/edities/${found.e.year}/vragenlijst?klaar=verwijderd&vraag=${key}`, 303);
  });
}
