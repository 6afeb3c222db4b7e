// import-register --year YEAR --municipalities FILE.csv [--geo FILE] [--mergers FILE.csv] [--wijken FILE.csv] [--wijk-geo FILE.topojson] [--dry-run]:
// a CBS register year in the formats of data/register and data/geo. Prints every problem with its
// file, line and field; writes the whole year or nothing.
import fs from 'node:fs';
import path from 'node:path';
import { importRegister, type NamedFile, noteText, problemLine, type RegisterInput, summaryText } from '../../modules/register/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

function read(file: string, option: string): NamedFile {
  try {
    return { name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) };
  } catch (e) {
    throw new CliError(`Kan ${file} (${option}) niet lezen: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export const importRegisterCommand: Command = {
  name: 'import-register',
  usage: 'import-register --year YEAR --municipalities FILE.csv [--geo FILE.topojson|geojson] [--mergers FILE.csv] [--wijken FILE.csv] [--wijk-geo FILE.topojson] [--dry-run]',
  summary: 'importeer de CBS-gemeentelijke indeling van een jaar (gemeenten, kaart, herindelingen, wijken, wijkgrenzen), alles of niets; --dry-run wijzigt niets',
  async run(args, { db, now, out }) {
    const { values } = parse(args, {
      year: { type: 'string' }, municipalities: { type: 'string' }, geo: { type: 'string' }, mergers: { type: 'string' },
      wijken: { type: 'string' }, 'wijk-geo': { type: 'string' }, 'dry-run': { type: 'boolean' },
    });
    const y = year(values.year, 'indelingsjaar (--year)');
    if (!values.municipalities) throw new CliError('Geef het bestand met gemeenten: --municipalities gemeenten-2025.csv');
    const input: RegisterInput = { year: y, municipalities: read(values.municipalities, '--municipalities') };
    if (values.geo) input.geo = read(values.geo, '--geo');
    if (values.mergers) input.mergers = read(values.mergers, '--mergers');
    if (values.wijken) input.wijken = read(values.wijken, '--wijken');
    if (values['wijk-geo']) input.wijkGeo = read(values['wijk-geo'], '--wijk-geo');
    const report = await importRegister(db, input, { dryRun: values['dry-run'] ?? false, now: now() });
    for (const p of report.problems) out(problemLine('nl', p, report.files));
    out(summaryText('nl', report));
    for (const n of report.notes.slice(0, -1)) out(noteText('nl', n));
    if (report.problems.length) {
      throw new CliError(`Niets geïmporteerd (${report.problems.length} fout(en)): ${problemLine('nl', report.problems[0], report.files)}`);
    }
    out(noteText('nl', report.notes[report.notes.length - 1]));
  },
};
