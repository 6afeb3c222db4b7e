// Parts of the schema that other modules (or a pending migration) add. Checked per request, so the
// municipality's page works before they land and shows them once they do.
import type { Db } from '../../db/client.ts';

export type Features = {
  /** contacts (fieldwork, migration 005). */
  contacts: boolean;
  /** invitations.invited_at (fieldwork, migration 005): when the invitation e-mails were queued. */
  invitedAt: boolean;
  /** calls (phone round, migration 006). */
  calls: boolean;
  /** advisors + advisor_municipalities (migration 006). */
  advisors: boolean;
  /** response_reopenings (REOPENINGS_SQL below): who reopened a response, when and why. */
  reopenings: boolean;
};

export async function schemaFeatures(db: Db): Promise<Features> {
  const row = await db.one<Features>(
    `SELECT to_regclass('contacts') IS NOT NULL AS contacts,
            to_regclass('calls') IS NOT NULL AS calls,
            (to_regclass('advisors') IS NOT NULL AND to_regclass('advisor_municipalities') IS NOT NULL) AS advisors,
            to_regclass('response_reopenings') IS NOT NULL AS reopenings,
            EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
                      AND table_name = 'invitations' AND column_name = 'invited_at') AS "invitedAt"`,
  );
  return row ?? { contacts: false, invitedAt: false, calls: false, advisors: false, reopenings: false };
}

/** The migration this module asks for (idempotent, so tests can apply it too). */
export const REOPENINGS_SQL = `
-- Reopening a submitted response on the municipality's request: by whom, when and why.
CREATE TABLE IF NOT EXISTS response_reopenings (
  id bigserial PRIMARY KEY,
  response_id bigint NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  account_id bigint REFERENCES accounts(id) ON DELETE SET NULL,
  -- The account's e-mail address at the time, kept when the account goes.
  actor text NOT NULL,
  reopened_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS response_reopenings_response ON response_reopenings (response_id, reopened_at);
`;
