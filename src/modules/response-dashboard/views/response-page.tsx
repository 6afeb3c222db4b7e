// /beheer/edities/:year/respons: the response nationally (or in the advisor's region), per
// province with a bar chart, per advisor, on a map, and over the editions with the panel.
import { raw } from 'hono/html';
import { AdminLayout } from '../../admin/index.ts';
import { EditionPicker } from '../../advisors/views/parts.tsx';
import type { Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import type { MapGeometry } from '../../../web/charts/index.ts';
import { editionsChart, mapChart, provinceChart } from '../charts.ts';
import type { ResponseSummary } from '../response.model.ts';
import { percent, responseText as rt } from '../response.i18n.ts';
import type { Timeline } from '../timeline.model.ts';
import { CountsTable } from './counts-table.tsx';
import { TimelineSection } from './timeline-section.tsx';

export type ResponsePageProps = {
  lang: Lang;
  path: string;
  session: Session;
  summary: ResponseSummary;
  years: number[];
  registerYear: number;
  /** The register year's map; undefined when that year has none. */
  geometry?: MapGeometry;
  /** An advisor's region: only it counts. */
  region?: Set<string>;
  respondedNames: string[];
  timeline: Timeline;
};

export function ResponsePage(p: ResponsePageProps) {
  const l = p.lang;
  const s = p.summary;
  const y = s.year;
  const title = rt(l, p.region ? 'title.region' : 'title', { year: y });
  const scope = rt(l, p.region ? 'national.region' : 'national');
  const map = mapChart(l, s, p.geometry, Boolean(p.region));
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      <h1>{title}</h1>
      <EditionPicker lang={l} action="/beheer/respons" year={y} years={p.years} />
      <p class="lead">{rt(l, 'intro')}{p.region ? ` ${rt(l, 'intro.region')}` : ''}</p>
      {s.total.invited === 0 ? <p>{rt(l, 'noneInvited')}</p> : (
        <p>{rt(l, 'summary', { submitted: s.total.submitted, invited: s.total.invited, rate: percent(l, s.total.rate) })}</p>
      )}
      <h2>{scope}</h2>
      <CountsTable lang={l} caption={rt(l, 'national.caption', { year: y, scope })} first="col.scope" hideCaption
        rows={[]} total={{ label: scope, counts: s.total }} />
      <TimelineSection lang={l} year={y} timeline={p.timeline} />
      <h2>{rt(l, 'provinces')}</h2>
      <div class="chart-with-table">
        <figure>{raw(provinceChart(l, s))}</figure>
        <CountsTable lang={l} caption={rt(l, 'provinces.caption', { year: y })} first="col.province"
          rows={s.provinces.map((g) => ({ label: g.name, counts: g.counts }))} total={{ label: scope, counts: s.total }} />
      </div>
      <h2>{rt(l, 'advisors')}</h2>
      <CountsTable lang={l} caption={rt(l, 'advisors.caption', { year: y })} first="col.advisor"
        rows={s.advisors.map((g) => ({ label: g.key === '' ? rt(l, 'noAdvisor') : g.name, counts: g.counts }))} />
      <h2>{rt(l, 'map')}</h2>
      {map ? <figure class="chart-map">{raw(map)}</figure> : <p>{rt(l, 'map.missing', { year: p.registerYear })}</p>}
      <details>
        <summary>{rt(l, 'map.list', { n: p.respondedNames.length })}</summary>
        <p>{p.respondedNames.join(', ')}</p>
      </details>
      <h2>{rt(l, 'editions')}</h2>
      <div class="chart-with-table">
        <figure>{raw(editionsChart(l, s))}</figure>
        <CountsTable lang={l} caption={rt(l, 'editions.caption', { year: y })} first="col.edition"
          rows={s.editions.map((e) => ({ label: String(e.year), counts: e.counts }))} />
      </div>
      <p>{s.panel.editions.length === 0 ? rt(l, 'panel.none') : rt(l, 'panel', { size: s.panel.size, editions: s.panel.editions.join(', ') })}</p>
      {s.retained ? <p>{rt(l, 'retained', { ...s.retained, rate: percent(l, s.retained.rate), year: y })}</p> : null}
    </AdminLayout>
  );
}
