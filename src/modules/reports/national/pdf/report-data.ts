// What the Typst template (report.typ) reads: every text already in the reader's language and
// every chart as an SVG file. Texts go in as JSON strings, so nothing in the data can ever be
// read as Typst markup.
import { formatDate, tx } from '../../../../web/i18n.ts';
import type { Lang } from '../../../questionnaire/index.ts';
import type { ResultsData } from '../data.ts';
import { figureNumbers, mapChart, provinceCharts } from '../figures.ts';
import { formatPercent, rt } from '../i18n.ts';
import { questionResult, themeQuestions } from '../questions.ts';
import { ratePercent } from '../response.ts';
import { keyFigures, questionNotes, responseSentences } from '../summary.ts';
import { themeTitle } from '../views/shell.tsx';
import { pdfText } from '../../../report-text/report-text.typst.ts';
import { type FigureTable, figureTable } from './figure-tables.model.ts';
import { compactQuestionCharts } from './question-charts.pdf.ts';
import { lt } from './report-layout.i18n.ts';
import { timelineDescription, timelineFigure, timelineTable } from '../../../response-dashboard/index.ts';

/** Chart width (the text is 166 mm wide; a bit narrower fits two small charts on a page) and the tallest part. */
const TEXT_WIDTH_MM = 150;
const MAX_HEIGHT_MM = 200;
const MAX_LINES = 46;

export type Figure = { file: string; widthMm: number; alt: string };
export type ReportQuestion = { caption: string; continued: string; notes: string[]; figures: Figure[]; panel: Figure[]; panelCaption: string; ns: string; table: FigureTable | null; tableLink: string };
export type ReportData = ReturnType<typeof reportData>['json'];

/** Width in mm that keeps the chart within the text width and the tallest part; a chart narrower
 * than 640 px (the panel's) keeps the same scale, so its text is as large as the others'. */
function widthFor(svg: string, maxWidthMm = TEXT_WIDTH_MM): number {
  const [, , w, h] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 640 400').split(' ').map(Number);
  return Math.round(Math.min(maxWidthMm, (maxWidthMm * w) / 640, (MAX_HEIGHT_MM * w) / h) * 10) / 10;
}

// Everything but the date is made once per edition's data and language: the results cache keeps
// one ResultsData object while its rows are unchanged, so a second PDF skips making ~50 charts.
const made = new WeakMap<ResultsData, Map<Lang, ReturnType<typeof dataPart>>>();

export function reportData(data: ResultsData, lang: Lang, now: Date) {
  let byLang = made.get(data);
  if (!byLang) made.set(data, (byLang = new Map()));
  let part = byLang.get(lang);
  if (!part) byLang.set(lang, (part = dataPart(data, lang)));
  const date = formatDate(lang, now);
  const json = {
    ...part.json,
    made: rt(lang, 'pdf.made', { date }),
    colophon: { ...part.json.colophon, rows: part.json.colophon.rows.map(([k, v]) => [k, v === DATE ? date : v]) },
  };
  return { json, files: part.files };
}

/** Figure 3 (when the edition has dates): the response over time, its steps as a tagged table, and the numbers in the alt text too. */
function timelinePart(lang: Lang, data: ResultsData, n: number | undefined, add: (name: string, svg: string, alt: string, maxWidthMm?: number) => Figure) {
  if (!data.timeline || n === undefined) return null;
  const table = timelineTable(lang, data.timeline);
  const caption = rt(lang, data.timeline.steps.length ? 'response.timelineCaption' : 'response.timelineCaptionPlain', { year: data.year });
  const steps = table.rows.map((r) => `${r[0]}, ${r[1]}: ${table.header[2].toLowerCase()} ${r[2]}, ${table.header[3].toLowerCase()} ${r[3]}, ${table.header[4].toLowerCase()} ${r[4]}`);
  return {
    title: rt(lang, 'response.timelineTitle'),
    intro: rt(lang, 'response.timelineIntro'),
    figure: add('timeline', timelineFigure(lang, data.year, data.timeline), [`${caption}.`, timelineDescription(lang, data.timeline) ?? '', ...steps.map((s) => `${s}.`)].join(' '), 110),
    caption: `${rt(lang, 'figure.label', { n })}. ${caption}`,
    tableCaption: rt(lang, 'response.timelineTable', { year: data.year, n }),
    header: table.header,
    rows: table.rows,
  };
}

/** Stands in for the date in the memoized part. */
const DATE = '\u0000date';

function dataPart(data: ResultsData, lang: Lang) {
  const files = new Map<string, string>();
  const add = (name: string, svg: string, alt: string, maxWidthMm?: number): Figure => {
    const file = `/charts/${name}.svg`;
    files.set(file, svg);
    return { file, widthMm: widthFor(svg, maxWidthMm), alt };
  };
  const numbers = figureNumbers(data);
  const figure = (n: number, text: string) => `${rt(lang, 'figure.label', { n })}. ${text}`;
  const earlier = data.editions.filter((e) => e < data.year).reverse();
  const rate = (edition: number, code?: string) => {
    const e = data.response.get(edition);
    const t = code ? e?.byProvince.get(code) : e;
    const pct = t ? ratePercent(t) : null;
    return pct === null ? '–' : formatPercent(lang, pct);
  };
  const now0 = data.response.get(data.year);
  const responseRow = (name: string, code?: string) => {
    const t = code ? now0?.byProvince.get(code) : now0;
    return [name, String(t?.invited ?? 0), String(t?.responded ?? 0), rate(data.year, code), ...earlier.map((e) => rate(e, code))];
  };
  const chapters = data.questionnaire.themes.map((theme) => ({
    title: themeTitle(lang, theme),
    intro: tx(lang, theme.intro),
    questions: themeQuestions(data, theme.key).map((q): ReportQuestion => {
      const r = questionResult(data, q);
      const n = numbers.get(q.key) ?? 0;
      const charts = r.rows.length ? compactQuestionCharts(lang, data, r, MAX_LINES) : { main: [], panel: [] };
      const parts = charts.main;
      const ns = r.rows.filter((row) => row.asked).map((row) => `${row.edition}${row.panel ? '*' : ''}${row.item ? ` ${row.item}` : ''}: ${row.n}`);
      return {
        caption: figure(n, tx(lang, q.text)),
        continued: rt(lang, 'figure.continued', { n }),
        notes: r.rows.length ? questionNotes(lang, data, r) : [rt(lang, 'question.noAnswers')],
        // The alt text points to the appendix table that holds the chart's numbers (issue 22).
        figures: parts.map((svg, i) => add(`q${n}-${i + 1}`, svg, `${tx(lang, q.text)} ${rt(lang, q.type === 'matrix' ? 'chart.descStacked' : 'chart.descBars', { panel: '' })} ${rt(lang, 'pdf.tableRef', { n })}`)),
        panel: charts.panel.map((svg, i) => add(`q${n}-panel-${i + 1}`, svg, `${tx(lang, q.text)} ${lt(lang, 'panel.caption', { figure: '', n: data.panel.size }).trim()}. ${rt(lang, 'pdf.tableRef', { n })}`)),
        panelCaption: lt(lang, 'panel.caption', { figure: `${figure(n, '').replace(/\.\s*$/, '')}b.`, n: data.panel.size }),
        ns: r.items.length || !ns.length ? '' : `n: ${ns.join(' · ')}`,
        table: parts.length ? figureTable(lang, r, n, tx(lang, q.text)) : null,
        tableLink: rt(lang, 'pdf.tableLink', { n }),
      };
    }),
  }));
  const title = 'Benchmark Eén tegen eenzaamheid';
  const text = pdfText(data, lang);
  for (const [file, typ] of text.files) files.set(file, typ);
  const json = {
    lang,
    title,
    subtitle: rt(lang, 'pdf.subtitle', { year: data.year }),
    concept: data.concept ? rt(lang, 'pdf.concept') : '',
    owner: rt(lang, 'pdf.owner'),
    made: '',
    // Cover and colophon (issue 18.4): the edition and who commissioned the report.
    cover: { edition: lt(lang, 'cover.edition', { year: data.year }), commissionerLabel: lt(lang, 'cover.commissioner'), commissioner: lt(lang, 'cover.ministry') },
    colophon: {
      title: lt(lang, 'colophon.title'),
      rows: [
        [lt(lang, 'colophon.publication'), `${title} – ${rt(lang, 'pdf.subtitle', { year: data.year })}`],
        [lt(lang, 'colophon.edition'), String(data.year)],
        [lt(lang, 'colophon.commissioner'), lt(lang, 'cover.ministry')],
        [lt(lang, 'colophon.executed'), lt(lang, 'colophon.bureau')],
        [lt(lang, 'colophon.date'), DATE],
        [lt(lang, 'colophon.source'), lt(lang, 'colophon.sourceText', { year: data.year, responded: now0?.responded ?? 0, registerYear: data.registerYear })],
      ],
      reading: lt(lang, 'colophon.reading'),
      readingText: lt(lang, 'colophon.readingText'),
      accessible: lt(lang, 'colophon.accessible'),
    },
    labels: { contents: rt(lang, 'pdf.contents'), summary: rt(lang, 'pdf.summary'), response: rt(lang, 'pdf.response'), key: rt(lang, 'summary.key'), appendix: rt(lang, 'pdf.appendix'), appendixIntro: rt(lang, 'pdf.appendixIntro') },
    panelNote: data.panel.shown ? rt(lang, 'note.panel', { from: data.editions[0], to: data.year, n: data.panel.size }) : '',
    summary: {
      lead: rt(lang, 'summary.lead', { year: data.year }),
      response: responseSentences(lang, data),
      key: keyFigures(data, lang).map((f) => (f.previous ? `${f.text} (${rt(lang, 'summary.compare', { edition: f.previous.edition, pct: formatPercent(lang, f.previous.pct) })})` : f.text)),
    },
    response: {
      perQuestion: rt(lang, 'response.perQuestion'),
      map: add('map', mapChart(lang, data), rt(lang, 'response.mapDesc', { responded: now0?.responded ?? 0 }), 120),
      mapCaption: `${figure(1, rt(lang, 'response.mapTitle', { year: data.year }))}. ${rt(lang, 'response.source', { registerYear: data.registerYear })}`,
      provinces: provinceCharts(lang, data, MAX_LINES).map((svg, i) => add(`provinces-${i + 1}`, svg, rt(lang, 'response.provinceDesc'))),
      provinceCaption: figure(2, rt(lang, 'response.provinceTitle')),
      provinceContinued: rt(lang, 'figure.continued', { n: 2 }),
      tableCaption: rt(lang, 'response.tableCaption', { year: data.year }),
      header: [rt(lang, 'response.col.province'), rt(lang, 'response.col.invited', { year: data.year }), rt(lang, 'response.col.responded', { year: data.year }), rt(lang, 'response.col.rate', { year: data.year }), ...earlier.map((e) => rt(lang, 'response.col.rate', { year: e }))],
      rows: [...data.provinces.map((p) => responseRow(p.name, p.code)), responseRow(rt(lang, 'response.total'))],
      timeline: timelinePart(lang, data, numbers.get('timeline'), add),
    },
    chapters,
    // The bureau's chapters (issue 18) as Typst files under /text.
    text: text.json,
  };
  return { json, files };
}
