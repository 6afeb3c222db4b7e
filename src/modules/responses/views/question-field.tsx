// One question as form controls: fieldset/legend for choices, a table of radio groups for a matrix.
import { answerOptions, type Lang, type Question, type Questionnaire } from '../../questionnaire/questionnaire.model.ts';
import { t, tx } from '../../../web/i18n.ts';
import type { Answer } from '../answer.model.ts';
import { fieldId, type FieldError, MAX_TEXT } from '../answer-form.ts';

type Props = {
  q: Question; qn: Questionnaire; lang: Lang; answer: Answer | undefined; errors: FieldError[]; number: number;
  /** The bureau's preview: every question shown (no live show_if), as without JavaScript. */
  preview?: boolean;
};

const domId = (field: string) => field.replace(/\./g, '-');
// NL Design System inputs (decision 020); the matrix keeps its own compact radios.
const RADIO = 'utrecht-radio-button utrecht-radio-button--html-input';
const CHECKBOX = 'utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom';

/**
 * How long a text may be, as a hint the field refers to; with JavaScript (app.js) a status under
 * the field says how many characters are left, or how many too many, as the GOV.UK character count.
 */
export function CharLimit({ lang, field, max }: { lang: Lang; field: string; max: number }) {
  const n = (x: number) => x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  return (
    <p class="hint char-limit" id={`${domId(field)}-limit`} data-field={domId(field)} data-max={String(max)}
      data-left={t(lang, 'question.charsLeft')} data-over={t(lang, 'question.charsOver')} data-locale={lang === 'nl' ? 'nl-NL' : 'en-GB'}>
      {t(lang, 'question.maxChars', { max: n(max) })}
    </p>
  );
}

export function errorText(lang: Lang, qn: Questionnaire, e: FieldError): string {
  const q = qn.questions.find((x) => x.key === e.question);
  const opt = q && e.params?.option ? answerOptions(q, qn).find((o) => o.code === e.params?.option) : undefined;
  return t(lang, e.message, { ...e.params, option: opt ? tx(lang, opt.label) : (e.params?.option ?? '') });
}

export function QuestionField({ q, qn, lang, answer, errors, number, preview }: Props) {
  const opts = answerOptions(q, qn);
  const mine = errors.filter((e) => e.question === q.key);
  const has = (field: string) => mine.some((e) => e.field === field);
  const describedBy = (field: string) => (has(field) ? `${domId(field)}-error` : undefined);
  const ids = (...xs: (string | false | undefined)[]) => xs.filter(Boolean).join(' ') || undefined;
  // A required question says so in its name; its help text follows the question and is part of its description.
  const legend = (
    <>
      {`${number}. ${tx(lang, q.text)}`}
      {q.required ? <span class="required-mark"> {t(lang, 'question.required')}</span> : null}
    </>
  );
  const helpId = `${domId(fieldId(q.key))}-help`;
  const help = q.help ? <p class="hint question-help" id={helpId}>{tx(lang, q.help)}</p> : null;
  const hasHelp = !!q.help && helpId;
  const showIf = q.showIf && !preview ? JSON.stringify(q.showIf) : undefined;
  const parent = q.showIf ? qn.questions.find((x) => x.key === q.showIf?.question) : undefined;
  const showIfHintId = `${domId(fieldId(q.key))}-showif`;
  const showIfHint = parent && q.showIf ? (
    <p class="hint" id={showIfHintId}>
      {t(lang, 'question.showIfHint', {
        question: tx(lang, parent.text),
        options: q.showIf.in.map((c) => tx(lang, answerOptions(parent, qn).find((o) => o.code === c)?.label ?? { nl: c, en: c })).join(', '),
      })}
    </p>
  ) : null;
  const other = opts.find((o) => o.other);
  const exclusive = opts.find((o) => o.exclusive);
  const chosen = q.type === 'single' ? [answer?.value] : (answer?.values ?? []);
  const err = (e: FieldError) => errorText(lang, qn, e);

  // The toelichting belongs to the question: inside its fieldset, so "Toelichting" is announced with the question.
  const comment = q.comment ? (
    <div class={`comment${has(fieldId(q.key, 'comment')) ? ' field--error' : ''}`}>
      <label class="block utrecht-form-label" for={domId(fieldId(q.key, 'comment'))}>{t(lang, 'question.comment')}</label>
      <CharLimit lang={lang} field={fieldId(q.key, 'comment')} max={MAX_TEXT} />
      {mine.filter((e) => e.field === fieldId(q.key, 'comment')).map((e) => <p class="error-message utrecht-form-field-error-message" id={`${domId(fieldId(q.key, 'comment'))}-error`}>{err(e)}</p>)}
      <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id={domId(fieldId(q.key, 'comment'))} name={fieldId(q.key, 'comment')} rows={3}
        aria-describedby={ids(`${domId(fieldId(q.key, 'comment'))}-limit`, describedBy(fieldId(q.key, 'comment')))} aria-invalid={has(fieldId(q.key, 'comment')) ? 'true' : undefined}>{answer?.comment ?? ''}</textarea>
    </div>
  ) : null;

  const body =
    q.type === 'matrix' ? (
      <fieldset aria-describedby={ids(hasHelp, describedBy(fieldId(q.key)), parent && showIfHintId)}>
        <legend>{legend}</legend>
        {help}
        {showIfHint}
        <table class="matrix">
          {/* The table's own name, for screen readers that list tables (issue 22); the legend shows it. */}
          <caption class="visually-hidden">{tx(lang, q.text)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'question.item')}</th>
              {opts.map((o) => <th scope="col">{tx(lang, o.label)}</th>)}
              <th scope="col" class="matrix-none">{t(lang, 'question.clear')}</th>
            </tr>
          </thead>
          <tbody>
            {(q.items ?? []).map((item) => {
              const name = fieldId(q.key, item.code);
              const rowId = domId(name);
              const value = answer?.items?.[item.code];
              const cell = (code: string, label: string, extra?: string) => (
                <td class={extra}>
                  <label class="matrix-choice" for={`${rowId}-${code || 'none'}`}>
                    <input type="radio" name={name} value={code} id={`${rowId}-${code || 'none'}`} checked={code ? value === code : !value}
                      aria-invalid={has(name) ? 'true' : undefined} aria-describedby={describedBy(name)} />
                    <span class="matrix-choice__text"><span class="visually-hidden">{tx(lang, item.label)}: </span>{label}</span>
                  </label>
                </td>
              );
              return (
                <tr class={has(name) ? 'field--error' : undefined}>
                  <th scope="row" id={`${rowId}-label`}>
                    {tx(lang, item.label)}
                    {mine.filter((e) => e.field === name).map((e) => <p class="error-message utrecht-form-field-error-message" id={`${rowId}-error`}>{err(e)}</p>)}
                  </th>
                  {opts.map((o) => cell(o.code, tx(lang, o.label)))}
                  {cell('', t(lang, 'question.clear'), 'matrix-none')}
                </tr>
              );
            })}
          </tbody>
        </table>
        {comment}
      </fieldset>
    ) : q.type === 'text' ? (
      <div>
        <label class="block utrecht-form-label" for={domId(fieldId(q.key))}>{legend}</label>
        {help}
        {showIfHint}
        <CharLimit lang={lang} field={fieldId(q.key)} max={MAX_TEXT} />
        {mine.filter((e) => e.field === fieldId(q.key)).map((e) => <p class="error-message utrecht-form-field-error-message" id={`${domId(fieldId(q.key))}-error`}>{err(e)}</p>)}
        <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id={domId(fieldId(q.key))} name={fieldId(q.key)} rows={5} aria-describedby={ids(hasHelp, parent && showIfHintId, `${domId(fieldId(q.key))}-limit`, describedBy(fieldId(q.key)))}
          aria-invalid={has(fieldId(q.key)) ? 'true' : undefined}>{answer?.text ?? ''}</textarea>
        {comment}
      </div>
    ) : (
      <fieldset class="utrecht-form-fieldset" aria-describedby={ids(hasHelp, parent && showIfHintId, q.type === 'multi' && `${domId(fieldId(q.key))}-hint`, describedBy(fieldId(q.key)))}>
        <legend>{legend}</legend>
        {help}
        {showIfHint}
        {q.type === 'multi' ? (
          <p class="hint" id={`${domId(fieldId(q.key))}-hint`}>
            {t(lang, 'question.multiHint')} {exclusive ? t(lang, 'question.exclusiveHint', { option: tx(lang, exclusive.label) }) : ''}
          </p>
        ) : null}
        {mine.filter((e) => e.field === fieldId(q.key)).map((e) => <p class="error-message utrecht-form-field-error-message" id={`${domId(fieldId(q.key))}-error`}>{err(e)}</p>)}
        {opts.map((o) => {
          const id = `${domId(fieldId(q.key))}-${o.code}`;
          return (
            <div class="choice">
              <input type={q.type === 'single' ? 'radio' : 'checkbox'} class={q.type === 'single' ? RADIO : CHECKBOX} name={fieldId(q.key)} value={o.code} id={id} checked={chosen.includes(o.code)}
                data-exclusive={q.type === 'multi' && o.exclusive ? '' : undefined} />
              <label class={`utrecht-form-label utrecht-form-label--${q.type === 'single' ? 'radio' : 'checkbox'}`} for={id}>{tx(lang, o.label)}</label>
            </div>
          );
        })}
        {q.type === 'single' ? (
          <div class="choice">
            <input type="radio" class={RADIO} name={fieldId(q.key)} value="" id={`${domId(fieldId(q.key))}-none`} checked={!answer?.value} />
            <label for={`${domId(fieldId(q.key))}-none`} class="muted utrecht-form-label utrecht-form-label--radio">{t(lang, 'question.clear')}</label>
          </div>
        ) : null}
        {other ? (
          <div class={`other-text${has(fieldId(q.key, 'other')) ? ' field--error' : ''}`}>
            <label class="block utrecht-form-label" for={domId(fieldId(q.key, 'other'))}>{t(lang, 'question.otherFor', { option: tx(lang, other.label) })}</label>
            {mine.filter((e) => e.field === fieldId(q.key, 'other')).map((e) => <p class="error-message utrecht-form-field-error-message" id={`${domId(fieldId(q.key, 'other'))}-error`}>{err(e)}</p>)}
            <input type="text" class="utrecht-textbox utrecht-textbox--html-input" id={domId(fieldId(q.key, 'other'))} name={fieldId(q.key, 'other')} value={answer?.other ?? ''}
              aria-describedby={describedBy(fieldId(q.key, 'other'))} aria-invalid={has(fieldId(q.key, 'other')) ? 'true' : undefined} />
          </div>
        ) : null}
        {comment}
      </fieldset>
    );

  return (
    <div class={`question${mine.length ? ' field--error' : ''}`} id={`vraag-${q.key}`} data-show-if={showIf}>
      {body}
    </div>
  );
}

export { domId };

/** The element an error-summary link moves focus to: the first control of the field. */
export function errorTarget(qn: Questionnaire, e: FieldError): string {
  const q = qn.questions.find((x) => x.key === e.question);
  const first = q ? answerOptions(q, qn)[0]?.code : undefined;
  const textField = e.field.endsWith('.other') || e.field.endsWith('.comment');
  const isChoiceField = q && !textField && (e.field === fieldId(q.key) ? q.type === 'single' || q.type === 'multi' : q.type === 'matrix');
  return isChoiceField && first ? `${domId(e.field)}-${first}` : domId(e.field);
}
