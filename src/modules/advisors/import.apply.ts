// importAdvisors: check a file and, unless it is a dry run, write it in one transaction: advisors
// by e-mail (created or updated), an advisor account per advisor (created, or the existing one
// linked), and each municipality assigned to its advisor. Rows with errors stop the whole import
// unless skipInvalid; municipalities not in the file keep their advisor.
import type { Db } from '../../db/client.ts';
import { createAccount, DuplicateAccountError, findByEmail } from '../auth/index.ts';
import { checkRows } from './import.check.ts';
import { badRows, type CheckedRow, goodRows, type ImportOutcome, type ImportReport, missingColumns, toRows } from './import.model.ts';
import type { Table } from './read-table.ts';

export type ImportOptions = { dryRun?: boolean; skipInvalid?: boolean; now: Date };

export async function importAdvisors(db: Db, table: Table, opts: ImportOptions): Promise<ImportReport> {
  return db.tx(async (tx) => {
    // Two imports at once would each see the other's advisors as new: take turns.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('een-tegen-eenzaamheid:advisors-import'))`);
    const missing = missingColumns(table.header);
    if (missing.length) return { registerYear: 0, fileErrors: [{ key: 'file.columns', params: { columns: missing.join(', ') } }], rows: [] };
    if (table.rows.length === 0) return { registerYear: 0, fileErrors: [{ key: 'file.empty' }], rows: [] };
    const { registerYear, rows } = await checkRows(tx, toRows(table));
    const report: ImportReport = { registerYear, fileErrors: [], rows };
    if (opts.dryRun || (badRows(report).length > 0 && !opts.skipInvalid)) return report;
    report.outcome = await write(tx, goodRows(report), opts.now);
    return report;
  });
}

async function write(tx: Db, rows: CheckedRow[], now: Date): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { advisorsCreated: 0, advisorsUpdated: 0, accountsCreated: 0, accountsLinked: 0, assigned: 0, moved: [] };
  const advisorIds = new Map<string, number>();
  for (const r of rows) {
    const key = r.email.toLowerCase();
    if (advisorIds.has(key)) continue;
    const phone = rows.find((x) => x.email.toLowerCase() === key && x.phone !== '')?.phone ?? null;
    const saved = await tx.one<{ id: number; created: boolean; accountId: number | null }>(
      `INSERT INTO advisors (name, email, phone, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT ((lower(email))) DO UPDATE SET name = excluded.name, email = excluded.email,
         phone = COALESCE(excluded.phone, advisors.phone), updated_at = excluded.updated_at
       RETURNING id, (xmax = 0) AS created, account_id AS "accountId"`,
      [r.name, r.email, phone, now],
    );
    if (saved!.created) outcome.advisorsCreated++;
    else outcome.advisorsUpdated++;
    advisorIds.set(key, saved!.id);
    if (saved!.accountId === null) await linkAccount(tx, saved!.id, r, now, outcome);
  }
  for (const r of rows) {
    const advisorId = advisorIds.get(r.email.toLowerCase())!;
    const before = await tx.one<{ advisorId: number; name: string }>(
      `SELECT am.advisor_id AS "advisorId", a.name FROM advisor_municipalities am JOIN advisors a ON a.id = am.advisor_id
        WHERE am.municipality_code = $1`, [r.municipality!.code],
    );
    if (before?.advisorId === advisorId) continue;
    await tx.query(
      `INSERT INTO advisor_municipalities (municipality_code, advisor_id) VALUES ($1, $2)
       ON CONFLICT (municipality_code) DO UPDATE SET advisor_id = excluded.advisor_id`,
      [r.municipality!.code, advisorId],
    );
    outcome.assigned++;
    if (before) outcome.moved.push({ code: r.municipality!.code, name: r.municipality!.name, from: before.name });
  }
  return outcome;
}

/** The advisor signs in with an account of role advisor: the existing one, or a new one. */
async function linkAccount(tx: Db, advisorId: number, r: CheckedRow, now: Date, outcome: ImportOutcome): Promise<void> {
  let account = await findByEmail(tx, r.email);
  if (account && account.role !== 'advisor') throw new Error(`${r.email} heeft een account met de rol ${account.role}`);
  if (!account) {
    try {
      account = await createAccount(tx, { email: r.email, name: r.name, role: 'advisor' }, now);
      outcome.accountsCreated++;
    } catch (e) {
      if (!(e instanceof DuplicateAccountError)) throw e;
      throw new Error(`${r.email}: tegelijk aangemaakt door iemand anders; probeer het opnieuw`);
    }
  } else {
    outcome.accountsLinked++;
  }
  // Another advisor row may already hold this account (an address changed): the newest wins.
  await tx.query('UPDATE advisors SET account_id = NULL WHERE account_id = $1 AND id <> $2', [account.id, advisorId]);
  await tx.query('UPDATE advisors SET account_id = $2 WHERE id = $1', [advisorId, account.id]);
}
