// The respondent's journey behind a personal link: /v/:token/...
import { type Context, Hono } from 'hono';
import type { AppEnv, Ctx } from '../../web/context.ts';
import { readForm } from '../../web/form.ts';
import { FailureLimiter } from '../../web/failure-limiter.ts';
import { formatDate, formatDateTime, t } from '../../web/i18n.ts';
import { clientIp } from '../auth/index.ts';
import { MessagePage } from '../../web/layout.tsx';
import { page } from '../../web/render.ts';
import { editionState, questionnaireOf } from '../editions/index.ts';
import type { Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Answer, Answers } from './answer.model.ts';
import { readThemePage, themeQuestions, unansweredRequired } from './answer-form.ts';
import {
  currentAnswers, openResponse, reopenResponse, type Response, saveAnswers, type StoredAnswer,
} from './responses.repo.ts';
import { answersFileName, answersPdf } from './answers-pdf.ts';
import { submitWithConfirmation } from './confirmation.ts';
import { findVisit } from './visit.repo.ts';
import { DonePage, ReviewPage, StartPage, ThemePage } from './views/pages.tsx';

/**
 * Guessing links: after 30 unknown tokens in 15 minutes a client has to wait. One count for every
 * page behind a personal link (the questionnaire, the report, the factsheet): see the two below.
 */
const tokenFailures = new FailureLimiter(30, 15 * 60_000);

/**
 * The answer to an unknown link: the "too many wrong links" page (429) while this client is
 * blocked, else `notFound()` after counting the failure. Only unknown links are ever refused this
 * way: a valid link works whatever others behind the same address did.
 */
export function unknownLink<E extends AppEnv>(c: Context<E>, notFound: () => globalThis.Response | Promise<globalThis.Response>): globalThis.Response | Promise<globalThis.Response> {
  const now = c.get('deps').now();
  const lang = c.get('lang');
  const client = clientIp(c);
  const blocked = tokenFailures.blockedUntil(client, now.getTime());
  if (!blocked) {
    tokenFailures.fail(client, now.getTime());
    return notFound();
  }
  c.header('retry-after', String(Math.ceil((blocked.getTime() - now.getTime()) / 1000)));
  return page(c, <MessagePage lang={lang} path={c.req.path} title={t(lang, 'link.tooMany.title')} body={t(lang, 'link.tooMany.body', { time: formatDateTime(lang, blocked) })} />, 429);
}

type Visit = {
  edition: { year: number; closesOn: string | null; questionnaire: Questionnaire };
  response: Response;
  stored: Map<string, StoredAnswer>;
  /** The response row's version at the read above; null when this request changed the row. */
  stamp: string | null;
  municipality: string;
  editable: boolean;
  base: string;
};

/** Resolves the token to an edition and response, or answers with the right Dutch error page. */
async function visit(c: Ctx): Promise<Visit | globalThis.Response> {
  const { db, now } = c.get('deps');
  const lang = c.get('lang');
  const token = c.req.param('token') ?? '';
  const message = (key: 'link.invalid' | 'link.expired' | 'link.notOpen', status: 404 | 410 | 403, params = {}) =>
    page(c, <MessagePage lang={lang} path={c.req.path} title={t(lang, `${key}.title`)} body={t(lang, `${key}.body`, params)} />, status);
  const found = await findVisit(db, token);
  if (!found) return unknownLink(c, () => message('link.invalid', 404));
  const state = editionState(found, now());
  if (state === 'draft') return message('link.notOpen', 403, { year: found.edition });
  const editable = state === 'open';
  let response = found.response;
  let stamp = found.stamp;
  // After closing only a submitted response can still be read.
  if (!editable && !response?.submittedAt) {
    return message('link.expired', 410, { year: found.edition, date: formatDate(lang, found.closesOn ?? found.closedAt ?? now()) });
  }
  if (editable && !response?.firstOpenedAt) {
    response = await openResponse(db, found.edition, found.municipalityCode, now());
    stamp = null;
  }
  const questionnaire = await questionnaireOf(db, found.edition, found.rev);
  return {
    edition: { year: found.edition, closesOn: found.closesOn, questionnaire },
    response: response as Response,
    stored: found.stored,
    stamp,
    municipality: found.municipalityName ?? found.municipalityCode,
    editable,
    base: `/v/${token}`,
  };
}

function notEditable(c: Ctx, v: Visit) {
  const lang = c.get('lang');
  return page(c, <MessagePage lang={lang} path={c.req.path} title={t(lang, 'page.notEditable.title')} body={t(lang, 'page.notEditable.body')} back={v.base} />, 409);
}

function parseBase(raw: string | undefined): Record<string, number> {
  try {
    const parsed = JSON.parse(raw ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => Number.isInteger(v)) as [string, number][]);
  } catch {
    return {};
  }
}

export const responsesRoutes = new Hono<AppEnv>()
  .get('/v/:token', async (c) => {
    const v = await visit(c);
    if (v instanceof globalThis.Response) return v;
    if (v.editable && v.response.status === 'submitted') return c.redirect(`${v.base}/bevestiging`, 303);
    const answers = currentAnswers(v.stored);
    return page(c, <StartPage lang={c.get('lang')} path={c.req.path} qn={v.edition.questionnaire} municipality={v.municipality} base={v.base}
      answers={answers} closesOn={v.edition.closesOn} editable={v.editable} submittedAt={v.response.submittedAt} saved={c.req.query('opgeslagen') === '1'}
      contactEmail={c.get('deps').config.contactEmail} />);
  })
  .get('/v/:token/thema/:theme', async (c) => {
    const v = await visit(c);
    if (v instanceof globalThis.Response) return v;
    const qn = v.edition.questionnaire;
    if (!qn.themes.some((x) => x.key === c.req.param('theme'))) return c.notFound();
    if (!v.editable || v.response.status === 'submitted') return c.redirect(v.base, 303);
    const stored = v.stored;
    const theme = c.req.param('theme');
    const baseVersions = Object.fromEntries(themeQuestions(qn, theme).map((q) => [q.key, stored.get(q.key)?.version ?? 0]));
    return page(c, <ThemePage lang={c.get('lang')} path={c.req.path} qn={qn} municipality={v.municipality} base={v.base} theme={theme}
      answers={currentAnswers(stored)} errors={[]} conflicts={[]} baseVersions={baseVersions} fromReview={c.req.query('terug') === 'controleren'} />);
  })
  .post('/v/:token/thema/:theme', async (c) => {
    const v = await visit(c);
    if (v instanceof globalThis.Response) return v;
    const qn = v.edition.questionnaire;
    const theme = c.req.param('theme');
    const idx = qn.themes.findIndex((x) => x.key === theme);
    if (idx < 0) return c.notFound();
    if (!v.editable || v.response.status === 'submitted') return notEditable(c, v);
    const { db, now } = c.get('deps');
    const form = await readForm(c);
    const onPage = new Set(themeQuestions(qn, theme).map((q) => q.key));
    const fromReview = form.terug?.[0] === 'controleren';
    const baseVersions = parseBase(form.base?.[0]);
    let input: ReturnType<typeof readThemePage> = { answers: {}, errors: [] };
    let before: Answers = {};
    // Validate against the answers as read and write if nothing changed since; else under the response's lock.
    const result = await saveAnswers(db, v.response.id, (stored) => {
      before = currentAnswers(stored);
      input = readThemePage(qn, theme, form, before);
      if (input.errors.length) return undefined;
      // After a conflict the person chose per question: keep theirs (leave out of the save) or mine.
      const toSave: Record<string, Answer | null> = {};
      for (const [k, a] of Object.entries(input.answers)) if (form[`keuze.${k}`]?.[0] !== 'collega') toSave[k] = a;
      const force = new Set(Object.keys(toSave).filter((k) => !onPage.has(k)));
      return { answers: toSave, baseVersions, force, actor: { kind: 'respondent' }, now: now() };
    }, { stored: v.stored, stamp: v.stamp });
    const shown: Answers = { ...before };
    for (const [k, a] of Object.entries(input.answers)) if (a) shown[k] = a; else delete shown[k];
    const render = (status: 400 | 409, extra: Partial<Parameters<typeof ThemePage>[0]>) =>
      page(c, <ThemePage lang={c.get('lang')} path={c.req.path} qn={qn} municipality={v.municipality} base={v.base} theme={theme}
        answers={shown} errors={input.errors} conflicts={[]} baseVersions={baseVersions} fromReview={fromReview} {...extra} />, status);
    if (input.errors.length) return render(400, {});
    if (result.conflicts.length) {
      const newBase = { ...baseVersions };
      for (const x of result.conflicts) newBase[x.question] = x.version;
      return render(409, { conflicts: result.conflicts, baseVersions: newBase, errors: [] });
    }
    const action = form.actie?.[0];
    const target =
      action === 'later' ? `${v.base}?opgeslagen=1`
      : fromReview ? `${v.base}/controleren`
      : action === 'vorige' && idx > 0 ? `${v.base}/thema/${qn.themes[idx - 1].key}`
      : action === 'controleren' || idx === qn.themes.length - 1 ? `${v.base}/controleren`
      : `${v.base}/thema/${qn.themes[idx + 1].key}`;
    return c.redirect(target, 303);
  })
  .get('/v/:token/controleren', async (c) => {
    const v = await visit(c);
    if (v instanceof globalThis.Response) return v;
    if (!v.editable || v.response.status === 'submitted') return c.redirect(v.base, 303);
    const answers = currentAnswers(v.stored);
    return page(c, <ReviewPage lang={c.get('lang')} path={c.req.path} qn={v.edition.questionnaire} municipality={v.municipality} base={v.base} answers={answers} />);
  })
  .post('/v/:token/verzenden', async (c) => {
    const v = await visit(c);
    if (v instanceof globalThis.Response) return v;
    if (!v.editable) return notEditable(c, v);
    if (v.response.status !== 'submitted') {
      // Required questions first: nothing is sent while one that is asked has no answer.
      const answers = currentAnswers(v.stored);
      if (unansweredRequired(v.edition.questionnaire, answers).length) {
        return page(c, <ReviewPage lang={c.get('lang')} path={`${v.base}/controleren`} qn={v.edition.questionnaire} municipality={v.municipality} base={v.base}
          answers={answers} refused />, 400);
      }
      // The PDF of the answers for the confirmation e-mail is made first, outside the transaction.
      const { db, now } = c.get('deps');
      const submittedAt = now();
      const lang = c.get('lang');
      const pdf = answersPdf({ qn: v.edition.questionnaire, lang, municipality: v.municipality, answers, submittedAt });
      await submitWithConfirmation(db, {
        responseId: v.response.id, edition: v.edition.year, code: v.response.municipalityCode, municipality: v.municipality, lang, submittedAt, pdf,
      });
    }
    return c.redirect(`${v.base}/bevestiging`, 303);
  })
  .get('/v/:token/bevestiging', async (c) => {
    const v = await visit(c);
    if (v instanceof globalThis.Response) return v;
    if (!v.response.submittedAt) return c.redirect(v.base, 303);
    const answers = currentAnswers(v.stored);
    return page(c, <DonePage lang={c.get('lang')} path={c.req.path} qn={v.edition.questionnaire} municipality={v.municipality} base={v.base}
      answers={answers} submittedAt={v.response.submittedAt} closesOn={v.edition.closesOn} editable={v.editable} />);
  })
  .get('/v/:token/antwoorden.pdf', async (c) => {
    const v = await visit(c);
    if (v instanceof globalThis.Response) return v;
    if (!v.response.submittedAt) return c.redirect(v.base, 303);
    const pdf = answersPdf({ qn: v.edition.questionnaire, lang: c.get('lang'), municipality: v.municipality, answers: currentAnswers(v.stored), submittedAt: v.response.submittedAt });
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${answersFileName(v.edition.year, v.response.municipalityCode)}"`,
      'cache-control': 'private, no-store',
    });
  })
  .post('/v/:token/wijzigen', async (c) => {
    const v = await visit(c);
    if (v instanceof globalThis.Response) return v;
    if (!v.editable) return notEditable(c, v);
    await reopenResponse(c.get('deps').db, v.response.id, c.get('deps').now());
    return c.redirect(v.base, 303);
  });
