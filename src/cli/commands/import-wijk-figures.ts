// import-wijk-figures FILE [--dry-run] [--skip-invalid]: loneliness per wijk from the CBS/RIVM CSV
// (dataset 50120NED). Prints every bad line; all or nothing unless --skip-invalid.
import fs from 'node:fs';
import { importWijkFigures, problemText } from '../../modules/wijk-figures/index.ts';
import { parse } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const importWijkFiguresCommand: Command = {
  name: 'import-wijk-figures',
  usage: 'import-wijk-figures FILE [--dry-run] [--skip-invalid]',
  summary: 'importeer eenzaamheidscijfers per wijk (CSV van CBS/RIVM, 50120NED); --dry-run wijzigt niets',
  async run(args, { db, now, out }) {
    const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } }, 1);
    const file = positionals[0];
    if (!file) throw new CliError('Geef het CSV-bestand, bijvoorbeeld: import-wijk-figures 50120NED.csv');
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch (e) {
      throw new CliError(`Kan ${file} niet lezen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const dryRun = values['dry-run'] ?? false;
    const report = await importWijkFigures(db, new Uint8Array(data), { now: now(), dryRun, skipInvalid: values['skip-invalid'] ?? false });
    if (report.fileErrors.length) throw new CliError(`${file}: ${report.fileErrors.map((p) => problemText('nl', p)).join(' ')}`);
    for (const p of report.problems) out(problemText('nl', p));
    const columns = Object.values(report.columns).join(', ');
    out(`${report.rows} regels gelezen (${report.skipped} overgeslagen: buurten, andere leeftijden, marges); kolommen ${columns}; ` +
      `${report.figures.length} cijfers voor ${report.regions} regio's in ${report.years.join(', ') || '–'}; ${report.problems.length} regels met fouten.`);
    if (dryRun) return void out('Proefimport (--dry-run): er is niets gewijzigd.');
    if (report.imported === null && report.problems.length) {
      throw new CliError(`Niets geïmporteerd: ${report.problems.length} regels met fouten. Verbeter het bestand of gebruik --skip-invalid.`);
    }
    out(`Geïmporteerd: ${report.imported ?? 0} cijfers.`);
  },
};
