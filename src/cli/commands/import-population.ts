// import-population --year YEAR FILE.csv [--dry-run]: CBS inhabitants per municipality on 1 January
// of a register year (columns code,name,inhabitants), for the size classes. Prints every problem
// with its line and field; writes the whole year or nothing.
import fs from 'node:fs';
import path from 'node:path';
import { importPopulation, populationProblemLine, populationSummary } from '../../modules/population/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const importPopulationCommand: Command = {
  name: 'import-population',
  usage: 'import-population --year YEAR FILE.csv [--dry-run]',
  summary: 'importeer de inwonertallen per gemeente van een indelingsjaar (CSV code,name,inhabitants) voor de grootteklassen; alles of niets; --dry-run wijzigt niets',
  async run(args, { db, now, out }) {
    const { values, positionals } = parse(args, { year: { type: 'string' }, 'dry-run': { type: 'boolean' } }, 1);
    const y = year(values.year, 'indelingsjaar (--year)');
    const file = positionals[0];
    if (!file) throw new CliError('Geef het CSV-bestand, bijvoorbeeld: import-population --year 2025 inwoners-2025.csv');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch (e) {
      throw new CliError(`Kan ${file} niet lezen: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const fileName = path.basename(file);
    const dryRun = values['dry-run'] ?? false;
    const report = await importPopulation(db, { year: y, fileName, bytes }, { now: now(), dryRun });
    for (const p of report.problems) out(`${fileName}, ${populationProblemLine('nl', p)}`);
    if (report.problems.length) {
      throw new CliError(`Niets geïmporteerd (${report.problems.length} fout(en)): ${fileName}, ${populationProblemLine('nl', report.problems[0])}`);
    }
    out(populationSummary('nl', report));
    out(dryRun ? 'Proefimport (--dry-run): er is niets gewijzigd.' : `Inwonertallen ${y} opgeslagen.`);
  },
};
