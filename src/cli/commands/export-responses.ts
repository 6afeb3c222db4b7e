import fs from 'node:fs';
import path from 'node:path';
import { exportCsv, exportSps, exportXlsx, loadExportData } from '../../modules/data-exchange/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

const FORMATS = ['csv', 'xlsx', 'sps'] as const;

/** Writes beside the target and renames, so a failure never leaves a half-written file. */
function writeAtomically(file: string, content: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new CliError(`Kan ${file} niet schrijven (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

export const exportResponsesCommand: Command = {
  name: 'export-responses',
  usage: 'export-responses --edition YEAR --format csv|xlsx|sps --out FILE',
  summary: 'exporteer de ingestuurde antwoorden: lange CSV, XLSX (breed + codeboek) of SPSS (FILE.sps + FILE.csv)',
  async run(args, { db, out }) {
    const { values } = parse(args, { edition: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
    const y = year(values.edition);
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new CliError(`--format verwacht ${FORMATS.join(', ')} (kreeg: ${values.format ?? 'niets'})`);
    if (!values.out) throw new CliError('Geef met --out het bestand om te schrijven');
    const data = await loadExportData(db, y);
    if (!data) throw new CliError(`Editie ${y} bestaat niet`);
    const dir = path.dirname(values.out);
    if (!fs.existsSync(dir)) throw new CliError(`De map ${dir} bestaat niet`);
    const written: string[] = [];
    if (format === 'csv') {
      writeAtomically(values.out, exportCsv(data));
      written.push(values.out);
    } else if (format === 'xlsx') {
      writeAtomically(values.out, await exportXlsx(data));
      written.push(values.out);
    } else {
      const stem = values.out.replace(/\.(sps|csv)$/i, '');
      const files = exportSps(data, `${path.basename(stem)}.csv`);
      writeAtomically(`${stem}.csv`, files.csv);
      writeAtomically(`${stem}.sps`, files.sps);
      written.push(`${stem}.sps`, `${stem}.csv`);
    }
    out(`Editie ${y}: ${data.responses.length} ingestuurde vragenlijsten geschreven naar ${written.join(' en ')}`);
  },
};
