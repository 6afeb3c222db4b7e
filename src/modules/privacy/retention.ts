// Retention: N days (RETENTION_DAYS, default 365) after an edition is published, its contacts,
// call notes and e-mail (addresses and bodies) are erased, as are e-mails without an edition
// (sign-in links) older than N days. Run by the server once a day and by
// `personal-data retention`; running it again erases nothing more and logs nothing.
import type { Db } from '../../db/client.ts';
import { ANONYMISE_MESSAGES, ERASED } from './erase.ts';
import { type ErasureVia, logErasure } from './log.ts';

export const DEFAULT_RETENTION_DAYS = 365;
const DAY_MS = 24 * 3600_000;

export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RETENTION_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_DAYS;
  if (!/^\d{1,5}$/.test(raw.trim())) {
    throw new Error(`Ongeldige instelling RETENTION_DAYS=${JSON.stringify(raw)}: geef een aantal dagen (0 of meer), bijvoorbeeld 365`);
  }
  return Number(raw.trim());
}

export type RetentionResult = { edition: number | null; contacts: number; calls: number; messages: number; contactImports: number };

const NOT_YET_ANONYMOUS = `(to_address <> '${ERASED}' OR body_text <> '')`;

async function count(tx: Db, sql: string, params: unknown[]): Promise<number> {
  return (await tx.one<{ n: number }>(`WITH x AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM x`, params))?.n ?? 0;
}

async function eraseEdition(tx: Db, year: number): Promise<RetentionResult> {
  return {
    edition: year,
    contacts: await count(tx, 'DELETE FROM contacts WHERE edition = $1', [year]),
    calls: await count(tx, `UPDATE calls SET note = '' WHERE edition = $1 AND note <> ''`, [year]),
    messages: await count(tx, `${ANONYMISE_MESSAGES} WHERE edition = $1 AND ${NOT_YET_ANONYMOUS}`, [year]),
    contactImports: await count(tx, 'DELETE FROM contact_imports WHERE edition = $1', [year]),
  };
}

/** Sign-in e-mail and anything else without an edition, once sent or given up. */
async function eraseOldMessages(tx: Db, cutoff: Date): Promise<RetentionResult> {
  const messages = await count(tx,
    `${ANONYMISE_MESSAGES} WHERE edition IS NULL AND created_at <= $1 AND status IN ('sent', 'failed') AND ${NOT_YET_ANONYMOUS}`, [cutoff]);
  return { edition: null, contacts: 0, calls: 0, messages, contactImports: 0 };
}

export async function applyRetention(db: Db, now: Date, days: number, via: ErasureVia = 'server'): Promise<RetentionResult[]> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const editions = await db.query<{ year: number }>(
    'SELECT year FROM editions WHERE published_at IS NOT NULL AND published_at <= $1 ORDER BY year', [cutoff]);
  const results: RetentionResult[] = [];
  for (const { year } of [...editions, { year: null }]) {
    const r = await db.tx(async (tx) => {
      // Two instances running at once take turns; the second finds nothing left.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('een-tegen-eenzaamheid:retention'))`);
      const res = year === null ? await eraseOldMessages(tx, cutoff) : await eraseEdition(tx, year);
      const { edition, ...counts } = res;
      if (!Object.values(counts).some((n) => n > 0)) return undefined;
      await logErasure(tx, { at: now, reason: 'retention', via, edition: edition ?? undefined, counts });
      return res;
    });
    if (r) results.push(r);
  }
  return results;
}

type RetentionLog = { info: (fields: object, msg: string) => void; error: (fields: object, msg: string) => void };
const consoleLog: RetentionLog = { info: (f, m) => console.log(m, f), error: (f, m) => console.error(m, f) };

/** Runs applyRetention a minute after start and then once a day; returns a function that stops it. */
export function startRetentionLoop(
  db: Db, now: () => Date, days = retentionDays(), everyMs = DAY_MS, firstAfterMs = 60_000, log: RetentionLog = consoleLog,
): () => void {
  const run = () => {
    applyRetention(db, now(), days).then(
      (done) => {
        for (const r of done) {
          log.info({ days, edition: r.edition, contacts: r.contacts, calls: r.calls, messages: r.messages },
            `Bewaartermijn (${days} dagen), editie ${r.edition ?? 'zonder'}: ${r.contacts} contactpersonen, ${r.calls} gespreksnotities, ${r.messages} e-mails gewist.`);
        }
      },
      (e: unknown) => log.error({ err: (e as Error).name, code: (e as { code?: string }).code }, 'retention failed'),
    );
  };
  const first = setTimeout(run, firstAfterMs);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
