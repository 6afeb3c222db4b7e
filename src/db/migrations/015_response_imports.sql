-- Every import of responses (web and command line), for the audit: when, by whom (the account on
-- the web; the command line has none), which file, which editions and how many questionnaires.
-- An import into a published edition changes published results: it needs an explicit confirmation
-- (a checkbox on the web, --published-ok on the command line), and published_editions says so.
CREATE TABLE response_imports (
  id bigserial PRIMARY KEY,
  imported_at timestamptz NOT NULL,
  via text NOT NULL CHECK (via IN ('web', 'cli')),
  account_id bigint REFERENCES accounts(id) ON DELETE SET NULL,
  file_name text NOT NULL,
  editions int[] NOT NULL,
  published_editions int[] NOT NULL DEFAULT '{}',
  pairs int NOT NULL,
  created int NOT NULL,
  replaced int NOT NULL,
  unchanged int NOT NULL
);
CREATE INDEX response_imports_at ON response_imports (imported_at);
