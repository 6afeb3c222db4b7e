// The shipped CBS population files (data/population/population-YYYY.csv, see data/SOURCES.md),
// loaded at start-up like the register: a year whose register is present and that has no figures
// yet. A year already present stays as it is (the bureau may have imported a correction).
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { importPopulation } from './population.service.ts';

export function shippedPopulationFiles(dir = path.resolve('data/population')): Array<{ year: number; file: string }> {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  return files.flatMap((f) => {
    const m = /^population-(\d{4})\.csv$/.exec(f);
    return m ? [{ year: Number(m[1]), file: path.join(dir, f) }] : [];
  }).sort((a, b) => a.year - b.year);
}

export async function loadShippedPopulation(db: Db, now: Date, dir?: string): Promise<void> {
  const shipped = shippedPopulationFiles(dir);
  if (shipped.length === 0) return;
  const have = new Set((await db.query<{ year: number }>('SELECT year FROM population_imports')).map((r) => r.year));
  const registers = new Set((await db.query<{ year: number }>('SELECT DISTINCT year FROM municipalities')).map((r) => r.year));
  for (const { year, file } of shipped) {
    if (have.has(year) || !registers.has(year)) continue;
    const report = await importPopulation(db, { year, fileName: `data/population/${path.basename(file)}`, bytes: new Uint8Array(fs.readFileSync(file)) }, { now });
    // Two processes starting at once: the second finds the year written by the first.
    if (!report.written && report.problems.length) throw new Error(`${file}: ${report.problems.length} problemen, bijvoorbeeld ${JSON.stringify(report.problems[0])}`);
  }
}
