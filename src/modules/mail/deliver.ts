// Delivers due outbox messages. A stable Message-ID per outbox row lets a receiving server drop
// the duplicate in the one case we cannot rule out: a crash after SMTP accepted, before we noted it.
import type { Db } from '../../db/client.ts';
import type { Mailer } from './mailer.ts';
import { claimDue, markFailed, markSent } from './outbox.repo.ts';

export type DeliveryReport = { sent: number; failed: number };

export async function deliverDue(db: Db, mailer: Mailer, now: () => Date, batch = 20): Promise<DeliveryReport> {
  const report = { sent: 0, failed: 0 };
  for (;;) {
    const due = await claimDue(db, batch, now());
    if (!due.length) return report;
    for (const m of due) {
      const messageId = `<outbox-${m.id}@eentegeneenzaamheid.example>`;
      try {
        await mailer.send({ to: m.toAddress, subject: m.subject, text: m.bodyText, messageId, attachments: m.attachments ?? undefined });
      } catch (err) {
        await markFailed(db, m, smtpError(err), now());
        report.failed++;
        continue;
      }
      await markSent(db, m.id, messageId, now());
      report.sent++;
    }
  }
}

function smtpError(err: unknown): string {
  const e = err as { responseCode?: number; response?: string; message?: string; code?: string };
  return [e.responseCode, e.response ?? e.message, e.code].filter(Boolean).join(' ');
}

export type LoopOptions = {
  /** Runs first in every round, e.g. the planned mailings that are due (their messages then go out in the same round). */
  before?: (now: Date) => Promise<unknown>;
  /** After each delivery round, with what it sent and what failed (for /metrics). */
  after?: (report: DeliveryReport) => void;
};

/**
 * Every few seconds one round: `before` (planned mailings), then delivery of due messages when
 * there is a mailer (without SMTP_URL the messages stay in the outbox). The returned stop waits
 * for a round under way.
 */
export function startDeliveryLoop(db: Db, mailer: Mailer | undefined, now: () => Date, everyMs = 5000, opts: LoopOptions = {}): () => Promise<void> {
  let round: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (round) return;
    // A failing round (the database away for a moment) is simply tried again at the next tick.
    round = (async () => {
      if (opts.before) await opts.before(now()).catch(() => {});
      if (!mailer) return;
      // Delivery first, then the hook: `opts.after?.(await deliverDue(…))` would skip delivery without a hook.
      const report = await deliverDue(db, mailer, now);
      opts.after?.(report);
    })().then(() => {}, () => {}).finally(() => { round = undefined; });
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await round;
  };
}
