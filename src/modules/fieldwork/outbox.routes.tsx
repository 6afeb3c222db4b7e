// /beheer/outbox: every message, its status and SMTP error; failed ones can be tried again.
import type { Hono } from 'hono';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import { listEditions } from '../editions/index.ts';
import { listOutbox, retryMessage } from '../mail/index.ts';
import { fwText } from './fieldwork.i18n.ts';
import { municipalityCode } from './names.ts';
import { adminOnly } from './route-helpers.ts';
import { OutboxPage } from './views/outbox.views.tsx';

const LIMIT = 500;

export function outboxRoutes(app: Hono<AuthEnv>) {
  app.get('/outbox', adminOnly, async (c) => {
    const { db, config } = c.get('deps');
    const lang = c.get('lang');
    const rawEdition = c.req.query('editie') ?? '';
    const edition = /^\d{4}$/.test(rawEdition) ? Number(rawEdition) : undefined;
    const rawCode = (c.req.query('gemeente') ?? '').trim();
    const municipality = rawCode ? municipalityCode(rawCode) : undefined;
    const messages = await listOutbox(db, { edition, municipalityCode: municipality, limit: LIMIT });
    const editions = (await listEditions(db)).map((e) => e.year);
    return page(c, <OutboxPage lang={lang} path={c.req.path} session={c.get('session')} messages={messages} limit={LIMIT}
      editions={editions} filter={{ edition, municipality }} smtp={!!config.smtpUrl}
      notice={c.req.query('opnieuw') === '1' ? fwText(lang, 'outbox.retried') : undefined} />);
  });

  app.post('/outbox/:id/opnieuw', adminOnly, async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,15}$/.test(id)) return c.notFound();
    const { db, now } = c.get('deps');
    await retryMessage(db, Number(id), now());
    return c.redirect('/beheer/outbox?opnieuw=1', 303);
  });
}
