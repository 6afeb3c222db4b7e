// Language: ?lang=en|nl switches and is remembered in a cookie; Dutch by default.
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';

export const language = createMiddleware<AppEnv>(async (c, next) => {
  const asked = c.req.query('lang');
  if (asked === 'nl' || asked === 'en') {
    setCookie(c, 'lang', asked, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    c.set('lang', asked);
  } else {
    c.set('lang', getCookie(c, 'lang') === 'en' ? 'en' : 'nl');
  }
  await next();
});
