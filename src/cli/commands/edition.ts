import { closeEdition, editionState, getEdition, openEdition, publishEdition } from '../../modules/editions/index.ts';
import { isoDate, parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const editionCommand: Command = {
  name: 'edition',
  usage: 'edition YEAR --open --closes DATE | --close | --publish',
  summary: 'open een editie om in te vullen tot en met DATE (JJJJ-MM-DD), sluit haar, of publiceer de resultaten',
  async run(args, { db, now, out }) {
    const { values, positionals } = parse(args, { open: { type: 'boolean' }, closes: { type: 'string' }, close: { type: 'boolean' }, publish: { type: 'boolean' } }, 1);
    const y = year(positionals[0]);
    const edition = await getEdition(db, y);
    if (!edition) throw new CliError(`Editie ${y} bestaat niet`);
    const actions = [values.open, values.close, values.publish].filter(Boolean).length;
    if (actions !== 1) throw new CliError('Kies precies één van --open, --close of --publish');
    if (values.open) {
      const closes = isoDate(values.closes, '--closes');
      if (closes < now().toISOString().slice(0, 10)) throw new CliError(`--closes ${closes} ligt in het verleden`);
      await openEdition(db, y, closes, now());
      out(`Editie ${y} is open tot en met ${closes}.`);
    } else if (values.close) {
      await closeEdition(db, y, now());
      out(`Editie ${y} is gesloten.`);
    } else {
      await publishEdition(db, y, now());
      out(`De resultaten van editie ${y} zijn gepubliceerd.`);
    }
    const after = await getEdition(db, y);
    if (after) out(`Status: ${editionState(after, now())}`);
  },
};
