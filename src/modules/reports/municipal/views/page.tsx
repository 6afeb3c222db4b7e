// The whole report: a short introduction, the three parts in order, and the page frame — the public
// layout for a municipality, the administration's for staff. A narrative page, read top to bottom.
import { formatDate } from '../../../../web/i18n.ts';
import { Layout } from '../../../../web/layout.tsx';
import { AdminLayout } from '../../../admin/index.ts';
import type { Session } from '../../../auth/index.ts';
import { factsheetUrl } from '../../factsheet/url.ts';
import { municipalities, rt } from '../i18n.ts';
import type { MunicipalReport } from '../model.ts';
import { LonelinessPart } from './loneliness.tsx';
import { type AdvisorMode, MorePart } from './more.tsx';
import { type CompareWith, PracticePart } from './practice.tsx';

/** The report's own styles (screen and print), after the site's. In <body>: allowed for stylesheets. */
export function ReportStyles({ admin }: { admin: boolean }) {
  return (
    <>
      {/* The site layout links these in its head; the admin layout does not. */}
      {admin ? <link rel="stylesheet" href="/static/results.css" /> : null}
      {admin ? <link rel="stylesheet" href="/static/report.css" /> : null}
    </>
  );
}

export type ReportView = { r: MunicipalReport; theme: string; base: string; mode: AdvisorMode; compare?: CompareWith };

export function ReportBody({ r, theme, base, mode, compare }: ReportView) {
  const lang = r.lang;
  const name = r.municipality.name;
  return (
    <article class="municipal-report">
      {r.example ? (
        <div class="notice notice--warn"><p><strong>{rt(lang, 'example.title')}.</strong> {rt(lang, 'example.body', { name })}</p></div>
      ) : null}
      <h1>{rt(lang, 'title', { name })}</h1>
      <p class="lead">{rt(lang, 'lead', { year: r.edition })}</p>
      {r.published ? null : (
        <div class="notice notice--warn" id="voorlopig">
          <p><strong>{rt(lang, 'prov.title')}.</strong> {rt(lang, 'prov.body', { year: r.edition, municipalities: municipalities(lang, r.respondents) })}</p>
        </div>
      )}
      <p>
        {r.submittedAt ? `${rt(lang, 'submitted', { date: formatDate(lang, r.submittedAt) })} ` : null}
        {rt(lang, r.respondents === 1 ? 'context.one' : 'context', { n: r.respondents, year: r.edition })} {rt(lang, 'noJudgement')}
      </p>
      <p class="no-print"><a href={factsheetUrl(base, r.edition, r.municipality.code)} download>{rt(lang, 'factsheet.download')}</a></p>
      <nav class="report-toc" aria-label={rt(lang, 'toc')}>
        <ul>
          <li><a href="#eenzaamheid">{rt(lang, 'part1')}</a></li>
          <li><a href="#wat-nu">{rt(lang, 'part2')}</a></li>
          <li><a href="#meer-doen">{rt(lang, 'part3')}</a></li>
        </ul>
      </nav>
      <LonelinessPart r={r} />
      <PracticePart r={r} theme={theme} base={base} compare={compare} />
      <MorePart r={r} mode={mode} />
    </article>
  );
}

type Frame = { path: string; session?: Session };

export function ReportPage(props: ReportView & Frame) {
  const { r, path, session } = props;
  const title = rt(r.lang, 'title', { name: r.municipality.name });
  const body = <><ReportStyles admin={!!session} /><ReportBody {...props} /></>;
  return session
    ? <AdminLayout lang={r.lang} title={title} path={path} session={session}>{body}</AdminLayout>
    : <Layout lang={r.lang} title={title} path={path}>{body}</Layout>;
}
