-- An upload waiting for the admin's confirmation after its preview. Kept in the database (not in
-- memory) so the confirming request may reach another app instance. Old ones are cleared on use.
CREATE TABLE pending_uploads (
  id text PRIMARY KEY,
  kind text NOT NULL,
  file_name text NOT NULL,
  content bytea NOT NULL,
  account_id bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
