// factsheets --edition YEAR --out DIR: the factsheet of every municipality that submitted, as
// DIR/GMxxxx.pdf. The national figures are computed once for the whole run (see factsheet/national.ts).
import fs from 'node:fs';
import path from 'node:path';
import { getEdition } from '../../modules/editions/index.ts';
import { allFactsheets } from '../../modules/reports/factsheet/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';
import { langOption } from './factsheet.ts';

export const factsheetsCommand: Command = {
  name: 'factsheets',
  usage: 'factsheets --edition YEAR --out DIR [--lang nl|en]',
  summary: 'maak de factsheets van alle gemeenten die de vragenlijst van die editie hebben verstuurd (DIR/GMxxxx.pdf)',
  async run(args, { db, now, out }) {
    const { values } = parse(args, { edition: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' } });
    const y = year(values.edition);
    if (!values.out) throw new CliError('Geef --out als map, bijvoorbeeld --out factsheets-2022');
    const lang = langOption(values.lang);
    if (!(await getEdition(db, y))) throw new CliError(`Editie ${y} bestaat niet`);
    const dir = path.resolve(values.out);
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new CliError(`Kan map ${dir} niet maken: ${(e as Error).message}`);
    }
    const started = performance.now();
    let n = 0;
    for await (const { code, pdf } of allFactsheets(db, y, { lang, now: now() })) {
      try {
        fs.writeFileSync(path.join(dir, `${code}.pdf`), pdf);
      } catch (e) {
        throw new CliError(`Kan ${path.join(dir, `${code}.pdf`)} niet schrijven: ${(e as Error).message}`);
      }
      n += 1;
    }
    if (!n) throw new CliError(`Nog geen gemeente heeft de vragenlijst ${y} verstuurd: er zijn geen factsheets`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out(`${n} factsheets ${y} geschreven naar ${dir} (${seconds} s).`);
  },
};
