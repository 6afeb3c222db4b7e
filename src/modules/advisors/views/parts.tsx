// Small pieces the fieldwork pages share: the edition picker, a status, a last call, the
// reminder button and the notice after a reminder.
import { formatDate } from '../../../web/i18n.ts';
import { CsrfField, type Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { fieldworkText as ft } from '../fieldwork.i18n.ts';
import { KNOWN_REFUSALS } from '../reminder.ts';
import type { MunicipalityStatus } from '../status.repo.ts';

/** A GET form: works without JavaScript, and the chosen edition ends up in the address. */
export function EditionPicker(p: { lang: Lang; action: string; year: number; years: number[] }) {
  return (
    <form method="get" action={p.action} class="edition-picker">
      <label class="utrecht-form-label" for="editie">{ft(p.lang, 'edition.label')}</label>{' '}
      <select class="utrecht-select utrecht-select--html-select" id="editie" name="editie">
        {p.years.map((y) => <option value={String(y)} selected={y === p.year}>{String(y)}</option>)}
      </select>{' '}
      <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action">{ft(p.lang, 'edition.show')}</button>
    </form>
  );
}

export function StatusTag({ lang, status }: { lang: Lang; status: MunicipalityStatus['status'] }) {
  const tone = status === 'submitted' ? 'tag--done' : status === 'not_invited' ? 'tag--todo' : 'tag--busy';
  return <span class={`tag ${tone}`}>{ft(lang, `status.${status}`)}</span>;
}

export function LastCall({ lang, m }: { lang: Lang; m: Pick<MunicipalityStatus, 'lastCallOn' | 'lastCallOutcome'> }) {
  if (!m.lastCallOn) return <>{ft(lang, 'none')}</>;
  const outcome = m.lastCallOutcome ? ft(lang, `outcome.${m.lastCallOutcome}` as 'outcome.other') : '';
  return <>{`${formatDate(lang, m.lastCallOn)}: ${outcome}`}</>;
}

export const mayRemind = (m: MunicipalityStatus) => m.status !== 'not_invited' && m.status !== 'submitted';

export function ReminderButton(p: { lang: Lang; session: Session; year: number; m: MunicipalityStatus; back: string }) {
  return (
    <form method="post" action={`/beheer/edities/${p.year}/bellijst/${p.m.code}/herinnering`} class="inline-form">
      <CsrfField session={p.session} />
      <input type="hidden" name="terug" value={p.back} />
      <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action" aria-label={ft(p.lang, 'dashboard.remindTo', { name: p.m.name })}>
        {ft(p.lang, 'dashboard.remind')}
      </button>
    </form>
  );
}

/** The result of a reminder, read from ?herinnering=…&gemeente=… after the redirect. */
export function ReminderNotice(p: { lang: Lang; result?: string; name?: string }) {
  if (!p.result || !p.name) return null;
  const known = ['sent', 'invited', 'unavailable', ...KNOWN_REFUSALS].includes(p.result);
  const key = (known ? `reminder.${p.result}` : 'reminder.failed') as 'reminder.sent';
  return (
    <div class={p.result === 'sent' || p.result === 'invited' ? 'notice notice--ok' : 'notice notice--warn'} role="status">
      <p>{ft(p.lang, key, { name: p.name })}</p>
    </div>
  );
}

export function Phones({ lang, m }: { lang: Lang; m: Pick<MunicipalityStatus, 'phones'> }) {
  if (m.phones.length === 0) return <>{ft(lang, 'calllist.noPhone')}</>;
  return (
    <ul class="plain-list">
      {m.phones.map((p) => <li><a class="utrecht-link" href={`tel:${p.phone.replace(/[^+0-9]/g, '')}`}>{p.phone}</a>{p.name ? ` (${p.name})` : ''}</li>)}
    </ul>
  );
}
