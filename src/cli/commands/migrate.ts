import { parse } from '../args.ts';
import type { Command } from '../cli-error.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'breng het databaseschema bij (gebeurt ook bij elke start) en laad de referentiegegevens',
  async run(args, { out }) {
    parse(args, {});
    out('Database is bijgewerkt.');
  },
};
