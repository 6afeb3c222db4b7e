// /beheer/edities/:year/rapporttekst/:slug: one chapter's text in one language. Works without
// JavaScript: "Voorbeeld" posts the text and shows it rendered (placeholders resolved, a problem
// marked where it stands); report-text.js only makes the preview live.
import { raw } from 'hono/html';
import { formatDateTime } from '../../web/i18n.ts';
import { AdminLayout } from '../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../auth/index.ts';
import type { Lang } from '../questionnaire/index.ts';
import type { CatalogueGroup, Resolved } from './placeholder.model.ts';
import type { PlaceholderUse } from './markdown.model.ts';
import { rtText } from './report-text.i18n.ts';
import type { Draft } from './report-text.model.ts';
import type { ChapterState } from './report-text.service.ts';
import type { FieldError } from './chapters.views.tsx';

export type ChapterPageProps = {
  lang: Lang; path: string; session: Session; year: number; chapter: ChapterState; textLang: Lang;
  /** The text in the field: the draft, or what was posted (a preview, a refused save). */
  body: string; revision: number;
  preview: { html: string; uses: PlaceholderUse[]; unsaved: boolean };
  catalogue: CatalogueGroup[]; resolve: (name: string) => Resolved;
  history: Draft[];
  stale?: Draft; notice?: string; errors?: FieldError[];
};

export function ChapterPage(p: ChapterPageProps) {
  const l = p.lang;
  const base = `/beheer/edities/${p.year}/rapporttekst`;
  const action = `${base}/${p.chapter.slug}?taal=${p.textLang}`;
  const name = p.chapter.title[l] || p.chapter.title.nl;
  const title = rtText(l, 'chapter.title', { title: name, year: p.year });
  const langName = rtText(l, p.textLang === 'nl' ? 'chapter.langNl' : 'chapter.langEn');
  const bad = p.preview.uses.filter((u) => !u.resolved.ok);
  const errors = [
    ...(p.errors ?? []).map((e) => ({ field: e.field, message: rtText(l, e.key, e.params) })),
    ...bad.map((u) => ({ field: `plaatshouder-${u.index + 1}`, message: `{${u.name}}: ${rtText(l, `problem.${(u.resolved as { problem: 'unknown' }).problem}`)}` })),
  ];
  const refused = Boolean(p.stale || p.errors?.length);
  const titleErr = p.errors?.find((e) => e.field.startsWith('titel'));
  return (
    <AdminLayout lang={l} title={`${refused || errors.length ? rtText(l, 'error.prefix') : ''}${title}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={errors} intro={bad.length && !refused ? rtText(l, 'error.placeholders', { n: bad.length }) : undefined} />
      {p.stale ? (
        <div class="notice notice--warn" role="alert">
          <p>{rtText(l, 'chapter.stale', { by: p.stale.by ?? rtText(l, 'list.cli'), when: formatDateTime(l, new Date(p.stale.savedAt)), n: p.stale.revision })}</p>
        </div>
      ) : null}
      {p.notice ? <div class="notice notice--ok" role="status"><p>{p.notice}</p></div> : null}
      <p class="caption"><a class="utrecht-link" href={base}>{rtText(l, 'list.title', { year: p.year })}</a></p>
      <h1>{title}</h1>

      <nav aria-label={rtText(l, 'chapter.lang')}>
        <ul class="action-row">
          {(['nl', 'en'] as const).map((x) => (
            <li><a class="utrecht-link" href={`${base}/${p.chapter.slug}?taal=${x}`} aria-current={x === p.textLang ? 'page' : undefined}>{rtText(l, x === 'nl' ? 'chapter.langNl' : 'chapter.langEn')}</a></li>
          ))}
        </ul>
      </nav>

      <form method="post" action={action} novalidate class="report-text-form">
        <CsrfField session={p.session} />
        <input type="hidden" name="revisie" value={String(p.revision)} />
        <div class={p.errors?.some((e) => e.field === 'tekst') ? 'field--error' : undefined}>
          <label class="block utrecht-form-label" for="tekst">{rtText(l, 'chapter.text', { lang: langName })}</label>
          <p class="hint" id="tekst-hint">{rtText(l, 'chapter.textHint')}</p>
          <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="tekst" name="tekst" rows={18} lang={p.textLang} spellcheck={true} aria-describedby="tekst-hint" data-preview-url={`${base}/${p.chapter.slug}/voorbeeld?taal=${p.textLang}`}>{p.body}</textarea>
        </div>
        <div class="button-row">
          <button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="opslaan">{rtText(l, 'chapter.save')}</button>
          <button type="submit" name="actie" value="voorbeeld" class="secondary utrecht-button utrecht-button--secondary-action">{rtText(l, 'chapter.preview')}</button>
        </div>
      </form>

      <section aria-labelledby="voorbeeld-titel" class="report-text-preview">
        <h2 id="voorbeeld-titel">{rtText(l, 'chapter.previewTitle')}</h2>
        <p class="muted">{rtText(l, 'chapter.previewNote', { year: p.year })}{p.preview.unsaved ? ` ${rtText(l, 'chapter.notSavedPreview')}` : ''}</p>
        <div id="voorbeeld" class="report-text" lang={p.textLang} data-live-preview="">
          {p.body.trim() ? raw(p.preview.html) : <p>{rtText(l, 'chapter.previewEmpty')}</p>}
        </div>
      </section>

      {p.stale ? (
        <section aria-labelledby="collega-titel">
          <h2 id="collega-titel">{rtText(l, 'chapter.colleague', { n: p.stale.revision })}</h2>
          <pre class="report-text-source" lang={p.textLang}>{p.stale.body}</pre>
        </section>
      ) : null}

      <h2>{rtText(l, 'chapter.insert')}</h2>
      <p class="hint">{rtText(l, 'chapter.insertHint')}</p>
      {p.catalogue.map((g) => (
        <details class="placeholder-group">
          <summary>{g.title}</summary>
          <div class="table-scroll">
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="visually-hidden">{g.title}</caption>
              <thead><tr><th scope="col">{rtText(l, 'chapter.insertCol.name')}</th><th scope="col">{rtText(l, 'chapter.insertCol.label')}</th><th scope="col">{rtText(l, 'chapter.insertCol.value')}</th></tr></thead>
              <tbody>
                {g.entries.map((e) => {
                  const r = p.resolve(e.name);
                  return (
                    <tr>
                      <td><code>{`{${e.name}}`}</code></td>
                      <td>{e.label}</td>
                      <td>{r.ok ? r.text : rtText(l, `problem.${r.problem}`)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </details>
      ))}

      <h2 id="titel">{rtText(l, 'chapter.rename')}</h2>
      <form method="post" action={`${base}/${p.chapter.slug}/titel`} novalidate>
        <CsrfField session={p.session} />
        {(['nl', 'en'] as const).map((x) => (
          <div class={titleErr && x === 'nl' ? 'field--error' : undefined}>
            <label class="block utrecht-form-label" for={`titel-${x}`}>{rtText(l, x === 'nl' ? 'add.titleNl' : 'add.titleEn')}</label>
            {titleErr && x === 'nl' ? <p class="error-message utrecht-form-field-error-message" id="titel-nl-error">{rtText(l, titleErr.key)}</p> : null}
            <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id={`titel-${x}`} name={`titel-${x}`} lang={x} value={p.chapter.title[x]}
              aria-invalid={titleErr && x === 'nl' ? 'true' : undefined} aria-describedby={titleErr && x === 'nl' ? 'titel-nl-error' : undefined} />
          </div>
        ))}
        <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{rtText(l, 'chapter.renameSubmit')}</button></div>
      </form>

      <h2>{rtText(l, 'chapter.history', { lang: langName })}</h2>
      {p.history.length ? (
        <div class="table-scroll">
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{rtText(l, 'chapter.historyCaption')}</caption>
            <thead><tr><th scope="col">{rtText(l, 'chapter.historyCol.version')}</th><th scope="col">{rtText(l, 'chapter.historyCol.when')}</th><th scope="col">{rtText(l, 'chapter.historyCol.by')}</th></tr></thead>
            <tbody>
              {p.history.map((d) => (
                <tr><td>{d.revision}</td><td>{formatDateTime(l, new Date(d.savedAt))}</td><td>{d.by ?? rtText(l, 'list.cli')}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>{rtText(l, 'chapter.historyNone')}</p>}

      <p><a class="utrecht-link" href={`${base}/${p.chapter.slug}/verwijderen`}>{rtText(l, 'chapter.remove')}</a></p>
      <script src="/static/report-text.js" defer></script>
    </AdminLayout>
  );
}
