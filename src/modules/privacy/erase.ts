// Erasure on a person's request (AVG art. 17), in one transaction, of exactly what the export
// shows: contact rows deleted; their e-mail anonymised (address 'verwijderd', body cleared, not
// sent if still waiting); call notes by or about them cleared; the staff account disabled and
// anonymised with its sessions and sign-in links gone; the advisor record anonymised (their
// municipalities stay assigned); their address taken out of the change history. Answers stay.
import type { Db } from '../../db/client.ts';
import { countFound, type FoundCounts, findPersonalData, hasTable, signInAttemptKey } from './find.ts';
import { type ErasureVia, logErasure } from './log.ts';

export const ERASED = 'verwijderd';

/** Unique per row (accounts and advisors have a unique address), never deliverable (.invalid). */
export const erasedAddress = (column: string) => `'verwijderd-' || ${column} || '@verwijderd.invalid'`;

/** Anonymises outbox rows; append a WHERE. A message not yet sent is given up, not sent. */
export const ANONYMISE_MESSAGES = `UPDATE outbox SET to_address = '${ERASED}', body_text = '', attachments = NULL,
  idempotency_key = CASE WHEN idempotency_key IS NULL THEN NULL ELSE '${ERASED}:' || id END,
  last_error = CASE WHEN status IN ('pending', 'sending') THEN 'Niet verstuurd: gewist (AVG)' ELSE NULL END,
  status = CASE WHEN status IN ('pending', 'sending') THEN 'failed' ELSE status END, lease_until = NULL`;

export type ErasureResult = { logId: number; counts: FoundCounts };

export async function erasePersonalData(
  db: Db,
  email: string,
  o: { now: Date; via: ErasureVia; accountId?: number },
): Promise<ErasureResult> {
  return db.tx(async (tx) => {
    const found = await findPersonalData(tx, email, o.now);
    const ids = <T extends { id: number | string }>(rows: T[]) => rows.map((r) => r.id);
    await tx.query('DELETE FROM contacts WHERE id = ANY($1::bigint[])', [ids(found.contacts)]);
    await tx.query(`UPDATE calls SET note = '' WHERE id = ANY($1::bigint[])`, [ids(found.calls)]);
    await tx.query(`${ANONYMISE_MESSAGES} WHERE id = ANY($1::bigint[])`, [ids(found.messages)]);
    await tx.query('DELETE FROM contact_imports WHERE id = ANY($1::text[])', [ids(found.contactImports)]);
    await tx.query('DELETE FROM sign_in_attempts WHERE key = $1', [signInAttemptKey(found.email)]);
    if (found.account) {
      const id = found.account.id;
      await tx.query('DELETE FROM sessions WHERE account_id = $1', [id]);
      await tx.query('DELETE FROM magic_links WHERE account_id = $1', [id]);
      await tx.query(
        `UPDATE accounts SET email = ${erasedAddress('id')}, name = '${ERASED}', disabled_at = COALESCE(disabled_at, $2) WHERE id = $1`,
        [id, o.now],
      );
    }
    if (found.advisor) {
      await tx.query(
        `UPDATE advisors SET name = '${ERASED}', email = ${erasedAddress('id')}, phone = NULL, updated_at = $2 WHERE id = $1`,
        [found.advisor.id, o.now],
      );
    }
    await tx.query(`UPDATE answer_changes SET actor = '${ERASED}' WHERE actor_kind = 'bureau' AND lower(actor) = lower($1)`, [found.email]);
    if (found.reopenings.length && (await hasTable(tx, 'response_reopenings'))) {
      await tx.query(`UPDATE response_reopenings SET actor = '${ERASED}' WHERE id = ANY($1::bigint[])`, [ids(found.reopenings)]);
    }
    const counts = countFound(found);
    const logId = await logErasure(tx, { at: o.now, reason: 'request', via: o.via, accountId: o.accountId, counts });
    return { logId, counts };
  });
}
