// /beheer/edities/:year/uitnodigen: counts, sending, and which municipalities take part.
import { formatDateTime } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import { CsrfField, type Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { fwText } from '../fieldwork.i18n.ts';
import type { ScheduledMailing } from '../schedule.ts';
import type { FieldworkCounts, Selectable } from '../selection.ts';
import { EditionNav, Notice } from './parts.tsx';

export type InvitePageProps = {
  lang: Lang; path: string; session: Session; year: number; open: boolean; smtp: boolean;
  counts: FieldworkCounts; municipalities: Selectable[]; notice?: { kind: 'ok' | 'warn'; text: string };
  schedules?: ScheduledMailing[];
};

const COUNTS = ['connected', 'selected', 'selectedWithoutContacts', 'invited', 'remindedToday', 'submitted'] as const;

function byProvince(list: Selectable[]): [string, Selectable[]][] {
  const groups = new Map<string, Selectable[]>();
  for (const m of list) groups.set(m.provinceName, [...(groups.get(m.provinceName) ?? []), m]);
  return [...groups];
}

function state(l: Lang, m: Selectable): string {
  const parts = [m.contacts === 0 ? fwText(l, 'invite.tag.noContacts') : m.contacts === 1 ? fwText(l, 'invite.tag.contact') : fwText(l, 'invite.tag.contacts', { n: m.contacts })];
  if (m.invited) parts.push(fwText(l, 'invite.tag.invited'));
  if (m.submitted) parts.push(fwText(l, 'invite.tag.submitted'));
  return parts.join(', ');
}

export function InvitePage(p: InvitePageProps) {
  const l = p.lang;
  const base = `/beheer/edities/${p.year}/uitnodigen`;
  return (
    <AdminLayout lang={l} title={fwText(l, 'invite.title', { year: p.year })} path={p.path} session={p.session}>
      <Notice kind={p.notice?.kind} text={p.notice?.text} />
      <EditionNav lang={l} year={p.year} current="uitnodigen" />
      <h1>{fwText(l, 'invite.title', { year: p.year })}</h1>
      {p.open ? null : <Notice kind="warn" text={fwText(l, 'invite.notOpen')} />}
      {p.smtp ? null : <Notice text={fwText(l, 'invite.noSmtp')} />}
      <table class="utrecht-table utrecht-table--html-table">
        <caption>{fwText(l, 'invite.counts')}</caption>
        <thead><tr><th scope="col">{fwText(l, 'col.what')}</th><th scope="col">{fwText(l, 'col.number')}</th></tr></thead>
        <tbody>
          {COUNTS.map((k) => <tr><th scope="row">{fwText(l, `count.${k}`)}</th><td>{p.counts[k]}</td></tr>)}
        </tbody>
      </table>
      <h2>{fwText(l, 'invite.send.title')}</h2>
      <form method="get" action={`${base}/uitnodigingen`}>
        <p id="hint-invitations">{fwText(l, 'invite.send.invitationsHint')}</p>
        <button class="utrecht-button utrecht-button--primary-action" type="submit" aria-describedby="hint-invitations">{fwText(l, 'invite.send.invitations')}</button>
      </form>
      <form method="get" action={`${base}/herinneringen`}>
        <p id="hint-reminders">{fwText(l, 'invite.send.remindersHint')}</p>
        <button class="utrecht-button utrecht-button--primary-action" type="submit" aria-describedby="hint-reminders">{fwText(l, 'invite.send.reminders')}</button>
      </form>
      {p.schedules?.length ? (
        <>
          <h3>{fwText(l, 'schedule.title')}</h3>
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="visually-hidden">{fwText(l, 'schedule.caption')}</caption>
            <thead><tr><th scope="col">{fwText(l, 'schedule.col.when')}</th><th scope="col">{fwText(l, 'schedule.col.status')}</th></tr></thead>
            <tbody>
              {p.schedules.map((s) => (
                <tr>
                  <th scope="row">{formatDateTime(l, s.sendAt)}</th>
                  <td>
                    {fwText(l, `schedule.status.${s.status}`, { municipalities: s.municipalities ?? 0, messages: s.messages ?? 0 })}
                    {s.status === 'scheduled' ? (
                      <form method="post" action={`${base}/herinneringen/plannen/${s.id}/annuleren`}>
                        <CsrfField session={p.session} />
                        <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action" aria-label={fwText(l, 'schedule.cancelFor', { when: formatDateTime(l, s.sendAt) })}>{fwText(l, 'schedule.cancel')}</button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>{fwText(l, 'invite.selection.title')}</h2>
      <form method="post" action={`${base}/selectie`}>
        <CsrfField session={p.session} />
        <input type="hidden" name="modus" value="verbonden" />
        <p id="hint-connected">{fwText(l, 'invite.selection.connectedHint')}</p>
        <button type="submit" class="secondary utrecht-button utrecht-button--secondary-action" aria-describedby="hint-connected">{fwText(l, 'invite.selection.connected', { n: p.counts.connected })}</button>
      </form>
      <h3>{fwText(l, 'invite.selection.manual')}</h3>
      <p>{fwText(l, 'invite.selection.manualHint')}</p>
      <form method="post" action={`${base}/selectie`}>
        <CsrfField session={p.session} />
        <input type="hidden" name="modus" value="selectie" />
        {byProvince(p.municipalities).map(([province, list]) => (
          <fieldset>
            <legend>{fwText(l, 'invite.province', { name: province, selected: list.filter((m) => m.selected).length, total: list.length })}</legend>
            {list.map((m) => (
              <div class="choice">
                <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`gm-${m.code}`} name="gemeente" value={m.code} checked={m.selected} />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for={`gm-${m.code}`}>{m.name} <span class="muted">({state(l, m)})</span></label>
              </div>
            ))}
          </fieldset>
        ))}
        <div class="button-row">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">{fwText(l, 'invite.selection.save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
