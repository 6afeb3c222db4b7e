import fs from 'node:fs';
import path from 'node:path';
import { getEdition } from '../../modules/editions/index.ts';
import { importContacts, parseContactsFile, problemLine } from '../../modules/fieldwork/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

// The ministry's contact list; the same checks as the upload in the admin.
export const importContactsCommand: Command = {
  name: 'import-contacts',
  usage: 'import-contacts FILE --edition YEAR [--dry-run] [--skip-invalid]',
  summary: 'importeer contactpersonen uit CSV of XLSX (municipality_code of municipality_name, name, email, function, phone); --dry-run wijzigt niets',
  async run(args, { db, now, out }) {
    const { values, positionals } = parse(args, { edition: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } }, 1);
    const file = positionals[0];
    if (!file) throw new CliError('Geef het bestand: import-contacts FILE --edition YEAR');
    const y = year(values.edition);
    if (!(await getEdition(db, y))) throw new CliError(`Editie ${y} bestaat niet`);
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      throw new CliError(`Kan ${file} niet lezen: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const parsed = await parseContactsFile(bytes, path.basename(file));
    if (parsed.problems.length) {
      for (const p of parsed.problems) out(problemLine('nl', p));
      throw new CliError(`Niets geïmporteerd: ${problemLine('nl', parsed.problems[0])}`);
    }
    const dryRun = !!values['dry-run'];
    const r = await importContacts(db, y, parsed.rows, { skipInvalid: !!values['skip-invalid'], dryRun, now: now() });
    for (const row of r.rows) for (const p of row.problems) out(problemLine('nl', p));
    out(`${r.rows.length} rijen gelezen: ${r.valid} goed, ${r.invalid} met fouten.`);
    if (r.refused) throw new CliError(`Niets geïmporteerd: ${r.invalid} rijen met fouten (zie hierboven; --skip-invalid importeert alleen de goede rijen)`);
    if (dryRun) out(`Proefrun: er is niets gewijzigd. Zonder --dry-run worden ${r.valid} contactpersonen geïmporteerd${r.invalid ? ' (met --skip-invalid)' : ''}.`);
    else out(`${r.imported} contactpersonen geïmporteerd voor editie ${y}${r.invalid ? `; ${r.invalid} rijen met fouten overgeslagen` : ''}.`);
  },
};
