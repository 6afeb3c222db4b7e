// Log a call with one municipality: the form (date, outcome, note) and the calls so far.
import { formatDate } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import { authText, CsrfField, ErrorSummary, type Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { type CallError, type CallValues, MAX_NOTE } from '../call-form.ts';
import { type Call, OUTCOMES } from '../calls.repo.ts';
import { fieldworkText as ft } from '../fieldwork.i18n.ts';
import type { MunicipalityStatus } from '../status.repo.ts';
import { Phones } from './parts.tsx';

export type CallPageProps = {
  lang: Lang;
  path: string;
  session: Session;
  year: number;
  m: MunicipalityStatus;
  calls: Call[];
  values: CallValues;
  errors: CallError[];
};

export function CallPage(p: CallPageProps) {
  const l = p.lang;
  const message = (e: CallError) => ft(l, e.key, { max: MAX_NOTE });
  const errorOf = (f: CallError['field']) => { const e = p.errors.find((x) => x.field === f); return e ? message(e) : undefined; };
  const summary = p.errors.map((e) => ({ field: e.field === 'outcome' ? `outcome-${OUTCOMES[0]}` : e.field, message: message(e) }));
  const heading = ft(l, 'call.heading', { name: p.m.name });
  const [dateError, outcomeError, noteError] = [errorOf('calledOn'), errorOf('outcome'), errorOf('note')];
  return (
    <AdminLayout lang={l} title={`${p.errors.length ? authText(l, 'errors.prefix') : ''}${heading}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={summary} intro={ft(l, 'call.notSaved')} />
      <p><a class="utrecht-link" href={`/beheer/edities/${p.year}/bellijst`}>{ft(l, 'call.back')}</a></p>
      <h1>{heading}</h1>
      <p>{ft(l, 'call.facts', { year: p.year, status: ft(l, `status.${p.m.status}`), advisor: p.m.advisorName ?? ft(l, 'noAdvisor') })}</p>
      <h2>{ft(l, 'call.phones')}</h2>
      <Phones lang={l} m={p.m} />
      <form method="post" action={p.path} novalidate>
        <CsrfField session={p.session} />
        <div class={dateError ? 'field--error' : undefined}>
          <label class="block utrecht-form-label" for="calledOn">{ft(l, 'call.date')}</label>
          {dateError ? <p class="error-message utrecht-form-field-error-message" id="calledOn-error">{dateError}</p> : null}
          <input class="utrecht-textbox utrecht-textbox--html-input" type="date" id="calledOn" name="calledOn" value={p.values.calledOn} required
            aria-invalid={dateError ? 'true' : undefined} aria-describedby={dateError ? 'calledOn-error' : undefined} />
        </div>
        <fieldset class={outcomeError ? 'field--error' : undefined} aria-describedby={outcomeError ? 'outcome-error' : undefined}>
          <legend>{ft(l, 'call.outcome')}</legend>
          {outcomeError ? <p class="error-message utrecht-form-field-error-message" id="outcome-error">{outcomeError}</p> : null}
          {OUTCOMES.map((o) => (
            <div class="choice">
              <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={`outcome-${o}`} name="outcome" value={o} checked={p.values.outcome === o} />
              <label class="utrecht-form-label utrecht-form-label--radio" for={`outcome-${o}`}>{ft(l, `outcome.${o}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class={noteError ? 'field--error' : undefined}>
          <label class="block utrecht-form-label" for="note">{ft(l, 'call.note')}</label>
          <p class="hint" id="note-hint">{ft(l, 'call.noteHint', { max: MAX_NOTE })}</p>
          {noteError ? <p class="error-message utrecht-form-field-error-message" id="note-error">{noteError}</p> : null}
          <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="note" name="note" rows={4} maxlength={MAX_NOTE} aria-invalid={noteError ? 'true' : undefined}
            aria-describedby={noteError ? 'note-hint note-error' : 'note-hint'}>{p.values.note}</textarea>
        </div>
        <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{ft(l, 'call.submit')}</button></div>
      </form>
      <h2>{ft(l, 'call.history')}</h2>
      {p.calls.length === 0 ? <p>{ft(l, 'call.noHistory')}</p> : (
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="visually-hidden">{ft(l, 'call.historyCaption', { name: p.m.name, year: p.year })}</caption>
          <thead><tr>{(['date', 'outcome', 'note', 'by'] as const).map((k) => <th scope="col">{ft(l, `call.col.${k}`)}</th>)}</tr></thead>
          <tbody>
            {p.calls.map((c) => (
              <tr>
                <th scope="row">{formatDate(l, c.calledOn)}</th>
                <td>{ft(l, `outcome.${c.outcome}`)}</td>
                <td>{c.note || ft(l, 'none')}</td>
                <td>{c.byName ?? ft(l, 'none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
