import fs from 'node:fs';
import path from 'node:path';
import { QuestionnaireConflictError, QuestionnaireLockedError } from '../../modules/edition-admin/index.ts';
import { QuestionnaireError } from '../../modules/questionnaire/index.ts';
import {
  applyWorkbook, describeDiff, diffSummary, exportWorkbook, isEmptyDiff, previewWorkbook, problemLine,
} from '../../modules/questionnaire-sheet/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError, type CommandContext } from '../cli-error.ts';

const USAGE = 'questionnaire export --edition YEAR --out FILE.xlsx  ·  questionnaire import FILE.xlsx --edition YEAR [--dry-run]';

async function exportCommand(args: string[], { db, out }: CommandContext): Promise<void> {
  const { values } = parse(args, { edition: { type: 'string' }, out: { type: 'string' } });
  const y = year(values.edition);
  if (!values.out) throw new CliError('Geef het bestand met --out, bijvoorbeeld: questionnaire export --edition 2023 --out vragenlijst-2023.xlsx');
  const bytes = await exportWorkbook(db, y);
  if (!bytes) throw new CliError(`Editie ${y} bestaat niet`);
  try {
    fs.writeFileSync(values.out, bytes);
  } catch (e) {
    throw new CliError(`Kan ${values.out} niet schrijven (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  out(`De vragenlijst van editie ${y} staat in ${values.out} (XLSForm: survey, choices, settings, key_results).`);
}

async function importCommand(args: string[], { db, out }: CommandContext): Promise<void> {
  const { values, positionals } = parse(args, { edition: { type: 'string' }, 'dry-run': { type: 'boolean' } }, 1);
  const file = positionals[0];
  if (!file) throw new CliError('Geef de werkmap, bijvoorbeeld: questionnaire import vragenlijst-2024.xlsx --edition 2024');
  const y = year(values.edition);
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`Kan ${file} niet lezen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const preview = await previewWorkbook(db, y, data, path.basename(file));
  if (!preview) throw new CliError(`Editie ${y} bestaat niet`);
  if (preview.problems.length) {
    for (const p of preview.problems) out(problemLine(p));
    const n = preview.problems.length;
    throw new CliError(`${file}: ${n} ${n === 1 ? 'probleem' : 'problemen'} (zie hierboven); de vragenlijst van editie ${y} is niet gewijzigd`);
  }
  const diff = preview.diff;
  if (!diff || isEmptyDiff(diff)) {
    out(`${file} is gelijk aan de vragenlijst van editie ${y}: er verandert niets.`);
    return;
  }
  out(diffSummary(diff, 'nl'));
  for (const s of describeDiff(diff, 'nl')) {
    out(`${s.title}:`);
    for (const line of s.lines) {
      out(`  - ${line.subject}`);
      for (const d of line.details) out(`      ${d}`);
    }
  }
  if (preview.answered > 0) throw new CliError(`De vragenlijst van editie ${y} heeft al antwoorden van ${preview.answered} gemeente(n) en kan niet meer worden gewijzigd`);
  if (values['dry-run']) {
    out('Proefdraai (--dry-run): de vragenlijst is niet gewijzigd.');
    return;
  }
  try {
    await applyWorkbook(db, y, { year: y, rev: preview.rev, fileName: preview.fileName, questionnaire: preview.next! });
  } catch (e) {
    if (e instanceof QuestionnaireLockedError || e instanceof QuestionnaireConflictError) throw new CliError(`Niet gewijzigd: ${e.message}`);
    if (e instanceof QuestionnaireError) {
      for (const p of e.problems) out(p);
      throw new CliError(`Niet gewijzigd: ${e.problems.length} problemen (zie hierboven)`);
    }
    throw e;
  }
  out(`De vragenlijst van editie ${y} is bijgewerkt naar ${file}.`);
}

export const questionnaireCommand: Command = {
  name: 'questionnaire',
  usage: USAGE,
  summary: 'de vragenlijst van een editie als Excel-werkmap (XLSForm) schrijven, of een aangepaste werkmap inlezen: eerst de problemen (werkblad, rij, kolom) of de verschillen, alles of niets; --dry-run wijzigt niets',
  async run(args, ctx) {
    const [sub, ...rest] = args;
    if (sub === 'export') return exportCommand(rest, ctx);
    if (sub === 'import') return importCommand(rest, ctx);
    throw new CliError(`Gebruik: ${USAGE}`);
  },
};
