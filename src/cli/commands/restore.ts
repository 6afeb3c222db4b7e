import { BackupError, restoreBackup } from '../../modules/backup/index.ts';
import { parse } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore FILE [--force]',
  summary: 'zet een back-up terug (zelfde schemaversie); een database met gegevens alleen met --force, die dan eerst wordt leeggemaakt',
  async run(args, { db, out }) {
    const { positionals, values } = parse(args, { force: { type: 'boolean' } }, 1);
    const file = positionals[0];
    if (!file) throw new CliError('Geef het back-upbestand, bijvoorbeeld: restore backups/benchmark-2024-05-01.jsonl.gz');
    try {
      const s = await restoreBackup(db, file, { force: values.force === true });
      out(`Back-up van ${s.createdAt} teruggezet: ${s.tables} tabellen, ${s.rows} rijen.`);
      out('Draait de server? Start hem opnieuw, zodat hij niets van vóór het terugzetten onthoudt.');
    } catch (e) {
      if (e instanceof BackupError) throw new CliError(`Niets teruggezet: ${e.message}`);
      throw e;
    }
  },
};
