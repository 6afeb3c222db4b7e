// /beheer/edities/:year/uitnodigen/uitnodigingen|herinneringen: before bulk mail goes out, who gets
// it (count and list) and the message as it will look; one button sends. Reminders can instead be
// planned for a date and time.
import { formatDate } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import { authText, CsrfField, ErrorSummary, type Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { fwText } from '../fieldwork.i18n.ts';
import type { RecipientPreview } from '../sending.ts';
import { EditionNav, MailText } from './parts.tsx';

export type ScheduleForm = { date: string; time: string; errors: { field: 'datum' | 'tijd'; message: string }[] };

export type SendConfirmPageProps = {
  lang: Lang; path: string; session: Session; year: number; preview: RecipientPreview; closesOn: string | null;
  schedule?: ScheduleForm;
};

export function SendConfirmPage(p: SendConfirmPageProps) {
  const l = p.lang;
  const base = `/beheer/edities/${p.year}/uitnodigen`;
  const reminder = p.preview.kind === 'reminder';
  const slug = reminder ? 'herinneringen' : 'uitnodigingen';
  const title = fwText(l, reminder ? 'confirm.reminders.title' : 'confirm.invitations.title', { year: p.year });
  const n = p.preview.recipients.length;
  const errors = p.schedule?.errors ?? [];
  const fieldError = (f: 'datum' | 'tijd') => errors.find((e) => e.field === f)?.message;
  // Planning is there even when nobody is due now: at the planned moment the reminder goes to
  // whoever has not submitted by then.
  const planForm = reminder ? (
    <form method="post" action={`${base}/herinneringen/plannen`} novalidate>
      <CsrfField session={p.session} />
      <fieldset>
        <legend>{fwText(l, 'schedule.legend')}</legend>
        <p class="hint" id="plannen-hint">{fwText(l, 'schedule.hint', { date: p.closesOn ? formatDate(l, p.closesOn) : '' })}</p>
        {([['datum', 'date', 'schedule.date'], ['tijd', 'time', 'schedule.time']] as const).map(([id, type, label]) => (
          <div class={fieldError(id) ? 'field--error' : undefined}>
            <label class="block utrecht-form-label" for={id}>{fwText(l, label)}</label>
            {fieldError(id) ? <p class="error-message utrecht-form-field-error-message" id={`${id}-error`}>{fieldError(id)}</p> : null}
            <input type={type} class="utrecht-textbox utrecht-textbox--html-input" id={id} name={id} value={id === 'datum' ? p.schedule?.date ?? '' : p.schedule?.time ?? '09:00'}
              aria-invalid={fieldError(id) ? 'true' : undefined} aria-describedby={fieldError(id) ? `${id}-error plannen-hint` : 'plannen-hint'} />
          </div>
        ))}
        <div class="button-row">
          <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action">{fwText(l, 'schedule.submit')}</button>
        </div>
      </fieldset>
    </form>
  ) : null;
  return (
    <AdminLayout lang={l} title={`${errors.length ? authText(l, 'errors.prefix') : ''}${title}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={errors} />
      <EditionNav lang={l} year={p.year} current="" />
      <h1>{title}</h1>
      {n === 0 ? (
        <>
          <p>{fwText(l, reminder ? 'confirm.reminders.none' : 'confirm.invitations.none')}</p>
          {planForm}
          <p><a class="utrecht-link" href={base}>{fwText(l, 'confirm.back')}</a></p>
        </>
      ) : (
        <>
          <p class="lead">{fwText(l, 'confirm.count', { municipalities: n, messages: p.preview.messages })}</p>
          <p>{fwText(l, reminder ? 'confirm.reminders.who' : 'confirm.invitations.who')}</p>
          <form method="post" action={`${base}/${slug}`}>
            <CsrfField session={p.session} />
            <input type="hidden" name="bevestigd" value="ja" />
            <div class="button-row">
              <button class="utrecht-button utrecht-button--primary-action" type="submit">{fwText(l, reminder ? 'confirm.reminders.send' : 'confirm.invitations.send', { messages: p.preview.messages, municipalities: n })}</button>
              <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={base}>{fwText(l, 'confirm.cancel')}</a>
            </div>
          </form>
          {planForm}
          <h2>{fwText(l, 'confirm.message')}</h2>
          {p.preview.example ? (
            <div class="mail-preview">
              <p><strong>{fwText(l, 'confirm.subject')}</strong> {p.preview.example.subject}</p>
              <MailText text={p.preview.example.text} />
            </div>
          ) : null}
          <p class="hint">{fwText(l, 'confirm.linkNote')}</p>
          <h2>{fwText(l, 'confirm.recipients', { n })}</h2>
          <div class="table-scroll" tabindex={0}>
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="visually-hidden">{fwText(l, 'confirm.recipients', { n })}</caption>
              <thead><tr><th scope="col">{fwText(l, 'confirm.col.municipality')}</th><th scope="col">{fwText(l, 'confirm.col.contacts')}</th></tr></thead>
              <tbody>
                {p.preview.recipients.map((r) => (
                  <tr>
                    <th scope="row">{r.name} ({r.code})</th>
                    <td>{r.contacts.map((c, i) => <>{i > 0 ? <br /> : null}{c.name} &lt;{c.email}&gt;</>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </AdminLayout>
  );
}
