import { createPersonalLink, personalLinkUrl } from '../../modules/auth/index.ts';
import { getEdition } from '../../modules/editions/index.ts';
import { findMunicipality } from '../../modules/register/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const linkCommand: Command = {
  name: 'link',
  usage: 'link --edition YEAR --municipality GMxxxx',
  summary: 'maak een persoonlijke vragenlijstlink voor een gemeente (en de uitnodiging als die er nog niet is); het adres komt uit BASE_URL of PORT',
  async run(args, { db, config, out }) {
    const { values } = parse(args, { edition: { type: 'string' }, municipality: { type: 'string' } });
    const y = year(values.edition);
    const edition = await getEdition(db, y);
    if (!edition) throw new CliError(`Editie ${y} bestaat niet`);
    const code = (values.municipality ?? '').toUpperCase();
    if (!/^GM\d{4}$/.test(code)) throw new CliError(`Geef --municipality als GM-code, bijvoorbeeld GM0363 (kreeg: ${values.municipality ?? 'niets'})`);
    const m = await findMunicipality(db, edition.registerYear, code);
    if (!m) throw new CliError(`Gemeente ${code} staat niet in de gemeentelijke indeling van ${edition.registerYear}`);
    const token = await createPersonalLink(db, y, code);
    out(personalLinkUrl(config.baseUrl, token));
    if (!(await answers(config.baseUrl))) {
      process.stderr.write(`Let op: op ${config.baseUrl} antwoordt geen server, dus deze link werkt nu niet. `
        + 'Start de server (npm start) of zet BASE_URL op het adres waar hij draait.\n');
    }
  },
};

/** Whether the server at `baseUrl` answers its health check within two seconds. */
async function answers(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
    return res.ok;
  } catch {
    return false;
  }
}
