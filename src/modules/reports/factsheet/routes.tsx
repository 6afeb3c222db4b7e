// Who may download which factsheet — the same rules as the web report, so a factsheet never shows
// more than its report:
// - /v/:token/factsheet.pdf — the municipality itself, after submitting; the personal link fixes
//   edition and municipality, so there is nothing to change in the address.
// - /beheer/factsheet/:year/:code.pdf — bureau and ministry all, an advisor only the own region
//   (404 otherwise, so guessing reveals nothing); the example is open to all staff.
// - /beheer/factsheets/:year.zip and /beheer/factsheets — the bureau: every factsheet at once.
// - /voorbeeld/factsheet.pdf — anyone: the fictitious Gravendonck, promotion material.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { t } from '../../../web/i18n.ts';
import { MessagePage } from '../../../web/layout.tsx';
import { bodyBytes, page } from '../../../web/render.ts';
import { inScope, scopeOf } from '../../advisors/index.ts';
import { type AuthEnv, requireRole } from '../../auth/index.ts';
import { EXAMPLE_MUNICIPALITY, exampleEdition } from '../../demo/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { findVisit, unknownLink } from '../../responses/index.ts';
import { isExample, rt } from '../municipal/index.ts';
import { FactsheetsPage, listFactsheetEditions } from './admin-page.tsx';
import { factsheetsZip } from './batch.ts';
import { buildFactsheet } from './model.ts';
import type { NationalProfile } from './national.ts';
import { buildFactsheetPdf, factsheetPdf } from './pdf.ts';

type Headers = Record<string, string>;
/** Personal documents: never in a shared cache, never in a search engine. */
const PRIVATE: Headers = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };

function pdfResponse(c: Context, pdf: Buffer, filename: string, disposition: 'attachment' | 'inline', headers: Headers = PRIVATE) {
  return c.body(bodyBytes(pdf), 200, {
    ...headers, 'content-type': 'application/pdf', 'content-disposition': `${disposition}; filename="${filename}"`,
  });
}

const fileName = (edition: number, code: string) => `factsheet-${edition}-${code}.pdf`;

// The example changes only with the national figures, so it is made once per national profile
// (a new profile when anything it depends on changed) and language: a public URL costs no CPU.
const examples = new WeakMap<NationalProfile, Map<Lang, Buffer>>();

async function examplePdf(c: Context<AuthEnv>): Promise<Buffer | undefined> {
  const { db, now } = c.get('deps');
  const lang = c.get('lang');
  const edition = await exampleEdition(db);
  const f = edition === undefined ? undefined : await buildFactsheet(db, edition, EXAMPLE_MUNICIPALITY.code, lang);
  if (!f) return undefined;
  let made = examples.get(f.profile);
  if (!made) examples.set(f.profile, (made = new Map()));
  const pdf = made.get(lang) ?? await factsheetPdf(f, now());
  made.set(lang, pdf);
  return pdf;
}

export const factsheetRoutes = new Hono<AuthEnv>()
  .get('/v/:token/factsheet.pdf', async (c) => {
    const { db, now } = c.get('deps');
    const lang = c.get('lang');
    const visit = await findVisit(db, c.req.param('token'));
    const message = (title: string, body: string) => {
      c.header('cache-control', 'no-store');
      return page(c, <MessagePage lang={lang} path={c.req.path} title={title} body={body} />, 404);
    };
    // Guessing links is limited here as on the questionnaire (one count for all link pages).
    if (!visit) return unknownLink(c, () => message(t(lang, 'link.invalid.title'), t(lang, 'link.invalid.body')));
    if (!visit.response?.submittedAt) return message(rt(lang, 'notYet.title'), rt(lang, 'notYet.body', { year: visit.edition }));
    const pdf = await buildFactsheetPdf(db, visit.edition, visit.municipalityCode, { lang, now: now() });
    if (!pdf) return message(t(lang, 'link.invalid.title'), t(lang, 'link.invalid.body'));
    return pdfResponse(c, pdf, fileName(visit.edition, visit.municipalityCode), 'attachment');
  })
  .get('/voorbeeld/factsheet.pdf', async (c) => {
    const pdf = await examplePdf(c);
    if (!pdf) return c.notFound();
    return pdfResponse(c, pdf, `factsheet-voorbeeld-${EXAMPLE_MUNICIPALITY.name.toLowerCase()}.pdf`, 'inline', { 'cache-control': 'public, max-age=3600' });
  })
  .get('/beheer/factsheet/:year/:file{GM[0-9]+\\.pdf}', requireRole('admin', 'ministry', 'advisor'), async (c) => {
    const { db, now } = c.get('deps');
    const year = c.req.param('year');
    const code = c.req.param('file').slice(0, 6);
    if (!/^\d{4}$/.test(year) || !/^GM\d{4}$/.test(code) || c.req.param('file').length !== 10) return c.notFound();
    const edition = Number(year);
    if (!(await isExample(db, edition, code)) && !(await inScope(db, await scopeOf(db, c.get('session').account), code))) return c.notFound();
    const pdf = await buildFactsheetPdf(db, edition, code, { lang: c.get('lang'), now: now() });
    if (!pdf) return c.notFound();
    return pdfResponse(c, pdf, fileName(edition, code), 'attachment');
  })
  .get('/beheer/factsheets/:file{[0-9]+\\.zip}', requireRole('admin'), async (c) => {
    const { db, now } = c.get('deps');
    const file = c.req.param('file');
    if (!/^\d{4}\.zip$/.test(file)) return c.notFound();
    const edition = Number(file.slice(0, 4));
    const zip = await factsheetsZip(db, edition, { lang: c.get('lang'), now: now() });
    if (!zip) return c.notFound();
    return c.body(bodyBytes(zip), 200, {
      ...PRIVATE, 'content-type': 'application/zip', 'content-disposition': `attachment; filename="factsheets-${edition}.zip"`,
    });
  })
  .get('/beheer/factsheets', requireRole('admin'), async (c) => {
    const editions = await listFactsheetEditions(c.get('deps').db);
    return page(c, <FactsheetsPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} editions={editions} />);
  });
