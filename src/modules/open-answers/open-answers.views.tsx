// The open answers pages: the overview of an edition (questions with text, the codes with their
// counts per edition, a new code), one question's texts with filters and a coding form per text,
// and the confirmation before a code goes. The ministry reads; only the bureau codes.
import { tx } from '../../web/i18n.ts';
import { AdminLayout } from '../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../auth/index.ts';
import type { Lang, Question } from '../questionnaire/questionnaire.model.ts';
import { oaText as t, type OpenAnswersKey } from './open-answers.i18n.ts';
import { type Code, type CodeInputError, highlight, type OpenText, type TextFilter, textKey } from './open-answers.model.ts';

type Base = { lang: Lang; path: string; session: Session; year: number };
const canCode = (s: Session) => s.account.role === 'admin';
const base = (year: number) => `/beheer/edities/${year}/open-antwoorden`;

export type QuestionRow = { number: number; question: Question; texts: number; coded: number };
export type CodeRow = Code & { counts: Map<number, number>; assigned: number };

export function OverviewPage(p: Base & {
  questions: QuestionRow[]; codes: CodeRow[]; editions: number[]; notice?: string;
  form?: { label: string; description: string; errors: CodeInputError[] };
}) {
  const l = p.lang;
  const errors = (p.form?.errors ?? []).map((e) => ({ field: e.startsWith('label') ? 'code-label' : 'code-description', message: t(l, `error.${e}`) }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <AdminLayout lang={l} title={`${errors.length ? (l === 'nl' ? 'Fout: ' : 'Error: ') : ''}${t(l, 'title', { year: p.year })}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={errors} />
      <p class="caption"><a class="utrecht-link" href={`/beheer/edities/${p.year}`}>{t(l, 'editionLink', { year: p.year })}</a></p>
      <h1>{t(l, 'title', { year: p.year })}</h1>
      {p.notice ? <div class="notice notice--ok" role="status"><p>{p.notice}</p></div> : null}
      <p class="lead">{t(l, 'intro')}</p>
      <h2>{t(l, 'questions')}</h2>
      <div class="table-scroll">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="visually-hidden">{t(l, 'questions.caption', { year: p.year })}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">{t(l, 'col.number')}</th>
              <th scope="col">{t(l, 'col.question')}</th>
              <th scope="col" class="num">{t(l, 'col.texts', { year: p.year })}</th>
              <th scope="col" class="num">{t(l, 'col.coded')}</th>
            </tr>
          </thead>
          <tbody>
            {p.questions.map((r) => (
              <tr>
                <td class="num">{String(r.number)}</td>
                <th scope="row">
                  <a class="utrecht-link" href={`${base(p.year)}/${r.question.key}`} aria-label={`${t(l, 'read.label', { n: r.number })}: ${tx(l, r.question.text)}`}>{tx(l, r.question.text)}</a>
                </th>
                <td class="num">{String(r.texts)}</td>
                <td class="num">{String(r.coded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p><a class="utrecht-link" href={`${base(p.year)}/export.csv`} download>{t(l, 'export', { year: p.year })}</a></p>

      <h2>{t(l, 'codes')}</h2>
      <p>{t(l, 'codes.intro')}</p>
      {p.codes.length === 0 ? <p>{t(l, 'codes.none')}</p> : (
        <div class="table-scroll">
          <table class="utrecht-table utrecht-table--html-table">
            <caption>{t(l, 'codes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(l, 'col.code')}</th>
                <th scope="col">{t(l, 'col.placeholder')}</th>
                {p.editions.map((e) => <th scope="col" class="num">{t(l, 'col.edition', { year: e })}</th>)}
                {canCode(p.session) ? <th scope="col">{t(l, 'col.remove')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.codes.map((c) => (
                <tr>
                  <th scope="row">{c.label}{c.description ? <><br /><span class="muted">{c.description}</span></> : null}</th>
                  <td><code>{`{code.${c.slug}.aantal}`}</code></td>
                  {p.editions.map((e) => <td class="num">{String(c.counts.get(e) ?? 0)}</td>)}
                  {canCode(p.session) ? <td><a class="utrecht-link" href={`${base(p.year)}/codes/${c.slug}/verwijderen`}>{t(l, 'remove.link', { label: c.label })}</a></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canCode(p.session) ? (
        <form method="post" action={`${base(p.year)}/codes`} novalidate>
          <CsrfField session={p.session} />
          <h3>{t(l, 'new')}</h3>
          <div class={errorOf('code-label') ? 'field--error' : undefined}>
            <label class="block utrecht-form-label" for="code-label">{t(l, 'new.label')}</label>
            <p class="hint" id="code-label-hint">{t(l, 'new.label.hint')}</p>
            {errorOf('code-label') ? <p class="error-message utrecht-form-field-error-message" id="code-label-error">{errorOf('code-label')}</p> : null}
            <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="code-label" name="label" value={p.form?.label ?? ''} maxlength={120}
              aria-describedby={errorOf('code-label') ? 'code-label-hint code-label-error' : 'code-label-hint'} aria-invalid={errorOf('code-label') ? 'true' : undefined} />
          </div>
          <div class={errorOf('code-description') ? 'field--error' : undefined}>
            <label class="block utrecht-form-label" for="code-description">{t(l, 'new.description')}</label>
            <p class="hint" id="code-description-hint">{t(l, 'new.description.hint')}</p>
            {errorOf('code-description') ? <p class="error-message utrecht-form-field-error-message" id="code-description-error">{errorOf('code-description')}</p> : null}
            <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="code-description" name="description" rows={2}
              aria-describedby={errorOf('code-description') ? 'code-description-hint code-description-error' : 'code-description-hint'}
              aria-invalid={errorOf('code-description') ? 'true' : undefined}>{p.form?.description ?? ''}</textarea>
          </div>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">{t(l, 'new.submit')}</button>
        </form>
      ) : null}
    </AdminLayout>
  );
}

/** The filter as query parameters, so a saved coding returns to the same list. */
export function filterQuery(f: TextFilter): string {
  const q = new URLSearchParams();
  if (f.search) q.set('zoek', f.search);
  if (f.province) q.set('provincie', f.province);
  q.set('editie', f.edition === undefined ? 'alle' : String(f.edition));
  if (f.code) q.set('code', f.code);
  return q.toString();
}

const domKey = (key: string) => `t-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const PART_KEY: Record<OpenText['part'], OpenAnswersKey> = { comment: 'part.comment', other: 'part.other', text: 'part.text' };

export function QuestionPage(p: Base & {
  question: Question; number: number; texts: OpenText[]; total: number; filter: TextFilter;
  provinces: string[]; editions: number[]; codes: Code[]; codesOf: (text: OpenText) => Code[]; saved?: string;
}) {
  const l = p.lang;
  const f = p.filter;
  const query = filterQuery(f);
  return (
    <AdminLayout lang={l} title={t(l, 'question.title', { question: tx(l, p.question.text) })} path={p.path} session={p.session}>
      <p class="caption"><a class="utrecht-link" href={base(p.year)}>{t(l, 'back')}</a> · {t(l, 'question.caption', { n: p.number, year: p.year })}</p>
      <h1>{t(l, 'question.title', { question: tx(l, p.question.text) })}</h1>
      <form method="get" action={`${base(p.year)}/${p.question.key}`} class="filters">
        <fieldset>
          <legend>{t(l, 'filter')}</legend>
          <label class="block utrecht-form-label" for="zoek">{t(l, 'filter.search')}</label>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="zoek" name="zoek" value={f.search ?? ''} />
          <label class="block utrecht-form-label" for="provincie">{t(l, 'filter.province')}</label>
          <select class="utrecht-select utrecht-select--html-select" id="provincie" name="provincie">
            <option value="">{t(l, 'filter.all')}</option>
            {p.provinces.map((x) => <option value={x} selected={f.province === x}>{x}</option>)}
          </select>
          <label class="block utrecht-form-label" for="editie">{t(l, 'filter.edition')}</label>
          <select class="utrecht-select utrecht-select--html-select" id="editie" name="editie">
            <option value="alle" selected={f.edition === undefined}>{t(l, 'filter.allEditions')}</option>
            {p.editions.map((e) => <option value={String(e)} selected={f.edition === e}>{String(e)}</option>)}
          </select>
          <label class="block utrecht-form-label" for="code">{t(l, 'filter.code')}</label>
          <select class="utrecht-select utrecht-select--html-select" id="code" name="code">
            <option value="">{t(l, 'filter.all')}</option>
            <option value="geen" selected={f.code === 'geen'}>{t(l, 'filter.noCode')}</option>
            {p.codes.map((c) => <option value={c.slug} selected={f.code === c.slug}>{c.label}</option>)}
          </select>
          <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action">{t(l, 'filter.submit')}</button>
        </fieldset>
      </form>
      <p role="status">{p.texts.length === 1 ? t(l, 'count.one', { total: p.total }) : t(l, 'count', { n: p.texts.length, total: p.total })}</p>
      {p.texts.length === 0 ? <p>{t(l, 'none')}</p> : null}
      {canCode(p.session) && p.codes.length === 0 ? <p>{t(l, 'text.needCodes')}</p> : null}
      <ol class="editor-list open-texts">
        {p.texts.map((text) => {
          const key = textKey(text);
          const id = domKey(key);
          const codes = p.codesOf(text);
          const heading = t(l, 'text.heading', { name: text.name, province: text.province, year: text.edition, part: t(l, PART_KEY[text.part]) });
          return (
            <li id={id}>
              <h2 class="open-texts__heading">{heading}</h2>
              <blockquote>
                <p>{highlight(text.text, f.search).map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</p>
              </blockquote>
              {p.saved === key ? <div class="notice notice--ok" role="status" tabindex={-1}><p>{t(l, 'text.saved')}</p></div> : null}
              {canCode(p.session) && p.codes.length ? (
                <form method="post" action={`${base(p.year)}/${p.question.key}?${query}`}>
                  <CsrfField session={p.session} />
                  <input type="hidden" name="tekst" value={key} />
                  <input type="hidden" name="voor" value={codes.map((c) => c.id).join(',')} />
                  <fieldset>
                    <legend>{t(l, 'text.codes')}<span class="visually-hidden">{`: ${heading}`}</span></legend>
                    <div class="choices choices--inline">
                      {p.codes.map((c) => (
                        <div class="choice">
                          <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`${id}-${c.slug}`} name="code" value={String(c.id)} checked={codes.some((x) => x.id === c.id)} />
                          <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${id}-${c.slug}`}>{c.label}</label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                  <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action">{t(l, 'text.save')}<span class="visually-hidden">{`: ${heading}`}</span></button>
                </form>
              ) : (
                <p class="muted">{codes.length ? codes.map((c) => c.label).join(', ') : t(l, 'text.noCodes')}</p>
              )}
            </li>
          );
        })}
      </ol>
    </AdminLayout>
  );
}

export function RemovePage(p: Base & { code: Code; assigned: number }) {
  const l = p.lang;
  return (
    <AdminLayout lang={l} title={t(l, 'remove.title', { label: p.code.label })} path={p.path} session={p.session}>
      <h1>{t(l, 'remove.title', { label: p.code.label })}</h1>
      <p>{t(l, 'remove.body', { n: p.assigned, placeholder: `{code.${p.code.slug}.aantal}` })}</p>
      <form method="post" action={`${base(p.year)}/codes/${p.code.slug}/verwijderen`}>
        <CsrfField session={p.session} />
        <div class="button-row">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">{t(l, 'remove.confirm')}</button>
          <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={base(p.year)}>{t(l, 'remove.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
