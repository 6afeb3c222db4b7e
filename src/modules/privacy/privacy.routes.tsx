// /beheer/privacy (admins only): find a person's data by e-mail address, download it as JSON, and
// erase it after a confirmation. The address travels in POST bodies only (with the CSRF token),
// never in a URL, so it ends up in no log or browser history.
import { type Context, Hono } from 'hono';
import { first, readForm } from '../../web/form.ts';
import { page } from '../../web/render.ts';
import { type AuthEnv, isValidEmail, normalizeEmail, requireRole } from '../auth/index.ts';
import { erasePersonalData } from './erase.ts';
import { countFound, findPersonalData } from './find.ts';
import { listErasures } from './log.ts';
import { pt } from './privacy.i18n.ts';
import { PrivacyPage } from './privacy.views.tsx';
import { ConfirmPage, ResultPage } from './result.views.tsx';
import { DEFAULT_RETENTION_DAYS, retentionDays } from './retention.ts';

function days(): number {
  try {
    return retentionDays();
  } catch {
    return DEFAULT_RETENTION_DAYS;
  }
}

/** Mount at /beheer/privacy: `app.route('/beheer/privacy', privacyRoutes)`. */
export const privacyRoutes = new Hono<AuthEnv>();
privacyRoutes.use('*', requireRole('admin'));

privacyRoutes.get('/', async (c) => {
  const { db } = c.get('deps');
  return page(c,
    <PrivacyPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} email="" erased={c.req.query('gewist') === '1'}
      days={days()} log={await listErasures(db)} />,
  );
});

/** The address from the form, or the search page again with the error (status 400). */
async function readEmail(c: Context<AuthEnv>) {
  const email = normalizeEmail(first(await readForm(c), 'email') ?? '');
  if (isValidEmail(email)) return { email };
  const { db } = c.get('deps');
  const lang = c.get('lang');
  return {
    refused: page(c,
      <PrivacyPage lang={lang} path="/beheer/privacy" session={c.get('session')} email={email} error={pt(lang, 'error.email')}
        days={days()} log={await listErasures(db)} />, 400),
  };
}

const isSelf = (email: string, session: AuthEnv['Variables']['session']) => email.toLowerCase() === session.account.email.toLowerCase();

privacyRoutes.post('/', async (c) => {
  const r = await readEmail(c);
  if (!r.email) return r.refused;
  const { db, now } = c.get('deps');
  const session = c.get('session');
  const counts = countFound(await findPersonalData(db, r.email, now()));
  return page(c, <ResultPage lang={c.get('lang')} path="/beheer/privacy" session={session} email={r.email} counts={counts} self={isSelf(r.email, session)} />);
});

privacyRoutes.post('/export', async (c) => {
  const r = await readEmail(c);
  if (!r.email) return r.refused;
  const { db, now } = c.get('deps');
  const data = await findPersonalData(db, r.email, now());
  return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="persoonsgegevens-${now().toISOString().slice(0, 10)}.json"`,
  });
});

privacyRoutes.post('/wissen', async (c) => {
  const r = await readEmail(c);
  if (!r.email) return r.refused;
  const { db, now } = c.get('deps');
  const session = c.get('session');
  const lang = c.get('lang');
  if (isSelf(r.email, session)) {
    const counts = countFound(await findPersonalData(db, r.email, now()));
    return page(c, <ResultPage lang={lang} path="/beheer/privacy" session={session} email={r.email} counts={counts} self />, 403);
  }
  if (first(await readForm(c), 'bevestigd') !== 'ja') {
    const counts = countFound(await findPersonalData(db, r.email, now()));
    return page(c, <ConfirmPage lang={lang} path="/beheer/privacy" session={session} email={r.email} counts={counts} />);
  }
  await erasePersonalData(db, r.email, { now: now(), via: 'web', accountId: session.account.id });
  return c.redirect('/beheer/privacy?gewist=1', 303);
});
