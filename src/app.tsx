// createApp({ db, config, now }) → the whole web product as one Hono app (no port, no globals).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { isUrlencoded, nodeIncoming, readUrlencoded } from './web/urlencoded-body.ts';
import { createAdminRoutes } from './modules/admin/index.ts';
import { createAdvisorRoutes } from './modules/advisors/index.ts';
import { createEditionAdminRoutes } from './modules/edition-admin/index.ts';
import { createReportTextRoutes } from './modules/report-text/index.ts';
import { createQuestionnaireSheetRoutes } from './modules/questionnaire-sheet/index.ts';
import { createFieldworkRoutes } from './modules/fieldwork/index.ts';
import { createMunicipalityAdminRoutes } from './modules/municipality-admin/index.ts';
import { responseDashboardRoutes } from './modules/response-dashboard/index.ts';
import { openAnswersRoutes } from './modules/open-answers/index.ts';
import { wijkFigureRoutes } from './modules/wijk-figures/index.ts';
import { registerRoutes } from './modules/register/index.ts';
import { populationRoutes } from './modules/population/index.ts';
import { dataAdminRoutes } from './modules/data-admin/index.ts';
import { privacyRoutes } from './modules/privacy/index.ts';
import { createAuthRoutes, type SendNoLink, type SendSignInLink } from './modules/auth/index.ts';
import { enqueueIf } from './modules/mail/index.ts';
import { createMetrics, metricsRoutes, observeRequests, routePattern, fallbackLogger } from './modules/operations/index.ts';
import { LIST_LIMITS } from './modules/spreadsheet/index.ts';
import { homeRoutes } from './web/home.tsx';
import { siteInfoRoutes } from './modules/site-info/index.ts';
import { factsheetRoutes } from './modules/reports/factsheet/index.ts';
import { municipalReportRoutes, staffReportRoutes } from './modules/reports/municipal/index.ts';
import { nationalResultsRoutes } from './modules/reports/national/index.ts';
import { responsesRoutes } from './modules/responses/index.ts';
import type { AppEnv, Deps } from './web/context.ts';
import { t } from './web/i18n.ts';
import { language } from './web/lang.ts';
import { securityHeaders } from './web/security-headers.ts';
import { NL_DESIGN_SYSTEM_CSS, nlDesignSystemCss } from './web/nl-design-system.ts';
import { MessagePage } from './web/layout.tsx';
import { page } from './web/render.ts';

const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'web', 'static');
const staticFiles = new Map(
  fs.readdirSync(staticDir).map((f) => [f, fs.readFileSync(path.join(staticDir, f))]),
);
staticFiles.set(NL_DESIGN_SYSTEM_CSS, nlDesignSystemCss());
/** Forms are small; only the administration (/beheer/) takes file uploads. */
const FORM_BYTES = 2 * 1024 * 1024;
const UPLOAD_BYTES = 25 * 1024 * 1024;
/**
 * Spreadsheet uploads (contact list, advisors, questionnaire workbook) take files of at most 5 MB
 * (modules/spreadsheet); a larger body is refused before its form is parsed, since parsing a
 * multipart body holds the server for tens of milliseconds per megabyte (issue 21).
 */
const SHEET_UPLOAD = /^\/beheer\/(adviseurs|edities\/\d+\/(contacten|spreadsheet))\/?$/;
const SHEET_UPLOAD_BYTES = LIST_LIMITS.bytes + 64 * 1024;
const mime: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

/** Connection-level failures mean the database is away: a 503, not a 500. */
function isDatabaseDown(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', '57P01', '57P03', '08006', '08001'].includes(code) ||
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Query read timeout/i.test(String((err as Error)?.message));
}

/**
 * An error for the log without the values it may quote: PostgreSQL and JSON.parse put the input in
 * their messages ('invalid input syntax for type integer: "jan@gemeente.nl"'), and a log must not
 * hold personal data. The error's kind and code stay.
 */
function redact(err: unknown): string {
  const e = err as { name?: string; code?: string; message?: string };
  const message = String(e?.message ?? err)
    .replace(/"[^"]*"|'[^']*'|“[^”]*”/g, '"…"')
    .replace(/[^\s@"'<>]+@[^\s@"'<>]+/g, '…@…');
  return `${e?.name ?? 'Error'}${e?.code ? ` ${e.code}` : ''}: ${message.slice(0, 300)}`;
}

export type AppOptions = { sendSignInLink?: SendSignInLink };

export function createApp(deps: Deps, opts: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Sign-in links go out through the outbox like every other e-mail. For an unknown address the
  // sign-in page does the same INSERT, inserting nothing: the time taken does not tell (issue 21.5).
  const signInMail = (to: string, url: string) => ({ kind: 'sign-in', to, subject: 'Inloggen bij de benchmark Eén tegen eenzaamheid',
    text: `Goedendag,\n\nMet deze link logt u in (15 minuten geldig, één keer te gebruiken):\n${url}\n\nHeeft u niet gevraagd om in te loggen? Dan kunt u deze e-mail negeren.\n\nBenchmark Eén tegen eenzaamheid` });
  const sendSignInLink: SendSignInLink =
    opts.sendSignInLink ?? ((to, url) => enqueueIf(deps.db, true, signInMail(to, url), deps.now()));
  const sendNoLink: SendNoLink | undefined =
    opts.sendSignInLink ? undefined : (url) => enqueueIf(deps.db, false, signInMail('niemand@example.invalid', url), deps.now());
  // First, so the log line and the metrics see every request with its whole duration and final status.
  const log = deps.log ?? fallbackLogger;
  const metrics = deps.metrics ?? (deps.config.metricsToken ? createMetrics(deps.db) : undefined);
  app.use(observeRequests(log, metrics));
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"],
      },
      // Personal links carry their token in the path: never send it to another site. (Not
      // 'no-referrer': then browsers post forms with Origin: null and CSRF checks refuse them.)
      referrerPolicy: 'same-origin',
      strictTransportSecurity: deps.config.baseUrl.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Forms are small; only the administration takes file uploads. Too large: 413 with a page.
  const message = (c: Context<AppEnv>, key: 'page.badForm' | 'page.tooLarge' | 'page.sheetTooLarge' | 'page.badAddress', status: 400 | 413) => {
    const lang = c.get('lang') ?? 'nl';
    return page(c, <MessagePage lang={lang} path={c.req.path} title={t(lang, `${key}.title`)} body={t(lang, `${key}.body`)} />, status);
  };
  const tooLarge = (c: Context<AppEnv>) => message(c, 'page.tooLarge', 413);
  const smallBody = bodyLimit({ maxSize: FORM_BYTES, onError: tooLarge });
  const uploadBody = bodyLimit({ maxSize: UPLOAD_BYTES, onError: tooLarge });
  const sheetBody = bodyLimit({ maxSize: SHEET_UPLOAD_BYTES, onError: (c) => message(c, 'page.sheetTooLarge', 413) });
  // Requests without a body skip the limit: reading `body` on Node makes a whole web Request (and an
  // abort listener that is only freed after a later garbage collection) for every page view.
  const withoutBody = (c: Context<AppEnv>) => c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS';
  app.use(async (c, next) => {
    if (withoutBody(c)) return next();
    const upload = c.req.path.startsWith('/beheer/');
    const incoming = nodeIncoming(c.env);
    if (incoming && isUrlencoded(c.req.header('content-type'))) {
      const form = await readUrlencoded(incoming, upload ? UPLOAD_BYTES : FORM_BYTES).catch(() => undefined);
      if (form === undefined) return message(c, 'page.badForm', 400);
      if (form === 'tooLarge') return tooLarge(c);
      c.req.bodyCache.formData = Promise.resolve(form) as unknown as FormData;
      return next();
    }
    if (upload && SHEET_UPLOAD.test(c.req.path)) return sheetBody(c, next);
    return upload ? uploadBody(c, next) : smallBody(c, next);
  });
  app.use(language);
  // A NUL character (%00) in the address is never meant and PostgreSQL cannot compare text with
  // it (a 500 from whichever query meets it first): 400 for the whole address, path and query.
  app.use(async (c, next) => (c.req.url.includes('%00') ? message(c, 'page.badAddress', 400) : next()));
  // A form body that cannot be parsed (a broken multipart body) is the sender's fault: 400, not a
  // 500 from whichever guard or route reads it first. Parsed once here; Hono caches the form data,
  // which is where NUL characters are taken out of field names, values and file names: no person
  // types them, and PostgreSQL cannot store them in text (a 500 on whatever saves it).
  app.use(async (c, next) => {
    if (withoutBody(c)) return next();
    try {
      await c.req.parseBody();
    } catch {
      return message(c, 'page.badForm', 400);
    }
    const form = (await c.req.bodyCache.formData) as FormData | undefined;
    const nul = (s: string) => s.includes('\u0000');
    if (form && [...form.entries()].some(([k, v]) => nul(k) || nul(typeof v === 'string' ? v : v.name))) {
      const clean = new FormData();
      const strip = (s: string) => s.split('\u0000').join('');
      for (const [k, v] of form.entries()) clean.append(strip(k), typeof v === 'string' ? strip(v) : new File([v], strip(v.name), { type: v.type }));
      c.req.bodyCache.formData = Promise.resolve(clean) as unknown as FormData;
    }
    return next();
  });

  app.get('/healthz', async (c) => {
    try {
      await deps.db.query('SELECT 1');
      return c.text('ok');
    } catch {
      return c.text('database unavailable', 503);
    }
  });
  app.get('/static/:file', (c) => {
    const file = c.req.param('file');
    const body = staticFiles.get(file);
    if (!body) return c.notFound();
    return c.body(body, 200, { 'content-type': mime[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600' });
  });
  if (metrics && deps.config.metricsToken) app.route('/', metricsRoutes(metrics, deps.config.metricsToken));
  app.route('/', homeRoutes);
  app.route('/', siteInfoRoutes);
  app.route('/', responsesRoutes);
  app.route('/', nationalResultsRoutes);
  app.route('/', municipalReportRoutes);
  app.route('/', staffReportRoutes);
  app.route('/', factsheetRoutes);
  app.route('/', createAuthRoutes({ sendSignInLink, sendNoLink }));
  app.route('/beheer/gegevens', dataAdminRoutes);
  app.route('/beheer/privacy', privacyRoutes);
  app.route('/beheer', createAdminRoutes({ sendSignInLink }));
  app.route('/beheer', createEditionAdminRoutes());
  app.route('/beheer', createReportTextRoutes());
  app.route('/beheer', createQuestionnaireSheetRoutes());
  app.route('/beheer', createMunicipalityAdminRoutes());
  app.route('/beheer', createFieldworkRoutes());
  app.route('/beheer', createAdvisorRoutes());
  app.route('/beheer', responseDashboardRoutes);
  app.route('/beheer', openAnswersRoutes);
  app.route('/beheer', wijkFigureRoutes);
  app.route('/beheer', registerRoutes);
  app.route('/beheer', populationRoutes);

  app.notFound((c) => {
    const lang = c.get('lang') ?? 'nl';
    return page(c, <MessagePage lang={lang} path={c.req.path} title={t(lang, 'page.notFound.title')} body={t(lang, 'page.notFound.body')} />, 404);
  });
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    const lang = c.get('lang') ?? 'nl';
    const down = isDatabaseDown(err);
    if (!down) log.error({ reqId: c.get('reqId'), method: c.req.method, route: routePattern(c), err: redact(err) }, 'request failed');
    else log.warn({ reqId: c.get('reqId'), method: c.req.method, route: routePattern(c), err: redact(err) }, 'database unavailable');
    const key = down ? 'page.unavailable' : 'page.error';
    return page(c, <MessagePage lang={lang} path={c.req.path} title={t(lang, `${key}.title`)} body={t(lang, `${key}.body`)} />, down ? 503 : 500);
  });
  return app;
}
