import { createPersonalLink, personalLinkUrl } from '../../modules/auth/index.ts';
import { getEdition } from '../../modules/editions/index.ts';
import { findMunicipality } from '../../modules/register/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const linkCommand: Command = {
  name: 'link',
  usage: 'link --edition YEAR --municipality GMxxxx',
  summary: 'maak een persoonlijke vragenlijstlink voor een gemeente (en de uitnodiging als die er nog niet is)',
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
  },
};
