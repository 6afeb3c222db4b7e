-- AVG: a record of every erasure, on request of a person or by the retention period. It says what
-- was erased (counts per kind), when, how and by whom, but never the personal data itself: no
-- address, no name, no hash of either.
CREATE TABLE privacy_erasures (
  id bigserial PRIMARY KEY,
  erased_at timestamptz NOT NULL,
  reason text NOT NULL CHECK (reason IN ('request', 'retention')),
  via text NOT NULL CHECK (via IN ('web', 'cli', 'server')),
  -- The admin who erased on request through the web; NULL for the CLI and the retention run.
  account_id bigint REFERENCES accounts(id) ON DELETE SET NULL,
  -- Retention works per edition; NULL for a request and for messages without an edition.
  edition int,
  counts jsonb NOT NULL
);
CREATE INDEX privacy_erasures_at ON privacy_erasures (erased_at DESC);
