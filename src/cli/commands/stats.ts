import { SCOPE_HELP, StatsRequestError, statsFor } from '../../modules/data-exchange/index.ts';
import { suppress, toCsv, toJson } from '../../modules/statistics/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const statsCommand: Command = {
  name: 'stats',
  usage: 'stats --edition YEAR --scope SCOPE [--panel-editions A-B] --format csv|json',
  summary: `statistieken naar stdout (SCOPE: ${SCOPE_HELP}); alle cijfers, JSON met "suppressed" voor publieke weergaven`,
  async run(args, { db, out }) {
    const { values } = parse(args, { edition: { type: 'string' }, scope: { type: 'string' }, 'panel-editions': { type: 'string' }, format: { type: 'string' } });
    const edition = year(values.edition);
    if (!values.scope) throw new CliError(`Geef --scope: ${SCOPE_HELP}`);
    if (values.format !== 'csv' && values.format !== 'json') throw new CliError(`--format verwacht csv of json (kreeg: ${values.format ?? 'niets'})`);
    let rows: Awaited<ReturnType<typeof statsFor>>;
    try {
      rows = await statsFor(db, { edition, scope: values.scope, panelEditions: values['panel-editions'] });
    } catch (e) {
      if (e instanceof StatsRequestError) throw new CliError(e.message);
      throw e;
    }
    // A bureau export: every figure is printed; JSON marks what a public view would hide.
    out(values.format === 'csv' ? toCsv(rows).replace(/\n$/, '') : toJson(suppress(rows)));
  },
};
