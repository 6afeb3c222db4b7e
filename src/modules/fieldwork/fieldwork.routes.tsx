// The fieldwork pages under /beheer, for the bureau (admin) only:
//   /veldwerk · /edities/:year/contacten · /edities/:year/uitnodigen · /edities/:year/sjablonen
//   /edities/:year/gemeenten/:code/versturen (POST) · /outbox
import { Hono } from 'hono';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import { invitedCountSql, listEditions } from '../editions/index.ts';
import { contactsRoutes } from './contacts.routes.tsx';
import { inviteRoutes } from './invite.routes.tsx';
import { outboxRoutes } from './outbox.routes.tsx';
import { adminOnly } from './route-helpers.ts';
import { templatesRoutes } from './templates.routes.tsx';
import { FieldworkStartPage } from './views/start.views.tsx';

/** Mount at /beheer: `app.route('/beheer', createFieldworkRoutes())`. */
export function createFieldworkRoutes() {
  const app = new Hono<AuthEnv>();
  app.get('/veldwerk', adminOnly, async (c) => {
    const { db, now } = c.get('deps');
    const counts = await db.query<{ edition: number; contacts: number; selected: number; invited: number }>(
      `SELECT e.year AS edition,
         (SELECT count(*) FROM contacts c WHERE c.edition = e.year)::int AS contacts,
         (SELECT count(*) FROM invitations i WHERE i.edition = e.year)::int AS selected,
         ${invitedCountSql('e')} AS invited
       FROM editions e`,
    );
    const byYear = new Map(counts.map((r) => [r.edition, r]));
    const rows = (await listEditions(db)).reverse().map((edition) => ({
      edition, contacts: byYear.get(edition.year)?.contacts ?? 0, selected: byYear.get(edition.year)?.selected ?? 0, invited: byYear.get(edition.year)?.invited ?? 0,
    }));
    return page(c, <FieldworkStartPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} rows={rows} now={now()} />);
  });
  contactsRoutes(app);
  inviteRoutes(app);
  templatesRoutes(app);
  outboxRoutes(app);
  return app;
}
