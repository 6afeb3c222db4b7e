// Part 1, "Eenzaamheid in uw gemeente": a sentence or two that say what the figures mean, then the
// wijken on a map coloured by the share of lonely adults (a wijk without figures hatched) with the
// table beside it as its text alternative; without wijk boundaries, the ranked chart per wijk
// instead. Always with source, year and what kind of figures.
import { raw } from 'hono/html';
import { type BarGroup, barChart, swatchSvg } from '../../../../web/charts/index.ts';
import type { Lang } from '../../../questionnaire/index.ts';
import type { MunicipalWijkFigures, RegionFigures } from '../../../wijk-figures/index.ts';
import { pct, rt } from '../i18n.ts';
import type { MunicipalReport } from '../model.ts';
import { type WijkMapView, wijkMapView } from '../wijk-map.ts';

// The chart is the slow part of a page (Observable Plot on a DOM shim) and the same for every
// visit, so the SVG is kept per exact input; bounded, oldest out first.
const svgCache = new Map<string, string>();
function cachedChart(spec: Parameters<typeof barChart>[0]): string {
  const key = JSON.stringify(spec);
  let svg = svgCache.get(key);
  if (svg === undefined) {
    svg = barChart(spec);
    if (svgCache.size >= 300) svgCache.delete(svgCache.keys().next().value as string);
    svgCache.set(key, svg);
  }
  return svg;
}

/** More wijken than this: the chart shows the highest ones (the table always has them all). */
export const CHART_MAX_WIJKEN = 20;

const value = (lang: Lang, v: number | undefined) => (v === undefined ? rt(lang, 'wijk.missing') : pct(lang, v));

function group(lang: Lang, label: string, r: RegionFigures, hollow: boolean): BarGroup {
  const row = (key: 'eenzaam' | 'ernstig_eenzaam', text: string, series: number) => ({
    label: text, value: r.values[key] ?? null, valueLabel: r.values[key] === undefined ? undefined : pct(lang, r.values[key] as number),
    note: rt(lang, 'wijk.missing'), series, hollow,
  });
  return { label, rows: [row('eenzaam', rt(lang, 'wijk.lonely'), 1), row('ernstig_eenzaam', rt(lang, 'wijk.severe'), 0)] };
}

function chart(lang: Lang, name: string, f: MunicipalWijkFigures): string {
  const refs = [
    ...(f.municipality ? [group(lang, rt(lang, 'wijk.municipality', { name }), f.municipality, true)] : []),
    ...(f.national ? [group(lang, rt(lang, 'wijk.nl'), f.national, true)] : []),
  ];
  return cachedChart({
    id: 'wijk-chart',
    title: rt(lang, 'wijk.chart.title', { name, year: f.year }),
    description: rt(lang, 'wijk.chart.desc'),
    groups: [...refs, ...f.wijken.slice(0, CHART_MAX_WIJKEN).map((w) => group(lang, w.name, w, false))],
    seriesCount: 2,
    axisLabel: rt(lang, 'wijk.axis'),
    max: 100,
  });
}

function Summary({ lang, name, f }: { lang: Lang; name: string; f: MunicipalWijkFigures }) {
  const m = f.municipality?.values;
  const n = f.national?.values;
  const ranked = f.wijken.filter((w) => w.values.eenzaam !== undefined);
  const [high, low] = [ranked[0], ranked[ranked.length - 1]];
  return (
    <p class="lead">
      {m?.eenzaam !== undefined && m.ernstig_eenzaam !== undefined ? `${rt(lang, 'wijk.summary', { name, lonely: pct(lang, m.eenzaam), severe: pct(lang, m.ernstig_eenzaam) })} ` : null}
      {n?.eenzaam !== undefined && n.ernstig_eenzaam !== undefined ? `${rt(lang, 'wijk.summaryNational', { lonely: pct(lang, n.eenzaam), severe: pct(lang, n.ernstig_eenzaam) })} ` : null}
      {ranked.length > 1 ? rt(lang, 'wijk.highest', { wijk: high.name, value: value(lang, high.values.eenzaam), low: low.name, lowValue: value(lang, low.values.eenzaam) }) : null}
    </p>
  );
}

function Table({ lang, name, f, without = [] }: { lang: Lang; name: string; f: MunicipalWijkFigures; without?: WijkMapView['withoutFigures'] }) {
  const row = (label: string, r: RegionFigures, total = false) => (
    <tr class={total ? 'total' : undefined}>
      <th scope="row">{label}</th>
      <td class="num">{value(lang, r.values.eenzaam)}</td>
      <td class="num">{value(lang, r.values.ernstig_eenzaam)}</td>
    </tr>
  );
  return (
    <section class="table-scroll" aria-labelledby="wijk-tabel" tabindex={0}>
      <table class="data-table">
        <caption id="wijk-tabel">{rt(lang, 'wijk.table', { year: f.year })}</caption>
        <thead><tr><th scope="col">{rt(lang, 'wijk.wijk')}</th><th scope="col" class="num">{rt(lang, 'wijk.lonely')}</th><th scope="col" class="num">{rt(lang, 'wijk.severe')}</th></tr></thead>
        <tbody>
          {f.wijken.map((w) => row(w.name, w))}
          {without.map((w) => (
            <tr><th scope="row">{w.name}</th><td class="num">{rt(lang, 'wijk.map.none')}</td><td class="num">{rt(lang, 'wijk.map.none')}</td></tr>
          ))}
          {f.municipality ? row(rt(lang, 'wijk.municipality', { name }), f.municipality, true) : null}
          {f.national ? row(rt(lang, 'wijk.nl'), f.national) : null}
        </tbody>
      </table>
    </section>
  );
}

/** The map with its legend and caption, and the table beside it (below it on a narrow screen). */
function WijkMap({ r, f, map }: { r: MunicipalReport; f: MunicipalWijkFigures; map: WijkMapView }) {
  const lang = r.lang;
  return (
    <div class="wijk-map-layout">
      <figure class="chart-figure wijk-map">
        {raw(map.svg)}
        <p class="map-legend-title" id="wijk-legenda">{rt(lang, 'wijk.map.legend')}</p>
        <ul class="map-legend" aria-labelledby="wijk-legenda">
          {map.legend.map((l, i) => <li>{raw(swatchSvg(l.fill, `wijk-legenda-${i}`))} {l.text}</li>)}
        </ul>
        <figcaption>
          {rt(lang, 'wijk.source', { source: f.source, year: f.year })}{' '}
          {f.synthetic ? rt(lang, 'wijk.syntheticNote') : rt(lang, 'wijk.estimates')}{' '}
          {rt(lang, 'wijk.map.boundaries', { year: map.boundaryYear })}
        </figcaption>
      </figure>
      <Table lang={lang} name={r.municipality.name} f={f} without={map.withoutFigures} />
    </div>
  );
}

export function LonelinessPart({ r }: { r: MunicipalReport }) {
  const { lang, loneliness: f } = r;
  const name = r.municipality.name;
  const map = wijkMapView(r);
  return (
    <section class="report-part" aria-labelledby="eenzaamheid">
      <h2 id="eenzaamheid">{rt(lang, 'part1')}</h2>
      {!f ? <p>{rt(lang, 'wijk.none', { name })}</p> : (
        <>
          <p>{rt(lang, 'wijk.intro')}</p>
          {f.synthetic ? (
            <div class="notice notice--warn"><p><strong>{rt(lang, 'wijk.synthetic.title')}.</strong> {rt(lang, 'wijk.synthetic.body')}</p></div>
          ) : null}
          <Summary lang={lang} name={name} f={f} />
          {map ? <WijkMap r={r} f={f} map={map} /> : (
          <>
          <figure class="chart-figure wijk-chart">
            {raw(chart(lang, name, f))}
            <figcaption>
              {rt(lang, 'wijk.source', { source: f.source, year: f.year })}{' '}
              {f.synthetic ? rt(lang, 'wijk.syntheticNote') : rt(lang, 'wijk.estimates')}
              {f.wijken.length > CHART_MAX_WIJKEN ? ` ${rt(lang, 'wijk.chartTop', { shown: CHART_MAX_WIJKEN, n: f.wijken.length })}` : null}
            </figcaption>
          </figure>
          <Table lang={lang} name={name} f={f} />
          </>
          )}
        </>
      )}
    </section>
  );
}
