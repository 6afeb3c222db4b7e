import { FieldworkError, selectConnected, sendInvitations } from '../../modules/fieldwork/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';
import { deliverQueued } from './send-reminders.ts';

// Never twice: each municipality is marked invited in the transaction that queues its e-mails.
export const sendInvitationsCommand: Command = {
  name: 'send-invitations',
  usage: 'send-invitations --edition YEAR [--select-connected]',
  summary: 'e-mail elke geselecteerde gemeente die nog geen uitnodiging heeft (nooit twee keer); --select-connected selecteert eerst alle gemeenten met contactpersonen',
  async run(args, ctx) {
    const { values } = parse(args, { edition: { type: 'string' }, 'select-connected': { type: 'boolean' } });
    const y = year(values.edition);
    const { db, config, now, out } = ctx;
    try {
      if (values['select-connected']) out(`${await selectConnected(db, y, now())} gemeenten met contactpersonen toegevoegd aan de selectie.`);
      const r = await sendInvitations(db, { edition: y, baseUrl: config.baseUrl, now: now() });
      out(`Uitnodigingen voor ${r.municipalities} gemeenten: ${r.messages} e-mails in de wachtrij.`);
    } catch (e) {
      if (e instanceof FieldworkError) throw new CliError(e.message);
      throw e;
    }
    const missing = await db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM invitations i WHERE i.edition = $1 AND i.invited_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.edition = i.edition AND c.municipality_code = i.municipality_code)`, [y]);
    if (missing?.n) out(`${missing.n} geselecteerde gemeenten hebben geen contactpersoon en zijn niet uitgenodigd.`);
    await deliverQueued(ctx);
  },
};
