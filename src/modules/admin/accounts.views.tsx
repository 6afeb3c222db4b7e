// /beheer/accounts: the accounts and the form to invite a new one.
import { formatDate } from '../../web/i18n.ts';
import { type Account, authText, CsrfField, ErrorSummary, ROLES, type Session, TextField } from '../auth/index.ts';
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import { AdminLayout } from './admin-layout.tsx';
import { adminText } from './admin.i18n.ts';
import { type InviteError, type InviteValues, MAX_NAME } from './invite-form.ts';

export type AccountsPageProps = {
  lang: Lang;
  path: string;
  session: Session;
  accounts: Account[];
  values: InviteValues;
  errors: InviteError[];
  /** The account just invited, and whether its e-mail went out. */
  invited?: { account: Account; sent: boolean };
  /** What just happened to an account's access (after disabling or enabling it). */
  access?: { key: 'accounts.disabledNotice' | 'accounts.enabledNotice'; account: Account } | { key: 'accounts.selfRefused' | 'accounts.unknown' };
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function AccountsPage(p: AccountsPageProps) {
  const l = p.lang;
  const message = (e: InviteError) => adminText(l, e.key, { max: MAX_NAME });
  const errorOf = (field: InviteError['field']) => {
    const e = p.errors.find((x) => x.field === field);
    return e ? message(e) : undefined;
  };
  // The summary links to the field; for the radio group that is its first option.
  const summary = p.errors.map((e) => ({ field: e.field === 'role' ? `role-${ROLES[0]}` : e.field, message: message(e) }));
  const title = `${p.errors.length ? authText(l, 'errors.prefix') : ''}${adminText(l, 'accounts.title')}`;
  const roleError = errorOf('role');
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={summary} intro={adminText(l, 'invite.notSaved')} />
      {p.invited ? (
        <div class={p.invited.sent ? 'notice notice--ok' : 'notice notice--warn'} role="status">
          <p>{adminText(l, p.invited.sent ? 'accounts.invited' : 'accounts.notSent', { name: p.invited.account.name, email: p.invited.account.email })}</p>
        </div>
      ) : null}
      {p.access ? (
        <div class={p.access.key.endsWith('Notice') ? 'notice notice--ok' : 'notice notice--warn'} role={p.access.key.endsWith('Notice') ? 'status' : 'alert'}>
          <p>{adminText(l, p.access.key, 'account' in p.access ? { name: p.access.account.name, email: p.access.account.email } : {})}</p>
        </div>
      ) : null}
      <h1>{adminText(l, 'accounts.title')}</h1>
      {p.accounts.length === 0 ? <p>{adminText(l, 'accounts.none')}</p> : (
        <div class="table-scroll" tabindex={0}>
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="visually-hidden">{adminText(l, 'accounts.caption')}</caption>
            <thead>
              <tr>
                {(['name', 'email', 'role', 'created', 'status', 'action'] as const).map((k) => <th scope="col">{adminText(l, `accounts.col.${k}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {p.accounts.map((a) => (
                <tr>
                  <th scope="row">{a.name}</th>
                  <td>{a.email}</td>
                  <td>{capitalize(authText(l, `role.${a.role}`))}</td>
                  <td>{formatDate(l, a.createdAt)}</td>
                  <td>{adminText(l, a.disabledAt ? 'accounts.disabled' : 'accounts.active')}</td>
                  <td>
                    {a.id === p.session.account.id ? adminText(l, 'accounts.self') : (
                      <form method="post" action={`/beheer/accounts/${a.id}/${a.disabledAt ? 'inschakelen' : 'uitschakelen'}`} class="inline-form">
                        <CsrfField session={p.session} />
                        <button type="submit" class="secondary small utrecht-button utrecht-button--secondary-action">
                          {adminText(l, a.disabledAt ? 'accounts.enable' : 'accounts.disable')}
                          <span class="visually-hidden"> {a.name || a.email}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{adminText(l, 'invite.title')}</h2>
      <p>{adminText(l, 'invite.intro')}</p>
      <form method="post" action="/beheer/accounts" novalidate>
        <CsrfField session={p.session} />
        <TextField id="email" type="email" autocomplete="off" label={adminText(l, 'invite.email')} value={p.values.email} error={errorOf('email')} />
        <TextField id="name" autocomplete="off" label={adminText(l, 'invite.name')} value={p.values.name} error={errorOf('name')} />
        <fieldset class={roleError ? 'field--error utrecht-form-fieldset' : 'utrecht-form-fieldset'} aria-describedby={roleError ? 'role-error' : undefined}>
          <legend>{adminText(l, 'invite.role')}</legend>
          {roleError ? <p class="error-message utrecht-form-field-error-message" id="role-error">{roleError}</p> : null}
          {ROLES.map((r) => (
            <div class="choice">
              <input type="radio" class="utrecht-radio-button utrecht-radio-button--html-input" id={`role-${r}`} name="role" value={r} checked={p.values.role === r} />
              <label class="utrecht-form-label utrecht-form-label--radio" for={`role-${r}`}>{capitalize(authText(l, `role.${r}`))}</label>
            </div>
          ))}
        </fieldset>
        <div class="button-row">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">{adminText(l, 'invite.submit')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
