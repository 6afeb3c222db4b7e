// The phone round: the call list of an edition, logging a call, and the reminder button.
// Bureau and advisors only; an advisor gets 404 for a municipality outside the region.
import { type Context, Hono } from 'hono';
import { readForm } from '../../web/form.ts';
import { dutchDay } from '../../web/i18n.ts';
import { page } from '../../web/render.ts';
import { requestLog } from '../operations/index.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { readCall } from './call-form.ts';
import { listCalls, logCall } from './calls.repo.ts';
import { chooseEdition } from './edition-choice.ts';
import { type SendOneReminder, safeBack, withResult } from './reminder.ts';
import { advisorFilter, inScope, scopeOf } from './scope.ts';
import { listStatuses, type MunicipalityStatus } from './status.repo.ts';
import { CallListPage } from './views/call-list-page.tsx';
import { CallPage } from './views/call-page.tsx';

const YEAR = ':year{[0-9]{4}}';
const CODE = ':code{GM[0-9]{4}}';

/** The municipality of the URL if the edition exists and the user may see it; else undefined (404). */
async function municipalityOf(c: Context<AuthEnv>): Promise<{ year: number; m: MunicipalityStatus } | undefined> {
  const { db } = c.get('deps');
  const edition = await chooseEdition(db, c.req.param('year'), c.get('deps').now());
  const code = c.req.param('code') ?? '';
  if (!edition || !(await inScope(db, await scopeOf(db, c.get('session').account), code))) return undefined;
  const [m] = await listStatuses(db, { edition: edition.year, code });
  return m ? { year: edition.year, m } : undefined;
}

export function callsRoutes(sendReminder?: SendOneReminder) {
  const r = new Hono<AuthEnv>();
  const callers = requireRole('admin', 'advisor');

  r.get('/bellijst', callers, async (c) => {
    const edition = await chooseEdition(c.get('deps').db, c.req.query('editie'), c.get('deps').now());
    return edition ? c.redirect(`/beheer/edities/${edition.year}/bellijst`, 303) : c.notFound();
  });

  r.get(`/edities/${YEAR}/bellijst`, callers, async (c) => {
    const { db } = c.get('deps');
    const edition = await chooseEdition(db, c.req.param('year'), c.get('deps').now());
    if (!edition) return c.notFound();
    const scope = await scopeOf(db, c.get('session').account);
    const rows = await listStatuses(db, { edition: edition.year, advisorId: advisorFilter(scope), nonRespondersOnly: true });
    const logged = c.req.query('vastgelegd');
    const loggedName = logged && (await inScope(db, scope, logged)) ? (await listStatuses(db, { edition: edition.year, code: logged }))[0]?.name : undefined;
    return page(c,
      <CallListPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={edition.year} years={edition.years}
        rows={rows} canRemind={edition.open && Boolean(sendReminder)} loggedName={loggedName}
        reminder={{ result: c.req.query('herinnering'), code: c.req.query('gemeente') }} />,
    );
  });

  r.get(`/edities/${YEAR}/bellijst/${CODE}`, callers, async (c) => {
    const found = await municipalityOf(c);
    if (!found) return c.notFound();
    const { db, now } = c.get('deps');
    return page(c,
      <CallPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={found.year} m={found.m}
        calls={await listCalls(db, found.year, found.m.code)} values={{ calledOn: dutchDay(now()), outcome: '', note: '' }} errors={[]} />,
    );
  });

  r.post(`/edities/${YEAR}/bellijst/${CODE}`, callers, async (c) => {
    const found = await municipalityOf(c);
    if (!found) return c.notFound();
    const { db, now } = c.get('deps');
    const { values, errors, call } = readCall(await readForm(c), now());
    if (!call) {
      return page(c,
        <CallPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={found.year} m={found.m}
          calls={await listCalls(db, found.year, found.m.code)} values={values} errors={errors} />, 400);
    }
    await logCall(db, { ...call, edition: found.year, municipalityCode: found.m.code, accountId: c.get('session').account.id }, now());
    return c.redirect(`/beheer/edities/${found.year}/bellijst?vastgelegd=${found.m.code}`, 303);
  });

  r.post(`/edities/${YEAR}/bellijst/${CODE}/herinnering`, callers, async (c) => {
    const found = await municipalityOf(c);
    if (!found) return c.notFound();
    const { db, now, config } = c.get('deps');
    const back = safeBack((await readForm(c)).terug?.[0], `/beheer/edities/${found.year}/bellijst`);
    const { m, year } = found;
    let result: string;
    if (!sendReminder) result = 'unavailable';
    else if (m.status === 'not_invited' || m.status === 'submitted') result = m.status;
    else {
      try {
        const sent = await sendReminder(db, { edition: year, municipalityCode: m.code, requestedBy: c.get('session').account, baseUrl: config.baseUrl, now: now() });
        result = sent.sent ? (sent.kind === 'invitation' ? 'invited' : 'sent') : sent.reason;
      } catch (e) {
        // The kind of error only: a database or mail error may quote an address.
        requestLog(c).error({ edition: year, municipality: m.code, err: (e as Error).name }, 'reminder not sent');
        result = 'failed';
      }
    }
    return c.redirect(withResult(back, result, m.code), 303);
  });

  return r;
}
