-- The regional advisors (adviseurs Aanpak eenzaamheid), the municipalities each one looks after,
-- and the phone round (belactie): every call to a municipality, per edition.
CREATE TABLE advisors (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email text NOT NULL CHECK (length(email) <= 254),
  phone text CHECK (length(phone) <= 40),
  -- The advisor's sign-in account (role advisor); kept when the account goes.
  account_id bigint UNIQUE REFERENCES accounts(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One advisor per address however it is capitalised.
CREATE UNIQUE INDEX advisors_email_lower ON advisors (lower(email));

-- The code is the key: a municipality never has two advisors.
CREATE TABLE advisor_municipalities (
  municipality_code text PRIMARY KEY CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  advisor_id bigint NOT NULL REFERENCES advisors(id) ON DELETE CASCADE
);
CREATE INDEX advisor_municipalities_advisor ON advisor_municipalities (advisor_id);

CREATE TABLE calls (
  id bigserial PRIMARY KEY,
  edition int NOT NULL REFERENCES editions(year),
  municipality_code text NOT NULL,
  -- The day of the call as the caller entered it (no time of day is asked).
  called_at date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('reached', 'will_fill_in', 'refused', 'wrong_person', 'voicemail', 'no_answer', 'other')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  account_id bigint REFERENCES accounts(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX calls_municipality ON calls (edition, municipality_code, called_at DESC, id DESC);
