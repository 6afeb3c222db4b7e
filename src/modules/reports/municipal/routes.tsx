// Who may read a municipal report, and where:
// - /v/:token/rapport — the municipality itself; its personal link is the credential (no account,
//   no session). The token fixes edition and municipality, so there is no code or year to change.
//   Before the municipality has submitted: a page saying the report comes after sending.
// - /beheer/rapport/:year/:code — the bureau and the ministry (all), an advisor only for the
//   municipalities of their own region; anything else is a 404, so guessing reveals nothing.
//   Gravendonck (the fictitious example) is open to every member of staff: it is promotion material.
// - POST /v/:token/rapport/adviseur — asks the advisor for a conversation (one a day).
// - /voorbeeld/rapport — anyone: Gravendonck's report, as the example factsheet is (promotion).
import { Hono } from 'hono';
import type { Db } from '../../../db/client.ts';
import { MicroCache } from '../../../web/micro-cache.ts';
import { SameInputsCache } from '../../../web/same-inputs-cache.ts';
import type { AppEnv, Ctx } from '../../../web/context.ts';
import { readForm } from '../../../web/form.ts';
import { t } from '../../../web/i18n.ts';
import { Layout, MessagePage } from '../../../web/layout.tsx';
import { type HtmlBytes, htmlBytes, page, sendHtml } from '../../../web/render.ts';
import { inScope, scopeOf } from '../../advisors/index.ts';
import { type AuthEnv, authText, isCrossSite, requireRole } from '../../auth/index.ts';
import { EXAMPLE_MUNICIPALITY, exampleEdition } from '../../demo/index.ts';
import { findVisit, unknownLink } from '../../responses/index.ts';
import { readRequest, requestConversation } from './advisor-request.ts';
import { advisorOf, assembleReport, buildMunicipalReport, isExample, type ReportIdentity, reportIdentity, reportInputs, sameReport } from './data.ts';
import { rt } from './i18n.ts';
import type { MunicipalReport } from './model.ts';
import { RequestFormView } from './views/more.tsx';
import { ReportPage, ReportStyles } from './views/page.tsx';
import { ALL_THEMES, chosenCompare } from './views/practice.tsx';

function chosenTheme(r: MunicipalReport, asked: string | undefined): string {
  if (asked === ALL_THEMES || r.themes.some((t) => t.key === asked)) return asked as string;
  return r.themes[0]?.key ?? ALL_THEMES;
}

/** Personal pages: never in a shared cache, never in a search engine. */
function privateHeaders(c: { header: (name: string, value: string) => void }) {
  c.header('cache-control', 'no-store');
  c.header('x-robots-tag', 'noindex, nofollow');
}

/** The address for the language switch: this page with its theme, without one-off notices. */
function pagePath(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('verzoek');
  return u.pathname + u.search;
}

function invalidLink(c: Ctx) {
  const lang = c.get('lang');
  return page(c, <MessagePage lang={lang} path={c.req.path} title={t(lang, 'link.invalid.title')} body={t(lang, 'link.invalid.body')} />, 404);
}

type BuiltReport = { kind: 'page'; html: HtmlBytes } | { kind: 'invalid' } | { kind: 'notYet'; edition: number };

/**
 * Rendered report pages per address and language, made at most once a second: the report is read
 * far more often than it changes (and the figures beside it are rechecked once a second anyway).
 * Only whole report pages are kept; a wrong link or "not yet sent" is asked every time.
 */
const reportPages = new WeakMap<Db, MicroCache<BuiltReport>>();
function reportPagesOf(db: Db): MicroCache<BuiltReport> {
  let cache = reportPages.get(db);
  if (!cache) reportPages.set(db, (cache = new MicroCache<BuiltReport>()));
  return cache;
}

/**
 * Behind that: the page last made per address and language, given again while what it was made
 * from is the same (sameReport: the shared context unchanged, the own rows equal). Checking
 * costs a query; making the page again costs several ms — done every second for every report read,
 * that was half the server's work under many readers.
 */
const madePages = new WeakMap<Db, SameInputsCache<ReportIdentity, HtmlBytes>>();
function madePagesOf(db: Db): SameInputsCache<ReportIdentity, HtmlBytes> {
  let cache = madePages.get(db);
  if (!cache) madePages.set(db, (cache = new SameInputsCache(sameReport)));
  return cache;
}

async function respondentReport(c: Ctx, token: string, key: string): Promise<BuiltReport> {
  const { db } = c.get('deps');
  const visit = await findVisit(db, token);
  if (!visit) return { kind: 'invalid' };
  if (!visit.response?.submittedAt) return { kind: 'notYet', edition: visit.edition };
  const inputs = await reportInputs(db, visit.edition, visit.municipalityCode);
  if (!inputs) return { kind: 'invalid' };
  const html = madePagesOf(db).get(key, reportIdentity(inputs), () => {
    const r = assembleReport(inputs, c.get('lang'));
    const notice = ({ verstuurd: 'sent', eerder: 'already' } as const)[c.req.query('verzoek') ?? ''];
    const base = `/v/${token}/rapport`;
    return htmlBytes(<ReportPage r={r} path={pagePath(c.req.url)} base={base} theme={chosenTheme(r, c.req.query('thema'))} compare={chosenCompare(r, c.req.query('vergelijk'))}
      mode={{ kind: 'respondent', notice, form: { action: `${base}/adviseur` } }} />);
  });
  return { kind: 'page', html };
}

export const municipalReportRoutes = new Hono<AppEnv>()
  .get('/v/:token/rapport', async (c) => {
    const { db } = c.get('deps');
    const lang = c.get('lang');
    const token = c.req.param('token');
    privateHeaders(c);
    const u = new URL(c.req.url);
    const key = `${lang}|${u.pathname}${u.search}`;
    const built = await reportPagesOf(db).get(key, () => respondentReport(c, token, key), (b) => b.kind === 'page');
    // Guessing links is limited here as on the questionnaire (one count for all link pages).
    if (built.kind === 'invalid') return unknownLink(c, () => invalidLink(c));
    if (built.kind === 'notYet') {
      return page(c, (
        <Layout lang={lang} title={rt(lang, 'notYet.title')} path={c.req.path}>
          <h1>{rt(lang, 'notYet.title')}</h1>
          <p>{rt(lang, 'notYet.body', { year: built.edition })}</p>
          <p><a href={`/v/${token}`}>{rt(lang, 'notYet.link')}</a></p>
        </Layout>
      ));
    }
    return sendHtml(c, built.html);
  })
  .get('/voorbeeld/rapport', async (c) => {
    const { db } = c.get('deps');
    const edition = await exampleEdition(db);
    const r = edition === undefined ? undefined : await buildMunicipalReport(db, edition, EXAMPLE_MUNICIPALITY.code, c.get('lang'));
    if (!r) return c.notFound();
    return page(c, <ReportPage r={r} path={pagePath(c.req.url)} base={c.req.path} theme={chosenTheme(r, c.req.query('thema'))} compare={chosenCompare(r, c.req.query('vergelijk'))}
      mode={{ kind: 'example' }} />);
  })
  .post('/v/:token/rapport/adviseur', async (c) => {
    const { db, now, config } = c.get('deps');
    const lang = c.get('lang');
    const token = c.req.param('token');
    privateHeaders(c);
    // No session, so no CSRF token: the personal link is the credential. A form posted from
    // another site is still refused.
    if (isCrossSite(c)) {
      return page(c, <MessagePage lang={lang} path={c.req.path} title={authText(lang, 'csrf.title')} body={authText(lang, 'csrf.body')} back={`/v/${token}/rapport`} />, 403);
    }
    const visit = await findVisit(db, token);
    if (!visit) return unknownLink(c, () => invalidLink(c));
    const base = `/v/${token}/rapport`;
    const advisor = await advisorOf(db, visit.municipalityCode);
    if (!visit.response?.submittedAt || !advisor) return c.redirect(base, 303);
    const { values, errors } = readRequest(lang, await readForm(c));
    if (Object.keys(errors).length) {
      return page(c, (
        <Layout lang={lang} title={`${rt(lang, 'err.title')}: ${rt(lang, 'adv.form')}`} path={c.req.path}>
          <ReportStyles admin={false} />
          <h1>{rt(lang, 'adv.title')}</h1>
          <RequestFormView lang={lang} advisorName={advisor.name} form={{ action: `${base}/adviseur`, values, errors }} level={2} />
          <p><a href={`${base}#adviseur`}>{rt(lang, 'title', { name: visit.municipalityName ?? visit.municipalityCode })}</a></p>
        </Layout>
      ), 400);
    }
    const outcome = await requestConversation(db, {
      edition: visit.edition, code: visit.municipalityCode, municipalityName: visit.municipalityName ?? visit.municipalityCode,
      advisor, values, baseUrl: config.baseUrl, now: now(),
    });
    return c.redirect(`${base}?verzoek=${outcome === 'sent' ? 'verstuurd' : 'eerder'}#adviseur`, 303);
  });

export const staffReportRoutes = new Hono<AuthEnv>()
  .get('/beheer/rapport/:year/:code', requireRole('admin', 'ministry', 'advisor'), async (c) => {
    const { db } = c.get('deps');
    const { year, code } = c.req.param();
    if (!/^\d{4}$/.test(year) || !/^GM\d{4}$/.test(code)) return c.notFound();
    const edition = Number(year);
    const example = await isExample(db, edition, code);
    const session = c.get('session');
    if (!example && !(await inScope(db, await scopeOf(db, session.account), code))) return c.notFound();
    const r = await buildMunicipalReport(db, edition, code, c.get('lang'));
    if (!r) return c.notFound();
    privateHeaders(c);
    return page(c, <ReportPage r={r} path={pagePath(c.req.url)} base={c.req.path} theme={chosenTheme(r, c.req.query('thema'))} compare={chosenCompare(r, c.req.query('vergelijk'))}
      session={session} mode={{ kind: example ? 'example' : 'staff' }} />);
  });
