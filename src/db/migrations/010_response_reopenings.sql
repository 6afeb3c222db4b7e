-- Why and by whom a submitted response was reopened on the municipality's request.
CREATE TABLE IF NOT EXISTS response_reopenings (
  id bigserial PRIMARY KEY,
  response_id bigint NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  account_id bigint REFERENCES accounts(id) ON DELETE SET NULL,
  actor text NOT NULL,
  reopened_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS response_reopenings_response ON response_reopenings (response_id, reopened_at);
