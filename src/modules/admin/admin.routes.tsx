// The administration under /beheer: a start page for every signed-in role, accounts for admins.
import { type Context, Hono } from 'hono';
import { readForm } from '../../web/form.ts';
import { page } from '../../web/render.ts';
import { requestLog } from '../operations/index.ts';
import {
  type AuthEnv, authText, createAccount, createMagicLink, disableAccount, DuplicateAccountError, enableAccount, findAccount, listAccounts, requireRole,
  type SendSignInLink, sendNowhere, signInUrl,
} from '../auth/index.ts';
import { ADMIN_SECTIONS, AdminLayout } from './admin-layout.tsx';
import { adminText } from './admin.i18n.ts';
import { AccountsPage } from './accounts.views.tsx';
import { readInvite } from './invite-form.ts';

export type AdminRoutesOptions = { sendSignInLink?: SendSignInLink };

const emptyInvite = { email: '', name: '', role: '' };

/** Mount at /beheer: `app.route('/beheer', createAdminRoutes({ sendSignInLink }))`. */
export function createAdminRoutes({ sendSignInLink = sendNowhere }: AdminRoutesOptions = {}) {
  const admin = new Hono<AuthEnv>();
  // Every page here needs a signed-in user (any role); pages narrow it down further.
  admin.use('*', requireRole('admin', 'ministry', 'advisor'));

  admin.get('/', (c) => {
    const lang = c.get('lang');
    const { account } = c.get('session');
    const sections = ADMIN_SECTIONS.filter((s) => s.href !== '/beheer' && s.roles.includes(account.role));
    const name = account.name || account.email;
    return page(c,
      <AdminLayout lang={lang} title={adminText(lang, 'admin.nav.start')} path={c.req.path} session={c.get('session')}>
        <h1>{adminText(lang, 'admin.start.title', { name })}</h1>
        <p class="lead">{adminText(lang, 'admin.start.you', { email: account.email, role: authText(lang, `role.${account.role}`) })}</p>
        <h2>{adminText(lang, 'admin.start.sections')}</h2>
        {sections.length === 0 ? <p>{adminText(lang, 'admin.start.nothingYet')}</p> : (
          <ul>
            {sections.map((s) => <li><a class="utrecht-link" href={s.href}>{adminText(lang, s.label)}</a>{s.description ? `: ${adminText(lang, s.description)}` : ''}</li>)}
          </ul>
        )}
      </AdminLayout>,
    );
  });

  admin.get('/accounts', requireRole('admin'), async (c) => {
    const { db } = c.get('deps');
    const invitedId = Number(c.req.query('uitgenodigd'));
    const account = Number.isSafeInteger(invitedId) && invitedId > 0 ? await findAccount(db, invitedId) : undefined;
    const changedId = Number(c.req.query('uitgeschakeld') ?? c.req.query('ingeschakeld'));
    const changed = Number.isSafeInteger(changedId) && changedId > 0 ? await findAccount(db, changedId) : undefined;
    const access = changed
      ? { key: c.req.query('uitgeschakeld') ? 'accounts.disabledNotice' as const : 'accounts.enabledNotice' as const, account: changed }
      : undefined;
    return page(c,
      <AccountsPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} accounts={await listAccounts(db)}
        values={emptyInvite} errors={[]} invited={account ? { account, sent: c.req.query('verstuurd') !== '0' } : undefined} access={access} />,
    );
  });

  // Disabling ends the account's sessions at once and voids its links; an admin cannot lock
  // themself out (nor the bureau out of its last admin account by accident).
  const setAccess = (disable: boolean) => async (c: Context<AuthEnv>) => {
    const { db, now } = c.get('deps');
    const session = c.get('session');
    const id = Number(c.req.param('id'));
    const refuse = async (key: 'accounts.selfRefused' | 'accounts.unknown', status: 400 | 404) => page(c,
      <AccountsPage lang={c.get('lang')} path="/beheer/accounts" session={session} accounts={await listAccounts(db)}
        values={emptyInvite} errors={[]} access={{ key }} />, status);
    const account = Number.isSafeInteger(id) ? await findAccount(db, id) : undefined;
    if (!account) return refuse('accounts.unknown', 404);
    if (disable && account.id === session.account.id) return refuse('accounts.selfRefused', 400);
    if (disable) await disableAccount(db, account.id, now());
    else await enableAccount(db, account.id);
    return c.redirect(`/beheer/accounts?${disable ? 'uitgeschakeld' : 'ingeschakeld'}=${account.id}`, 303);
  };
  admin.post('/accounts/:id{[0-9]+}/uitschakelen', requireRole('admin'), setAccess(true));
  admin.post('/accounts/:id{[0-9]+}/inschakelen', requireRole('admin'), setAccess(false));

  admin.post('/accounts', requireRole('admin'), async (c) => {
    const { db, config, now } = c.get('deps');
    const { values, errors, invite } = readInvite(await readForm(c));
    const again = async () => page(c,
      <AccountsPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} accounts={await listAccounts(db)}
        values={values} errors={errors} />, 400);
    if (!invite) return again();
    let token: string;
    let id: number;
    try {
      // Account and link together: no account is left behind without its first link.
      ({ token, id } = await db.tx(async (tx) => {
        const account = await createAccount(tx, invite, now());
        return { id: account.id, token: await createMagicLink(tx, account.id, now()) };
      }));
    } catch (e) {
      if (!(e instanceof DuplicateAccountError)) throw e;
      errors.push({ field: 'email', key: 'invite.error.duplicate' });
      return again();
    }
    let sent = true;
    try {
      await sendSignInLink(invite.email, signInUrl(config.baseUrl, token));
    } catch (e) {
      sent = false;
      requestLog(c).error({ err: (e as Error).name }, 'invitation link not sent');
    }
    return c.redirect(`/beheer/accounts?uitgenodigd=${id}${sent ? '' : '&verstuurd=0'}`, 303);
  });

  return admin;
}

/** The routes with no mail wired up; the app passes its sender to createAdminRoutes. */
export const adminRoutes = createAdminRoutes();
