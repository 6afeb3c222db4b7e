// The CBS wijken of 2024 (data/register/wijken-2024.csv): which wijk codes exist, their names and
// municipalities. Read once per process; 3,474 rows.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export type Wijk = { code: string; name: string; municipalityCode: string; municipalityName: string };
export type WijkRegister = { wijken: ReadonlyMap<string, Wijk>; municipalities: ReadonlyMap<string, string> };

const defaultFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'register', 'wijken-2024.csv');
let cached: WijkRegister | undefined;

export function readWijkRegister(file = defaultFile): WijkRegister {
  if (file === defaultFile && cached) return cached;
  const rows = parse(fs.readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const wijken = new Map<string, Wijk>();
  const municipalities = new Map<string, string>();
  for (const r of rows) {
    wijken.set(r.wijk_code, { code: r.wijk_code, name: r.wijk_name, municipalityCode: r.municipality_code, municipalityName: r.municipality_name });
    municipalities.set(r.municipality_code, r.municipality_name);
  }
  const register = { wijken, municipalities };
  if (file === defaultFile) cached = register;
  return register;
}
