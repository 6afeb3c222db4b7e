import { BackupError, writeBackup } from '../../modules/backup/index.ts';
import { parse } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup FILE',
  summary: 'schrijf alle gegevens (alle tabellen en reeksen) naar één bestand (gzip, JSON-regels); ook terwijl de server draait',
  async run(args, { db, now, out }) {
    const { positionals } = parse(args, {}, 1);
    const file = positionals[0];
    if (!file) throw new CliError('Geef het bestand voor de back-up, bijvoorbeeld: backup backups/benchmark-2024-05-01.jsonl.gz');
    try {
      const s = await writeBackup(db, file, now());
      out(`Back-up geschreven naar ${s.file}: ${s.tables} tabellen, ${s.rows} rijen, ${Math.ceil(s.bytes / 1024)} kB.`);
      out('Het bestand bevat persoonsgegevens: bewaar het veilig.');
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (e instanceof BackupError) throw new CliError(e.message);
      if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EEXIST') throw new CliError(`Kan ${file} niet schrijven (${err.code}): bestaat de map en mag u erin schrijven?`);
      throw e;
    }
  },
};
