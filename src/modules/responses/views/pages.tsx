// The respondent's pages: start, one theme, review, confirmation.
import type { Lang, Question, Questionnaire } from '../../questionnaire/questionnaire.model.ts';
import { formatDate, formatDateTime, t, tx } from '../../../web/i18n.ts';
import { Layout } from '../../../web/layout.tsx';
import type { Answer, Answers } from '../answer.model.ts';
import { estimatedMinutes, type FieldError, fieldId, themeProgress, themeQuestions, unansweredRequired } from '../answer-form.ts';
import type { Conflict } from '../responses.repo.ts';
import { AnswerSummary, AnswerText } from './answer-summary.tsx';
import { domId, errorTarget, errorText, QuestionField } from './question-field.tsx';

type Base = { lang: Lang; path: string; qn: Questionnaire; municipality: string; base: string };

export function StartPage(p: Base & { answers: Answers; closesOn: string | null; editable: boolean; submittedAt: Date | null; saved: boolean; contactEmail?: string }) {
  const progress = p.qn.themes.map((th) => ({ theme: th, ...themeProgress(p.qn, th.key, p.answers) }));
  const next = progress.find((x) => x.answered < x.total);
  const started = progress.some((x) => x.started);
  return (
    <Layout lang={p.lang} title={t(p.lang, 'start.title', { year: p.qn.edition })} path={p.path}>
      <p class="caption">{t(p.lang, 'start.for', { name: p.municipality })}</p>
      <h1>{t(p.lang, 'start.title', { year: p.qn.edition })}</h1>
      {/* Focus lands on the message (autofocus works without JavaScript), so a screen reader reads it: issue 22. */}
      {p.saved ? <div class="notice notice--ok utrecht-alert utrecht-alert--ok" role="status" tabindex={-1} autofocus><p>{t(p.lang, 'start.saved')}</p></div> : null}
      {p.submittedAt ? <div class="notice notice--ok utrecht-alert utrecht-alert--ok"><p>{t(p.lang, 'start.submitted', { date: formatDateTime(p.lang, p.submittedAt) })}</p></div> : null}
      {!p.editable ? <div class="notice notice--warn utrecht-alert utrecht-alert--warning"><p>{t(p.lang, 'start.closed')}</p></div> : null}
      {p.editable ? (
        <>
          <p class="lead">{t(p.lang, 'start.intro')}</p>
          <p>{t(p.lang, 'start.duration', { minutes: estimatedMinutes(p.qn) })}{p.closesOn ? ` ${t(p.lang, 'start.closes', { date: formatDate(p.lang, p.closesOn) })}` : ''}</p>
          <p>
            {p.contactEmail
              ? <>{t(p.lang, 'start.contact')} <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a></>
              : <a href={`/contact${p.lang === 'en' ? '?lang=en' : ''}`}>{t(p.lang, 'start.contactPage')}</a>}
          </p>
        </>
      ) : null}
      <h2>{t(p.lang, 'start.themes')}</h2>
      <ol class="theme-list">
        {progress.map((x) => {
          const state = x.answered === x.total && x.total > 0 ? 'done' : x.started ? 'busy' : 'todo';
          return (
            <li>
              <span>
                {p.editable ? <a class="theme-link" href={`${p.base}/thema/${x.theme.key}`}>{tx(p.lang, x.theme.title)}</a> : tx(p.lang, x.theme.title)}
                <br />
                <span class="muted">{t(p.lang, 'start.progress', { answered: x.answered, total: x.total })}</span>
              </span>
              <span class={`tag tag--${state}`}>{t(p.lang, `start.status.${state}`)}</span>
            </li>
          );
        })}
      </ol>
      {p.editable ? (
        <div class="button-row">
          {next ? (
            <a class="button utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`${p.base}/thema/${next.theme.key}`}>
              {started ? t(p.lang, 'start.continue', { theme: tx(p.lang, next.theme.short) }) : t(p.lang, 'start.begin')}
            </a>
          ) : null}
          <a class={next ? 'button secondary' : 'button'} href={`${p.base}/controleren`}>{t(p.lang, 'start.review')}</a>
        </div>
      ) : (
        <>
          {p.submittedAt ? <p><a class="button utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`${p.base}/rapport`}>{t(p.lang, 'done.report')}</a></p> : null}
          <h2>{t(p.lang, 'done.answers')}</h2>
          <AnswerSummary qn={p.qn} lang={p.lang} answers={p.answers} level={3} />
        </>
      )}
    </Layout>
  );
}

export type ThemePageProps = Base & {
  theme: string;
  answers: Answers;
  errors: FieldError[];
  conflicts: Conflict[];
  baseVersions: Record<string, number>;
  /** Came here with "Wijzig" from the check page: saving goes back there. */
  fromReview?: boolean;
};

/** A theme's heading, introduction and what to skip; `level` 2 when it sits under another page's h1 (the bureau's preview). */
export function ThemeIntro(p: { lang: Lang; qn: Questionnaire; theme: string; level?: 1 | 2 }) {
  const theme = p.qn.themes.find((x) => x.key === p.theme);
  if (!theme) return null;
  const Heading = p.level === 2 ? 'h2' : 'h1';
  const required = themeQuestions(p.qn, p.theme).some((q) => q.required);
  return (
    <>
      <Heading>{tx(p.lang, theme.title)}</Heading>
      <p class="lead">{tx(p.lang, theme.intro)}</p>
      <p class="muted">{t(p.lang, required ? 'theme.requiredNote' : 'theme.optional')}</p>
    </>
  );
}

/** A theme's questions as form fields, numbered as in the whole questionnaire. */
export function ThemeQuestions(p: { lang: Lang; qn: Questionnaire; theme: string; answers: Answers; errors: FieldError[]; preview?: boolean }) {
  return (
    <>
      {themeQuestions(p.qn, p.theme).map((q) => (
        <QuestionField q={q} qn={p.qn} lang={p.lang} answer={p.answers[q.key]} errors={p.errors} number={p.qn.questions.indexOf(q) + 1} preview={p.preview} />
      ))}
    </>
  );
}

export function ThemePage(p: ThemePageProps) {
  const idx = p.qn.themes.findIndex((x) => x.key === p.theme);
  const theme = p.qn.themes[idx];
  const isLast = idx === p.qn.themes.length - 1;
  const hasProblems = p.errors.length > 0 || p.conflicts.length > 0;
  const title = `${hasProblems ? (p.lang === 'nl' ? 'Fout: ' : 'Error: ') : ''}${tx(p.lang, theme.title)}`;
  return (
    <Layout lang={p.lang} title={title} path={p.path}>
      {p.errors.length ? (
        <div class="error-summary utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">{t(p.lang, 'errors.title')}</h2>
          <p>{t(p.lang, 'errors.notSaved')}</p>
          <ul>
            {p.errors.map((e) => (
              <li><a class="utrecht-link" href={`#${errorTarget(p.qn, e)}`}>{errorText(p.lang, p.qn, e)}</a></li>
            ))}
          </ul>
        </div>
      ) : null}
      <p><a class="back-link" href={p.fromReview ? `${p.base}/controleren` : idx > 0 ? `${p.base}/thema/${p.qn.themes[idx - 1].key}` : p.base}>{t(p.lang, 'theme.back')}</a></p>
      <p class="caption">{t(p.lang, 'theme.step', { n: idx + 1, total: p.qn.themes.length })} · {p.municipality}</p>
      <ThemeIntro lang={p.lang} qn={p.qn} theme={p.theme} />
      <form method="post" action={`${p.base}/thema/${p.theme}`} novalidate>
        <input type="hidden" name="base" value={JSON.stringify(p.baseVersions)} />
        {p.fromReview ? <input type="hidden" name="terug" value="controleren" /> : null}
        {p.conflicts.length ? <ConflictBox {...p} /> : null}
        <ThemeQuestions lang={p.lang} qn={p.qn} theme={p.theme} answers={p.answers} errors={p.errors} />
        <div class="button-row">
          {p.fromReview
            ? <button type="submit" class="utrecht-button utrecht-button--primary-action" name="actie" value="controleren">{t(p.lang, 'theme.saveReview')}</button>
            : <button type="submit" class="utrecht-button utrecht-button--primary-action" name="actie" value={isLast ? 'controleren' : 'volgende'}>{t(p.lang, isLast ? 'theme.toReview' : 'theme.next')}</button>}
          {idx > 0 && !p.fromReview ? <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action" name="actie" value="vorige">{t(p.lang, 'theme.previous')}</button> : null}
          <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action" name="actie" value="later">{t(p.lang, 'theme.saveLater')}</button>
        </div>
      </form>
    </Layout>
  );
}

function ConflictBox(p: ThemePageProps) {
  return (
    <div class="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t(p.lang, 'conflict.title')}</h2>
      <p>{t(p.lang, 'conflict.intro')}</p>
      {p.conflicts.map((c) => {
        const q = p.qn.questions.find((x) => x.key === c.question);
        if (!q) return null;
        const name = `keuze.${c.question}`;
        return (
          <fieldset>
            <legend>{t(p.lang, 'conflict.choose', { question: tx(p.lang, q.text) })}</legend>
            <p><strong>{t(p.lang, 'conflict.theirs')}:</strong></p>
            <AnswerText q={q} qn={p.qn} lang={p.lang} answer={c.theirs} />
            <p><strong>{t(p.lang, 'conflict.yours')}:</strong></p>
            <AnswerText q={q} qn={p.qn} lang={p.lang} answer={p.answers[c.question] as Answer | undefined} />
            <div class="choice">
              <input type="radio" id={`${domId(name)}-mijn`} name={name} value="mijn" checked />
              <label for={`${domId(name)}-mijn`}>{t(p.lang, 'conflict.keepMine')}</label>
            </div>
            <div class="choice">
              <input type="radio" id={`${domId(name)}-collega`} name={name} value="collega" />
              <label for={`${domId(name)}-collega`}>{t(p.lang, 'conflict.keepTheirs')}</label>
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

/** Where a required question is answered: its theme page, at its first control. */
function questionHref(p: Base, q: Question): string {
  return `${p.base}/thema/${q.theme}#${errorTarget(p.qn, { field: fieldId(q.key), question: q.key, message: 'error.invalidOption' })}`;
}

/**
 * Check your answers. Required questions still unanswered are listed; `refused` after a submit
 * without them: an error summary linking to each, and nothing is sent.
 */
export function ReviewPage(p: Base & { answers: Answers; refused?: boolean }) {
  const missing = unansweredRequired(p.qn, p.answers);
  const number = (q: Question) => p.qn.questions.indexOf(q) + 1;
  const links = missing.map((q) => (
    <li><a class="utrecht-link" href={questionHref(p, q)}>{t(p.lang, 'review.requiredQuestion', { n: number(q), question: tx(p.lang, q.text) })}</a></li>
  ));
  const refused = p.refused && missing.length > 0;
  return (
    <Layout lang={p.lang} title={`${refused ? (p.lang === 'nl' ? 'Fout: ' : 'Error: ') : ''}${t(p.lang, 'review.title')}`} path={p.path}>
      {refused ? (
        <div class="error-summary utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">{t(p.lang, 'errors.title')}</h2>
          <p>{t(p.lang, 'review.requiredRefused', { n: missing.length })}</p>
          <ul>{links}</ul>
        </div>
      ) : null}
      <p class="caption">{t(p.lang, 'start.for', { name: p.municipality })}</p>
      <h1>{t(p.lang, 'review.title')}</h1>
      <p class="lead">{t(p.lang, 'review.intro')}</p>
      {missing.length && !refused ? (
        <div class="notice notice--warn utrecht-alert utrecht-alert--warning">
          <p>{t(p.lang, 'review.requiredMissing', { n: missing.length })}</p>
          <ul>{links}</ul>
        </div>
      ) : null}
      <AnswerSummary qn={p.qn} lang={p.lang} answers={p.answers} changeHref={(theme, q) => `${p.base}/thema/${theme}?terug=controleren#vraag-${q}`} />
      <form method="post" action={`${p.base}/verzenden`}>
        <p>{t(p.lang, 'review.submitNote')}</p>
        <div class="button-row">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">{t(p.lang, 'review.submit')}</button>
          <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={p.base}>{t(p.lang, 'page.back')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function DonePage(p: Base & { answers: Answers; submittedAt: Date; closesOn: string | null; editable: boolean }) {
  return (
    <Layout lang={p.lang} title={t(p.lang, 'done.title')} path={p.path}>
      <div class="notice notice--ok notice--done utrecht-alert utrecht-alert--ok">
        <h1>{t(p.lang, 'done.title')}</h1>
        <p>{t(p.lang, 'start.for', { name: p.municipality })} · {t(p.lang, 'start.title', { year: p.qn.edition })}</p>
        <p>{t(p.lang, 'done.when', { date: formatDateTime(p.lang, p.submittedAt) })}</p>
      </div>
      <p>{t(p.lang, 'done.next')}</p>
      <p><a class="button utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`${p.base}/rapport`}>{t(p.lang, 'done.report')}</a></p>
      {p.editable ? (
        <form method="post" action={`${p.base}/wijzigen`}>
          {p.closesOn ? <p>{t(p.lang, 'done.editNote', { date: formatDate(p.lang, p.closesOn) })}</p> : null}
          <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action">{t(p.lang, 'done.edit')}</button>
        </form>
      ) : null}
      <h2>{t(p.lang, 'done.answers')}</h2>
      <p><a href={`${p.base}/antwoorden.pdf`} download>{t(p.lang, 'done.pdf')}</a> <span class="muted">(pdf)</span></p>
      <p class="hint">{t(p.lang, 'done.pdfNote')}</p>
      <AnswerSummary qn={p.qn} lang={p.lang} answers={p.answers} level={3} />
    </Layout>
  );
}
