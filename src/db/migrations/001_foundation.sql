-- Reference data: the CBS register per year (loaded from data/register on start).
CREATE TABLE provinces (
  code text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE municipalities (
  year int NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  province_code text NOT NULL REFERENCES provinces(code),
  PRIMARY KEY (year, code)
);

CREATE TABLE mergers (
  year_effective int NOT NULL,
  date_effective date NOT NULL,
  first_list_year int NOT NULL,
  old_code text NOT NULL,
  old_name text NOT NULL,
  new_code text NOT NULL,
  new_name text NOT NULL,
  type text NOT NULL,
  area_share numeric,
  PRIMARY KEY (year_effective, old_code, new_code)
);

-- An edition (year): its questionnaire, register year and fieldwork dates.
CREATE TABLE editions (
  year int PRIMARY KEY,
  register_year int NOT NULL,
  questionnaire jsonb NOT NULL,
  opens_on date,
  closes_on date,
  opened_at timestamptz,
  closed_at timestamptz,
  published_at timestamptz
);

-- Which municipalities take part in an edition (the personal link creates one if needed).
CREATE TABLE invitations (
  edition int NOT NULL REFERENCES editions(year),
  municipality_code text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (edition, municipality_code)
);

-- Personal links: only the SHA-256 of the token is stored; one municipality may have several.
CREATE TABLE personal_links (
  token_hash bytea PRIMARY KEY,
  edition int NOT NULL,
  municipality_code text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (edition, municipality_code) REFERENCES invitations(edition, municipality_code)
);

CREATE TABLE responses (
  id bigserial PRIMARY KEY,
  edition int NOT NULL REFERENCES editions(year),
  municipality_code text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
  source text NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'import')),
  first_opened_at timestamptz,
  started_at timestamptz,
  submitted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (edition, municipality_code)
);

-- One row per question ever answered; version counts the saves, to detect concurrent edits.
-- A cleared answer keeps its row (answer NULL) so its version keeps counting.
CREATE TABLE answers (
  response_id bigint NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  question text NOT NULL,
  answer jsonb,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (response_id, question)
);

-- Audit trail: every change to an answer, who made it and when.
CREATE TABLE answer_changes (
  id bigserial PRIMARY KEY,
  response_id bigint NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  question text NOT NULL,
  old_answer jsonb,
  new_answer jsonb,
  actor_kind text NOT NULL CHECK (actor_kind IN ('respondent', 'bureau', 'import', 'demo')),
  actor text,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX answer_changes_response ON answer_changes(response_id, changed_at);

-- Every submission (a response may be submitted again while the edition is open).
CREATE TABLE submissions (
  id bigserial PRIMARY KEY,
  response_id bigint NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  submitted_at timestamptz NOT NULL DEFAULT now()
);
