// What the Typst template (factsheet.typ) reads: every text already in the reader's language, every
// figure already formatted, and two pictures (the overview chart, the wijk map) each as an SVG file
// of shapes with its words beside it as data, for Typst to set.
import { formatDate } from '../../../web/i18n.ts';
import type { SvgPicture } from '../../../web/charts/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { pct, rt, wijkMapView } from '../municipal/index.ts';
import { LEVEL_FILL, type OverviewRow, overviewChart } from './chart.ts';
import type { Factsheet } from './model.ts';
import type { Share } from './national.ts';
import { LEVELS } from './status.ts';
import { ft } from './texts.ts';

/** What picture() in the template reads: the SVG's file, its size and words, and its alt text. */
const picture = (file: string, p: SvgPicture, alt: string) => ({ file, width: p.width, height: p.height, texts: p.texts, alt });

const shareText = (lang: Lang, s: Share | null | undefined) => (s?.percent == null ? '–' : pct(lang, s.percent));

export function factsheetData(f: Factsheet, now: Date) {
  const r = f.report;
  const lang = r.lang;
  const name = r.municipality.name;
  const n = f.profile.respondents;
  const kicker = (t: Factsheet['themes'][number]) => (t.number ? ft(lang, t.kind === 'actielijn' ? 'theme.actielijn' : 'theme.pijler', { n: t.number }) : '');
  const level = (l: Factsheet['themes'][number]['level']) => ft(lang, `level.${l}`);

  const rows: OverviewRow[] = f.themes.map((t) => {
    const shown = t.national && LEVELS.every((l) => t.national?.[l].percent != null);
    const shares = shown ? (Object.fromEntries(LEVELS.map((l) => [l, t.national?.[l].percent ?? 0])) as OverviewRow['shares']) : null;
    return {
      kicker: kicker(t), label: t.short, level: t.level, levelText: level(t.level), shares,
      sharesText: Object.fromEntries(LEVELS.map((l) => [l, shareText(lang, t.national?.[l])])) as OverviewRow['sharesText'],
      hiddenText: '–',
    };
  });
  // The alt text says everything the chart shows, row by row.
  const alt = [ft(lang, 'chart.title', { name, n }), ...rows.map((row) => row.shares
    ? ft(lang, 'chart.row', { theme: `${row.kicker} ${row.label}`, name, level: row.levelText.toLowerCase(), ...row.sharesText })
    : ft(lang, 'chart.rowHidden', { theme: `${row.kicker} ${row.label}`, name, level: row.levelText.toLowerCase() }))].join(' ');
  const chart = overviewChart({
    // The column is narrow: a long name gives way to a generic header.
    ownHeader: name.length <= 22 ? name : ft(lang, 'chart.own'), allHeader: ft(lang, 'chart.all', { n }), rows,
  });

  const rowsByKey = new Map(f.themes.flatMap((t) => t.rows.map((row) => [row.key, row])));
  const rated = f.themes.flatMap((t) => t.rows).filter((row) => row.mark !== 'none');
  const lonely = r.loneliness?.municipality?.values.eenzaam;
  const lonelyNl = r.loneliness?.national?.values.eenzaam;
  const tiles = [
    { big: ft(lang, 'tile.of', { n: f.themes.filter((t) => t.level === 'sterk').length, total: f.themes.length }), text: ft(lang, 'tile.themes', { total: f.themes.length }) },
    { big: ft(lang, 'tile.of', { n: rated.filter((row) => row.mark === 'ok').length, total: rated.length }), text: ft(lang, 'tile.rows') },
    ...(lonely !== undefined && lonelyNl !== undefined
      ? [{ big: pct(lang, lonely), text: ft(lang, r.loneliness?.synthetic ? 'tile.lonelySynthetic' : 'tile.lonely', { nl: pct(lang, lonelyNl) }) }]
      : []),
  ];
  // Part 1 of the report on a page of its own: the wijk map (legend drawn in) and its figures as
  // text, so the PDF names every wijk even where Typst turns the map's text into shapes.
  const map = wijkMapView(r, { legendInSvg: true, id: 'wijk-kaart-pdf' });
  const lf = r.loneliness;
  const value = (v: number | undefined) => (v === undefined ? rt(lang, 'wijk.missing') : pct(lang, v));
  const wijken = map && lf ? {
    title: rt(lang, 'part1'),
    intro: rt(lang, 'wijk.intro'),
    map: picture('/wijken.svg', map, `${rt(lang, 'wijk.map.title', { name, year: lf.year })}. ${rt(lang, 'wijk.map.desc')}`),
    caption: rt(lang, 'wijk.table', { year: lf.year }),
    head: [rt(lang, 'wijk.wijk'), rt(lang, 'wijk.lonely'), rt(lang, 'wijk.severe')],
    rows: [
      ...lf.wijken.map((w) => [w.name, value(w.values.eenzaam), value(w.values.ernstig_eenzaam)]),
      ...map.withoutFigures.map((w) => [w.name, rt(lang, 'wijk.map.none'), rt(lang, 'wijk.map.none')]),
      ...(lf.municipality ? [[rt(lang, 'wijk.municipality', { name }), value(lf.municipality.values.eenzaam), value(lf.municipality.values.ernstig_eenzaam)]] : []),
      ...(lf.national ? [[rt(lang, 'wijk.nl'), value(lf.national.values.eenzaam), value(lf.national.values.ernstig_eenzaam)]] : []),
    ],
    source: `${rt(lang, 'wijk.source', { source: lf.source, year: lf.year })} ${lf.synthetic ? rt(lang, 'wijk.syntheticNote') : rt(lang, 'wijk.estimates')} ${rt(lang, 'wijk.map.boundaries', { year: map.boundaryYear })}`,
  } : null;
  const adv = r.advisor;
  const json = {
    lang,
    title: ft(lang, 'doc.title', { name, year: r.edition }),
    owner: ft(lang, 'owner'),
    // Before publication the comparisons rest on whoever submitted so far (decision 016): said on top.
    kicker: `${ft(lang, 'kicker', { year: r.edition })}${r.published ? '' : ` · ${rt(lang, 'prov.tag')}`}`,
    factsheetLabel: ft(lang, 'factsheet'),
    name,
    // The example took no part: it is compared with the participants, not one of them.
    context: ft(lang, r.example ? 'contextExample' : r.municipality.provinceName ? 'context' : 'contextNoProvince', { province: r.municipality.provinceName ?? '', n }),
    example: r.example ? { badge: ft(lang, 'example.badge'), short: ft(lang, 'example.short'), body: ft(lang, 'example.body', { name }) } : null,
    lead: ft(lang, 'lead', { name, year: r.edition, n }),
    noJudgement: ft(lang, 'noJudgement'),
    tiles,
    wijken,
    overview: { title: ft(lang, 'overview.title'), intro: ft(lang, 'overview.intro', { name, n }), chart: picture('/overview.svg', chart, alt) },
    legend: LEVELS.map((l) => ({ level: l, fill: LEVEL_FILL[l].fill, name: level(l), text: ft(lang, `legend.${l}`) })),
    details: { actielijn: ft(lang, 'details.actielijn'), pijler: ft(lang, 'details.pijler'), colPractice: ft(lang, 'col.practice'), colNl: ft(lang, 'col.nl'), note: ft(lang, 'share.note') },
    themes: f.themes.map((t) => ({
      kind: t.kind, kicker: kicker(t), name: t.name, level: t.level, levelText: level(t.level),
      rows: t.rows.map((row) => ({ mark: row.mark, practice: row.practice, answer: row.answer ?? ft(lang, 'mark.none'), nl: shareText(lang, row.inPlace) })),
    })),
    tips: {
      title: ft(lang, f.tips.length === 3 ? 'tips.title' : 'tips.titleFew', { name }),
      intro: ft(lang, 'tips.intro', { name }),
      none: ft(lang, 'tips.none'),
      items: f.tips.map((t) => ({
        text: t.text, url: t.url,
        because: rowsByKey.get(t.row)
          ? ft(lang, 'tips.yours', { practice: rowsByKey.get(t.row)?.practice ?? '', answer: rowsByKey.get(t.row)?.answer ?? '' })
          : ft(lang, 'tips.because', { question: t.questionText, reason: t.reason }),
        challenge: t.challenge ? ft(lang, 'tips.challenge') : null,
      })),
    },
    advisor: {
      title: ft(lang, 'adv.title'), intro: ft(lang, 'adv.intro'), emailLabel: ft(lang, 'adv.email'), phoneLabel: ft(lang, 'adv.phone'),
      name: adv?.name ?? null, email: adv?.email ?? '', phone: adv?.phone ?? null,
      none: ft(lang, r.example ? 'adv.example' : 'adv.none'),
    },
    more: ft(lang, 'more'),
    source: ft(lang, 'source', { year: r.edition, n, min: f.profile.minN }),
    footer: `${r.example ? `${ft(lang, 'example.badge')} (${ft(lang, 'example.short')}) · ` : ''}${ft(lang, 'footer', { name, year: r.edition })}`,
    made: ft(lang, 'made', { date: formatDate(lang, now) }),
  };
  return { json, files: new Map([['/overview.svg', chart.svg], ...(map ? [['/wijken.svg', map.svg] as [string, string]] : [])]) };
}
