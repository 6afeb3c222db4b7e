// The call form: a date (required, a real day, not in the future, not before 2019), an outcome,
// and an optional note of at most MAX_NOTE characters.
import type { FormFields } from '../../web/form.ts';
import { dutchDay } from '../../web/i18n.ts';
import { isOutcome, type Outcome } from './calls.repo.ts';

export const MAX_NOTE = 2000;
/** No call predates the first benchmark (2019): an earlier date is a typing error (0202 for 2022). */
export const FIRST_DAY = '2019-01-01';

export type CallValues = { calledOn: string; outcome: string; note: string };
export type CallField = 'calledOn' | 'outcome' | 'note';
export type CallErrorKey = 'call.error.dateMissing' | 'call.error.dateInvalid' | 'call.error.dateFuture' | 'call.error.dateEarly' | 'call.error.outcome' | 'call.error.noteLong';
export type CallError = { field: CallField; key: CallErrorKey };


function isRealDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function readCall(form: FormFields, now: Date): { values: CallValues; errors: CallError[]; call?: { calledOn: string; outcome: Outcome; note: string } } {
  const values = {
    calledOn: (form.calledOn?.[0] ?? '').trim(),
    outcome: form.outcome?.[0] ?? '',
    // Browsers send line breaks as CRLF; count them as one character, as the user sees them.
    note: (form.note?.[0] ?? '').replace(/\r\n/g, '\n').trim(),
  };
  const errors: CallError[] = [];
  if (values.calledOn === '') errors.push({ field: 'calledOn', key: 'call.error.dateMissing' });
  else if (!isRealDay(values.calledOn)) errors.push({ field: 'calledOn', key: 'call.error.dateInvalid' });
  // Compared with the Dutch day: a call made this evening is not "in the future".
  else if (values.calledOn > dutchDay(now)) errors.push({ field: 'calledOn', key: 'call.error.dateFuture' });
  else if (values.calledOn < FIRST_DAY) errors.push({ field: 'calledOn', key: 'call.error.dateEarly' });
  if (!isOutcome(values.outcome)) errors.push({ field: 'outcome', key: 'call.error.outcome' });
  if (values.note.length > MAX_NOTE) errors.push({ field: 'note', key: 'call.error.noteLong' });
  if (errors.length > 0 || !isOutcome(values.outcome)) return { values, errors };
  return { values, errors, call: { calledOn: values.calledOn, outcome: values.outcome, note: values.note } };
}
