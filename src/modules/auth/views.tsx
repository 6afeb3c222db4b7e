// Sign-in pages: ask for a link, "check your e-mail", the button page behind a link, link problems.
import type { Child } from 'hono/jsx';
import { Layout } from '../../web/layout.tsx';
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import { type AuthKey, at } from './auth.i18n.ts';
import { DEFAULT_RETURN, type LinkProblem } from './magic-links.ts';

type Base = { lang: Lang; path: string };

/** "?terug=…" only when it is not the default, to keep links short. */
export function returnQuery(returnTo: string): string {
  return returnTo === DEFAULT_RETURN ? '' : `?terug=${encodeURIComponent(returnTo)}`;
}

/** The error summary at the top of a form (same pattern as the questionnaire pages). */
export function ErrorSummary(p: { lang: Lang; errors: { field: string; message: string }[]; intro?: string }) {
  if (p.errors.length === 0) return null;
  return (
    <div class="error-summary utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{at(p.lang, 'errors.title')}</h2>
      {p.intro ? <p>{p.intro}</p> : null}
      <ul>
        {p.errors.map((e) => <li><a class="utrecht-link" href={`#${e.field}`}>{e.message}</a></li>)}
      </ul>
    </div>
  );
}

/** A labelled text input with its error message; `id` doubles as the name. */
export function TextField(p: { id: string; label: string; value: string; error?: string; type?: string; autocomplete?: string }) {
  return (
    <div class={p.error ? 'field--error utrecht-form-field utrecht-form-field--invalid' : 'utrecht-form-field'}>
      <label class="block utrecht-form-label" for={p.id}>{p.label}</label>
      {p.error ? <p class="error-message utrecht-form-field-error-message" id={`${p.id}-error`}>{p.error}</p> : null}
      <input type={p.type ?? 'text'} class="utrecht-textbox utrecht-textbox--html-input" id={p.id} name={p.id} value={p.value} autocomplete={p.autocomplete} spellcheck={false}
        aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? `${p.id}-error` : undefined} />
    </div>
  );
}

export function SignInPage(p: Base & { email: string; error?: string; returnTo: string; notice?: 'signedOut' | 'needed' }) {
  const title = `${p.error ? at(p.lang, 'errors.prefix') : ''}${at(p.lang, 'signIn.title')}`;
  return (
    <Layout lang={p.lang} title={title} path={p.path}>
      <ErrorSummary lang={p.lang} errors={p.error ? [{ field: 'email', message: p.error }] : []} />
      {p.notice === 'signedOut' ? <div class="notice notice--ok utrecht-alert utrecht-alert--ok" role="status"><p>{at(p.lang, 'signIn.signedOut')}</p></div> : null}
      {p.notice === 'needed' ? <div class="notice utrecht-alert utrecht-alert--info"><p>{at(p.lang, 'signIn.needed')}</p></div> : null}
      <h1>{at(p.lang, 'signIn.title')}</h1>
      <p class="lead">{at(p.lang, 'signIn.intro')}</p>
      <form method="post" action={`/inloggen${returnQuery(p.returnTo)}`} novalidate>
        <TextField id="email" type="email" autocomplete="email" label={at(p.lang, 'signIn.email')} value={p.email} error={p.error} />
        <div class="button-row">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">{at(p.lang, 'signIn.submit')}</button>
        </div>
      </form>
      <p class="muted">{at(p.lang, 'signIn.respondents')}</p>
    </Layout>
  );
}

/** A heading, a paragraph and a way on; for "sent", link problems, rate limits. */
export function NoticePage(p: Base & { title: string; body: string; children?: Child }) {
  return (
    <Layout lang={p.lang} title={p.title} path={p.path}>
      <h1>{p.title}</h1>
      <p>{p.body}</p>
      {p.children}
    </Layout>
  );
}

export function SentPage(p: Base & { returnTo: string }) {
  return (
    <NoticePage lang={p.lang} path={p.path} title={at(p.lang, 'signIn.sent.title')} body={at(p.lang, 'signIn.sent.body')}>
      <p>{at(p.lang, 'signIn.sent.none')}</p>
      <p><a href={`/inloggen${returnQuery(p.returnTo)}`}>{at(p.lang, 'signIn.again')}</a></p>
    </NoticePage>
  );
}

export function LinkProblemPage(p: Base & { problem: LinkProblem; returnTo: string }) {
  const key = (suffix: 'title' | 'body') => `token.${p.problem}.${suffix}` as AuthKey;
  return (
    <NoticePage lang={p.lang} path={p.path} title={at(p.lang, key('title'))} body={at(p.lang, key('body'))}>
      <p><a class="button utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`/inloggen${returnQuery(p.returnTo)}`}>{at(p.lang, 'signIn.again')}</a></p>
    </NoticePage>
  );
}

/** The page behind an e-mailed link: a button, so a mail scanner fetching the link uses nothing. */
export function ConfirmPage(p: Base & { token: string; returnTo: string }) {
  return (
    <Layout lang={p.lang} title={at(p.lang, 'token.title')} path={p.path}>
      <h1>{at(p.lang, 'token.title')}</h1>
      <p>{at(p.lang, 'token.body')}</p>
      <form method="post" action={`/inloggen/${p.token}${returnQuery(p.returnTo)}`}>
        <div class="button-row">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">{at(p.lang, 'token.submit')}</button>
        </div>
      </form>
    </Layout>
  );
}
