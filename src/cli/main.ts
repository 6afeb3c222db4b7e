// The command line: `npm run cli -- <command> [options]`. One file per command in ./commands.
import { loadReferenceData } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { describeDatabase, openDatabase } from '../db/open.ts';
import { commands } from './commands.ts';
import { CliError } from './cli-error.ts';

function help(): string {
  return [
    'Benchmark Eén tegen eenzaamheid — opdrachtregel',
    '',
    'Gebruik: npm run cli -- <opdracht> [opties]',
    '',
    'Opdrachten:',
    // Usage on its own line, the summary indented below: readable in an 80-column terminal.
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Omgeving: DATA_DIR (ingebouwde database), DATABASE_URL (PostgreSQL-server), BASE_URL (voor links).',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new CliError(`Onbekende opdracht "${name}". Zie npm run cli -- --help`);
  if (rest.includes('--help')) {
    console.log(`Gebruik: npm run cli -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  const config = loadConfig();
  const db = await openDatabase(config, 'cli');
  try {
    await loadReferenceData(db);
    await command.run(rest, { db, config, now: () => new Date(), out: (s) => process.stdout.write(`${s}\n`) });
  } finally {
    await db.close();
  }
  // On stderr: stdout stays what scripts read (a link, statistics as CSV). A failure says only its reason.
  process.stderr.write(`Gebruikte database: ${describeDatabase(config)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    const msg = err instanceof CliError ? err.message : `Fout: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`${msg.split('\n')[0]}\n`);
    process.exit(err instanceof CliError ? err.exitCode : 1);
  },
);
