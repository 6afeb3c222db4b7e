-- Fieldwork: the ministry's contact list, which municipalities are invited, e-mail templates,
-- and uploaded contact lists waiting for the admin's confirmation.

-- Contact persons per edition and municipality; one row per address however it is capitalised.
CREATE TABLE contacts (
  id bigserial PRIMARY KEY,
  edition int NOT NULL REFERENCES editions(year),
  municipality_code text NOT NULL,
  name text NOT NULL CHECK (length(name) <= 200),
  email text NOT NULL CHECK (length(email) <= 254),
  function text,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX contacts_unique ON contacts (edition, municipality_code, lower(email));

-- An invitations row still means "this municipality takes part". selected_at: when it was chosen;
-- invited_at: when its invitation e-mails were queued (set in the same transaction, so never
-- twice); last_reminder_at: the last reminder, for "at most one a day".
ALTER TABLE invitations ADD COLUMN selected_at timestamptz;
UPDATE invitations SET selected_at = created_at;
ALTER TABLE invitations ALTER COLUMN selected_at SET DEFAULT now();
ALTER TABLE invitations ADD COLUMN invited_at timestamptz;
ALTER TABLE invitations ADD COLUMN last_reminder_at timestamptz;
ALTER TABLE invitations ADD COLUMN reminder_count int NOT NULL DEFAULT 0;

-- The invitation and reminder text per edition; missing rows are filled with defaults by code.
CREATE TABLE email_templates (
  edition int NOT NULL REFERENCES editions(year),
  kind text NOT NULL CHECK (kind IN ('invitation', 'reminder')),
  subject text NOT NULL,
  body text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES accounts(id) ON DELETE SET NULL,
  PRIMARY KEY (edition, kind)
);

-- An uploaded contact list between preview and confirmation: in the database, not in memory,
-- so the confirmation may reach another app instance than the upload.
CREATE TABLE contact_imports (
  id text PRIMARY KEY,
  edition int NOT NULL REFERENCES editions(year),
  file_name text NOT NULL,
  rows jsonb NOT NULL,
  created_by bigint REFERENCES accounts(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);
CREATE INDEX contact_imports_created ON contact_imports (created_at);
