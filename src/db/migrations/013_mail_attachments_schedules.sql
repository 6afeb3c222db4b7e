-- A message may carry attachments (the confirmation e-mail's PDF of the answers), stored with
-- the message so the delivery worker sends exactly what was queued, also after a restart:
-- [{"filename": "…", "contentType": "application/pdf", "base64": "…"}].
ALTER TABLE outbox ADD COLUMN attachments jsonb;

-- Bulk mail planned for later (reminders at a date and time). The server's delivery loop claims a
-- due row with UPDATE … WHERE status = 'scheduled' in the same transaction that queues its
-- e-mails, so it fires once, whichever instance gets there, and a crash in between fires it again
-- (nothing was queued). Cancelling is the same UPDATE: a row is either cancelled or sent. 'skipped':
-- at its time the edition was no longer open, so nothing was sent.
CREATE TABLE scheduled_mailings (
  id bigserial PRIMARY KEY,
  edition int NOT NULL REFERENCES editions(year),
  kind text NOT NULL CHECK (kind IN ('reminder')),
  send_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'sent', 'skipped', 'cancelled')),
  created_by bigint REFERENCES accounts(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  done_at timestamptz,
  municipalities int,
  messages int
);
CREATE INDEX scheduled_mailings_due ON scheduled_mailings (send_at) WHERE status = 'scheduled';
