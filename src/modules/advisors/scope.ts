// What a signed-in user may see of the municipalities: bureau and ministry everything, an advisor
// only their own region. Routes answer 404 outside the scope, so guessing a URL reveals nothing.
import type { Db } from '../../db/client.ts';
import type { Account } from '../auth/index.ts';
import { advisorOfAccount } from './advisors.repo.ts';

/** advisorId null: an advisor account with no region (yet), which sees nothing. */
export type Scope = { kind: 'all' } | { kind: 'advisor'; advisorId: number | null };

export async function scopeOf(db: Db, account: Pick<Account, 'id' | 'role'>): Promise<Scope> {
  if (account.role !== 'advisor') return { kind: 'all' };
  return { kind: 'advisor', advisorId: (await advisorOfAccount(db, account.id))?.id ?? null };
}

/** The advisor whose region a query is limited to: undefined for all, -1 for none. */
export function advisorFilter(scope: Scope): number | undefined {
  return scope.kind === 'all' ? undefined : (scope.advisorId ?? -1);
}

export async function inScope(db: Db, scope: Scope, code: string): Promise<boolean> {
  if (scope.kind === 'all') return true;
  if (scope.advisorId === null) return false;
  const row = await db.one('SELECT 1 FROM advisor_municipalities WHERE advisor_id = $1 AND municipality_code = $2', [scope.advisorId, code]);
  return row !== undefined;
}

/** Only the bureau and advisors act (remind, log calls); the ministry reads. */
export function mayAct(account: Pick<Account, 'role'>): boolean {
  return account.role === 'admin' || account.role === 'advisor';
}
