import {
  createAccount, createMagicLink, DuplicateAccountError, findByEmail, isValidEmail, normalizeEmail, signInUrl,
} from '../../modules/auth/index.ts';
import { parse } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

// For the first admin (and a locked-out one): no mail needed, the operator gets the link.
export const createAdminCommand: Command = {
  name: 'create-admin',
  usage: 'create-admin EMAIL [--name NAAM]',
  summary: 'maak een beheerdersaccount (of vind het) en toon een eenmalige inloglink (15 minuten geldig)',
  async run(args, { db, config, now, out }) {
    const { values, positionals } = parse(args, { name: { type: 'string' } }, 1);
    const email = normalizeEmail(positionals[0] ?? '');
    if (!isValidEmail(email)) throw new CliError(`Geef een geldig e-mailadres, bijvoorbeeld naam@bureau.nl (kreeg: ${positionals[0] ?? 'niets'})`);
    let account = await findByEmail(db, email);
    if (!account) {
      try {
        account = await createAccount(db, { email, name: values.name?.trim() || email.split('@')[0], role: 'admin' }, now());
      } catch (e) {
        // Created by someone else just now: use that one.
        if (!(e instanceof DuplicateAccountError)) throw e;
        account = await findByEmail(db, email);
      }
    }
    if (!account) throw new CliError(`Account ${email} kon niet worden aangemaakt`);
    // Never change someone's role or re-enable them silently: that is a decision, not a side effect.
    if (account.role !== 'admin') throw new CliError(`${account.email} heeft al een account met een andere rol (${account.role}); er is niets gewijzigd`);
    if (account.disabledAt) throw new CliError(`Het account ${account.email} is uitgeschakeld; er is niets gewijzigd`);
    const token = await createMagicLink(db, account.id, now());
    out(signInUrl(config.baseUrl, token));
  },
};
