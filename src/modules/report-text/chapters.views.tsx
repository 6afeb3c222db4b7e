// /beheer/edities/:year/rapporttekst: the chapter list with each text's state, adding, moving and
// removing chapters, the placeholders that block publishing, and publishing the text again.
import { formatDateTime, tx } from '../../web/i18n.ts';
import { AdminLayout } from '../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../auth/index.ts';
import type { Lang, Questionnaire } from '../questionnaire/index.ts';
import { type RtKey, rtText } from './report-text.i18n.ts';
import type { Chapter, Draft, PublishedText } from './report-text.model.ts';
import type { ChapterState, TextProblem } from './report-text.service.ts';

export type FieldError = { field: string; key: RtKey; params?: Record<string, string | number> };

export function problemLine(l: Lang, p: TextProblem, chapters: ChapterState[]): string {
  const ch = chapters.find((c) => c.slug === p.slug);
  return rtText(l, 'problem.line', { name: `{${p.name}}`, chapter: ch ? ch.title[l] || ch.title.nl : p.slug, lang: p.lang.toUpperCase(), why: rtText(l, `problem.${p.problem}`) });
}

export function draftState(l: Lang, d: Draft | undefined): string {
  if (!d) return rtText(l, 'list.empty');
  return rtText(l, 'list.version', { n: d.revision, when: formatDateTime(l, new Date(d.savedAt)), by: d.by ?? rtText(l, 'list.cli') });
}

export type ChaptersPageProps = {
  lang: Lang; path: string; session: Session; year: number; published: boolean; qn: Questionnaire;
  chapters: ChapterState[]; problems: TextProblem[]; publication?: PublishedText; changed: number;
  notice?: string; errors?: FieldError[]; values?: Record<string, string>;
};

export function ChaptersPage(p: ChaptersPageProps) {
  const l = p.lang;
  const base = `/beheer/edities/${p.year}/rapporttekst`;
  const errors = p.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const title = rtText(l, 'list.title', { year: p.year });
  const field = (id: string, label: string, hint?: string) => {
    const err = errorOf(id);
    const described = [hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div class={err ? 'field--error' : undefined}>
        <label class="block utrecht-form-label" for={id}>{label}</label>
        {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
        {err ? <p class="error-message utrecht-form-field-error-message" id={`${id}-error`}>{rtText(l, err.key, err.params)}</p> : null}
        <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id={id} name={id} value={p.values?.[id] ?? ''} aria-invalid={err ? 'true' : undefined} aria-describedby={described} />
      </div>
    );
  };
  return (
    <AdminLayout lang={l} title={`${errors.length ? rtText(l, 'error.prefix') : ''}${title}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={errors.map((e) => ({ field: e.field, message: rtText(l, e.key, e.params) }))} />
      {p.notice ? <div class="notice notice--ok" role="status"><p>{p.notice}</p></div> : null}
      <p class="caption"><a class="utrecht-link" href={`/beheer/edities/${p.year}`}>{rtText(l, 'list.edition', { year: p.year })}</a></p>
      <h1>{title}</h1>
      <p>{rtText(l, 'list.intro')}</p>
      <div class="table-scroll">
        <table class="utrecht-table utrecht-table--html-table">
          <caption>{rtText(l, 'list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{rtText(l, 'list.col.chapter')}</th>
              <th scope="col">{rtText(l, 'list.col.nl')}</th>
              <th scope="col">{rtText(l, 'list.col.en')}</th>
              <th scope="col">{rtText(l, 'list.col.problems')}</th>
              <th scope="col">{rtText(l, 'list.col.order')}</th>
            </tr>
          </thead>
          <tbody>
            {p.chapters.map((c, i) => {
              const name = c.title[l] || c.title.nl;
              const theme = c.theme ? p.qn.themes.find((t) => t.key === c.theme) : undefined;
              const mine = p.problems.filter((x) => x.slug === c.slug).length;
              return (
                <tr>
                  <th scope="row">
                    <a class="utrecht-link" href={`${base}/${c.slug}`}>{name}</a>
                    <br /><span class="muted">{c.slug}{theme ? ` · ${rtText(l, 'list.withTheme', { theme: tx(l, theme.short) })}` : ''}</span>
                  </th>
                  <td><a class="utrecht-link" href={`${base}/${c.slug}?taal=nl`}>{draftState(l, c.drafts.nl)}</a></td>
                  <td><a class="utrecht-link" href={`${base}/${c.slug}?taal=en`}>{draftState(l, c.drafts.en)}</a></td>
                  <td>{mine ? <strong>{mine}</strong> : rtText(l, 'list.none')}</td>
                  <td>
                    <form method="post" action={`${base}/${c.slug}/verplaatsen`} class="inline-form">
                      <CsrfField session={p.session} />
                      {i > 0 ? <button type="submit" name="richting" value="op" class="secondary utrecht-button utrecht-button--secondary-action" aria-label={rtText(l, 'list.upLabel', { title: name })}>{rtText(l, 'list.up')}</button> : null}
                      {i < p.chapters.length - 1 ? <button type="submit" name="richting" value="neer" class="secondary utrecht-button utrecht-button--secondary-action" aria-label={rtText(l, 'list.downLabel', { title: name })}>{rtText(l, 'list.down')}</button> : null}
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {p.problems.length ? (
        <section aria-labelledby="problems-title" class="notice notice--warn">
          <h2 id="problems-title">{rtText(l, 'problems.title')}</h2>
          <ul>{p.problems.map((x) => <li><a class="utrecht-link" href={`${base}/${x.slug}?taal=${x.lang}`}>{problemLine(l, x, p.chapters)}</a></li>)}</ul>
        </section>
      ) : null}

      <h2>{rtText(l, 'pub.title')}</h2>
      <p>
        <a class="utrecht-link" href={`${base}/concept.pdf`}>{rtText(l, 'pub.concept')} (pdf, {rtText(l, 'list.col.nl').toLowerCase()})</a>
        {' · '}
        <a class="utrecht-link" href={`${base}/concept.pdf?taal=en`} hreflang="en">{rtText(l, 'pub.concept')} (pdf, {rtText(l, 'list.col.en').toLowerCase()})</a>
      </p>
      {p.publication ? <p>{rtText(l, 'pub.at', { when: formatDateTime(l, new Date(p.publication.publishedAt ?? 0)) })}{p.changed ? ` ${rtText(l, 'pub.changed', { n: p.changed })}` : ''}</p> : <p>{rtText(l, 'pub.none')}</p>}
      {p.published ? (
        p.problems.length ? <p>{rtText(l, 'pub.blocked', { n: p.problems.length })}</p> : (
          <form method="post" action={`${base}/publiceren`}>
            <CsrfField session={p.session} />
            <p class="hint" id="publish-hint">{rtText(l, 'pub.againHint')}</p>
            <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit" aria-describedby="publish-hint">{rtText(l, 'pub.again')}</button></div>
          </form>
        )
      ) : <p>{rtText(l, 'pub.notPublished', { year: p.year })}</p>}

      <h2>{rtText(l, 'draft.title')}</h2>
      <form method="post" action={`${base}/opzet`}>
        <CsrfField session={p.session} />
        <p class="hint" id="draft-hint">{rtText(l, 'draft.hint')}</p>
        <div class="button-row"><button type="submit" class="secondary utrecht-button utrecht-button--secondary-action" aria-describedby="draft-hint">{rtText(l, 'draft.submit')}</button></div>
      </form>

      <h2>{rtText(l, 'add.title')}</h2>
      <form method="post" action={`${base}/hoofdstukken`} novalidate>
        <CsrfField session={p.session} />
        {field('slug', rtText(l, 'add.slug'), rtText(l, 'add.slugHint'))}
        {field('titel-nl', rtText(l, 'add.titleNl'))}
        {field('titel-en', rtText(l, 'add.titleEn'))}
        <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{rtText(l, 'add.submit')}</button></div>
      </form>
    </AdminLayout>
  );
}

export function RemovePage(p: { lang: Lang; path: string; session: Session; year: number; chapter: Chapter }) {
  const l = p.lang;
  const base = `/beheer/edities/${p.year}/rapporttekst`;
  const title = rtText(l, 'chapter.removeTitle', { title: p.chapter.title[l] || p.chapter.title.nl });
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      <p class="caption"><a class="utrecht-link" href={base}>{rtText(l, 'list.title', { year: p.year })}</a></p>
      <h1>{title}</h1>
      <p>{rtText(l, 'chapter.removeBody')}</p>
      <form method="post" action={`${base}/${p.chapter.slug}/verwijderen`}>
        <CsrfField session={p.session} />
        <div class="button-row">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">{rtText(l, 'chapter.removeConfirm')}</button>
          <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`${base}/${p.chapter.slug}`}>{rtText(l, 'cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
