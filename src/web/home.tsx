// The public start page: what this is, and the editions with their state.
import { Hono } from 'hono';
import { exampleEdition } from '../modules/demo/index.ts';
import { editionState, listEditions } from '../modules/editions/index.ts';
import type { AppEnv } from './context.ts';
import { formatDate, t } from './i18n.ts';
import { Layout } from './layout.tsx';
import { page } from './render.ts';

export const homeRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { db, now } = c.get('deps');
  const lang = c.get('lang');
  const [editions, example] = await Promise.all([listEditions(db), exampleEdition(db)]);
  const demo = await db.one<{ demo: boolean }>(`SELECT EXISTS (SELECT 1 FROM answer_changes WHERE actor_kind = 'demo') AS demo`);
  return page(
    c,
    <Layout lang={lang} title={t(lang, 'nav.home')} path={c.req.path}>
      {demo?.demo ? (
        <div class="notice notice--warn utrecht-alert utrecht-alert--warning">
          <p><strong>{t(lang, 'home.demo.title')}.</strong> {t(lang, 'home.demo.body')}</p>
        </div>
      ) : null}
      <h1>{t(lang, 'home.title')}</h1>
      <p class="lead">{t(lang, 'home.intro')}</p>
      <h2>{t(lang, 'home.editions')}</h2>
      <ul>
        {editions.map((e) => {
          const state = editionState(e, now());
          return (
            <li>
              {t(lang, 'home.edition', { year: e.year })}: {state === 'open' && !e.closesOn
                ? t(lang, 'home.state.openUndated')
                : t(lang, `home.state.${state}`, { date: e.closesOn ? formatDate(lang, e.closesOn) : '' })}
              {state === 'published' ? <> · <a href={`/resultaten/${e.year}`}>{t(lang, 'home.results', { year: e.year })}</a></> : null}
            </li>
          );
        })}
      </ul>
      {example !== undefined ? (
        <>
          <h2>{t(lang, 'home.example')}</h2>
          <p>{t(lang, 'home.example.body', { year: example })}</p>
          <ul>
            <li><a class="utrecht-link" href="/voorbeeld/rapport">{t(lang, 'home.example.report')}</a></li>
            <li><a class="utrecht-link" href="/voorbeeld/factsheet.pdf">{t(lang, 'home.example.factsheet')}</a></li>
          </ul>
        </>
      ) : null}
      <p>{t(lang, 'home.noLink')}</p>
    </Layout>,
  );
});
