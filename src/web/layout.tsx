// The page frame: skip link, header with language switch, main, footer. No inline script or style (CSP).
import type { Child } from 'hono/jsx';
import type { Lang } from '../modules/questionnaire/questionnaire.model.ts';
import { FooterLinks } from '../modules/site-info/footer.views.tsx';
import { t } from './i18n.ts';

export type PageProps = {
  lang: Lang;
  title: string;
  /** Path of this page, for the language switch link. */
  path: string;
  children: Child;
};

export function languageSwitchHref(path: string, lang: Lang): string {
  // One leading slash: "//a%00" would be read as a host name (and throw, even on the error page).
  const url = new URL(path.replace(/^\/+/, '/'), 'http://x');
  url.searchParams.set('lang', lang === 'nl' ? 'en' : 'nl');
  return url.pathname + url.search;
}

export function Layout({ lang, title, path, children }: PageProps) {
  const other = lang === 'nl' ? 'en' : 'nl';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t(lang, 'site.name')}`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {/* NL Design System first (decision 020); our own CSS after it, for layout, charts and the report. */}
        <link rel="stylesheet" href="/static/nl-design-system.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="stylesheet" href="/static/results.css" />
        <link rel="stylesheet" href="/static/report.css" />
        <script src="/static/app.js" defer></script>
      </head>
      <body class="rhc-theme utrecht-document utrecht-document--surface">
        <a class="skip-link" href="#inhoud">{t(lang, 'nav.skip')}</a>
        <header class="site-header utrecht-page-header">
          <div class="container header-row">
            <a class="site-name" href="/">{t(lang, 'site.name')}</a>
            <nav class="site-nav" aria-label={t(lang, 'nav.label')}>
              <a class="utrecht-link" href="/resultaten">{t(lang, 'nav.results')}</a>
              <a class="utrecht-link" href="/beheer">{t(lang, 'nav.staff')}</a>
              <a class="lang-switch utrecht-link" href={languageSwitchHref(path, lang)} hreflang={other} lang={other} aria-label={t(lang, 'nav.languageLabel')}>
                {t(lang, 'nav.language')}
              </a>
            </nav>
          </div>
        </header>
        <main id="inhoud" class="container" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer utrecht-page-footer rhc-page-footer">
          <div class="container">
            <p>{t(lang, 'footer.about')}</p>
            <p>{t(lang, 'site.owner')}. {t(lang, 'footer.data')}</p>
            <FooterLinks lang={lang} />
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A simple page with a heading and a paragraph, for errors and notices. */
export function MessagePage(props: { lang: Lang; path: string; title: string; body: string; back?: string }) {
  return (
    <Layout lang={props.lang} title={props.title} path={props.path}>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.back ? <p><a class="utrecht-link" href={props.back}>{t(props.lang, 'page.back')}</a></p> : <p><a class="utrecht-link" href="/">{t(props.lang, 'nav.home')}</a></p>}
    </Layout>
  );
}
