// Which edition a fieldwork page shows: the one asked for (?editie=YYYY or /edities/YYYY/…),
// else the current one: the newest edition that has been opened, else the newest.
import type { Db } from '../../db/client.ts';
import { type Edition, editionState } from '../editions/index.ts';

/** open: answering is possible now, so reminders make sense. */
export type EditionChoice = { year: number; registerYear: number; years: number[]; open: boolean };

type Row = Pick<Edition, 'year' | 'registerYear' | 'openedAt' | 'closedAt' | 'publishedAt' | 'closesOn'>;

// Not listEditions: that reads every questionnaire, and these pages need only the dates.
const listRows = (db: Db) => db.query<Row>(
  `SELECT year, register_year AS "registerYear", opened_at AS "openedAt", closed_at AS "closedAt",
          published_at AS "publishedAt", to_char(closes_on, 'YYYY-MM-DD') AS "closesOn" FROM editions ORDER BY year`);

/** undefined when `asked` is given but no such edition exists (the route answers 404). */
export async function chooseEdition(db: Db, asked: string | undefined, now: Date): Promise<EditionChoice | undefined> {
  const all = await listRows(db);
  if (all.length === 0) return undefined;
  const years = all.map((e) => e.year);
  let chosen: Row | undefined;
  if (asked !== undefined && asked !== '') chosen = /^\d{4}$/.test(asked) ? all.find((e) => e.year === Number(asked)) : undefined;
  else chosen = [...all].reverse().find((e) => e.openedAt) ?? all[all.length - 1];
  return chosen && { year: chosen.year, registerYear: chosen.registerYear, years, open: editionState(chosen, now) === 'open' };
}
