// import-advisors FILE [--dry-run] [--skip-invalid]: the advisors and their municipalities from
// CSV or XLSX; prints a report per row; all or nothing unless --skip-invalid.
import fs from 'node:fs';
import { badRows, goodRows, importAdvisors, problemText, readTable, UnreadableFileError } from '../../modules/advisors/index.ts';
import { parse } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const importAdvisorsCommand: Command = {
  name: 'import-advisors',
  usage: 'import-advisors FILE [--dry-run] [--skip-invalid]',
  summary: 'importeer adviseurs en hun gemeenten (CSV of XLSX); toont per regel wat er mis is; --dry-run wijzigt niets',
  async run(args, { db, now, out }) {
    const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } }, 1);
    const file = positionals[0];
    if (!file) throw new CliError('Geef het bestand met adviseurs, bijvoorbeeld: import-advisors adviseurs.xlsx');
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      throw new CliError(`Bestand ${file} kan niet worden gelezen`);
    }
    let table: Awaited<ReturnType<typeof readTable>>;
    try {
      table = await readTable(new Uint8Array(data));
    } catch (e) {
      if (e instanceof UnreadableFileError) throw new CliError(`${file}: ${problemText('nl', e.limit ? { key: 'file.limit', limit: e.limit } : { key: 'file.unreadable' })}`);
      throw e;
    }
    const dryRun = values['dry-run'] ?? false;
    const report = await importAdvisors(db, table, { dryRun, skipInvalid: values['skip-invalid'] ?? false, now: now() });
    if (report.fileErrors.length) throw new CliError(`${file}: ${report.fileErrors.map((e) => problemText('nl', e)).join(' ')}`);
    const [bad, good] = [badRows(report), goodRows(report)];
    for (const row of bad) for (const e of row.errors) out(`Regel ${row.line}: ${problemText('nl', e)}`);
    out(`${report.rows.length} regels: ${good.length} in orde, ${bad.length} met fouten (gemeentelijke indeling ${report.registerYear}).`);
    const o = report.outcome;
    if (!o) {
      if (dryRun) return void out('Proefimport (--dry-run): er is niets gewijzigd.');
      throw new CliError(`Niets geïmporteerd: ${bad.length} regels met fouten. Verbeter het bestand of gebruik --skip-invalid.`);
    }
    for (const m of o.moved) out(`${m.name} (${m.code}) hoorde eerst bij ${m.from}.`);
    out(`Geïmporteerd: ${o.advisorsCreated} adviseurs nieuw, ${o.advisorsUpdated} bijgewerkt; ${o.assigned} gemeenten toegewezen; ` +
      `${o.accountsCreated} accounts aangemaakt, ${o.accountsLinked} gekoppeld${bad.length ? `; ${bad.length} regels overgeslagen` : ''}.`);
  },
};
