// The reminder button's sender: the fieldwork module's "send by hand" (a reminder under its
// once-a-day rule, or the invitation when the municipality was selected but never e-mailed).
import { FieldworkError, sendByHand } from '../fieldwork/index.ts';
import type { ReminderRefusal, SendOneReminder } from './reminder.ts';

const refusals: Record<string, ReminderRefusal> = { noContacts: 'no_contact', submitted: 'submitted', remindedToday: 'too_soon', unknown: 'failed' };

export const fieldworkReminder: SendOneReminder = async (db, { edition, municipalityCode, baseUrl, now }) => {
  try {
    const r = await sendByHand(db, { edition, baseUrl, now, only: municipalityCode });
    if (r.kind) return { sent: true, kind: r.kind };
    return { sent: false, reason: refusals[r.reason ?? 'unknown'] ?? 'failed' };
  } catch (e) {
    if (e instanceof FieldworkError) return { sent: false, reason: e.key === 'notOpen' ? 'closed' : 'failed' };
    throw e;
  }
};
