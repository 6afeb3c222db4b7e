// /beheer/edities/:year/gemeenten/:code: one municipality's fieldwork and answers for the bureau
// (and read-only for the ministry and its advisor).
import { AdminLayout } from '../../admin/index.ts';
import { ErrorSummary, type Session } from '../../auth/index.ts';
import type { EditionState } from '../../editions/index.ts';
import type { OutboxMessage } from '../../mail/index.ts';
import type { Lang, Questionnaire } from '../../questionnaire/index.ts';
import type { Answers, Change } from '../../responses/index.ts';
import type { CallRow, ContactRow, ReopeningRow } from '../details.repo.ts';
import { maText } from '../municipality-admin.i18n.ts';
import type { StatusRow } from '../status.repo.ts';
import { AnswersSection, AuditSection, ReopeningsSection } from './answers.views.tsx';
import { CallsSection, ContactsSection, MailsSection, StatusSection } from './sections.views.tsx';

export type Notice = { kind: 'ok' | 'warn'; text: string };

export type MunicipalityPageProps = {
  lang: Lang; path: string; session: Session; year: number; state: EditionState; qn: Questionnaire; row: StatusRow;
  contacts?: ContactRow[]; mails: OutboxMessage[]; calls?: CallRow[]; callsHref?: string;
  /** undefined: no response yet. */
  answers?: Answers; changes: Change[]; reopenings: ReopeningRow[]; hasReopenLog: boolean;
  reason?: string; reasonError?: string; notices?: Notice[];
};

export function MunicipalityPage(p: MunicipalityPageProps) {
  const l = p.lang;
  const r = p.row;
  const base = `/beheer/edities/${p.year}/gemeenten/${r.code}`;
  const admin = p.session.account.role === 'admin';
  return (
    <AdminLayout lang={l} title={`${p.reasonError ? maText(l, 'error.prefix') : ''}${maText(l, 'page.title', { name: r.name, year: p.year })}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={p.reasonError ? [{ field: 'reden', message: p.reasonError }] : []} intro={maText(l, 'reopen.notDone')} />
      {(p.notices ?? []).map((n) => <div class={`notice notice--${n.kind}`} role="status"><p>{n.text}</p></div>)}
      <p class="caption"><a class="utrecht-link" href={`/beheer/edities/${p.year}/gemeenten`}>{maText(l, 'list.title', { year: p.year })}</a></p>
      <h1>{r.name}</h1>
      <p class="lead">{maText(l, 'page.lead', { province: r.provinceName, code: r.code, year: p.year })}</p>
      <StatusSection lang={l} session={p.session} year={p.year} state={p.state} row={r} path={base}
        reason={p.reason ?? ''} reasonError={p.reasonError} hasReopenLog={p.hasReopenLog} />
      <ContactsSection lang={l} contacts={p.contacts} />
      <MailsSection lang={l} mails={p.mails} />
      <CallsSection lang={l} calls={p.calls} logHref={p.callsHref} />
      <AnswersSection lang={l} qn={p.qn} answers={p.answers}
        correctBase={admin && p.answers && p.state !== 'published' ? `${base}/corrigeren` : undefined} />
      {p.answers ? <AuditSection lang={l} qn={p.qn} changes={p.changes} /> : null}
      <ReopeningsSection lang={l} rows={p.reopenings} />
    </AdminLayout>
  );
}
