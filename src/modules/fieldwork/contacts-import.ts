// The ministry's contact list: check every row against that year's register, the mergers and
// what is already imported, then import all of it, only the good rows, or nothing.
import type { Db } from '../../db/client.ts';
import { isValidEmail } from '../auth/index.ts';
import type { Problem } from './problems.ts';
import type { RawContact } from './contacts-parse.ts';
import { municipalityCode, nameKey } from './names.ts';

export type CheckedContact = RawContact & { municipality?: { code: string; name: string }; problems: Problem[] };
export type ContactReport = { rows: CheckedContact[]; valid: number; invalid: number };
export type ImportResult = ContactReport & { imported: number; refused: boolean };

type Muni = { code: string; name: string };
type MergerRow = { oldCode: string; oldName: string; newCode: string; newName: string; year: number };

/** Everything a check needs, read once: the register of the edition's year, mergers, existing contacts. */
async function context(db: Db, edition: number) {
  const e = await db.one<{ registerYear: number }>('SELECT register_year AS "registerYear" FROM editions WHERE year = $1', [edition]);
  if (!e) throw new Error(`Editie ${edition} bestaat niet`);
  const munis = await db.query<Muni>('SELECT code, name FROM municipalities WHERE year = $1', [e.registerYear]);
  const mergers = await db.query<MergerRow>(
    `SELECT old_code AS "oldCode", old_name AS "oldName", new_code AS "newCode", new_name AS "newName", year_effective AS year
     FROM mergers WHERE type IN ('merged', 'split') AND year_effective <= $1 ORDER BY area_share DESC NULLS LAST, new_name`,
    [e.registerYear],
  );
  const existing = await db.query<{ k: string }>(`SELECT municipality_code || '|' || lower(email) AS k FROM contacts WHERE edition = $1`, [edition]);
  const byCode = new Map(munis.map((m) => [m.code, m]));
  const byName = new Map(munis.map((m) => [nameKey(m.name), m]));
  return { registerYear: e.registerYear, byCode, byName, mergers, existing: new Set(existing.map((r) => r.k)) };
}
type Ctx = Awaited<ReturnType<typeof context>>;

/** The municipalities a dissolved one went to, following later mergers to the register year. */
function successors(ctx: Ctx, oldCode: string, seen = new Set<string>()): Muni[] {
  const out: Muni[] = [];
  for (const m of ctx.mergers.filter((x) => x.oldCode === oldCode && x.newCode !== oldCode)) {
    const now = ctx.byCode.get(m.newCode);
    if (now) out.push(now);
    else if (!seen.has(m.newCode)) out.push(...successors(ctx, m.newCode, seen.add(m.newCode)));
  }
  return out.filter((m, i) => out.findIndex((x) => x.code === m.code) === i);
}

function mergedProblem(ctx: Ctx, line: number, field: string, merger: MergerRow): Problem {
  return { line, field, key: 'merged', params: { name: merger.oldName, year: merger.year }, successors: successors(ctx, merger.oldCode) };
}

function resolve(ctx: Ctx, row: RawContact, problems: Problem[]): Muni | undefined {
  const line = row.line;
  if (row.municipalityCode) {
    const code = municipalityCode(row.municipalityCode);
    const m = ctx.byCode.get(code);
    const gone = m ? undefined : ctx.mergers.find((x) => x.oldCode === code);
    if (gone) problems.push(mergedProblem(ctx, line, 'municipality_code', gone));
    else if (!m) problems.push({ line, field: 'municipality_code', key: 'unknownCode', params: { code: row.municipalityCode, year: ctx.registerYear } });
    else if (row.municipalityName && nameKey(row.municipalityName) !== nameKey(m.name)) {
      problems.push({ line, field: 'municipality_name', key: 'codeNameMismatch', params: { code, name: m.name, given: row.municipalityName } });
    } else return m;
    return undefined;
  }
  if (!row.municipalityName) {
    problems.push({ line, field: 'municipality_code', key: 'noMunicipality' });
    return undefined;
  }
  const key = nameKey(row.municipalityName);
  const m = ctx.byName.get(key);
  if (m) return m;
  const gone = ctx.mergers.find((x) => nameKey(x.oldName) === key);
  problems.push(gone ? mergedProblem(ctx, line, 'municipality_name', gone)
    : { line, field: 'municipality_name', key: 'unknownName', params: { name: row.municipalityName, year: ctx.registerYear } });
  return undefined;
}

function checkRows(ctx: Ctx, rows: RawContact[]): ContactReport {
  const seen = new Map<string, number>();
  const checked = rows.map((row): CheckedContact => {
    const problems: Problem[] = [];
    const municipality = resolve(ctx, row, problems);
    const line = row.line;
    if (!row.name) problems.push({ line, field: 'name', key: 'noName' });
    for (const [field, value, max] of [['name', row.name, 200], ['function', row.function, 200], ['phone', row.phone, 50]] as const) {
      if (value.length > max) problems.push({ line, field, key: 'tooLong', params: { max } });
    }
    if (!row.email) problems.push({ line, field: 'email', key: 'noEmail' });
    else if (!isValidEmail(row.email)) problems.push({ line, field: 'email', key: 'badEmail', params: { email: row.email } });
    else if (municipality) {
      const k = `${municipality.code}|${row.email.toLowerCase()}`;
      const first = seen.get(k);
      if (first !== undefined) problems.push({ line, field: 'email', key: 'duplicateInFile', params: { first, email: row.email } });
      else if (ctx.existing.has(k)) problems.push({ line, field: 'email', key: 'duplicateExisting', params: { email: row.email, name: municipality.name } });
      else seen.set(k, line);
    }
    return { ...row, municipality, problems };
  });
  const invalid = checked.filter((r) => r.problems.length > 0).length;
  return { rows: checked, valid: checked.length - invalid, invalid };
}

export async function checkContacts(db: Db, edition: number, rows: RawContact[]): Promise<ContactReport> {
  return checkRows(await context(db, edition), rows);
}

/**
 * Checks again (the database may have changed since the preview) and imports in one transaction:
 * everything when every row is good, only the good rows with skipInvalid, otherwise nothing.
 */
export async function importContacts(db: Db, edition: number, rows: RawContact[], opts: { skipInvalid?: boolean; dryRun?: boolean; now: Date }): Promise<ImportResult> {
  return db.tx(async (tx) => {
    // One import at a time per edition, so two uploads cannot both pass the duplicate check.
    await tx.query('SELECT pg_advisory_xact_lock(4242005, $1)', [edition]);
    const report = checkRows(await context(tx, edition), rows);
    const good = report.rows.filter((r) => r.problems.length === 0 && r.municipality);
    if (rows.length === 0 || (report.invalid > 0 && !opts.skipInvalid) || opts.dryRun) {
      return { ...report, imported: 0, refused: rows.length === 0 || (report.invalid > 0 && !opts.skipInvalid) };
    }
    const inserted = await tx.query(
      `INSERT INTO contacts (edition, municipality_code, name, email, function, phone, created_at)
       SELECT $1::int, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
       ON CONFLICT (edition, municipality_code, lower(email)) DO NOTHING RETURNING id`,
      [edition, good.map((r) => r.municipality!.code), good.map((r) => r.name), good.map((r) => r.email),
        good.map((r) => r.function || null), good.map((r) => r.phone || null), good.map(() => opts.now.toISOString())],
    );
    return { ...report, imported: inserted.length, refused: false };
  });
}
