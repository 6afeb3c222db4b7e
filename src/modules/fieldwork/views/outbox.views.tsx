// /beheer/outbox: every message with its status, attempts and last SMTP error.
import { formatDateTime } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import { CsrfField, type Session } from '../../auth/index.ts';
import type { OutboxMessage } from '../../mail/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { type FwKey, fwText } from '../fieldwork.i18n.ts';
import { MailText, Notice } from './parts.tsx';

export type OutboxPageProps = {
  lang: Lang; path: string; session: Session; messages: OutboxMessage[]; limit: number;
  editions: number[]; filter: { edition?: number; municipality?: string };
  smtp: boolean; notice?: string;
};

/** With a mail server (SMTP_URL) a sign-in text is never shown and personal links are left out.
 *  Without one (a local trial) nothing leaves the outbox, so the admin reads the whole text, sign-in
 *  links included, and passes the link on: that is how advisors and the ministry sign in then. */
export function visibleBody(m: OutboxMessage, smtp: boolean): string | undefined {
  if (!smtp) return m.bodyText;
  if (m.kind === 'sign-in') return undefined;
  return m.bodyText.replace(/\/v\/[A-Za-z0-9_-]{43}/g, '/v/…');
}

const KINDS = new Set(['sign-in', 'invitation', 'reminder', 'confirmation', 'report-ready']);

export function OutboxPage(p: OutboxPageProps) {
  const l = p.lang;
  const kind = (k: string) => (KINDS.has(k) ? fwText(l, `outbox.kind.${k}` as FwKey) : k);
  return (
    <AdminLayout lang={l} title={fwText(l, 'outbox.title')} path={p.path} session={p.session}>
      <Notice kind="ok" text={p.notice} />
      <h1>{fwText(l, 'outbox.title')}</h1>
      <p class="lead">{fwText(l, 'outbox.intro')}</p>
      {p.smtp ? null : <Notice kind="warn" text={fwText(l, 'outbox.noSmtp')} />}
      <form method="get" action="/beheer/outbox">
        <fieldset>
          <legend>{fwText(l, 'outbox.filter')}</legend>
          <label class="block utrecht-form-label" for="editie">{fwText(l, 'outbox.filter.edition')}</label>
          <select class="utrecht-select utrecht-select--html-select" id="editie" name="editie">
            <option value="">{fwText(l, 'outbox.filter.all')}</option>
            {p.editions.map((y) => <option value={String(y)} selected={p.filter.edition === y}>{y}</option>)}
          </select>
          <label class="block utrecht-form-label" for="gemeente">{fwText(l, 'outbox.filter.municipality')}</label>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="gemeente" name="gemeente" value={p.filter.municipality ?? ''} autocomplete="off" spellcheck={false} />
          <div class="button-row">
            <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action">{fwText(l, 'outbox.filter.submit')}</button>
          </div>
        </fieldset>
      </form>
      {p.messages.length === 0 ? <p>{fwText(l, 'outbox.none')}</p> : (
        <>
          {p.messages.length >= p.limit ? <p class="muted">{fwText(l, 'outbox.limit', { n: p.limit })}</p> : null}
          <div class="table-scroll" tabindex={0}>
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="visually-hidden">{fwText(l, 'outbox.caption')}</caption>
              <thead>
                <tr>{(['created', 'kind', 'to', 'subject', 'status', 'attempts', 'error'] as const).map((k) => <th scope="col">{fwText(l, `outbox.col.${k}`)}</th>)}</tr>
              </thead>
              <tbody>
                {p.messages.map((m) => {
                  const body = visibleBody(m, p.smtp);
                  return (
                    <tr>
                      <td>{formatDateTime(l, m.createdAt)}</td>
                      <td>{kind(m.kind)}{m.municipalityCode ? ` (${m.edition ?? ''} ${m.municipalityCode})` : ''}</td>
                      <td>{m.toAddress}</td>
                      <th scope="row">
                        {m.subject}
                        {m.kind === 'sign-in' && body !== undefined ? <p class="notice notice--warn">{fwText(l, 'outbox.signInNoSmtp')}</p> : null}
                        {body === undefined ? <p class="muted">{fwText(l, 'outbox.bodyHidden')}</p> : (
                          <details>
                            <summary>{fwText(l, 'outbox.body')}</summary>
                            <MailText text={body} />
                          </details>
                        )}
                        {m.attachments?.length ? <p class="muted">{fwText(l, 'outbox.attachments', { files: m.attachments.map((a) => a.filename).join(', ') })}</p> : null}
                      </th>
                      <td>{fwText(l, `outbox.status.${m.status}`)}{m.sentAt ? `, ${formatDateTime(l, m.sentAt)}` : ''}</td>
                      <td>{m.attempts}</td>
                      <td>
                        {m.lastError ?? ''}
                        {m.status === 'failed' ? (
                          <form method="post" action={`/beheer/outbox/${m.id}/opnieuw`}>
                            <CsrfField session={p.session} />
                            <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action" aria-label={fwText(l, 'outbox.retryFor', { to: m.toAddress })}>{fwText(l, 'outbox.retry')}</button>
                          </form>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </AdminLayout>
  );
}
