// national-report --edition YEAR --out FILE.pdf: the national report as an A4 PDF (Typst).
// A bureau member may want to read the report before publishing: --concept allows an unpublished
// edition and says so on the title page.
import fs from 'node:fs';
import path from 'node:path';
import { getEdition } from '../../modules/editions/index.ts';
import { buildNationalReportPdf } from '../../modules/reports/national/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const nationalReportCommand: Command = {
  name: 'national-report',
  usage: 'national-report --edition YEAR --out FILE.pdf [--lang nl|en] [--concept]',
  summary: 'maak het landelijke rapport van een gepubliceerde editie als pdf (A4); --concept ook vóór publicatie',
  async run(args, { db, now, out }) {
    const { values } = parse(args, { edition: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, concept: { type: 'boolean' } });
    const y = year(values.edition);
    const file = values.out;
    if (!file?.toLowerCase().endsWith('.pdf')) throw new CliError(`Geef --out als pdf-bestand, bijvoorbeeld rapport-${y}.pdf (kreeg: ${file ?? 'niets'})`);
    const lang = values.lang ?? 'nl';
    if (lang !== 'nl' && lang !== 'en') throw new CliError(`--lang is nl of en (kreeg: ${lang})`);
    const edition = await getEdition(db, y);
    if (!edition) throw new CliError(`Editie ${y} bestaat niet`);
    if (!edition.publishedAt && !values.concept) {
      throw new CliError(`Editie ${y} is nog niet gepubliceerd. Publiceer haar eerst (edition ${y} --publish) of maak een concept met --concept`);
    }
    const started = performance.now();
    const pdf = await buildNationalReportPdf(db, y, { lang, now: now(), includeUnpublished: values.concept === true });
    if (!pdf) throw new CliError(`Editie ${y} heeft geen resultaten`);
    const target = path.resolve(file);
    try {
      fs.writeFileSync(target, pdf);
    } catch (e) {
      throw new CliError(`Kan ${target} niet schrijven: ${(e as Error).message}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out(`Rapport ${y}${values.concept && !edition.publishedAt ? ' (concept)' : ''} geschreven naar ${target} (${Math.round(pdf.length / 1024)} kB, ${seconds} s).`);
  },
};
