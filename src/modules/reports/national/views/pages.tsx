// The results pages: the list of published editions, the summary, the response and a theme.
import { raw } from 'hono/html';
import { formatDate, tx } from '../../../../web/i18n.ts';
import { Layout } from '../../../../web/layout.tsx';
import type { Lang, Theme } from '../../../questionnaire/index.ts';
import type { ResultsData } from '../data.ts';
import { figureNumbers, mapChart, provinceCharts, provinceGroups, questionCharts } from '../figures.ts';
import { narrowBarChart } from '../../../../web/charts/index.ts';
import { formatPercent, rt } from '../i18n.ts';
import { questionResult, themeQuestions } from '../questions.ts';
import { keyFigures, responseSentences } from '../summary.ts';
import { QuestionBlock } from './question.tsx';
import { hasText, PlacedText, reportPageTitle } from '../../../report-text/public.views.tsx';
import { ResultsPage, themeTitle } from './shell.tsx';
import { ResponseTable } from './tables.tsx';
import { TimelineStepsTable, timelineFigure } from '../../../response-dashboard/index.ts';

export function ListPage({ lang, path, editions }: { lang: Lang; path: string; editions: Array<{ year: number; publishedAt: Date }> }) {
  return (
    <Layout lang={lang} title={rt(lang, 'list.title')} path={path}>
      <h1>{rt(lang, 'list.title')}</h1>
      <p class="lead">{rt(lang, 'list.intro')}</p>
      {editions.length ? (
        <ul class="edition-list">
          {editions.map((e) => (
            <li>
              <a href={`/resultaten/${e.year}`}>{rt(lang, 'list.item', { year: e.year })}</a>{' '}
              <span class="muted">({rt(lang, 'list.published', { date: formatDate(lang, e.publishedAt) })})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{rt(lang, 'list.none')}</p>
      )}
    </Layout>
  );
}

export function SummaryPage({ lang, path, data }: { lang: Lang; path: string; data: ResultsData }) {
  const figures = keyFigures(data, lang);
  const title = rt(lang, 'summary.title', { year: data.year });
  return (
    <ResultsPage lang={lang} data={data} path={path} title={title}>
      <h1>{title}</h1>
      <p class="lead">{rt(lang, 'summary.lead', { year: data.year })}</p>
      <PlacedText lang={lang} data={data} where="summary" />
      {hasText(data, lang) ? <p><a href={`/resultaten/${data.year}/rapport`}>{reportPageTitle(lang, data.year)}</a></p> : null}
      <h2>{rt(lang, 'summary.response')}</h2>
      {responseSentences(lang, data).map((s) => <p>{s}</p>)}
      <h2>{rt(lang, 'summary.key')}</h2>
      {figures.length ? (
        // Key figures as a visual (issue 18.4): the big number, a small bar with a mark at the
        // edition before, then the sentence, which says it all in words. The bar is SVG attributes,
        // not inline styles (CSP), and decorative: the number and sentence carry the meaning.
        <ul class="key-figures">
          {figures.map((f) => (
            <li class="key-figure">
              <span class="key-figure-value">{formatPercent(lang, f.pct)}</span>
              <svg class="key-figure-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect width="100" height="10" fill="#dce6f0" />
                <rect width={String(Math.min(100, Math.max(0, f.pct)))} height="10" fill="#154273" />
                {f.previous ? <rect x={String(Math.min(99, Math.max(0, f.previous.pct - 0.5)))} width="1" height="10" fill="#1a1a1a" /> : null}
              </svg>
              <span class="key-figure-text">
                {f.text}
                {f.previous ? <span class="muted"> ({rt(lang, 'summary.compare', { edition: f.previous.edition, pct: formatPercent(lang, f.previous.pct) })})</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{rt(lang, 'summary.noKey')}</p>
      )}
      <h2>{rt(lang, 'summary.themes')}</h2>
      <ul>
        {data.questionnaire.themes.map((t) => (
          <li>
            <a href={`/resultaten/${data.year}/thema/${t.key}`}>{themeTitle(lang, t)}</a>
          </li>
        ))}
      </ul>
    </ResultsPage>
  );
}

export function ResponsePage({ lang, path, data }: { lang: Lang; path: string; data: ResultsData }) {
  const title = rt(lang, 'response.title', { year: data.year });
  const now = data.response.get(data.year);
  const byProvince = data.provinces
    .map((p) => ({
      p,
      names: [...(now?.respondents ?? [])]
        .map((code) => data.municipalities.get(code))
        .filter((m) => m?.province === p.code)
        .map((m) => m?.name as string)
        .sort((a, b) => a.localeCompare(b, 'nl')),
    }))
    .filter((x) => x.names.length);
  return (
    <ResultsPage lang={lang} data={data} path={path} title={title}>
      <h1>{title}</h1>
      <PlacedText lang={lang} data={data} where="response" />
      {responseSentences(lang, data).map((s) => <p>{s}</p>)}
      <p>{rt(lang, 'response.perQuestion')}</p>
      <h2>{rt(lang, 'response.byMunicipality')}</h2>
      <figure class="chart-figure chart-figure--map">
        {raw(mapChart(lang, data))}
        <figcaption>
          {rt(lang, 'figure.label', { n: 1 })}. {rt(lang, 'response.mapTitle', { year: data.year })}. {rt(lang, 'response.source', { registerYear: data.registerYear })}
        </figcaption>
      </figure>
      <details class="municipality-list">
        <summary>{rt(lang, 'response.list', { year: data.year, n: now?.responded ?? 0 })}</summary>
        {byProvince.map(({ p, names }) => (
          <>
            <h3>{p.name}</h3>
            <p>{names.join(', ')}</p>
          </>
        ))}
      </details>
      <h2>{rt(lang, 'response.provinceTitle')}</h2>
      <figure class="chart-figure">
        <div class="chart-wide">{raw(provinceCharts(lang, data)[0])}</div>
        <div class="chart-narrow">{raw(narrowBarChart('fig-provinces-smal', rt(lang, 'response.provinceTitle'), provinceGroups(lang, data), data.editions.length))}</div>
        <figcaption>
          {rt(lang, 'figure.label', { n: 2 })}. {rt(lang, 'response.provinceTitle')}
        </figcaption>
      </figure>
      <ResponseTable lang={lang} data={data} />
      <TimelineFigure lang={lang} data={data} />
    </ResultsPage>
  );
}

/** Figure 3, "Respons in de tijd": the response day by day with the fieldwork steps, and the steps as its table. */
function TimelineFigure({ lang, data }: { lang: Lang; data: ResultsData }) {
  const t = data.timeline;
  const n = figureNumbers(data).get('timeline');
  if (!t || n === undefined) return null;
  return (
    <section id="verloop" aria-labelledby="verloop-kop">
      <h2 id="verloop-kop">{rt(lang, 'response.timelineTitle')}</h2>
      <p>{rt(lang, 'response.timelineIntro')}</p>
      <figure class="chart-figure chart-figure--timeline">
        {raw(timelineFigure(lang, data.year, t))}
        <figcaption>
          {rt(lang, 'figure.label', { n })}. {rt(lang, t.steps.length ? 'response.timelineCaption' : 'response.timelineCaptionPlain', { year: data.year })}
        </figcaption>
      </figure>
      {t.steps.length ? <TimelineStepsTable lang={lang} year={data.year} timeline={t} caption={rt(lang, 'response.timelineTable', { year: data.year, n })} /> : null}
    </section>
  );
}

export function ThemePage({ lang, path, data, theme }: { lang: Lang; path: string; data: ResultsData; theme: Theme }) {
  const title = themeTitle(lang, theme);
  const numbers = figureNumbers(data);
  const questions = themeQuestions(data, theme.key);
  return (
    <ResultsPage lang={lang} data={data} path={path} title={`${title} – ${data.year}`}>
      <h1>{title}</h1>
      <p class="lead">{tx(lang, theme.intro)}</p>
      <PlacedText lang={lang} data={data} where={{ theme: theme.key }} />
      {questions.length ? null : <p>{rt(lang, 'theme.noFigures')}</p>}
      {questions.length && !data.sizes ? <p class="note">{rt(lang, 'size.none', { registerYear: data.registerYear })}</p> : null}
      {questions.map((q) => {
        const r = questionResult(data, q);
        return <QuestionBlock lang={lang} data={data} r={r} figure={numbers.get(q.key) ?? 0} svg={r.rows.length ? questionCharts(lang, data, r)[0] : ''} />;
      })}
    </ResultsPage>
  );
}
