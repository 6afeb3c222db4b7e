// Building blocks of the questionnaire editor's pages: the page frame (error summary, notices for a
// colleague's change, answers that lock the edition, a saved change), Dutch and English side by
// side, and form fields that show their own error. No JavaScript needed anywhere.
import type { Child } from 'hono/jsx';
import { AdminLayout } from '../../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../../auth/index.ts';
import type { Lang, Text } from '../../questionnaire/index.ts';
import type { EditError, Part, Values } from '../editor/form.edit.ts';
import type { Reference } from '../editor/references.edit.ts';
import { eaText } from '../edition-admin.i18n.ts';
import { edText } from '../questionnaire-editor.i18n.ts';

/** "Deze editie heeft al antwoorden van N gemeenten; …" */
export function lockedText(lang: Lang, n: number): string {
  return eaText(lang, n === 1 ? 'qn.locked.one' : 'qn.locked.many', { n });
}

/** What every editor page gets from its route. */
export type EditorBase = {
  lang: Lang; path: string; session: Session; year: number; rev: number; answered: number;
  values?: Values; errors?: EditError[];
  /** Problems the questionnaire check found in the result (nothing was saved). */
  problems?: string[];
  /** A colleague changed the questionnaire since this page was opened: nothing was saved. */
  conflict?: boolean;
  notice?: string;
};

export function partText(l: Lang, p: Part | undefined): string {
  return p ? edText(l, p.key, p.params) : '';
}

export function refText(l: Lang, r: Reference): string {
  switch (r.kind) {
    case 'showIf': return edText(l, 'ref.showIf', { question: r.question });
    case 'keyResult': return edText(l, 'ref.keyResult', { text: r.text });
    case 'about': return edText(l, 'ref.about', { question: r.question, option: r.option });
    case 'lineage': return edText(l, 'ref.lineage', { question: r.question, edition: r.edition });
    case 'ownLineage': return edText(l, 'ref.ownLineage', { old: r.old });
  }
}

export function errorText(l: Lang, e: EditError): string {
  const part = partText(l, e.part);
  return edText(l, e.key, { ...e.params, part, Part: part.charAt(0).toUpperCase() + part.slice(1), refs: (e.refs ?? []).map((r) => refText(l, r)).join('; ') });
}

export const errorFor = (errors: readonly EditError[] | undefined, field: string) => errors?.find((e) => e.field === field);

/** The admin frame with error summary and notices; `problemField` is where the check's problems link to. */
export function EditorPage(p: EditorBase & { title: string; caption?: Child; problemField: string; children: Child; lead?: Child }) {
  const l = p.lang;
  const errors = p.errors ?? [];
  const problems = p.problems ?? [];
  const summary = [...errors.map((e) => ({ field: e.field, message: errorText(l, e) })), ...problems.map((message) => ({ field: p.problemField, message }))];
  const failed = summary.length > 0 || p.conflict;
  return (
    <AdminLayout lang={l} title={`${failed ? edText(l, 'error.prefix') : ''}${p.title}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={summary} intro={edText(l, 'notSaved')} />
      {p.conflict ? <div class="notice notice--warn" role="alert"><p>{edText(l, 'conflict')}</p></div> : null}
      {p.notice ? <div class="notice notice--ok" role="status"><p>{p.notice}</p></div> : null}
      {p.caption ? <p class="caption">{p.caption}</p> : null}
      <h1>{p.title}</h1>
      {p.lead}
      {p.answered > 0 ? <div class="notice notice--warn"><p>{lockedText(l, p.answered)}</p></div> : null}
      {p.children}
    </AdminLayout>
  );
}

/** The hidden fields every editing form carries: the CSRF token and the revision it was made on. */
export function FormHead(p: { session: Session; rev: number }) {
  return (
    <>
      <CsrfField session={p.session} />
      <input type="hidden" name="rev" value={String(p.rev)} />
    </>
  );
}

function ErrorLine(p: { lang: Lang; error?: EditError; id: string }) {
  return p.error ? <p class="error-message utrecht-form-field-error-message" id={`${p.id}-error`}>{errorText(p.lang, p.error)}</p> : null;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** A text in Dutch and English side by side (fields `<id>-nl`, `<id>-en`). */
export function Bilingual(p: { lang: Lang; id: string; legend: string; hint?: string; current?: Text; values?: Values; errors?: EditError[]; long?: boolean; optional?: boolean }) {
  const l = p.lang;
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  return (
    <fieldset class="bilingual" aria-describedby={hintId}>
      <legend>{p.legend}{p.optional ? ` ${edText(l, 'optional')}` : ''}</legend>
      {p.hint ? <p class="hint" id={hintId}>{p.hint}</p> : null}
      <div class="bilingual__pair">
        {(['nl', 'en'] as const).map((lang) => {
          const id = `${p.id}-${lang}`;
          const err = errorFor(p.errors, id);
          const value = p.values?.[id] ?? p.current?.[lang] ?? '';
          const common = { id, name: id, lang, 'aria-invalid': err ? 'true' : undefined, 'aria-describedby': describedBy(err && `${id}-error`) };
          return (
            <div class={err ? 'field--error' : undefined}>
              <label class="block utrecht-form-label" for={id}>{edText(l, lang === 'nl' ? 'lang.nl' : 'lang.en')}</label>
              <ErrorLine lang={l} error={err} id={id} />
              {p.long ? <textarea class="utrecht-textarea utrecht-textarea--html-textarea" rows={3} {...common}>{value}</textarea> : <input class="utrecht-textbox utrecht-textbox--html-input" type="text" value={value} {...common} />}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A label, its hint and its error above one control, which gets aria-invalid and aria-describedby. */
function Field(p: { lang: Lang; id: string; label: string; hint?: string; errors?: EditError[]; control: (aria: { 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => Child }) {
  const err = errorFor(p.errors, p.id);
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  return (
    <div class={err ? 'field--error' : undefined}>
      <label class="block utrecht-form-label" for={p.id}>{p.label}</label>
      {p.hint ? <p class="hint" id={hintId}>{p.hint}</p> : null}
      <ErrorLine lang={p.lang} error={err} id={p.id} />
      {p.control({ 'aria-invalid': err ? 'true' : undefined, 'aria-describedby': describedBy(hintId, err && `${p.id}-error`) })}
    </div>
  );
}

export function TextInput(p: { lang: Lang; id: string; label: string; hint?: string; value: string; errors?: EditError[]; width?: 'code' | 'number' | 'url' }) {
  return (
    <Field {...p} control={(aria) => (
      <input type={p.width === 'url' ? 'url' : 'text'} id={p.id} name={p.id} value={p.value}
        class={p.width ? `input--${p.width} utrecht-textbox utrecht-textbox--html-input` : 'utrecht-textbox utrecht-textbox--html-input'}
        spellcheck={p.width === 'code' || p.width === 'url' ? false : undefined} inputmode={p.width === 'number' ? 'numeric' : undefined} {...aria} />
    )} />
  );
}

export function Checkbox(p: { lang: Lang; id: string; name?: string; value?: string; label: string; hint?: string; checked: boolean; errors?: EditError[] }) {
  const err = errorFor(p.errors, p.id);
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  return (
    <div class={`choice${err ? ' field--error' : ''}`}>
      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={p.id} name={p.name ?? p.id} value={p.value ?? '1'} checked={p.checked}
        aria-describedby={describedBy(hintId, err && `${p.id}-error`)} aria-invalid={err ? 'true' : undefined} />
      <div>
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={p.id}>{p.label}</label>
        {p.hint ? <p class="hint choice__hint" id={hintId}>{p.hint}</p> : null}
        <ErrorLine lang={p.lang} error={err} id={p.id} />
      </div>
    </div>
  );
}

export type Choice = { value: string; label: string; hint?: string };

/** A radio group (ids `<name>-<value>`) or, with `multiple`, a group of checkboxes. */
export function Choices(p: { lang: Lang; name: string; legend: string; hint?: string; choices: Choice[]; checked: string[]; errors?: EditError[]; multiple?: boolean; small?: boolean }) {
  const ids = p.choices.map((c) => `${p.name}-${c.value || 'geen'}`);
  const err = p.errors?.find((e) => e.field === p.name || ids.includes(e.field));
  const hintId = p.hint ? `${p.name}-hint` : undefined;
  return (
    <fieldset class={err ? 'field--error' : undefined} aria-describedby={describedBy(hintId, err && `${p.name}-error`)}>
      <legend class={p.small ? 'legend--small' : undefined}>{p.legend}</legend>
      {p.hint ? <p class="hint" id={hintId}>{p.hint}</p> : null}
      <ErrorLine lang={p.lang} error={err} id={p.name} />
      {p.choices.map((c, i) => (
        <div class="choice">
          <input type={p.multiple ? 'checkbox' : 'radio'} class={p.multiple ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input'} id={ids[i]} name={p.name} value={c.value} checked={p.checked.includes(c.value)}
            aria-describedby={c.hint ? `${ids[i]}-hint` : undefined} />
          <div>
            <label class={p.multiple ? 'utrecht-form-label utrecht-form-label--checkbox' : 'utrecht-form-label utrecht-form-label--radio'} for={ids[i]}>{c.label}</label>
            {c.hint ? <p class="hint choice__hint" id={`${ids[i]}-hint`}>{c.hint}</p> : null}
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function Select(p: { lang: Lang; id: string; label: string; hint?: string; choices: Choice[]; value: string; errors?: EditError[] }) {
  return (
    <Field {...p} control={(aria) => (
      <select class="utrecht-select utrecht-select--html-select" id={p.id} name={p.id} {...aria}>
        {p.choices.map((c) => <option value={c.value} selected={c.value === p.value}>{c.label}</option>)}
      </select>
    )} />
  );
}

/** Links to the question's pages, shown on each of them. */
export function Crumb(p: { lang: Lang; year: number; question?: { key: string; n: number } }) {
  const base = `/beheer/edities/${p.year}/vragenlijst`;
  return (
    <>
      <a class="utrecht-link" href={base}>{edText(p.lang, 'overview.title', { year: p.year })}</a>
      {p.question ? <> · <a class="utrecht-link" href={`${base}/${p.question.key}`}>{edText(p.lang, 'question.title', { n: p.question.n })}</a></> : null}
    </>
  );
}

/** The notice of a read-only page: the edition has answers, or the reader may not change it. */
export function ReadOnly(p: { lang: Lang; back: string }) {
  return <p><a class="utrecht-link" href={p.back}>{edText(p.lang, 'back')}</a></p>;
}

/**
 * The form of one part of a question (options, items, tips, a scale): read-only once municipalities
 * have answered; else the revision, the fields and Save / Cancel. `enterSaves` puts a hidden Save
 * first, so Enter in a field saves instead of pressing the first "Omhoog" of the rows.
 */
export function PartForm(p: { lang: Lang; answered: number; back: string; action: string; session: Session; rev: number; enterSaves?: boolean; children: Child }) {
  const l = p.lang;
  if (p.answered > 0) return <ReadOnly lang={l} back={p.back} />;
  return (
    <form method="post" action={p.action} novalidate>
      <FormHead session={p.session} rev={p.rev} />
      {p.enterSaves ? <button type="submit" class="visually-hidden" tabindex={-1}>{edText(l, 'save')}</button> : null}
      {p.children}
      <div class="button-row">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">{edText(l, 'save')}</button>
        <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={p.back}>{eaText(l, 'confirm.cancel')}</a>
      </div>
    </form>
  );
}
