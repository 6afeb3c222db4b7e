// Who may see a municipality: the bureau (admin) and the ministry all of them, an advisor only the
// municipalities of their own region (advisor_municipalities), and nobody else.
import type { Db } from '../../db/client.ts';
import type { Session } from '../auth/index.ts';
import { schemaFeatures } from './schema.ts';

/** The codes of the advisor's region; empty while the advisors tables do not exist (deny). */
export async function regionOf(db: Db, accountId: number): Promise<string[]> {
  if (!(await schemaFeatures(db)).advisors) return [];
  const rows = await db.query<{ code: string }>(
    `SELECT am.municipality_code AS code FROM advisor_municipalities am JOIN advisors a ON a.id = am.advisor_id
     WHERE a.account_id = $1 ORDER BY 1`,
    [accountId],
  );
  return rows.map((r) => r.code);
}

/** undefined: every municipality; otherwise only these codes. */
export async function visibleCodes(db: Db, session: Pick<Session, 'account'>): Promise<string[] | undefined> {
  const { role, id } = session.account;
  if (role === 'admin' || role === 'ministry') return undefined;
  if (role === 'advisor') return regionOf(db, id);
  return [];
}

export async function canSeeMunicipality(db: Db, session: Pick<Session, 'account'>, code: string): Promise<boolean> {
  const codes = await visibleCodes(db, session);
  return codes === undefined || codes.includes(code);
}

/** Correcting answers and reopening a response are for the bureau only. */
export function mayChangeAnswers(session: Pick<Session, 'account'>): boolean {
  return session.account.role === 'admin';
}
