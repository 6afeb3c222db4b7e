// The frame of every results page: the site layout with a sub-navigation of the edition's parts.
import { tx } from '../../../../web/i18n.ts';
import type { Child } from 'hono/jsx';
import { Layout } from '../../../../web/layout.tsx';
import type { Lang, Theme } from '../../../questionnaire/index.ts';
import type { ResultsData } from '../data.ts';
import { rt } from '../i18n.ts';

export function themeTitle(lang: Lang, theme: Theme): string {
  const title = tx(lang, theme.title);
  if (theme.kind === 'actielijn' && theme.number) return rt(lang, 'theme.actielijn', { n: theme.number, title });
  if (theme.kind === 'pijler' && theme.number) return rt(lang, 'theme.pijler', { n: theme.number, title });
  return rt(lang, 'theme.other', { title });
}

export function ResultsNav({ lang, data, current }: { lang: Lang; data: ResultsData; current: string }) {
  const base = `/resultaten/${data.year}`;
  const link = (href: string, text: string) => (
    <li>
      <a href={href} aria-current={href === current ? 'page' : undefined}>{text}</a>
    </li>
  );
  return (
    <nav class="results-nav" aria-label={rt(lang, 'nav.label', { year: data.year })}>
      <ul>
        {link(base, rt(lang, 'nav.summary'))}
        {link(`${base}/respons`, rt(lang, 'nav.response'))}
        {/* The bureau's text (issue 18), once published */}
        {data.text?.chapters.some((ch) => ch.body.nl.trim()) ? link(`${base}/rapport`, lang === 'nl' ? 'Rapport' : 'Report') : null}
        {data.questionnaire.themes.map((t) => link(`${base}/thema/${t.key}`, tx(lang, t.short)))}
        {link(`${base}/rapport.pdf`, rt(lang, 'nav.pdf'))}
      </ul>
    </nav>
  );
}

export function ResultsPage(props: { lang: Lang; data: ResultsData; path: string; title: string; children: Child }) {
  return (
    <Layout lang={props.lang} title={props.title} path={props.path}>
      <ResultsNav lang={props.lang} data={props.data} current={props.path} />
      {props.children}
    </Layout>
  );
}
