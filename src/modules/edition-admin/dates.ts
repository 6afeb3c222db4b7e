// The fieldwork dates of an edition: read from the form and checked (pure: no db, no HTTP).
import type { EditionState } from '../editions/index.ts';
import type { EaKey } from './edition-admin.i18n.ts';

export type DateValues = { opensOn: string; closesOn: string };
export type DateError = { field: 'opensOn' | 'closesOn'; key: EaKey };

/** A real day written as YYYY-MM-DD (what <input type=date> sends). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Both days must be real and the closing day after the opening day. The closing day may not lie
 * in the past (that would close the edition); before opening, the opening day may not either.
 */
export function checkDates(v: DateValues, state: EditionState, today: string): DateError[] {
  const errors: DateError[] = [];
  if (!v.opensOn) errors.push({ field: 'opensOn', key: 'dates.error.opensMissing' });
  else if (!isIsoDate(v.opensOn)) errors.push({ field: 'opensOn', key: 'dates.error.opensInvalid' });
  else if (state === 'draft' && v.opensOn < today) errors.push({ field: 'opensOn', key: 'dates.error.opensPast' });
  if (!v.closesOn) errors.push({ field: 'closesOn', key: 'dates.error.closesMissing' });
  else if (!isIsoDate(v.closesOn)) errors.push({ field: 'closesOn', key: 'dates.error.closesInvalid' });
  else if (v.closesOn < today) errors.push({ field: 'closesOn', key: 'dates.error.closesPast' });
  else if (isIsoDate(v.opensOn) && v.closesOn <= v.opensOn) errors.push({ field: 'closesOn', key: 'dates.error.closesBeforeOpens' });
  return errors;
}

/** What stands in the way of opening now: a closing day that is missing or already past. */
export function openProblem(closesOn: string | null, today: string): EaKey | undefined {
  if (!closesOn) return 'state.error.noClosingDate';
  if (closesOn < today) return 'state.error.closingPast';
  return undefined;
}
