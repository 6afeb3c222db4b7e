// Sign-in by e-mailed one-time link, and sign-out: /inloggen, /inloggen/:token, /uitloggen.
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../web/context.ts';
import { first, readForm } from '../../web/form.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { page } from '../../web/render.ts';
import { requestLog } from '../operations/index.ts';
import { isValidEmail, normalizeEmail } from './accounts.repo.ts';
import { at } from './auth.i18n.ts';
import { CSRF_FIELD, csrfFailure, csrfMatches, isCrossSite } from './guard.tsx';
import { checkMagicLink, consumeMagicLink, type LinkProblem, requestSignInLink, safeReturnTo, signInUrl } from './magic-links.ts';
import { clientIp, recordSignInAttempt } from './rate-limit.ts';
import { clearSessionCookie, createSession, currentSession, deleteSession, setSessionCookie } from './sessions.ts';
import { ConfirmPage, LinkProblemPage, NoticePage, returnQuery, SentPage, SignInPage } from './views.tsx';

/** Delivers a sign-in link by e-mail (the outbox, in the product); `url` is secret: never log it. */
export type SendSignInLink = (to: string, url: string) => Promise<void>;
/** The work of sending a link of this length, sending nothing (for an unknown address; see sendLinkIfKnown). */
export type SendNoLink = (url: string) => Promise<void>;
export type AuthRoutesOptions = { sendSignInLink?: SendSignInLink; sendNoLink?: SendNoLink };

/** Until mail is wired up: the link goes nowhere (create-admin prints one for the first admin). */
export const sendNowhere: SendSignInLink = async () => {};

const problemStatus = { invalid: 404, expired: 410, used: 410 } as const;

function linkProblem(c: Ctx, problem: LinkProblem, returnTo: string) {
  c.header('cache-control', 'no-store');
  return page(c, <LinkProblemPage lang={c.get('lang')} path={c.req.path} problem={problem} returnTo={returnTo} />, problemStatus[problem]);
}

/**
 * Sends a link when the address has an active account. Known and unknown addresses take the same
 * path through the database (requestSignInLink), then the sender for a known one and `sendNoLink`
 * (the same work, sending nothing) for an unknown one, and get the same answer; a failing sender
 * is swallowed (without the address or link in the log) so it cannot tell either.
 */
async function sendLinkIfKnown(c: Ctx, email: string, returnTo: string, send: SendSignInLink, sendNoLink: SendNoLink) {
  const { db, config, now } = c.get('deps');
  const link = await requestSignInLink(db, email, now());
  try {
    if (link) await send(link.email, signInUrl(config.baseUrl, link.token, returnTo));
    else await sendNoLink(signInUrl(config.baseUrl, 'x'.repeat(43), returnTo));
  } catch (e) {
    requestLog(c).error({ err: (e as Error).name }, 'sign-in link not sent');
  }
}

export function createAuthRoutes({ sendSignInLink = sendNowhere, sendNoLink = async () => {} }: AuthRoutesOptions = {}) {
  return new Hono<AppEnv>()
    .get('/inloggen', (c) => {
      const lang = c.get('lang');
      const returnTo = safeReturnTo(c.req.query('terug'));
      if (c.req.query('verstuurd') === '1') return page(c, <SentPage lang={lang} path={c.req.path} returnTo={returnTo} />);
      const notice = c.req.query('uitgelogd') === '1' ? 'signedOut' : c.req.query('terug') ? 'needed' : undefined;
      return page(c, <SignInPage lang={lang} path={c.req.path} email="" returnTo={returnTo} notice={notice} />);
    })
    .post('/inloggen', async (c) => {
      if (isCrossSite(c)) return csrfFailure(c);
      const { db, now } = c.get('deps');
      const lang = c.get('lang');
      const returnTo = safeReturnTo(c.req.query('terug'));
      const email = normalizeEmail(first(await readForm(c), 'email') ?? '');
      if (!isValidEmail(email)) {
        return page(c, <SignInPage lang={lang} path={c.req.path} email={email} returnTo={returnTo} error={at(lang, 'signIn.error.email')} />, 400);
      }
      const rate = await recordSignInAttempt(db, email, clientIp(c), now());
      if (!rate.allowed) {
        c.header('retry-after', String(Math.max(1, Math.ceil((rate.retryAt.getTime() - now().getTime()) / 1000))));
        const body = at(lang, 'rateLimit.body', { time: formatDateTime(lang, rate.retryAt) });
        return page(c, <NoticePage lang={lang} path={c.req.path} title={at(lang, 'rateLimit.title')} body={body} />, 429);
      }
      await sendLinkIfKnown(c, email, returnTo, sendSignInLink, sendNoLink);
      const query = returnQuery(returnTo);
      return c.redirect(`/inloggen${query ? `${query}&` : '?'}verstuurd=1`, 303);
    })
    .get('/inloggen/:token', async (c) => {
      const { db, now } = c.get('deps');
      const token = c.req.param('token');
      const returnTo = safeReturnTo(c.req.query('terug'));
      const problem = await checkMagicLink(db, token, now());
      if (problem) return linkProblem(c, problem, returnTo);
      c.header('cache-control', 'no-store');
      return page(c, <ConfirmPage lang={c.get('lang')} path={c.req.path} token={token} returnTo={returnTo} />);
    })
    .post('/inloggen/:token', async (c) => {
      if (isCrossSite(c)) return csrfFailure(c);
      const { db, now } = c.get('deps');
      const returnTo = safeReturnTo(c.req.query('terug'));
      const result = await consumeMagicLink(db, c.req.param('token'), now());
      if ('problem' in result) return linkProblem(c, result.problem, returnTo);
      // A fresh session id at every sign-in: a session id planted before sign-in is worth nothing.
      const previous = await currentSession(c);
      if (previous) await deleteSession(db, previous.idHash);
      const session = await createSession(db, result.accountId, now());
      setSessionCookie(c, session.id);
      return c.redirect(returnTo, 303);
    })
    .post('/uitloggen', async (c) => {
      const session = await currentSession(c);
      if (session) {
        if (isCrossSite(c) || !csrfMatches(session.csrfSecret, first(await readForm(c), CSRF_FIELD))) return csrfFailure(c);
        await deleteSession(c.get('deps').db, session.idHash);
      }
      clearSessionCookie(c);
      return c.redirect('/inloggen?uitgelogd=1', 303);
    });
}

/** The routes with no mail wired up; the app passes its sender to createAuthRoutes. */
export const authRoutes = createAuthRoutes();
