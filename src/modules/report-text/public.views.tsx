// The bureau's text on the public results pages: a chapter where it belongs (summary, response,
// a theme) and all chapters on /resultaten/:year/rapport. Placeholders resolved from the same data
// the page's charts use; one that no longer resolves shows "–".
import { raw } from 'hono/html';
import type { Lang } from '../questionnaire/index.ts';
import type { ResultsData } from '../reports/national/data.ts';
import { ResultsPage } from '../reports/national/views/shell.tsx';
import { renderHtml } from './markdown.model.ts';
import { createResolver } from './placeholder.model.ts';
import { type PlacedChapter, placedChapters } from './published.model.ts';

const resolvers = new WeakMap<ResultsData, Map<Lang, ReturnType<typeof createResolver>>>();

function resolverFor(data: ResultsData, lang: Lang) {
  let byLang = resolvers.get(data);
  if (!byLang) resolvers.set(data, (byLang = new Map()));
  let r = byLang.get(lang);
  if (!r) byLang.set(lang, (r = createResolver(data, lang)));
  return r;
}

function ChapterBody({ data, chapter, headingBase }: { data: ResultsData; chapter: PlacedChapter; headingBase: number }) {
  const { html } = renderHtml(chapter.body, resolverFor(data, chapter.lang).resolve, { headingBase });
  return <div class="report-text" lang={chapter.lang}>{raw(html)}</div>;
}

/** The text of the chapters placed with the summary, the response or one theme, under the page's own h1. */
export function PlacedText({ lang, data, where }: { lang: Lang; data: ResultsData; where: 'summary' | 'response' | { theme: string } }) {
  const chapters = placedChapters(data, lang).filter((c) =>
    typeof where === 'string' ? c.placement.kind === where : c.placement.kind === 'theme' && c.placement.theme === where.theme);
  if (!chapters.length) return null;
  return <>{chapters.map((c) => <ChapterBody data={data} chapter={c} headingBase={2} />)}</>;
}

/** Whether the edition has any published text (the results navigation then offers the report page). */
export function hasText(data: ResultsData, lang: Lang): boolean {
  return placedChapters(data, lang).length > 0;
}

const TITLE = { nl: 'Rapport {year}', en: 'Report {year}' } as const;
const NONE = { nl: 'Voor deze editie is geen rapporttekst gepubliceerd.', en: 'No report text has been published for this edition.' } as const;

export function reportPageTitle(lang: Lang, year: number): string {
  return TITLE[lang].replace('{year}', String(year));
}

/** /resultaten/:year/rapport: every chapter in order, each with its own heading. */
export function ReportTextPage({ lang, path, data }: { lang: Lang; path: string; data: ResultsData }) {
  const chapters = placedChapters(data, lang);
  const title = reportPageTitle(lang, data.year);
  return (
    <ResultsPage lang={lang} data={data} path={path} title={title}>
      <h1>{title}</h1>
      {chapters.length ? null : <p>{NONE[lang]}</p>}
      {chapters.length > 1 ? (
        <nav aria-labelledby="inhoud-rapport">
          <h2 id="inhoud-rapport" class="visually-hidden">{lang === 'nl' ? 'Inhoud' : 'Contents'}</h2>
          <ol>{chapters.map((c) => <li><a href={`#h-${c.slug}`}>{c.title}</a></li>)}</ol>
        </nav>
      ) : null}
      {chapters.map((c) => (
        <section aria-labelledby={`h-${c.slug}`}>
          <h2 id={`h-${c.slug}`}>{c.title}</h2>
          <ChapterBody data={data} chapter={c} headingBase={3} />
        </section>
      ))}
    </ResultsPage>
  );
}
