// The CBS municipality register shipped in data/register (2019–2024, see data/SOURCES.md). Later
// years are imported as data (import.service.ts); nothing here fixes which years exist.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export type Province = { code: string; name: string };
export type Municipality = { year: number; code: string; name: string; provinceCode: string };
export type Merger = {
  yearEffective: number;
  dateEffective: string;
  firstListYear: number;
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  type: 'merged' | 'split' | 'continues';
  areaShare: number | null;
};

export type RegisterFiles = { provinces: Province[]; municipalities: Municipality[]; mergers: Merger[] };

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
}

export function readRegisterFiles(dir = path.resolve('data/register')): RegisterFiles {
  const provinces = readCsv(path.join(dir, 'provinces.csv')).map((r) => ({ code: r.code, name: r.name }));
  const municipalities = readCsv(path.join(dir, 'municipalities-all-years.csv')).map((r) => ({
    year: Number(r.year),
    code: r.code,
    name: r.name,
    provinceCode: r.province_code,
  }));
  const mergers = readCsv(path.join(dir, 'mergers.csv')).map((r) => ({
    yearEffective: Number(r.year_effective),
    dateEffective: r.date_effective,
    firstListYear: Number(r.first_list_year),
    oldCode: r.old_code,
    oldName: r.old_name,
    newCode: r.new_code,
    newName: r.new_name,
    type: r.type as Merger['type'],
    areaShare: r.area_share ? Number(r.area_share) : null,
  }));
  return { provinces, municipalities, mergers };
}

/** The years whose wijken are shipped (data/register/wijken-YYYY.csv). */
export function shippedWijkenYears(dir = path.resolve('data/register')): ReadonlySet<number> {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  return new Set(files.flatMap((f) => {
    const m = /^wijken-(\d{4})\.csv$/.exec(f);
    return m ? [Number(m[1])] : [];
  }));
}
