// Reminders planned for a date and time. The row is claimed in the database (UPDATE … WHERE
// status = 'scheduled', the candidate picked FOR UPDATE SKIP LOCKED) in the same transaction that
// queues the reminders: one instance gets it, once; a crash before the commit leaves it scheduled
// and the next round (after a restart) sends it. Cancelling is an UPDATE on the same condition.
import type { Db } from '../../db/client.ts';
import { FieldworkError, sendReminders } from './sending.ts';

const TZ = 'Europe/Amsterdam';

export type ScheduledMailing = {
  id: number; edition: number; kind: 'reminder'; sendAt: Date;
  status: 'scheduled' | 'sent' | 'skipped' | 'cancelled';
  createdAt: Date; doneAt: Date | null; municipalities: number | null; messages: number | null;
};
export type ScheduleError = 'badDate' | 'badTime' | 'past' | 'afterClose' | 'notOpen';

const columns = `id, edition, kind, send_at AS "sendAt", status, created_at AS "createdAt", done_at AS "doneAt", municipalities, messages`;

/** A date (YYYY-MM-DD) and time (HH:MM) on the clock in the Netherlands, as an instant; undefined when not a real moment. */
export function amsterdamInstant(date: string, time: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!d || !t) return undefined;
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) return undefined;
  // The offset of Amsterdam at that moment (twice: the first guess may sit on the other side of a DST change).
  let at = wall;
  for (let i = 0; i < 2; i++) at = wall - (wallClock(new Date(at)) - at);
  return new Date(at);
}

function wallClock(d: Date): number {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(d).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
}

/** Plans the reminders of an open edition; refuses a moment that is not in the future or after the closing day. */
export async function scheduleReminders(
  db: Db, o: { edition: number; date: string; time: string; now: Date; accountId?: number; closesOn: string | null; open: boolean },
): Promise<ScheduledMailing | ScheduleError> {
  if (!o.open || !o.closesOn) return 'notOpen';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date) || !amsterdamInstant(o.date, '12:00')) return 'badDate';
  const at = amsterdamInstant(o.date, o.time);
  if (!at) return 'badTime';
  if (at.getTime() <= o.now.getTime()) return 'past';
  if (o.date > o.closesOn) return 'afterClose';
  const row = await db.one<ScheduledMailing>(
    `INSERT INTO scheduled_mailings (edition, kind, send_at, created_by, created_at) VALUES ($1, 'reminder', $2, $3, $4) RETURNING ${columns}`,
    [o.edition, at, o.accountId ?? null, o.now],
  );
  return row!;
}

export async function listSchedules(db: Db, edition: number): Promise<ScheduledMailing[]> {
  return db.query<ScheduledMailing>(`SELECT ${columns} FROM scheduled_mailings WHERE edition = $1 ORDER BY send_at DESC, id DESC`, [edition]);
}

/** Cancels a planned mailing; false when it was sent (or cancelled) already. */
export async function cancelSchedule(db: Db, edition: number, id: number, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE scheduled_mailings SET status = 'cancelled', done_at = $3 WHERE id = $1 AND edition = $2 AND status = 'scheduled' RETURNING id`,
    [id, edition, now],
  );
  return rows.length > 0;
}

/** Sends every planned mailing that is due, each once; returns how many it handled. */
export async function runDueSchedules(db: Db, baseUrl: string, now: Date): Promise<number> {
  let handled = 0;
  for (;;) {
    const done = await db.tx(async (tx) => {
      const s = await tx.one<{ id: number; edition: number }>(
        `UPDATE scheduled_mailings SET status = 'sent', done_at = $1
         WHERE id = (SELECT id FROM scheduled_mailings WHERE status = 'scheduled' AND send_at <= $1
                     ORDER BY send_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
           AND status = 'scheduled'
         RETURNING id, edition`,
        [now],
      );
      if (!s) return false;
      try {
        const r = await sendReminders(tx, { edition: s.edition, baseUrl, now });
        await tx.query('UPDATE scheduled_mailings SET municipalities = $2, messages = $3 WHERE id = $1', [s.id, r.municipalities, r.messages]);
      } catch (e) {
        // Closed (or gone) in the meantime: nothing to send, and it says so.
        if (!(e instanceof FieldworkError)) throw e;
        await tx.query(`UPDATE scheduled_mailings SET status = 'skipped', municipalities = 0, messages = 0 WHERE id = $1`, [s.id]);
      }
      return true;
    });
    if (!done) return handled;
    handled++;
  }
}
