import { FieldworkError, sendReminders } from '../../modules/fieldwork/index.ts';
import { createMailer, deliverDue } from '../../modules/mail/index.ts';
import { parse, year } from '../args.ts';
import { type Command, type CommandContext, CliError } from '../cli-error.ts';

/** With SMTP_URL the command delivers what is due right away; without it the mail waits in the outbox. */
export async function deliverQueued({ db, config, now, out }: CommandContext): Promise<void> {
  const mailer = createMailer(config.smtpUrl);
  if (!mailer) {
    out('SMTP_URL is niet ingesteld: de e-mails blijven in de outbox (zie /beheer/outbox).');
    return;
  }
  try {
    const d = await deliverDue(db, mailer, now);
    out(`Verstuurd: ${d.sent}${d.failed ? `; ${d.failed} mislukt (worden later opnieuw geprobeerd, zie /beheer/outbox)` : ''}.`);
  } finally {
    mailer.close();
  }
}

// At most one reminder a day per municipality, never to one that has submitted.
export const sendRemindersCommand: Command = {
  name: 'send-reminders',
  usage: 'send-reminders --edition YEAR',
  summary: 'e-mail een herinnering aan elke uitgenodigde gemeente die nog niet heeft verstuurd (hoogstens één per dag)',
  async run(args, ctx) {
    const { values } = parse(args, { edition: { type: 'string' } });
    const y = year(values.edition);
    try {
      const r = await sendReminders(ctx.db, { edition: y, baseUrl: ctx.config.baseUrl, now: ctx.now() });
      ctx.out(`Herinneringen voor ${r.municipalities} gemeenten: ${r.messages} e-mails in de wachtrij.`);
    } catch (e) {
      if (e instanceof FieldworkError) throw new CliError(e.message);
      throw e;
    }
    await deliverQueued(ctx);
  },
};
