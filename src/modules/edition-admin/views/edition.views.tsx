// /beheer/edities/:year: the edition's facts, its fieldwork dates, the next step, its questionnaire.
import type { Child } from 'hono/jsx';
import { formatDateTime } from '../../../web/i18n.ts';
import { oaText } from '../../open-answers/index.ts';
import { AdminLayout } from '../../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import type { DateError, DateValues } from '../dates.ts';
import { type EaKey, eaText } from '../edition-admin.i18n.ts';
import { allowedActions, type EditionRow } from '../editions.service.ts';
import { lockedText } from './questionnaire.views.tsx';
import { rtText } from '../../report-text/index.ts';
import { dateOr, StateTag } from './editions.views.tsx';

export const ACTION_SLUG = { open: 'openen', close: 'sluiten', publish: 'publiceren' } as const;

export type EditionPageProps = {
  lang: Lang; path: string; session: Session; e: EditionRow; answered: number;
  values: DateValues; errors: DateError[]; notice?: string;
};

function DateField(p: { id: 'opensOn' | 'closesOn'; label: string; hint: string; value: string; error?: string }) {
  const described = [`${p.id}-hint`, p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={p.error ? 'field--error' : undefined}>
      <label class="block utrecht-form-label" for={p.id}>{p.label}</label>
      <p class="hint" id={`${p.id}-hint`}>{p.hint}</p>
      {p.error ? <p class="error-message utrecht-form-field-error-message" id={`${p.id}-error`}>{p.error}</p> : null}
      <input class="utrecht-textbox utrecht-textbox--html-input" type="date" id={p.id} name={p.id} value={p.value} aria-describedby={described} aria-invalid={p.error ? 'true' : undefined} />
    </div>
  );
}

export function EditionPage(p: EditionPageProps) {
  const l = p.lang;
  const e = p.e;
  const admin = p.session.account.role === 'admin';
  const errorOf = (f: DateError['field']) => {
    const x = p.errors.find((err) => err.field === f);
    return x ? eaText(l, x.key) : undefined;
  };
  const name = eaText(l, 'edition.name', { year: e.year });
  // The fieldwork pages of other modules for this edition (the bureau's only where they are admin-only).
  const links: [string, EaKey][] = [['gemeenten', 'edition.toMunicipalities'], ['respons', 'edition.toResponse'],
    ...(admin ? ([['contacten', 'edition.toContacts'], ['uitnodigen', 'edition.toInvite'], ['sjablonen', 'edition.toTemplates'], ['bellijst', 'edition.toCalls']] as [string, EaKey][]) : [])];
  const when = (d: Date | null) => (d ? formatDateTime(l, d) : eaText(l, 'date.none'));
  const facts: [string, Child][] = [
    [eaText(l, 'edition.state'), <StateTag lang={l} state={e.state} />],
    [eaText(l, 'list.col.register'), e.registerYear],
    [eaText(l, 'list.col.opens'), dateOr(l, e.opensOn)],
    [eaText(l, 'list.col.closes'), dateOr(l, e.closesOn)],
    [eaText(l, 'edition.openedAt'), when(e.openedAt)],
    [eaText(l, 'edition.closedAt'), when(e.closedAt)],
    [eaText(l, 'edition.publishedAt'), when(e.publishedAt)],
    [eaText(l, 'list.col.invited'), e.invited],
    [eaText(l, 'list.col.submitted'), e.submitted],
  ];
  return (
    <AdminLayout lang={l} title={`${p.errors.length ? eaText(l, 'error.prefix') : ''}${name}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={p.errors.map((x) => ({ field: x.field, message: eaText(l, x.key) }))} intro={eaText(l, 'dates.notSaved')} />
      {p.notice ? <div class="notice notice--ok" role="status"><p>{p.notice}</p></div> : null}
      <p class="caption"><a class="utrecht-link" href="/beheer/edities">{eaText(l, 'list.title')}</a></p>
      <h1>{name}</h1>
      <dl class="summary">
        {facts.map(([k, v]) => <div><dt>{k}</dt><dd>{v}</dd></div>)}
      </dl>

      <h2>{eaText(l, 'dates.title')}</h2>
      {admin && e.state !== 'published' ? (
        <form method="post" action={`/beheer/edities/${e.year}/datums`} novalidate>
          <CsrfField session={p.session} />
          <fieldset>
            <legend>{eaText(l, 'dates.legend', { year: e.year })}</legend>
            <DateField id="opensOn" label={eaText(l, 'dates.opens')} hint={eaText(l, 'dates.opensHint')} value={p.values.opensOn} error={errorOf('opensOn')} />
            <DateField id="closesOn" label={eaText(l, 'dates.closes')} hint={eaText(l, 'dates.closesHint')} value={p.values.closesOn} error={errorOf('closesOn')} />
          </fieldset>
          <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{eaText(l, 'dates.submit')}</button></div>
        </form>
      ) : <p>{eaText(l, e.state === 'published' ? 'dates.fixed' : 'dates.readOnly')}</p>}

      <h2>{eaText(l, 'state.title')}</h2>
      <p>{eaText(l, `state.explain.${e.state}`)}</p>
      {e.hasRegister || !allowedActions(e.state).includes('open') ? null : (
        <div class="notice notice--warn"><p>{eaText(l, 'state.error.noRegister', { register: e.registerYear })}</p></div>
      )}
      {admin && allowedActions(e.state).length ? (
        <div class="button-row">
          {allowedActions(e.state).map((a, i) => (
            <a class={i === 0 ? 'button utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action' : 'button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action'} href={`/beheer/edities/${e.year}/${ACTION_SLUG[a]}`}>{eaText(l, `action.${a}.button`)}</a>
          ))}
        </div>
      ) : null}

      <h2>{eaText(l, 'qn.title')}</h2>
      <p>{eaText(l, 'edition.questionnaire', { questions: e.questions, themes: e.themes })}</p>
      {p.answered > 0 ? <p>{lockedText(l, p.answered)}</p> : null}
      <p><a class="utrecht-link" href={`/beheer/edities/${e.year}/vragenlijst`}>{eaText(l, admin && p.answered === 0 ? 'edition.toQuestionnaireEdit' : 'edition.toQuestionnaire')}</a></p>

      {admin ? (
        <>
          <h2>{rtText(l, 'edition.section')}</h2>
          <p>{rtText(l, 'edition.explain')}</p>
          <p><a class="utrecht-link" href={`/beheer/edities/${e.year}/rapporttekst`}>{rtText(l, 'edition.link', { year: e.year })}</a></p>
        </>
      ) : null}

      <h2>{eaText(l, 'edition.municipalities')}</h2>
      <ul>
        {links.map(([slug, key]) => <li><a class="utrecht-link" href={`/beheer/edities/${e.year}/${slug}`}>{eaText(l, key, { year: e.year })}</a></li>)}
        {admin || p.session.account.role === 'ministry' ? <li><a class="utrecht-link" href={`/beheer/edities/${e.year}/open-antwoorden`}>{oaText(l, 'edition.link', { year: e.year })}</a></li> : null}
      </ul>
    </AdminLayout>
  );
}
