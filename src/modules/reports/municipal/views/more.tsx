// Part 3, "Wat uw gemeente nog meer kan doen": the tips its answers lead to, per theme, each with
// why it is shown and a link; then the invitation to discuss the results with its own advisor,
// with a form that asks the advisor (by e-mail, through the outbox) to get in touch.
import type { Lang } from '../../../questionnaire/index.ts';
import { rt } from '../i18n.ts';
import type { MunicipalReport } from '../model.ts';
import { themeTitle } from './practice.tsx';

export type RequestField = 'naam' | 'email' | 'bericht';
export type RequestForm = {
  action: string;
  values?: Partial<Record<RequestField, string>>;
  errors?: Partial<Record<RequestField, string>>;
};
/** respondent: the form; staff: a note that the municipality can ask; example: nothing is sent. */
export type AdvisorMode = { kind: 'respondent'; form: RequestForm; notice?: 'sent' | 'already' } | { kind: 'staff' } | { kind: 'example' };

/** Only web addresses become links: a tip's URL is questionnaire content that staff can edit. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function Tips({ r }: { r: MunicipalReport }) {
  const lang = r.lang;
  const themes = r.themes.filter((t) => t.tips.length);
  if (!themes.length) return <p>{rt(lang, 'tips.none')}</p>;
  return (
    <>
      <p>{rt(lang, 'tips.intro')}</p>
      {themes.map((t) => (
        <section class="report-tips" aria-labelledby={`tips-${t.key}`}>
          {/* The theme's own section above has the same title: "Tips bij" tells the two regions apart. */}
          <h3 id={`tips-${t.key}`}><span class="visually-hidden">{rt(lang, 'tips.for')} </span>{themeTitle(lang, t)}</h3>
          <ul class="tip-list">
            {t.tips.map((tip) => (
              <li class="tip">
                <p>{tip.text}</p>
                <p class="note">{rt(lang, 'tips.because', { question: tip.questionText, reason: tip.reason })}</p>
                {isWebUrl(tip.url) ? (
                  <p>
                    <a href={tip.url} rel="noopener">
                      {rt(lang, 'tips.more')}<span class="visually-hidden"> {rt(lang, 'tips.moreAbout', { text: tip.text })}</span>
                    </a>
                    <span class="print-url"> ({tip.url})</span>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Field({ lang, name, label, form, type = 'text' }: { lang: Lang; name: RequestField; label: string; form: RequestForm; type?: string }) {
  const error = form.errors?.[name];
  const id = `adviseur-${name}`;
  const value = form.values?.[name] ?? '';
  const describedBy = error ? `${id}-fout` : undefined;
  return (
    <div class={error ? 'field--error' : undefined}>
      <label class="block" for={id}>{label}</label>
      {error ? <p class="error-message" id={`${id}-fout`}><span class="visually-hidden">{rt(lang, 'err.title')}: </span>{error}</p> : null}
      {type === 'textarea'
        ? <textarea id={id} name={name} rows={4} maxlength={2000} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>{value}</textarea>
        : <input type={type} id={id} name={name} value={value} autocomplete={type === 'email' ? 'email' : 'name'} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} />}
    </div>
  );
}

/** `level`: the form's heading level, one below the heading it stands under (h3 in the report, h1 alone). */
export function RequestFormView({ lang, advisorName, form, level = 4 }: { lang: Lang; advisorName: string; form: RequestForm; level?: 2 | 4 }) {
  const errors = Object.entries(form.errors ?? {});
  const Heading = `h${level}` as 'h2' | 'h4';
  const SubHeading = `h${level + 1}` as 'h3' | 'h5';
  return (
    <form method="post" action={form.action} class="advisor-form no-print" novalidate>
      <Heading>{rt(lang, 'adv.form')}</Heading>
      {errors.length ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <SubHeading>{rt(lang, 'err.title')}</SubHeading>
          <ul>{errors.map(([k, m]) => <li><a href={`#adviseur-${k}`}>{m}</a></li>)}</ul>
        </div>
      ) : null}
      <p>{rt(lang, 'adv.formIntro')}</p>
      <Field lang={lang} name="naam" label={rt(lang, 'adv.name')} form={form} />
      <Field lang={lang} name="email" label={rt(lang, 'adv.from')} form={form} type="email" />
      <Field lang={lang} name="bericht" label={rt(lang, 'adv.message')} form={form} type="textarea" />
      <div class="button-row"><button type="submit">{rt(lang, 'adv.send', { name: advisorName })}</button></div>
    </form>
  );
}

function AdvisorInvitation({ r, mode }: { r: MunicipalReport; mode: AdvisorMode }) {
  const { lang, advisor } = r;
  return (
    <section class="advisor" aria-labelledby="adviseur">
      <h3 id="adviseur" tabindex={-1}>{rt(lang, 'adv.title')}</h3>
      {mode.kind === 'respondent' && mode.notice && advisor ? (
        <div class="notice notice--ok" role="status"><p>{rt(lang, mode.notice === 'sent' ? 'adv.sent' : 'adv.already', { name: advisor.name })}</p></div>
      ) : null}
      <p>{rt(lang, 'adv.intro')}</p>
      {!advisor ? <p>{rt(lang, 'adv.none')}</p> : (
        <>
          <dl class="advisor-card">
            <dt>{rt(lang, 'adv.yours')}</dt><dd>{advisor.name}</dd>
            <dt>{rt(lang, 'adv.email')}</dt><dd><a href={`mailto:${advisor.email}`}>{advisor.email}</a></dd>
            {advisor.phone ? <><dt>{rt(lang, 'adv.phone')}</dt><dd>{advisor.phone}</dd></> : null}
          </dl>
          {mode.kind === 'respondent' ? <RequestFormView lang={lang} advisorName={advisor.name} form={mode.form} />
            : <p class="note">{rt(lang, mode.kind === 'staff' ? 'adv.staff' : 'adv.exampleNote')}</p>}
        </>
      )}
    </section>
  );
}

export function MorePart({ r, mode }: { r: MunicipalReport; mode: AdvisorMode }) {
  return (
    <section class="report-part" aria-labelledby="meer-doen">
      <h2 id="meer-doen">{rt(r.lang, 'part3')}</h2>
      <Tips r={r} />
      <AdvisorInvitation r={r} mode={mode} />
    </section>
  );
}
