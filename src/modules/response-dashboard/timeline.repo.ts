// What the response timeline is made of, per municipality and Dutch day: when it submitted, when
// its invitation and reminders were queued (the outbox keeps every message, also after a privacy
// erasure), and when it was called, by its advisor (the advisors' round) or by the bureau (the
// phone round). Only municipalities in `codes` (the invited ones in scope) count.
import type { Db } from '../../db/client.ts';
import { dutchDay } from '../../web/i18n.ts';
import type { StepEvent, StepKind, TimelineInput } from './timeline.model.ts';

const DAY = (column: string) => `to_char(${column} AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`;

/** The timeline runs until today, or until the edition closed (on its closing day, or earlier by hand). */
export async function timelineInput(db: Db, year: number, codes: ReadonlySet<string>, now: Date): Promise<TimelineInput> {
  const [edition, submitted, mails, calls] = await Promise.all([
    db.one<{ closed: string | null }>(
      `SELECT LEAST(to_char(closes_on, 'YYYY-MM-DD'), ${DAY('closed_at')}) AS closed FROM editions WHERE year = $1`, [year]),
    db.query<{ code: string; day: string }>(
      `SELECT municipality_code AS code, ${DAY('submitted_at')} AS day FROM responses WHERE edition = $1 AND submitted_at IS NOT NULL`, [year]),
    db.query<{ kind: 'invitation' | 'reminder'; code: string; day: string }>(
      `SELECT DISTINCT kind, municipality_code AS code, ${DAY('created_at')} AS day
         FROM outbox WHERE edition = $1 AND kind IN ('invitation', 'reminder') AND municipality_code IS NOT NULL`, [year]),
    db.query<{ advisor: boolean; code: string; day: string }>(
      `SELECT DISTINCT (a.role = 'advisor') AS advisor, c.municipality_code AS code, to_char(c.called_at, 'YYYY-MM-DD') AS day
         FROM calls c LEFT JOIN accounts a ON a.id = c.account_id WHERE c.edition = $1`, [year]),
  ]);
  const counted = new Map<string, StepEvent>();
  // A round (invitation, advisors, phone) reaches a municipality once, on its first day in that
  // round; each reminder day is a step of its own, so there it counts per day.
  const seen = new Set<string>();
  const add = (kind: StepKind, day: string, code: string) => {
    if (kind !== 'reminder') {
      if (seen.has(`${kind} ${code}`)) return;
      seen.add(`${kind} ${code}`);
    }
    const key = `${kind} ${day}`;
    const e = counted.get(key) ?? { kind, day, count: 0 };
    e.count++;
    counted.set(key, e);
  };
  const byDay = <T extends { day: string }>(rows: T[]) => rows.sort((a, b) => a.day.localeCompare(b.day));
  for (const m of byDay(mails)) if (codes.has(m.code)) add(m.kind, m.day, m.code);
  for (const c of byDay(calls)) if (codes.has(c.code)) add(c.advisor ? 'advisors' : 'calls', c.day, c.code);
  return {
    invited: codes.size,
    submittedOn: submitted.filter((s) => codes.has(s.code)).map((s) => s.day),
    events: [...counted.values()],
    until: [dutchDay(now), edition?.closed ?? '9999-12-31'].sort()[0],
  };
}
