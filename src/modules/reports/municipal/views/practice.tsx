// Part 2, "Wat uw gemeente nu doet": what to compare with (a GET form: province, municipalities of
// similar size, or the nation only) and theme links (plain links with ?thema=, so no JavaScript is
// needed), then per question of the chosen theme the own answer beside the most given answer, the
// share of municipalities in the chosen scope and the country that answered the same (small cells
// hidden), and the municipality's own answers in earlier editions.
import { sizeClassName } from '../../../population/index.ts';
import type { Lang } from '../../../questionnaire/index.ts';
import { pct, provisionalLabel, rt } from '../i18n.ts';
import type { AnswerLine, Comparison as ComparisonRow, MunicipalReport, QuestionReport, ShareCell, ThemeReport } from '../model.ts';

export const ALL_THEMES = 'alle';

/** What the comparison shows beside the nation (`?vergelijk=`): the province (the default), the size class, nothing. */
export const COMPARE_WITH = ['provincie', 'grootte', 'nederland'] as const;
export type CompareWith = (typeof COMPARE_WITH)[number];
export const DEFAULT_COMPARE: CompareWith = 'provincie';

/** The choice asked for, when this report can show it; otherwise the default. */
export function chosenCompare(r: MunicipalReport, asked: string | undefined): CompareWith {
  if (asked === 'grootte') return r.municipality.size ? 'grootte' : DEFAULT_COMPARE;
  if (asked === 'nederland') return 'nederland';
  return DEFAULT_COMPARE;
}

/** The column beside the nation: its heading and the cell of a comparison; null for the nation only. */
type Column = { head: string; matrixHead: string; cell: (c: ComparisonRow) => ShareCell | null } | null;

function columnOf(r: MunicipalReport, compare: CompareWith): Column {
  const lang = r.lang;
  const m = r.municipality;
  if (compare === 'grootte' && m.size) {
    const size = sizeClassName(lang, m.size.id);
    return { head: rt(lang, 'cmp.size', { size }), matrixHead: rt(lang, 'cmp.sameSize', { size }), cell: (c) => c.size };
  }
  if (compare === 'provincie' && m.provinceName) {
    return { head: rt(lang, 'cmp.province', { name: m.provinceName }), matrixHead: rt(lang, 'cmp.sameProvince', { name: m.provinceName }), cell: (c) => c.province };
  }
  return null;
}

export function themeTitle(lang: Lang, t: Pick<ThemeReport, 'kind' | 'number' | 'title'>): string {
  if (t.kind === 'actielijn' && t.number) return rt(lang, 'theme.actielijn', { n: t.number, title: t.title });
  if (t.kind === 'pijler' && t.number) return rt(lang, 'theme.pijler', { n: t.number, title: t.title });
  return t.title;
}

const lineText = (l: AnswerLine) => (l.itemLabel ? `${l.itemLabel}: ${l.label}` : l.label);

function shareText(lang: Lang, c: ShareCell | null): string {
  if (!c || c.n === 0) return rt(lang, 'cmp.none');
  if (c.suppressed || c.percent === null || c.count === null) return rt(lang, 'cmp.suppressed', { n: c.n });
  return rt(lang, 'cmp.share', { share: pct(lang, c.percent), count: c.count, n: c.n });
}

/** Before publication, after a comparison's heading or caption: " (voorlopig: … gemeenten …)". */
function Provisional({ label }: { label: string | null }) {
  return label ? <> <span class="provisional">({label})</span></> : null;
}

function Answers({ lang, q, prov }: { lang: Lang; q: QuestionReport; prov: string | null }) {
  if (!q.asked) return <p class="muted">{rt(lang, 'q.notAsked')}</p>;
  const own = q.own.length ? (q.own.length === 1 ? <p>{lineText(q.own[0])}</p> : <ul>{q.own.map((l) => <li>{lineText(l)}</li>)}</ul>)
    : q.ownText ? <p>{q.ownText}</p> : <p class="muted">{rt(lang, 'q.notAnswered')}</p>;
  const modal = q.modal.length === 0 ? <p class="muted">{rt(lang, 'q.noModal')}</p> : (
    <ul class={q.modal.length === 1 ? 'plain' : undefined}>
      {q.modal.map((m) => (
        <li>{m.itemLabel ? `${m.itemLabel}: ` : ''}{m.labels.join(' / ')}{m.percent !== null ? ` (${rt(lang, 'q.modalShare', { share: pct(lang, m.percent), n: m.n })})` : ''}</li>
      ))}
    </ul>
  );
  // Only a single-choice answer is simply "the same" or "different"; a multi answer is a set.
  const single = q.type === 'single' && q.own.length > 0 && q.modal.length === 1;
  return (
    <>
      <div class="answer-pair">
        <div class="answer-own"><h5>{rt(lang, 'q.yours')}</h5>{own}</div>
        <div class="answer-modal"><h5>{rt(lang, 'q.modal')}<Provisional label={prov} /></h5>{modal}</div>
      </div>
      {single ? <p class="note">{rt(lang, q.modal[0].own ? 'q.same' : 'q.differs')}</p> : null}
      {q.comment ? <p class="note">{rt(lang, 'q.comment')}: {q.comment}</p> : null}
    </>
  );
}

function Comparison({ lang, q, column, prov }: { lang: Lang; q: QuestionReport; column: Column; prov: string | null }) {
  if (!q.comparisons.length) return null;
  const id = `vergelijking-${q.key}`;
  return (
    <section class="table-scroll" aria-labelledby={id} tabindex={0}>
      <table class="data-table">
        <caption id={id}>{rt(lang, 'cmp.caption')}<Provisional label={prov} /><QuestionName q={q} /></caption>
        <thead><tr>
          <th scope="col">{rt(lang, 'cmp.answer')}</th>
          {column ? <th scope="col" class="num">{column.head}</th> : null}
          <th scope="col" class="num">{rt(lang, 'cmp.national')}</th>
        </tr></thead>
        <tbody>{q.comparisons.map((c) => (
          <tr>
            <th scope="row">{lineText(c)}</th>
            {column ? <td class="num">{shareText(lang, column.cell(c))}</td> : null}
            <td class="num">{shareText(lang, c.national)}</td>
          </tr>
        ))}</tbody>
      </table>
    </section>
  );
}

/** A matrix in one table, one row per item: own answer, most given answer, same answer in province and country. */
function MatrixTable({ lang, q, column, compare, prov }: { lang: Lang; q: QuestionReport; column: Column; compare: CompareWith; prov: string | null }) {
  if (!q.asked) return <p class="muted">{rt(lang, 'q.notAsked')}</p>;
  const id = `vergelijking-${q.key}`;
  return (
    <>
      {q.own.length ? null : <p class="muted">{rt(lang, 'q.notAnswered')}</p>}
      <section class="table-scroll" aria-labelledby={id} tabindex={0}>
        <table class="data-table">
          <caption id={id}>{rt(lang, !column ? 'cmp.matrixNation' : compare === 'grootte' ? 'cmp.matrixSize' : 'cmp.matrix')}<Provisional label={prov} /><QuestionName q={q} /></caption>
          <thead><tr>
            <th scope="col">{rt(lang, 'q.item')}</th>
            <th scope="col">{rt(lang, 'q.yours')}</th>
            <th scope="col">{rt(lang, 'q.modal')}</th>
            {column ? <th scope="col" class="num">{column.matrixHead}</th> : null}
            <th scope="col" class="num">{rt(lang, 'cmp.sameNational')}</th>
          </tr></thead>
          <tbody>{q.items.map((it) => {
            const own = q.comparisons.find((c) => c.item === it.code);
            const modal = q.modal.find((m) => m.item === it.code);
            return (
              <tr>
                <th scope="row">{it.label}</th>
                <td>{own ? own.label : <span class="muted">{rt(lang, 'q.itemNotAnswered')}</span>}</td>
                <td>{modal ? `${modal.labels.join(' / ')}${modal.percent !== null ? ` (${pct(lang, modal.percent)})` : ''}` : '–'}</td>
                {column ? <td class="num">{own ? shareText(lang, column.cell(own)) : '–'}</td> : null}
                <td class="num">{own ? shareText(lang, own.national) : '–'}</td>
              </tr>
            );
          })}</tbody>
        </table>
      </section>
      {q.comment ? <p class="note">{rt(lang, 'q.comment')}: {q.comment}</p> : null}
    </>
  );
}

function History({ lang, q }: { lang: Lang; q: QuestionReport }) {
  if (q.newIn !== null && q.history.length < 2) return <p class="muted">{rt(lang, 'hist.new', { edition: q.newIn })}</p>;
  if (q.history.length < 2) return null;
  const id = `historie-${q.key}`;
  const caption = <caption id={id}>{rt(lang, 'hist.caption')}<QuestionName q={q} /></caption>;
  // A matrix: a row per item, a column per edition, so a change in one item is seen at a glance.
  if (q.type === 'matrix' && q.items.length) {
    const cell = (h: QuestionReport['history'][number], item: string) => h.lines.find((l) => l.item === item)?.label;
    return (
      <section class="table-scroll" aria-labelledby={id} tabindex={0}>
        <table class="data-table">
          {caption}
          <thead><tr>
            <th scope="col">{rt(lang, 'q.item')}</th>
            {q.history.map((h) => <th scope="col">{h.edition}{h.reworded ? <span class="muted"> ({rt(lang, 'hist.reworded')})</span> : null}</th>)}
          </tr></thead>
          <tbody>{q.items.map((it) => (
            <tr>
              <th scope="row">{it.label}</th>
              {q.history.map((h) => <td>{cell(h, it.code) ?? <span class="muted">–</span>}</td>)}
            </tr>
          ))}</tbody>
        </table>
      </section>
    );
  }
  return (
    <section class="table-scroll" aria-labelledby={id} tabindex={0}>
      <table class="data-table">
        {caption}
        <thead><tr><th scope="col">{rt(lang, 'hist.edition')}</th><th scope="col">{rt(lang, 'q.yours')}</th></tr></thead>
        <tbody>{q.history.map((h) => (
          <tr>
            <th scope="row">{h.edition}{h.reworded ? <span class="muted"> ({rt(lang, 'hist.reworded')})</span> : null}</th>
            <td>{h.lines.length > 1 ? <ul class="plain">{h.lines.map((l) => <li>{lineText(l)}</li>)}</ul> : h.lines.length ? lineText(h.lines[0]) : (h.text ?? '')}</td>
          </tr>
        ))}</tbody>
      </table>
    </section>
  );
}

/**
 * The question a table belongs to, for screen readers: every question has tables with the same
 * caption, and a scroll box is a region named by its caption, so without it the regions would
 * all have the same name.
 */
function QuestionName({ q }: { q: QuestionReport }) {
  return <span class="visually-hidden">{`: ${q.text}`}</span>;
}

function Theme({ r, t, compare }: { r: MunicipalReport; t: ThemeReport; compare: CompareWith }) {
  const lang = r.lang;
  const column = columnOf(r, compare);
  const prov = provisionalLabel(r);
  return (
    <section class="report-theme" aria-labelledby={`thema-${t.key}`}>
      <h3 id={`thema-${t.key}`}>{themeTitle(lang, t)}</h3>
      <p>{t.intro}</p>
      {t.questions.map((q) => (
        <article class="report-question" aria-labelledby={`vraag-${q.key}`}>
          <h4 id={`vraag-${q.key}`}>{q.text}</h4>
          {q.type === 'matrix' ? <MatrixTable lang={lang} q={q} column={column} compare={compare} prov={prov} /> : (
            <>
              <Answers lang={lang} q={q} prov={prov} />
              <Comparison lang={lang} q={q} column={column} prov={prov} />
            </>
          )}
          <History lang={lang} q={q} />
        </article>
      ))}
    </section>
  );
}

/** The choice of comparison: a GET form (radio buttons, one button), so it works without JavaScript. */
function CompareForm({ r, theme, compare, base }: { r: MunicipalReport; theme: string; compare: CompareWith; base: string }) {
  const lang = r.lang;
  const m = r.municipality;
  const choices: Array<{ value: CompareWith; label: string }> = [];
  if (m.provinceName) choices.push({ value: 'provincie', label: rt(lang, 'cmp.choose.province', { name: m.provinceName }) });
  if (m.size) choices.push({ value: 'grootte', label: rt(lang, 'cmp.choose.size', { size: sizeClassName(lang, m.size.id) }) });
  choices.push({ value: 'nederland', label: rt(lang, 'cmp.choose.nation') });
  const nf = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL');
  return (
    <form method="get" action={`${base}#wat-nu`} class="compare-form no-print">
      <input type="hidden" name="thema" value={theme} />
      <fieldset>
        <legend>{rt(lang, 'cmp.choose')}</legend>
        {choices.map((c) => (
          <div class="choice">
            <input type="radio" id={`vergelijk-${c.value}`} name="vergelijk" value={c.value} checked={c.value === compare ? true : undefined} />
            <label for={`vergelijk-${c.value}`}>{c.label}</label>
          </div>
        ))}
      </fieldset>
      <p class="note">
        {m.size
          ? rt(lang, 'cmp.sizeNote', { name: m.name, year: m.size.year, inhabitants: nf.format(m.size.inhabitants), size: sizeClassName(lang, m.size.id) })
          : rt(lang, 'cmp.noSize', { name: m.name, year: r.registerYear })}
      </p>
      <div class="button-row"><button type="submit" class="secondary">{rt(lang, 'cmp.show')}</button></div>
    </form>
  );
}

export function PracticePart({ r, theme, base, compare = DEFAULT_COMPARE }: { r: MunicipalReport; theme: string; base: string; compare?: CompareWith }) {
  const lang = r.lang;
  const shown = theme === ALL_THEMES ? r.themes : r.themes.filter((t) => t.key === theme);
  const keep = compare === DEFAULT_COMPARE ? '' : `&vergelijk=${compare}`;
  const link = (key: string, text: string) => (
    <li><a href={`${base}?thema=${key}${keep}#wat-nu`} aria-current={key === theme ? 'page' : undefined}>{text}</a></li>
  );
  return (
    <section class="report-part" aria-labelledby="wat-nu">
      <h2 id="wat-nu">{rt(lang, 'part2')}{r.published ? null : <> <span class="tag-provisional">({rt(lang, 'prov.tag')})</span></>}</h2>
      <p>{rt(lang, 'themes.intro')}</p>
      <CompareForm r={r} theme={theme} compare={compare} base={base} />
      <nav class="results-nav theme-nav" aria-label={rt(lang, 'themes.nav')}>
        <ul>
          {r.themes.map((t) => link(t.key, t.short))}
          {link(ALL_THEMES, rt(lang, 'themes.all'))}
        </ul>
      </nav>
      <p class="note no-print">{rt(lang, 'print')}</p>
      {shown.map((t) => <Theme r={r} t={t} compare={compare} />)}
    </section>
  );
}
