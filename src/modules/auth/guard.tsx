// Who may do what: requireRole for pages behind sign-in, and CSRF checks on every POST of a
// signed-in user (a per-session synchronizer token in the hidden field `_csrf`).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../web/context.ts';
import { MessagePage } from '../../web/layout.tsx';
import { page } from '../../web/render.ts';
import type { Role } from './accounts.repo.ts';
import { at } from './auth.i18n.ts';
import { currentSession, type Session } from './sessions.ts';

/** Routes behind requireRole read the signed-in user with c.get('session'). */
export type AuthEnv = { Variables: AppEnv['Variables'] & { session: Session } };

export const CSRF_FIELD = '_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Constant-time comparison; hashing first makes unequal lengths take the same time too. */
export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The hidden field every form of a signed-in user carries. */
export function CsrfField({ session }: { session: Session }) {
  return <input type="hidden" name={CSRF_FIELD} value={session.csrfSecret} />;
}

/**
 * A browser tells where a POST came from; a form posted from another site is refused even
 * before sign-in (so nobody can sign a victim in to the attacker's account).
 */
export function isCrossSite<E extends AppEnv>(c: Context<E>): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return true;
  const origin = c.req.header('origin');
  if (!origin) return false;
  const ours = [new URL(c.get('deps').config.baseUrl).origin, new URL(c.req.url).origin];
  return !ours.includes(origin);
}

export function csrfFailure<E extends AppEnv>(c: Context<E>) {
  const lang = c.get('lang');
  return page(c, <MessagePage lang={lang} path={c.req.path} title={at(lang, 'csrf.title')} body={at(lang, 'csrf.body')} back="/beheer" />, 403);
}

async function csrfValid<E extends AppEnv>(c: Context<E>, session: Session): Promise<boolean> {
  if (isCrossSite(c)) return false;
  // parseBody caches the form data, so the route can still read it after this.
  const body = await c.req.parseBody({ all: true });
  return csrfMatches(session.csrfSecret, body[CSRF_FIELD]);
}

/** Rejects a POST (PUT, DELETE …) of a signed-in user without the right `_csrf` with a 403. */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const session = await currentSession(c);
  if (session && !(await csrfValid(c, session))) return csrfFailure(c);
  return next();
});

export function signInRedirect<E extends AppEnv>(c: Context<E>) {
  const url = new URL(c.req.url);
  return c.redirect(`/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`, 303);
}

/**
 * Signed out: 303 to /inloggen?terug=…; signed in without one of `roles`: 403; a POST without
 * a valid `_csrf`: 403 and nothing happens. With no roles given any signed-in user may pass.
 */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const session = await currentSession(c);
    if (!session) return signInRedirect(c);
    const lang = c.get('lang');
    if (roles.length > 0 && !roles.includes(session.account.role)) {
      const body = at(lang, 'forbidden.body', { name: session.account.name || session.account.email, role: at(lang, `role.${session.account.role}`) });
      return page(c, <MessagePage lang={lang} path={c.req.path} title={at(lang, 'forbidden.title')} body={body} back="/beheer" />, 403);
    }
    if (!SAFE_METHODS.has(c.req.method) && !(await csrfValid(c, session))) {
      return csrfFailure(c);
    }
    c.set('session', session);
    await next();
    // Pages behind sign-in show personal data: keep them out of shared caches and the back-forward cache.
    c.header('cache-control', 'no-store');
  });
}
