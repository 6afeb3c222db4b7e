// The "send a reminder" button. Sending is the fieldwork module's job (its templates, outbox and
// once-a-day rule): fieldwork-reminder.ts connects it; tests may pass another sender.
import type { Db } from '../../db/client.ts';
import type { Account } from '../auth/index.ts';

/** kind: what went out; a municipality selected but never e-mailed gets its invitation instead. */
export type ReminderResult = { sent: true; kind?: 'reminder' | 'invitation' } | { sent: false; reason: ReminderRefusal };
/** Why no reminder went out; anything else the sender says is shown as "could not be sent". */
export type ReminderRefusal = 'too_soon' | 'no_contact' | 'submitted' | 'not_invited' | 'closed' | (string & {});

export type SendOneReminder = (
  db: Db,
  input: { edition: number; municipalityCode: string; requestedBy: Pick<Account, 'id' | 'email' | 'role'>; baseUrl: string; now: Date },
) => Promise<ReminderResult>;

export const KNOWN_REFUSALS = ['too_soon', 'no_contact', 'submitted', 'not_invited', 'closed'] as const;

/** Where the button may send the user back to: only a page of this module, never elsewhere. */
export function safeBack(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  return /^\/beheer\/(mijn-gemeenten|adviseurs\/\d+|edities\/\d{4}\/bellijst)(\?editie=\d{4})?$/.test(value) ? value : fallback;
}

/** Adds the result to the page we return to, as ?herinnering=…&gemeente=… */
export function withResult(back: string, result: string, code: string): string {
  const url = new URL(back, 'http://x');
  url.searchParams.set('herinnering', result);
  url.searchParams.set('gemeente', code);
  return `${url.pathname}${url.search}`;
}
