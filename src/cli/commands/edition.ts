// The service and its texts only: the command needs none of the edition pages.
import { eaText } from '../../modules/edition-admin/edition-admin.i18n.ts';
import { createEdition, EditionStateError } from '../../modules/edition-admin/editions.service.ts';
import { ensureExampleResponse } from '../../modules/demo/index.ts';
import { closeEdition, editionState, getEdition, openEdition, publishEdition } from '../../modules/editions/index.ts';
import { queueReportReady } from '../../modules/publication/index.ts';
import { hasRegister } from '../../modules/register/index.ts';
import { publishTextOrFail } from './report-text.ts';
import { isoDate, parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

/** `edition create YEAR [--from YEAR]`: a draft with a copy of the questionnaire; the same rules as /beheer's button. */
async function create(args: string[], { db, out }: Parameters<Command['run']>[1]): Promise<void> {
  const { values, positionals } = parse(args, { from: { type: 'string' } }, 2);
  const y = year(positionals[1]);
  const from = values.from === undefined ? undefined : year(values.from, 'editie om van over te nemen (--from)');
  let plan: Awaited<ReturnType<typeof createEdition>>;
  try {
    plan = await createEdition(db, y, from);
  } catch (e) {
    if (e instanceof EditionStateError) throw new CliError(eaText('nl', e.key, e.params));
    throw e;
  }
  const qn = (await getEdition(db, y))?.questionnaire;
  out(`Editie ${y} is aangemaakt (in voorbereiding) met een kopie van de vragenlijst van ${plan.from}: ${qn?.questions.length ?? 0} vragen, elk als voortzetting van dezelfde vraag (continues).`);
  if (!plan.hasRegister) {
    out(`Let op: de gemeentelijke indeling van ${y} ontbreekt. Editie ${y} kan pas open na: npm run cli -- import-register --year ${y} --municipalities gemeenten-${y}.csv …`);
  }
}

export const editionCommand: Command = {
  name: 'edition',
  usage: 'edition YEAR --open --closes DATE | --close | --publish  ·  edition create YEAR [--from YEAR]',
  summary: 'open een editie om in te vullen tot en met DATE (JJJJ-MM-DD), sluit haar, of publiceer de resultaten; create maakt een nieuwe editie met een kopie van de vragenlijst (standaard van de nieuwste editie ervoor)',
  async run(args, ctx) {
    if (args[0] === 'create') return create(args, ctx);
    const { db, now, out, config } = ctx;
    const { values, positionals } = parse(args, { open: { type: 'boolean' }, closes: { type: 'string' }, close: { type: 'boolean' }, publish: { type: 'boolean' } }, 1);
    const y = year(positionals[0]);
    const edition = await getEdition(db, y);
    if (!edition) throw new CliError(`Editie ${y} bestaat niet`);
    const actions = [values.open, values.close, values.publish].filter(Boolean).length;
    if (actions !== 1) throw new CliError('Kies precies één van --open, --close of --publish');
    if (values.open) {
      const closes = isoDate(values.closes, '--closes');
      if (closes < now().toISOString().slice(0, 10)) throw new CliError(`--closes ${closes} ligt in het verleden`);
      if (!(await hasRegister(db, edition.registerYear))) {
        throw new CliError(`Editie ${y} kan niet open: de gemeentelijke indeling van ${edition.registerYear} ontbreekt. Importeer die eerst: npm run cli -- import-register --year ${edition.registerYear} --municipalities gemeenten-${edition.registerYear}.csv …`);
      }
      await openEdition(db, y, closes, now());
      out(`Editie ${y} is open tot en met ${closes}.`);
    } else if (values.close) {
      await closeEdition(db, y, now());
      out(`Editie ${y} is gesloten.`);
    } else {
      const mails = await db.tx(async (tx) => {
        // The bureau's report text is published with the edition, or neither is (issue 18).
        await publishTextOrFail(tx, y, now());
        await publishEdition(tx, y, now());
        // Once per contact (outbox key), so publishing again only reaches contacts without one.
        const queued = await queueReportReady(tx, { edition: y, baseUrl: config.baseUrl, now: now() });
        // The demo's example municipality follows the newest published edition.
        await ensureExampleResponse(tx);
        return queued;
      });
      out(`De resultaten van editie ${y} zijn gepubliceerd.`);
      out(`E-mail "uw rapportage staat klaar": ${mails.messages} aan de contactpersonen van ${mails.municipalities} gemeenten in de outbox.`);
    }
    const after = await getEdition(db, y);
    if (after) out(`Status: ${editionState(after, now())}`);
  },
};
