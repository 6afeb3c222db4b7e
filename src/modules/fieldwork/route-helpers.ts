// What the fieldwork routes share: the edition from the URL, the admin-only guard, notices.
import type { Context } from 'hono';
import type { AuthEnv } from '../auth/index.ts';
import { requireRole } from '../auth/index.ts';
import { type Edition, getEdition } from '../editions/index.ts';

export type FwContext = Context<AuthEnv>;

/** Every fieldwork page is for the bureau only (per route: a `use('*')` here would cover all of /beheer). */
export const adminOnly = requireRole('admin');

export async function editionOf(c: FwContext): Promise<Edition | undefined> {
  const raw = c.req.param('year') ?? '';
  if (!/^\d{4}$/.test(raw)) return undefined;
  return getEdition(c.get('deps').db, Number(raw));
}

/** A whole number from the query string (for the confirmation after a redirect), else undefined. */
export function queryInt(c: FwContext, name: string): number | undefined {
  const v = c.req.query(name);
  return v && /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

export function qs(params: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
}
