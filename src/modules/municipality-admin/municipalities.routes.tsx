// /beheer/edities/:year/gemeenten (list) and …/gemeenten/:code (one municipality), and reopening.
// Bureau and ministry see every municipality, an advisor only their region (others: 404).
import type { Context, Hono } from 'hono';
import { readForm } from '../../web/form.ts';
import { tx } from '../../web/i18n.ts';
import { page } from '../../web/render.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { type Edition, editionState, getEdition } from '../editions/index.ts';
import { byHandNotice } from '../fieldwork/index.ts';
import { listOutbox } from '../mail/index.ts';
import { currentAnswers, listChanges, loadAnswers } from '../responses/index.ts';
import { canSeeMunicipality, visibleCodes } from './access.ts';
import { reopenWithReason } from './correction.service.ts';
import { callsOf, contactsOf, reopeningsOf } from './details.repo.ts';
import { type MaKey, maText } from './municipality-admin.i18n.ts';
import { schemaFeatures } from './schema.ts';
import { filterRows, listStatusRows, type StatusRow } from './status.repo.ts';
import { MunicipalityListPage } from './views/list.views.tsx';
import { MunicipalityPage, type Notice } from './views/municipality.views.tsx';

type C = Context<AuthEnv>;
export const viewers = requireRole('admin', 'ministry', 'advisor');
export const admins = requireRole('admin');
export const PAGE = '/edities/:year{[0-9]{4}}/gemeenten/:code{GM[0-9]{4}}';

/** The edition and municipality of the URL, if both exist and the user may see it. */
export async function found(c: C): Promise<{ e: Edition; row: StatusRow } | undefined> {
  const { db } = c.get('deps');
  const code = c.req.param('code') ?? '';
  const e = await getEdition(db, Number(c.req.param('year')));
  if (!e || !(await canSeeMunicipality(db, c.get('session'), code))) return undefined;
  const [row] = await listStatusRows(db, e.year, { code });
  return row ? { e, row } : undefined;
}

export async function municipalityPage(c: C, extra: { reason?: string; reasonError?: MaKey; notice?: Notice } = {}, status: 200 | 400 | 409 = 200) {
  const hit = await found(c);
  if (!hit) return c.notFound();
  const { db, now } = c.get('deps');
  const { e, row } = hit;
  const lang = c.get('lang');
  const session = c.get('session');
  const f = await schemaFeatures(db);
  const notices: Notice[] = extra.notice ? [extra.notice] : [];
  const done = c.req.query('klaar');
  const theme = e.questionnaire.themes.find((t) => t.key === c.req.query('thema'));
  if (done === 'heropend') notices.push({ kind: 'ok', text: maText(lang, 'done.heropend') });
  if (done === 'gecorrigeerd' && theme) notices.push({ kind: 'ok', text: maText(lang, 'done.gecorrigeerd', { theme: tx(lang, theme.title) }) });
  const byHand = byHandNotice(c, lang, new Map([[row.code, row.name]]));
  if (byHand) notices.push(byHand);
  const acts = session.account.role !== 'ministry';
  return page(c,
    <MunicipalityPage lang={lang} path={c.req.path} session={session} year={e.year} state={editionState(e, now())} qn={e.questionnaire} row={row}
      contacts={await contactsOf(db, f, e.year, row.code)} mails={await listOutbox(db, { edition: e.year, municipalityCode: row.code })}
      calls={await callsOf(db, f, e.year, row.code)} callsHref={f.calls && acts ? `/beheer/edities/${e.year}/bellijst/${row.code}` : undefined}
      answers={row.responseId ? currentAnswers(await loadAnswers(db, row.responseId)) : undefined}
      changes={row.responseId ? await listChanges(db, row.responseId) : []} reopenings={await reopeningsOf(db, f, row.responseId)}
      hasReopenLog={f.reopenings} reason={extra.reason} reasonError={extra.reasonError ? maText(lang, extra.reasonError) : undefined} notices={notices} />,
    status);
}

export function municipalityRoutes(app: Hono<AuthEnv>) {
  // The menu's entry: the edition in fieldwork now (open), else the newest that was opened, else the newest.
  app.get('/gemeenten', viewers, async (c) => {
    const row = await c.get('deps').db.one<{ year: number }>(
      `SELECT year FROM editions ORDER BY (opened_at IS NOT NULL AND closed_at IS NULL AND published_at IS NULL) DESC,
         (opened_at IS NOT NULL) DESC, year DESC LIMIT 1`,
    );
    return row ? c.redirect(`/beheer/edities/${row.year}/gemeenten`, 303) : c.notFound();
  });

  app.get('/edities/:year{[0-9]{4}}/gemeenten', viewers, async (c) => {
    const { db } = c.get('deps');
    const e = await getEdition(db, Number(c.req.param('year')));
    if (!e) return c.notFound();
    const codes = await visibleCodes(db, c.get('session'));
    const all = await listStatusRows(db, e.year, { codes });
    const filter = { province: c.req.query('provincie') || undefined, status: c.req.query('status') || undefined, search: c.req.query('zoek')?.trim() || undefined };
    const provinces = [...new Map(all.map((r) => [r.provinceCode, { code: r.provinceCode, name: r.provinceName }])).values()]
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    return page(c, <MunicipalityListPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={e.year}
      rows={filterRows(all, filter)} total={all.length} provinces={provinces} filter={filter} />);
  });

  app.get(PAGE, viewers, (c) => municipalityPage(c));

  app.post(`${PAGE}/heropenen`, admins, async (c) => {
    const hit = await found(c);
    if (!hit) return c.notFound();
    const { db, now } = c.get('deps');
    const reason = ((await readForm(c)).reden?.[0] ?? '').replace(/\r\n/g, '\n').trim();
    const problem = hit.row.responseId === null ? 'notSubmitted' : await reopenWithReason(db, {
      responseId: hit.row.responseId, responseStatus: hit.row.responseStatus, state: editionState(hit.e, now()),
      reason, account: c.get('session').account, now: now(),
    });
    if (problem === 'reason' || problem === 'reasonLong') return municipalityPage(c, { reason, reasonError: `reopen.error.${problem}` }, 400);
    if (problem) return municipalityPage(c, { notice: { kind: 'warn', text: maText(c.get('lang'), `reopen.error.${problem}`) } }, 409);
    return c.redirect(`/beheer/edities/${hit.e.year}/gemeenten/${hit.row.code}?klaar=heropend`, 303);
  });
}
