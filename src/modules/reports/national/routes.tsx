// Public national results: /resultaten, /resultaten/:year, …/respons, …/thema/:theme and the
// PDF. Only published editions; anything else is a 404, so an edition cannot leak early.
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../web/context.ts';
import { MessagePage } from '../../../web/layout.tsx';
import { bodyBytes, type HtmlBytes, htmlBytes, page, sendHtml } from '../../../web/render.ts';
import { cachedResults } from './cache.ts';
import { publishedEditions, type ResultsData } from './data.ts';
import { rt } from './i18n.ts';
import { nationalReportPdf } from './pdf/build.ts';
import { ListPage, ResponsePage, SummaryPage, ThemePage } from './views/pages.tsx';
import { ReportTextPage } from '../../report-text/public.views.tsx';

function notFound(c: Context<AppEnv>) {
  const lang = c.get('lang') ?? 'nl';
  return page(c, <MessagePage lang={lang} path={c.req.path} title={rt(lang, 'notFound.title')} body={rt(lang, 'notFound.body')} back="/resultaten" />, 404);
}

/** PDFs by the (cached) data they were made from: a new fingerprint gives a new data object. */
const pdfs = new WeakMap<ResultsData, Map<string, Buffer>>();

/** Rendered pages (as bytes) per data object and path+language: charts are drawn once per change of data. */
const rendered = new WeakMap<ResultsData, Map<string, HtmlBytes>>();

function cachedPage(c: Context<AppEnv>, data: ResultsData, render: () => unknown) {
  let pages = rendered.get(data);
  if (!pages) rendered.set(data, (pages = new Map()));
  const key = `${c.get('lang')}|${c.req.path}`;
  let html = pages.get(key);
  if (html === undefined) pages.set(key, (html = htmlBytes(render())));
  return sendHtml(c, html);
}

async function results(c: Context<AppEnv>): Promise<ResultsData | undefined> {
  const year = c.req.param('year') ?? '';
  if (!/^\d{4}$/.test(year)) return undefined;
  return cachedResults(c.get('deps').db, Number(year));
}

export const nationalResultsRoutes = new Hono<AppEnv>()
  .get('/resultaten', async (c) => {
    const editions = await publishedEditions(c.get('deps').db);
    return page(c, <ListPage lang={c.get('lang')} path={c.req.path} editions={editions} />);
  })
  .get('/resultaten/:year', async (c) => {
    const data = await results(c);
    if (!data) return notFound(c);
    return cachedPage(c, data, () => <SummaryPage lang={c.get('lang')} path={c.req.path} data={data} />);
  })
  .get('/resultaten/:year/respons', async (c) => {
    const data = await results(c);
    if (!data) return notFound(c);
    return cachedPage(c, data, () => <ResponsePage lang={c.get('lang')} path={c.req.path} data={data} />);
  })
  .get('/resultaten/:year/rapport', async (c) => {
    const data = await results(c);
    if (!data) return notFound(c);
    return cachedPage(c, data, () => <ReportTextPage lang={c.get('lang')} path={c.req.path} data={data} />);
  })
  .get('/resultaten/:year/thema/:theme', async (c) => {
    const data = await results(c);
    const theme = data?.questionnaire.themes.find((t) => t.key === c.req.param('theme'));
    if (!data || !theme) return notFound(c);
    return cachedPage(c, data, () => <ThemePage lang={c.get('lang')} path={c.req.path} data={data} theme={theme} />);
  })
  .get('/resultaten/:year/rapport.pdf', async (c) => {
    const data = await results(c);
    if (!data) return notFound(c);
    const lang = c.get('lang');
    let made = pdfs.get(data);
    if (!made) pdfs.set(data, (made = new Map()));
    const pdf = made.get(lang) ?? await nationalReportPdf(data, lang, c.get('deps').now());
    made.set(lang, pdf);
    return c.body(bodyBytes(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="een-tegen-eenzaamheid-${data.year}.pdf"`,
    });
  });
