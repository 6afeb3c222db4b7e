// Which edition a fieldwork page shows: the one asked for (?editie=YYYY or /edities/YYYY/…),
// else the current one: the newest edition that has been opened, else the newest.
import type { Db } from '../../db/client.ts';

export type EditionChoice = { year: number; registerYear: number; years: number[] };

export async function listEditionYears(db: Db): Promise<{ year: number; registerYear: number; opened: boolean }[]> {
  return db.query(`SELECT year, register_year AS "registerYear", opened_at IS NOT NULL AS opened FROM editions ORDER BY year`);
}

/** undefined when `asked` is given but no such edition exists (the route answers 404). */
export async function chooseEdition(db: Db, asked?: string): Promise<EditionChoice | undefined> {
  const all = await listEditionYears(db);
  if (all.length === 0) return undefined;
  const years = all.map((e) => e.year);
  if (asked !== undefined && asked !== '') {
    const found = /^\d{4}$/.test(asked) ? all.find((e) => e.year === Number(asked)) : undefined;
    return found ? { year: found.year, registerYear: found.registerYear, years } : undefined;
  }
  const current = [...all].reverse().find((e) => e.opened) ?? all[all.length - 1];
  return { year: current.year, registerYear: current.registerYear, years };
}
