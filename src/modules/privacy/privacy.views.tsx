// /beheer/privacy: the search form, the retention period and the erasure log.
import { formatDateTime } from '../../web/i18n.ts';
import { AdminLayout } from '../admin/index.ts';
import { authText, CsrfField, ErrorSummary, type Session } from '../auth/index.ts';
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import type { ErasureLogEntry } from './log.ts';
import { type PrivacyKey, pt } from './privacy.i18n.ts';

export type Base = { lang: Lang; path: string; session: Session };

const KINDS = new Set(['account', 'sessions', 'signInLinks', 'signInAttempts', 'advisor', 'contacts', 'calls', 'messages', 'contactImports', 'changeHistory', 'reopenings']);

/** "Contact person: 2; E-mails to this address: 3", leaving out what was not there. */
export function countsText(lang: Lang, counts: Record<string, number>): string {
  const parts = Object.entries(counts).filter(([, n]) => n > 0)
    .map(([k, n]) => `${KINDS.has(k) ? pt(lang, `kind.${k}` as PrivacyKey) : k}: ${n}`);
  return parts.length ? parts.join('; ') : pt(lang, 'log.nothing');
}

export function SearchForm(p: { lang: Lang; session: Session; email: string; error?: string }) {
  const l = p.lang;
  const describedBy = [p.error ? 'email-error' : '', 'email-hint'].filter(Boolean).join(' ');
  return (
    <form method="post" action="/beheer/privacy" novalidate>
      <CsrfField session={p.session} />
      <div class={p.error ? 'field--error' : undefined}>
        <label class="block utrecht-form-label" for="email">{pt(l, 'search.email')}</label>
        <p class="hint" id="email-hint">{pt(l, 'search.hint')}</p>
        {p.error ? <p class="error-message utrecht-form-field-error-message" id="email-error">{p.error}</p> : null}
        <input class="utrecht-textbox utrecht-textbox--html-input" type="email" id="email" name="email" value={p.email} autocomplete="off" spellcheck={false}
          aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy} />
      </div>
      <div class="button-row">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">{pt(l, 'search.submit')}</button>
      </div>
    </form>
  );
}

function why(l: Lang, e: ErasureLogEntry): string {
  if (e.reason === 'request') return pt(l, 'log.request');
  return e.edition === null ? pt(l, 'log.retentionOther') : pt(l, 'log.retention', { edition: e.edition });
}

function by(l: Lang, e: ErasureLogEntry): string {
  if (e.via === 'web') return e.byName ?? authText(l, 'role.admin');
  return pt(l, e.via === 'cli' ? 'log.via.cli' : 'log.via.server');
}

export function ErasureLog({ lang: l, log }: { lang: Lang; log: ErasureLogEntry[] }) {
  if (log.length === 0) return <p>{pt(l, 'log.none')}</p>;
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="data-table utrecht-table utrecht-table--html-table">
        <caption class="visually-hidden">{pt(l, 'log.caption')}</caption>
        <thead>
          <tr>{(['when', 'why', 'by', 'what'] as const).map((k) => <th scope="col">{pt(l, `log.col.${k}`)}</th>)}</tr>
        </thead>
        <tbody>
          {log.map((e) => (
            <tr>
              <th scope="row">{formatDateTime(l, e.erasedAt)}</th>
              <td>{why(l, e)}</td>
              <td>{by(l, e)}</td>
              <td>{countsText(l, e.counts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PrivacyPage(p: Base & { email: string; error?: string; erased?: boolean; days: number; log: ErasureLogEntry[] }) {
  const l = p.lang;
  const title = `${p.error ? authText(l, 'errors.prefix') : ''}${pt(l, 'title')}`;
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={p.error ? [{ field: 'email', message: p.error }] : []} intro={pt(l, 'error.notSearched')} />
      {p.erased ? <div class="notice notice--ok" role="status"><p>{pt(l, 'erased')}</p></div> : null}
      <h1>{pt(l, 'title')}</h1>
      <p class="lead">{pt(l, 'intro')}</p>
      <h2>{pt(l, 'search.title')}</h2>
      <SearchForm lang={l} session={p.session} email={p.email} error={p.error} />
      <h2>{pt(l, 'retention.title')}</h2>
      <p>{pt(l, 'retention.body', { days: p.days })}</p>
      <h2>{pt(l, 'log.title')}</h2>
      <ErasureLog lang={l} log={p.log} />
    </AdminLayout>
  );
}
