// Placeholders in the report text ({respons.percent}, {vraag.KEY.OPTION.percent}, {figuur.KEY} …),
// resolved from the same suppressed statistics the national results pages and PDF show
// (reports/national: questionResult, figureNumbers), so a number in the text can never disagree
// with a chart. Question keys and codes come from the edition's questionnaire, never from here.
import { idPart } from '../../web/charts/index.ts';
import { tx } from '../../web/i18n.ts';
import type { Lang, Question } from '../questionnaire/index.ts';
import type { ResultsData } from '../reports/national/data.ts';
import { figureNumbers } from '../reports/national/figures.ts';
import { type Cell, type QuestionResult, questionResult } from '../reports/national/questions.ts';
import { wholePercent } from '../reports/national/response.ts';

/** What may stand between the braces: a dotted name. */
export const PLACEHOLDER = /^\{([A-Za-z0-9][A-Za-z0-9_.-]{0,150})\}/;

export type Problem = 'unknown' | 'suppressed' | 'unavailable';
export type Resolved =
  | { ok: true; text: string; value?: number; figure?: { number: number; href?: string } }
  | { ok: false; problem: Problem; detail: string };

/**
 * Extension point for placeholders other modules provide, by first segment: the open-answer coding
 * (issue 18.5) adds `code` ({code.X.aantal}) without this file changing. A provider holds one
 * edition's numbers; it is made by a PlaceholderSource (report-text.repo.ts) when the results load.
 */
export type PlaceholderProvider = {
  prefix: string;
  resolve: (segments: string[], lang: Lang) => Resolved | undefined;
  list?: (lang: Lang) => Array<{ name: string; label: string }>;
};

const unknown = (detail: string): Resolved => ({ ok: false, problem: 'unknown', detail });
const num = (lang: Lang, n: number) => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
const value = (lang: Lang, n: number): Resolved => ({ ok: true, text: num(lang, n), value: n });
/** A share as every page writes it: one decimal (decision 021); the writer types the "%". */
const oneDecimal = (lang: Lang, n: number) => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const share = (lang: Lang, n: number): Resolved => ({ ok: true, text: oneDecimal(lang, n), value: n });

const MEASURES = ['percent', 'aantal', 'vorige', 'verschil', 'panel'] as const;
type Measure = (typeof MEASURES)[number];

export type Resolver = {
  resolve: (name: string) => Resolved;
  /** Every placeholder this edition offers, for the editor's insert list (grouped). */
  catalogue: () => CatalogueGroup[];
};
export type CatalogueGroup = { title: string; entries: Array<{ name: string; label: string }> };

/** A resolver over one edition's results in one language; results per question are computed once. */
export function createResolver(data: ResultsData, lang: Lang, providers: PlaceholderProvider[] = data.placeholders ?? []): Resolver {
  const results = new Map<string, QuestionResult>();
  const resultOf = (q: Question) => {
    let r = results.get(q.key);
    if (!r) results.set(q.key, (r = questionResult(data, q)));
    return r;
  };
  const figures = figureNumbers(data);
  const previous = data.editions.filter((e) => e < data.year).at(-1);

  function respons(rest: string[]): Resolved {
    const [first, second] = rest;
    const edition = first === 'vorige' ? previous : data.year;
    const measure = first === 'vorige' ? second : first;
    if (rest.length !== (first === 'vorige' ? 2 : 1)) return unknown('respons');
    if (edition === undefined) return { ok: false, problem: 'unavailable', detail: 'vorige' };
    const e = data.response.get(edition);
    if (!e) return { ok: false, problem: 'unavailable', detail: String(edition) };
    if (measure === 'ingevuld') return value(lang, e.responded);
    if (measure === 'uitgenodigd') return value(lang, e.invited);
    if (measure === 'percent') {
      const pct = wholePercent(e.responded, e.invited);
      return pct === null ? { ok: false, problem: 'unavailable', detail: 'percent' } : value(lang, pct);
    }
    return unknown(measure ?? '');
  }

  function cellValue(cell: Cell | null | undefined, n: number, measure: 'percent' | 'aantal'): Resolved {
    if (!cell) return { ok: false, problem: 'unavailable', detail: 'not asked' };
    if (cell.suppressed) return { ok: false, problem: 'suppressed', detail: `n = ${n}` };
    if (measure === 'aantal') return value(lang, cell.count);
    return n > 0 ? share(lang, Math.round((1000 * cell.count) / n) / 10) : { ok: false, problem: 'unavailable', detail: 'n = 0' };
  }

  function vraag(rest: string[]): Resolved {
    const q = data.questionnaire.questions.find((x) => x.key === rest[0]);
    if (!q || q.type === 'text') return unknown(rest[0] ?? '');
    const r = resultOf(q);
    const matrix = q.type === 'matrix';
    const item = matrix ? rest[1] : null;
    if (matrix && !r.items.some((i) => i.code === item)) return unknown(`${q.key}.${item ?? ''}`);
    const tail = rest.slice(matrix ? 2 : 1);
    const row = (edition: number | undefined, panel = false) =>
      edition === undefined ? undefined : r.rows.find((x) => x.edition === edition && x.panel === panel && x.item === item && x.asked);
    if (tail.length === 1 && tail[0] === 'n') {
      const now = row(data.year);
      return now ? value(lang, now.n) : { ok: false, problem: 'unavailable', detail: 'n' };
    }
    const [option, measure, extra] = tail;
    const index = r.options.findIndex((o) => o.code === option);
    if (index < 0) return unknown(`${q.key}.${option ?? ''}`);
    // {vraag.K.O.provincie.PVxx}: the option's share in one province (single and multi questions)
    if (measure === 'provincie' && !matrix && tail.length === 3) {
      const p = r.provinces.find((x) => x.code === extra);
      if (!p) return unknown(extra ?? '');
      return cellValue(p.cells[index], p.n, 'percent');
    }
    if (tail.length !== 2 || !MEASURES.includes(measure as Measure)) return unknown(measure ?? '');
    const now = row(data.year);
    if (measure === 'percent' || measure === 'aantal') return now ? cellValue(now.cells[index], now.n, measure) : { ok: false, problem: 'unavailable', detail: String(data.year) };
    if (measure === 'panel') {
      if (!data.panel.shown) return { ok: false, problem: 'unavailable', detail: 'panel' };
      const p = row(data.year, true);
      return p ? cellValue(p.cells[index], p.n, 'percent') : { ok: false, problem: 'unavailable', detail: 'panel' };
    }
    const before = row(previous);
    if (!before) return { ok: false, problem: 'unavailable', detail: 'vorige' };
    const then = cellValue(before.cells[index], before.n, 'percent');
    if (measure === 'vorige' || !then.ok) return then;
    const current = now ? cellValue(now.cells[index], now.n, 'percent') : undefined;
    if (!current?.ok) return current ?? { ok: false, problem: 'unavailable', detail: String(data.year) };
    // verschil: change in percentage points, with its sign
    const d = Math.round(((current.value ?? 0) - (then.value ?? 0)) * 10) / 10;
    return { ok: true, text: `${d > 0 ? '+' : d < 0 ? '−' : ''}${oneDecimal(lang, Math.abs(d))}`, value: d };
  }

  function figuur(rest: string[]): Resolved {
    const key = rest.join('.');
    const fixed: Record<string, string> = { kaart: 'map', provincies: 'provinces', verloop: 'timeline' };
    const n = figures.get(fixed[key] ?? key);
    if (rest.length !== 1 || n === undefined) return unknown(key);
    const label = lang === 'nl' ? `figuur ${n}` : `figure ${n}`;
    const q = data.questionnaire.questions.find((x) => x.key === key);
    // The question's block on its theme page (views/question.tsx gives it this id).
    const href = q ? `/resultaten/${data.year}/thema/${q.theme}#vraag-${idPart(q.key)}` : `/resultaten/${data.year}/respons${key === 'verloop' ? '#verloop' : ''}`;
    return { ok: true, text: label, value: n, figure: { number: n, href } };
  }

  function resolve(name: string): Resolved {
    const [head, ...rest] = name.split('.');
    if (head === 'respons') return respons(rest);
    if (head === 'panel') {
      if (rest.length !== 1 || rest[0] !== 'n') return unknown(name);
      return data.panel.shown ? value(lang, data.panel.size) : { ok: false, problem: 'unavailable', detail: 'panel' };
    }
    if (head === 'vraag') return vraag(rest);
    if (head === 'figuur') return figuur(rest);
    const provider = providers.find((p) => p.prefix === head);
    return provider?.resolve(rest, lang) ?? unknown(name);
  }

  function catalogue(): CatalogueGroup[] {
    const nl = lang === 'nl';
    const groups: CatalogueGroup[] = [];
    const response = [
      { name: 'respons.ingevuld', label: nl ? 'gemeenten die de vragenlijst verstuurden' : 'municipalities that submitted' },
      { name: 'respons.uitgenodigd', label: nl ? 'uitgenodigde gemeenten' : 'invited municipalities' },
      { name: 'respons.percent', label: nl ? 'respons in procenten' : 'response rate (%)' },
    ];
    if (previous !== undefined) {
      response.push(
        { name: 'respons.vorige.ingevuld', label: nl ? `verstuurd in ${previous}` : `submitted in ${previous}` },
        { name: 'respons.vorige.percent', label: nl ? `respons ${previous} in procenten` : `response rate ${previous} (%)` },
      );
    }
    if (data.panel.shown) response.push({ name: 'panel.n', label: nl ? 'gemeenten in het panel' : 'municipalities in the panel' });
    response.push({ name: 'figuur.kaart', label: nl ? 'verwijzing naar de kaart' : 'reference to the map' }, { name: 'figuur.provincies', label: nl ? 'verwijzing naar de respons per provincie' : 'reference to the response per province' });
    if (data.timeline) response.push({ name: 'figuur.verloop', label: nl ? 'verwijzing naar de respons in de tijd' : 'reference to the response over time' });
    groups.push({ title: nl ? 'Respons en panel' : 'Response and panel', entries: response });
    for (const theme of data.questionnaire.themes) {
      const entries: CatalogueGroup['entries'] = [];
      for (const q of data.questionnaire.questions.filter((x) => x.theme === theme.key && x.type !== 'text')) {
        const r = resultOf(q);
        const text = tx(lang, q.text);
        entries.push({ name: `figuur.${q.key}`, label: `${nl ? 'verwijzing naar de figuur' : 'reference to the figure'}: ${text}` });
        const heads = q.type === 'matrix' ? r.items.map((i) => ({ prefix: `${q.key}.${i.code}`, label: `${text} – ${tx(lang, i.label)}` })) : [{ prefix: q.key, label: text }];
        for (const h of heads) {
          entries.push({ name: `vraag.${h.prefix}.n`, label: `${h.label}: n` });
          for (const o of r.options) {
            const base = `vraag.${h.prefix}.${o.code}`;
            entries.push({ name: `${base}.percent`, label: `${h.label}: ${tx(lang, o.label)} (%)` });
            if (previous !== undefined) entries.push({ name: `${base}.vorige`, label: `${h.label}: ${tx(lang, o.label)} (% ${previous})` });
          }
        }
      }
      if (entries.length) groups.push({ title: tx(lang, theme.title), entries });
    }
    for (const p of providers) if (p.list) groups.push({ title: p.prefix, entries: p.list(lang) });
    return groups;
  }

  return { resolve, catalogue };
}
