// A population file to import (CBS inhabitants per municipality on 1 January of a register
// year, columns `code,name,inhabitants`), what is wrong with it, and the report. Pure types.

export const POPULATION_COLUMNS = ['code', 'name', 'inhabitants'] as const;
/** A file larger than this is refused unread (a full year is about 12 KB). */
export const MAX_POPULATION_BYTES = 2_000_000;
/** More inhabitants than any Dutch municipality could have: a typo or a wrong column. */
export const MAX_INHABITANTS = 5_000_000;

export type PopulationProblemKey =
  | 'year.invalid' | 'year.noRegister'
  | 'file.empty' | 'file.tooBig' | 'file.unreadable' | 'file.encoding' | 'file.columns' | 'file.noRows'
  | 'row.code' | 'row.unknown' | 'row.duplicate' | 'row.name' | 'row.inhabitants' | 'row.range'
  | 'muni.missing';

/** One problem: on which line (1 = the header) and in which field, and what. */
export type PopulationProblem = { line?: number; field?: string; key: PopulationProblemKey; params?: Record<string, string | number> };

export type PopulationRow = { line: number; code: string; name: string; inhabitants: number };

export type PopulationReport = {
  year: number;
  fileName: string;
  rows: PopulationRow[];
  problems: PopulationProblem[];
  /** Municipalities per size class id, of the rows read. */
  classes: Record<string, number>;
  /** The year had figures before (they are replaced). */
  replaces: boolean;
  /** True when the figures were written (not a dry run, no problems). */
  written: boolean;
};

export type PopulationYear = { year: number; municipalities: number; inhabitants: number; fileName: string; importedAt: Date; editions: number[] };
