// factsheet --edition YEAR --municipality GMxxxx --out FILE.pdf: one municipality's factsheet.
// Only for a municipality that submitted (or the example Gravendonck in the edition it follows), as on the web.
import fs from 'node:fs';
import path from 'node:path';
import { getEdition } from '../../modules/editions/index.ts';
import { buildFactsheetPdf } from '../../modules/reports/factsheet/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export function langOption(value: string | undefined): 'nl' | 'en' {
  const lang = value ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new CliError(`--lang is nl of en (kreeg: ${lang})`);
  return lang;
}

export const factsheetCommand: Command = {
  name: 'factsheet',
  usage: 'factsheet --edition YEAR --municipality GMxxxx --out FILE.pdf [--lang nl|en]',
  summary: 'maak de factsheet (pdf, A4) van één gemeente die de vragenlijst van die editie heeft verstuurd',
  async run(args, { db, now, out }) {
    const { values } = parse(args, { edition: { type: 'string' }, municipality: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' } });
    const y = year(values.edition);
    const code = values.municipality?.toUpperCase();
    if (!code || !/^GM\d{4}$/.test(code)) throw new CliError(`Geef --municipality als CBS-code, bijvoorbeeld GM0363 (kreeg: ${values.municipality ?? 'niets'})`);
    const file = values.out;
    if (!file?.toLowerCase().endsWith('.pdf')) throw new CliError(`Geef --out als pdf-bestand, bijvoorbeeld ${code}.pdf (kreeg: ${file ?? 'niets'})`);
    const lang = langOption(values.lang);
    if (!(await getEdition(db, y))) throw new CliError(`Editie ${y} bestaat niet`);
    const pdf = await buildFactsheetPdf(db, y, code, { lang, now: now() });
    if (!pdf) throw new CliError(`${code} heeft de vragenlijst ${y} niet verstuurd: er is geen factsheet`);
    const target = path.resolve(file);
    try {
      fs.writeFileSync(target, pdf);
    } catch (e) {
      throw new CliError(`Kan ${target} niet schrijven: ${(e as Error).message}`);
    }
    out(`Factsheet ${code} ${y} geschreven naar ${target} (${Math.round(pdf.length / 1024)} kB).`);
  },
};
