import fs from 'node:fs';
import path from 'node:path';
import { formatImportReport, importResponses } from '../../modules/data-exchange/index.ts';
import { parse } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const importResponsesCommand: Command = {
  name: 'import-responses',
  usage: 'import-responses FILE [--dry-run] [--published-ok]',
  summary: 'importeer antwoorden uit de lange CSV (vervangt die van de gemeenten in het bestand; alles of niets); in een gepubliceerde editie alleen met --published-ok (wordt vastgelegd)',
  async run(args, { db, now, out }) {
    const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' }, 'published-ok': { type: 'boolean' } }, 1);
    const file = positionals[0];
    if (!file) throw new CliError('Geef het bestand met antwoorden, bijvoorbeeld: import-responses antwoorden-2021.csv');
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch (e) {
      throw new CliError(`Kan ${file} niet lezen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const report = await importResponses(db, data, {
      now: now(), actor: path.basename(file), dryRun: values['dry-run'], publishedOk: values['published-ok'],
      audit: { via: 'cli', fileName: path.basename(file) },
    });
    for (const line of formatImportReport(report)) out(line);
    const first = report.errors[0];
    if (first) {
      const more = report.errors.length > 1 ? ` (en nog ${report.errors.length - 1} fouten; niets geïmporteerd)` : ' (niets geïmporteerd)';
      throw new CliError(`${file} regel ${first.line}: ${first.message}${more}`);
    }
    if (report.needsConfirmation) {
      const which = `${report.published.length === 1 ? 'editie' : 'edities'} ${report.published.join(', ')}`;
      throw new CliError(`${file} heeft antwoorden voor de gepubliceerde ${which}: importeren verandert gepubliceerde resultaten. Niets geïmporteerd; bedoelt u het echt, herhaal dan met --published-ok (de import wordt vastgelegd).`);
    }
    if (report.published.length && !report.dryRun) out(`Geïmporteerd in gepubliceerde editie(s) ${report.published.join(', ')} met --published-ok; vastgelegd in de importgeschiedenis.`);
  },
};
