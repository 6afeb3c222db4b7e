// The live response: /beheer/edities/:year/respons for the bureau and the ministry (everything)
// and advisors (their region only); /beheer/respons goes to the current edition.
import { Hono } from 'hono';
import { page } from '../../web/render.ts';
import { advisorFilter, chooseEdition, scopeOf } from '../advisors/index.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { mapGeometry } from '../register/index.ts';
import { summarize } from './response.model.ts';
import { responseRows } from './response.repo.ts';
import { timeline } from './timeline.model.ts';
import { timelineInput } from './timeline.repo.ts';
import { ResponsePage } from './views/response-page.tsx';

export const responseDashboardRoutes = new Hono<AuthEnv>();
const everyone = requireRole('admin', 'ministry', 'advisor');

responseDashboardRoutes.get('/respons', everyone, async (c) => {
  const edition = await chooseEdition(c.get('deps').db, c.req.query('editie'), c.get('deps').now());
  return edition ? c.redirect(`/beheer/edities/${edition.year}/respons`, 303) : c.notFound();
});

responseDashboardRoutes.get('/edities/:year{[0-9]{4}}/respons', everyone, async (c) => {
  const { db } = c.get('deps');
  const edition = await chooseEdition(db, c.req.param('year'), c.get('deps').now());
  if (!edition) return c.notFound();
  const scope = await scopeOf(db, c.get('session').account);
  const advisorId = advisorFilter(scope);
  const summary = summarize(await responseRows(db, edition.year, advisorId), edition.year);
  const region = advisorId === undefined ? undefined : new Set(
    (await db.query<{ code: string }>('SELECT municipality_code AS code FROM advisor_municipalities WHERE advisor_id = $1', [advisorId])).map((r) => r.code),
  );
  const names = await db.query<{ name: string }>(
    'SELECT name FROM municipalities WHERE year = $1 AND code = ANY($2) ORDER BY name', [edition.registerYear, [...summary.responded]],
  );
  const steps = timeline(await timelineInput(db, edition.year, summary.invited, c.get('deps').now()));
  return page(c,
    <ResponsePage lang={c.get('lang')} path={c.req.path} session={c.get('session')} summary={summary} years={edition.years} timeline={steps}
      registerYear={edition.registerYear} geometry={await mapGeometry(db, edition.registerYear)} region={region} respondedNames={names.map((n) => n.name)} />,
  );
});
