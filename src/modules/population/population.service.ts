// Imports the population of one register year: all or nothing, checked against that year's
// register; the same path for the CLI, /beheer and the shipped files.
import type { Db } from '../../db/client.ts';
import type { PopulationReport } from './population.model.ts';
import { readPopulationCsv } from './population.parse.ts';
import { writePopulation } from './population.repo.ts';
import { sizeClassOf } from './size-class.model.ts';

export type PopulationInput = { year: number; fileName: string; bytes: Uint8Array };
export type PopulationOptions = { now: Date; dryRun?: boolean };

export async function importPopulation(db: Db, input: PopulationInput, options: PopulationOptions): Promise<PopulationReport> {
  const { year, fileName } = input;
  const report: PopulationReport = { year, fileName, rows: [], problems: [], classes: {}, replaces: false, written: false };
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    report.problems.push({ key: 'year.invalid', params: { year: String(year) } });
    return report;
  }
  const register = new Map(
    (await db.query<{ code: string; name: string }>('SELECT code, name FROM municipalities WHERE year = $1', [year])).map((m) => [m.code, m.name]),
  );
  if (register.size === 0) {
    report.problems.push({ key: 'year.noRegister', params: { year } });
    return report;
  }
  const { rows, problems } = readPopulationCsv(input.bytes, register);
  report.rows = rows;
  report.problems = problems;
  for (const r of rows) {
    const id = sizeClassOf(r.inhabitants);
    report.classes[id] = (report.classes[id] ?? 0) + 1;
  }
  report.replaces = (await db.one<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM population_imports WHERE year = $1) AS found', [year]))?.found ?? false;
  if (problems.length || options.dryRun) return report;
  await db.tx(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('een-tegen-eenzaamheid:population'))`);
    await writePopulation(tx, year, rows, fileName, options.now);
  });
  report.written = true;
  return report;
}
