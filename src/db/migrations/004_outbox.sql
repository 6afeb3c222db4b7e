-- Outgoing e-mail. Every message is written here first (in the same transaction as the change
-- that causes it) and delivered by a worker. idempotency_key makes "send the invitation of
-- GM0363 for 2022" a no-op the second time, whichever instance or process tries.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  idempotency_key text UNIQUE,
  kind text NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  edition int,
  municipality_code text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  last_error text,
  message_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_municipality ON outbox(edition, municipality_code);
