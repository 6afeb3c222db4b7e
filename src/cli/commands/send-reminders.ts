import { editionState, getEdition } from '../../modules/editions/index.ts';
import { FieldworkError, type ScheduleError, scheduleReminders, sendReminders } from '../../modules/fieldwork/index.ts';
import { formatDateTime } from '../../web/i18n.ts';
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

const SCHEDULE_ERRORS: Record<ScheduleError, string> = {
  badDate: '--at verwacht een datum en tijd als JJJJ-MM-DDTUU:MM (Nederlandse tijd), bijvoorbeeld 2026-10-05T09:00',
  badTime: '--at verwacht een datum en tijd als JJJJ-MM-DDTUU:MM (Nederlandse tijd), bijvoorbeeld 2026-10-05T09:00',
  past: 'Dit moment is al voorbij. Kies een moment in de toekomst.',
  afterClose: 'Dat is na de sluitdatum van de editie. Kies een moment op of voor de sluitdatum.',
  notOpen: 'De editie is niet open: herinneringen kunnen niet worden gepland.',
};

// At most one reminder a day per municipality, never to one that has submitted. With --at the
// reminders are planned; the running server (npm start) sends them at that moment.
export const sendRemindersCommand: Command = {
  name: 'send-reminders',
  usage: 'send-reminders --edition YEAR [--at JJJJ-MM-DDTUU:MM]',
  summary: 'e-mail een herinnering aan elke uitgenodigde gemeente die nog niet heeft verstuurd (hoogstens één per dag), nu of op een gepland moment',
  async run(args, ctx) {
    const { values } = parse(args, { edition: { type: 'string' }, at: { type: 'string' } });
    const y = year(values.edition);
    if (values.at !== undefined) {
      const [date = '', time = ''] = values.at.split(/[T ]/);
      const e = await getEdition(ctx.db, y);
      if (!e) throw new CliError(`Editie ${y} bestaat niet`);
      const r = await scheduleReminders(ctx.db, { edition: y, date, time, now: ctx.now(), closesOn: e.closesOn, open: editionState(e, ctx.now()) === 'open' });
      if (typeof r === 'string') throw new CliError(SCHEDULE_ERRORS[r]);
      ctx.out(`Herinneringen gepland op ${formatDateTime('nl', r.sendAt)}. De server (npm start) verstuurt ze dan; annuleren kan in /beheer/edities/${y}/uitnodigen.`);
      return;
    }
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
