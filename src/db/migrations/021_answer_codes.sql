-- Coding the open answers (issue 18.5): the bureau's codes ("GGD-monitor") and which text of which
-- municipality carries which code. A text is an explanation (comment), an "Anders, namelijk" text
-- (other) or the answer to an open question (text) of one question in one edition. Codes are shared
-- by all editions, so a count per code and edition can be cited in the report ({code.SLUG.aantal}).
CREATE TABLE answer_codes (
  id bigserial PRIMARY KEY,
  -- What the report text cites; never changes once made.
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
  created_at timestamptz NOT NULL,
  created_by bigint REFERENCES accounts(id) ON DELETE SET NULL
);

CREATE TABLE answer_code_assignments (
  code_id bigint NOT NULL REFERENCES answer_codes(id) ON DELETE CASCADE,
  edition int NOT NULL REFERENCES editions(year),
  municipality_code text NOT NULL,
  question text NOT NULL,
  part text NOT NULL CHECK (part IN ('comment', 'other', 'text')),
  assigned_at timestamptz NOT NULL,
  assigned_by bigint REFERENCES accounts(id) ON DELETE SET NULL,
  PRIMARY KEY (code_id, edition, municipality_code, question, part)
);
CREATE INDEX answer_code_assignments_text ON answer_code_assignments (edition, question, municipality_code);
