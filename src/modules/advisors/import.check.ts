// Checks every row of an advisors file against the newest register, the accounts and the other
// rows, and says per row what is wrong. Reads only.
import type { Db } from '../../db/client.ts';
import { isValidEmail } from '../auth/index.ts';
import { latestRegisterYear } from './advisors.repo.ts';
import {
  type CheckedRow, type ImportRow, isValidPhone, MAX_ADVISOR_NAME, normalizeCode, normalizeName, type Problem,
} from './import.model.ts';

type Register = {
  year: number;
  byCode: Map<string, string>;
  byName: Map<string, string>;
  /** Old code → where it lives on (after following later mergers), with the date. */
  successor: Map<string, { code: string; name: string; date: string; oldName: string }>;
  oldNames: Map<string, string>;
};

async function loadRegister(db: Db): Promise<Register> {
  const year = await latestRegisterYear(db);
  const ms = await db.query<{ code: string; name: string }>('SELECT code, name FROM municipalities WHERE year = $1', [year]);
  const byCode = new Map(ms.map((m) => [m.code, m.name]));
  const byName = new Map(ms.map((m) => [normalizeName(m.name), m.code]));
  // For a split the largest part counts as the successor (the first row per old code here).
  const merges = await db.query<{ oldCode: string; oldName: string; newCode: string; date: string }>(
    `SELECT DISTINCT ON (old_code) old_code AS "oldCode", old_name AS "oldName", new_code AS "newCode",
            to_char(date_effective, 'YYYY-MM-DD') AS date
       FROM mergers WHERE old_code <> new_code AND type <> 'continues'
      ORDER BY old_code, area_share DESC NULLS FIRST, date_effective DESC`,
  );
  const step = new Map(merges.map((m) => [m.oldCode, m]));
  const successor: Register['successor'] = new Map();
  const oldNames = new Map<string, string>();
  for (const m of merges) {
    if (byCode.has(m.oldCode)) continue;
    let code = m.newCode;
    for (let i = 0; i < 10 && !byCode.has(code) && step.has(code); i++) code = step.get(code)!.newCode;
    if (!byCode.has(code)) continue;
    successor.set(m.oldCode, { code, name: byCode.get(code)!, date: m.date, oldName: m.oldName });
    if (!byName.has(normalizeName(m.oldName))) oldNames.set(normalizeName(m.oldName), m.oldCode);
  }
  return { year, byCode, byName, successor, oldNames };
}

function resolveMunicipality(row: ImportRow, reg: Register, errors: Problem[]): { code: string; name: string } | undefined {
  if (row.code === '' && row.municipalityName === '') return void errors.push({ key: 'row.municipalityMissing' });
  const merged = (old: string) => {
    const s = reg.successor.get(old)!;
    errors.push({ key: 'row.merged', params: { old: `${s.oldName} (${old})`, date: s.date, successor: `${s.name} (${s.code})` } });
  };
  let byCode: string | undefined;
  if (row.code !== '') {
    const code = normalizeCode(row.code);
    if (reg.byCode.has(code)) byCode = code;
    else if (reg.successor.has(code)) return void merged(code);
    else return void errors.push({ key: 'row.codeUnknown', params: { code: row.code, year: reg.year } });
  }
  let byName: string | undefined;
  if (row.municipalityName !== '') {
    const n = normalizeName(row.municipalityName);
    byName = reg.byName.get(n);
    if (!byName && !byCode) {
      const old = reg.oldNames.get(n);
      if (old) return void merged(old);
      return void errors.push({ key: 'row.nameUnknown', params: { name: row.municipalityName, year: reg.year } });
    }
  }
  if (byCode && row.municipalityName !== '' && byName !== byCode) {
    return void errors.push({ key: 'row.mismatch', params: { code: byCode, name: row.municipalityName, registered: reg.byCode.get(byCode)! } });
  }
  const code = (byCode ?? byName)!;
  return { code, name: reg.byCode.get(code)! };
}

export async function checkRows(db: Db, rows: ImportRow[]): Promise<{ registerYear: number; rows: CheckedRow[] }> {
  const reg = await loadRegister(db);
  const emails = [...new Set(rows.map((r) => r.email.toLowerCase()).filter((e) => e !== ''))];
  const roles = new Map((await db.query<{ email: string; role: string }>(
    'SELECT lower(email) AS email, role FROM accounts WHERE lower(email) = ANY($1)', [emails],
  )).map((a) => [a.email, a.role]));
  const checked: CheckedRow[] = rows.map((row) => {
    const errors: Problem[] = [];
    if (row.name === '') errors.push({ key: 'row.nameMissing' });
    else if (row.name.length > MAX_ADVISOR_NAME) errors.push({ key: 'row.nameLong', params: { max: MAX_ADVISOR_NAME } });
    if (row.email === '') errors.push({ key: 'row.emailMissing' });
    else if (!isValidEmail(row.email)) errors.push({ key: 'row.emailInvalid', params: { email: row.email } });
    else if ((roles.get(row.email.toLowerCase()) ?? 'advisor') !== 'advisor') {
      errors.push({ key: 'row.emailOtherRole', params: { email: row.email, role: roles.get(row.email.toLowerCase())! } });
    }
    if (row.phone !== '' && !isValidPhone(row.phone)) errors.push({ key: 'row.phoneInvalid', params: { phone: row.phone } });
    const municipality = resolveMunicipality(row, reg, errors);
    return { ...row, municipality, errors };
  });
  crossCheck(checked);
  return { registerYear: reg.year, rows: checked };
}

/** One advisor per e-mail with one name and phone; one advisor per municipality. */
function crossCheck(rows: CheckedRow[]): void {
  const advisorAt = new Map<string, CheckedRow>();
  for (const r of rows) {
    const key = r.email.toLowerCase();
    if (key === '' || r.name === '') continue;
    const first = advisorAt.get(key);
    if (!first) { advisorAt.set(key, r); continue; }
    if (first.name !== r.name) r.errors.push({ key: 'row.nameDiffers', params: { line: first.line, name: first.name } });
    if (r.phone !== '' && first.phone !== '' && first.phone !== r.phone) r.errors.push({ key: 'row.phoneDiffers', params: { line: first.line, phone: first.phone } });
  }
  const byMunicipality = new Map<string, CheckedRow[]>();
  // A row without a usable address names no advisor, so it cannot clash with another.
  const named = (r: CheckedRow) => r.municipality && !r.errors.some((e) => e.key.startsWith('row.email'));
  for (const r of rows) if (named(r)) byMunicipality.set(r.municipality!.code, [...(byMunicipality.get(r.municipality!.code) ?? []), r]);
  for (const [code, group] of byMunicipality) {
    for (const r of group.slice(1)) {
      const first = group[0];
      const other = group.find((g) => g.email.toLowerCase() !== r.email.toLowerCase());
      if (!other) { r.errors.push({ key: 'row.duplicate', params: { line: first.line } }); continue; }
      // Two advisors for one municipality: every row involved is wrong, not just the later one.
      for (const g of group) {
        if (g.errors.some((e) => e.key === 'row.twoAdvisors')) continue;
        const lines = group.filter((x) => x !== g).map((x) => x.line).join(', ');
        g.errors.push({ key: 'row.twoAdvisors', params: { municipality: `${g.municipality!.name} (${code})`, lines } });
      }
      break;
    }
  }
}
