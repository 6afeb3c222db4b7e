// Parts of the municipality's page: response status (with reopen and send), contacts, e-mails, calls.
import { formatDate, formatDateTime } from '../../../web/i18n.ts';
import { CsrfField, type Session } from '../../auth/index.ts';
import type { EditionState } from '../../editions/index.ts';
import type { OutboxMessage } from '../../mail/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import type { CallRow, ContactRow } from '../details.repo.ts';
import { isMaKey, type MaKey, maText } from '../municipality-admin.i18n.ts';
import type { StatusRow } from '../status.repo.ts';
import { StatusTag } from './list.views.tsx';

const when = (l: Lang, d: Date | null) => (d ? formatDateTime(l, d) : '–');
/** A label from the table, or the code itself for a value this page does not know yet. */
const label = (l: Lang, prefix: string, code: string) => {
  const key = `${prefix}.${code}`;
  return isMaKey(key) ? maText(l, key) : code;
};

export function StatusSection(p: {
  lang: Lang; session: Session; year: number; state: EditionState; row: StatusRow; path: string;
  reason: string; reasonError?: string; hasReopenLog: boolean;
}) {
  const l = p.lang;
  const r = p.row;
  const admin = p.session.account.role === 'admin';
  const facts: [MaKey, Date | null][] = [['page.invitedAt', r.invitedAt], ['page.openedAt', r.openedAt], ['page.startedAt', r.startedAt],
    ['page.submittedAt', r.submittedAt], ['page.updatedAt', r.updatedAt]];
  const reopened = r.responseStatus === 'open' && r.submittedAt;
  return (
    <section aria-labelledby="respons-titel">
      <h2 id="respons-titel">{maText(l, 'page.response')}</h2>
      <dl class="summary">
        <div><dt>{maText(l, 'list.col.status')}</dt><dd><StatusTag lang={l} status={r.status} /></dd></div>
        {facts.map(([k, d]) => <div><dt>{maText(l, k)}</dt><dd>{when(l, d)}</dd></div>)}
        {r.source === 'import' ? <div><dt>{maText(l, 'page.source')}</dt><dd>{maText(l, 'page.sourceImport')}</dd></div> : null}
      </dl>
      {reopened ? <p class="notice notice--warn">{maText(l, 'page.reopenedNote')}</p> : null}
      {admin && p.state === 'open' && r.status !== 'submitted' ? (
        <form method="post" action={`/beheer/edities/${p.year}/gemeenten/${r.code}/versturen`}>
          <CsrfField session={p.session} />
          <input type="hidden" name="terug" value={p.path} />
          <p>{maText(l, r.status === 'not_invited' ? 'page.send.invitationNote' : 'page.send.reminderNote')}</p>
          <div class="button-row"><button type="submit" class="secondary utrecht-button utrecht-button--secondary-action">{maText(l, r.status === 'not_invited' ? 'page.send.invitation' : 'page.send.reminder')}</button></div>
        </form>
      ) : null}
      {admin && r.responseStatus === 'submitted' ? (
        <>
          <h3>{maText(l, 'reopen.title')}</h3>
          {!p.hasReopenLog ? <p>{maText(l, 'reopen.error.noLog')}</p> : p.state !== 'open' ? <p>{maText(l, 'reopen.error.editionNotOpen')}</p> : (
            <form method="post" action={`/beheer/edities/${p.year}/gemeenten/${r.code}/heropenen`} novalidate>
              <CsrfField session={p.session} />
              <p>{maText(l, 'reopen.intro')}</p>
              <div class={p.reasonError ? 'field--error' : undefined}>
                <label class="block utrecht-form-label" for="reden">{maText(l, 'reopen.reason')}</label>
                <p class="hint" id="reden-hint">{maText(l, 'reopen.reasonHint')}</p>
                {p.reasonError ? <p class="error-message utrecht-form-field-error-message" id="reden-error">{p.reasonError}</p> : null}
                <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="reden" name="reden" rows={3} aria-invalid={p.reasonError ? 'true' : undefined}
                  aria-describedby={p.reasonError ? 'reden-hint reden-error' : 'reden-hint'}>{p.reason}</textarea>
              </div>
              <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{maText(l, 'reopen.submit')}</button></div>
            </form>
          )}
        </>
      ) : null}
    </section>
  );
}

function Table(p: { caption: string; cols: string[]; children: unknown }) {
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption>{p.caption}</caption>
        <thead><tr>{p.cols.map((c) => <th scope="col">{c}</th>)}</tr></thead>
        <tbody>{p.children}</tbody>
      </table>
    </div>
  );
}

export function ContactsSection({ lang: l, contacts }: { lang: Lang; contacts?: ContactRow[] }) {
  return (
    <section aria-labelledby="contacten-titel">
      <h2 id="contacten-titel">{maText(l, 'contacts.title')}</h2>
      {!contacts ? <p>{maText(l, 'contacts.unavailable')}</p> : contacts.length === 0 ? <p>{maText(l, 'contacts.none')}</p> : (
        <Table caption={maText(l, 'contacts.caption')} cols={(['name', 'function', 'email', 'phone'] as const).map((k) => maText(l, `contacts.col.${k}`))}>
          {contacts.map((c) => (
            <tr><th scope="row">{c.name}</th><td>{c.function || '–'}</td><td><a class="utrecht-link" href={`mailto:${c.email}`}>{c.email}</a></td><td>{c.phone || '–'}</td></tr>
          ))}
        </Table>
      )}
    </section>
  );
}

export function MailsSection({ lang: l, mails }: { lang: Lang; mails: OutboxMessage[] }) {
  return (
    <section aria-labelledby="mails-titel">
      <h2 id="mails-titel">{maText(l, 'mails.title')}</h2>
      {mails.length === 0 ? <p>{maText(l, 'mails.none')}</p> : (
        <Table caption={maText(l, 'mails.caption')} cols={(['created', 'kind', 'to', 'subject', 'status'] as const).map((k) => maText(l, `mails.col.${k}`))}>
          {mails.map((m) => (
            <tr>
              <td>{when(l, m.createdAt)}</td>
              <td>{label(l, 'mails.kind', m.kind)}</td>
              <td>{m.toAddress}</td>
              <th scope="row">{m.subject}</th>
              <td>
                {label(l, 'mails.status', m.status)}
                {m.sentAt ? ` (${when(l, m.sentAt)})` : ''}
                {m.lastError && m.status !== 'sent' ? <><br /><span class="muted">{maText(l, 'mails.error', { error: m.lastError, attempts: m.attempts })}</span></> : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

export function CallsSection({ lang: l, calls, logHref }: { lang: Lang; calls?: CallRow[]; logHref?: string }) {
  if (!calls) return null;
  return (
    <section aria-labelledby="gesprekken-titel">
      <h2 id="gesprekken-titel">{maText(l, 'calls.title')}</h2>
      {calls.length === 0 ? <p>{maText(l, 'calls.none')}</p> : (
        <Table caption={maText(l, 'calls.caption')} cols={(['date', 'outcome', 'note', 'by'] as const).map((k) => maText(l, `calls.col.${k}`))}>
          {calls.map((c) => (
            <tr><th scope="row">{formatDate(l, c.calledOn)}</th><td>{label(l, 'calls.outcome', c.outcome)}</td><td>{c.note || '–'}</td><td>{c.by ?? '–'}</td></tr>
          ))}
        </Table>
      )}
      {logHref ? <p><a class="utrecht-link" href={logHref}>{maText(l, 'calls.log')}</a></p> : null}
    </section>
  );
}
