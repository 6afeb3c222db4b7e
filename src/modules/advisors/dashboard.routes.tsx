// An advisor's overview: /beheer/mijn-gemeenten for the advisor, /beheer/adviseurs/:id for the
// bureau and the ministry (read-only for the ministry). An advisor never sees another's.
import { Hono } from 'hono';
import { page } from '../../web/render.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { advisorOfAccount, findAdvisor } from './advisors.repo.ts';
import { chooseEdition } from './edition-choice.ts';
import type { SendOneReminder } from './reminder.ts';
import { mayAct } from './scope.ts';
import { listStatuses } from './status.repo.ts';
import { DashboardPage } from './views/dashboard-page.tsx';

export function dashboardRoutes(sendReminder?: SendOneReminder) {
  const r = new Hono<AuthEnv>();

  r.get('/mijn-gemeenten', requireRole('admin', 'ministry', 'advisor'), async (c) => {
    const { db } = c.get('deps');
    const session = c.get('session');
    // The bureau and the ministry have no region of their own: they choose an advisor.
    if (session.account.role !== 'advisor') return c.redirect('/beheer/adviseurs', 303);
    const edition = await chooseEdition(db, c.req.query('editie'), c.get('deps').now());
    if (!edition) return c.notFound();
    const advisor = await advisorOfAccount(db, session.account.id);
    const rows = advisor ? await listStatuses(db, { edition: edition.year, advisorId: advisor.id }) : [];
    return page(c,
      <DashboardPage lang={c.get('lang')} path={c.req.path} session={session} advisorName={advisor?.name ?? session.account.name}
        own={true} year={edition.year} years={edition.years} rows={rows} canAct={true} canRemind={edition.open && Boolean(sendReminder)}
        reminder={{ result: c.req.query('herinnering'), code: c.req.query('gemeente') }} />,
    );
  });

  r.get('/adviseurs/:id{[0-9]+}', requireRole('admin', 'ministry'), async (c) => {
    const { db } = c.get('deps');
    const session = c.get('session');
    const advisor = await findAdvisor(db, Number(c.req.param('id')));
    const edition = await chooseEdition(db, c.req.query('editie'), c.get('deps').now());
    if (!advisor || !edition) return c.notFound();
    const rows = await listStatuses(db, { edition: edition.year, advisorId: advisor.id });
    const canAct = mayAct(session.account);
    return page(c,
      <DashboardPage lang={c.get('lang')} path={c.req.path} session={session} advisorName={advisor.name} own={false}
        year={edition.year} years={edition.years} rows={rows} canAct={canAct} canRemind={canAct && edition.open && Boolean(sendReminder)}
        reminder={{ result: c.req.query('herinnering'), code: c.req.query('gemeente') }} />,
    );
  });

  return r;
}
