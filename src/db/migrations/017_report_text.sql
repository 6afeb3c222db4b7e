-- The bureau's text of the national report (issue 18): per edition a list of chapters, per chapter
-- and language every saved version (the last one is the draft; the others are the history: who,
-- when, web or command line), and what was published with the edition. The revision is unique per
-- chapter and language, so two colleagues saving at once can never both write the next version.
CREATE TABLE report_chapters (
  edition int NOT NULL REFERENCES editions(year) ON DELETE CASCADE,
  slug text NOT NULL,
  position int NOT NULL,
  title_nl text NOT NULL,
  title_en text NOT NULL,
  theme text,
  PRIMARY KEY (edition, slug)
);

CREATE TABLE report_text_versions (
  id bigserial PRIMARY KEY,
  edition int NOT NULL,
  slug text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('nl', 'en')),
  revision int NOT NULL CHECK (revision > 0),
  body text NOT NULL,
  saved_at timestamptz NOT NULL,
  account_id bigint REFERENCES accounts(id) ON DELETE SET NULL,
  via text NOT NULL CHECK (via IN ('web', 'cli')),
  UNIQUE (edition, slug, lang, revision),
  FOREIGN KEY (edition, slug) REFERENCES report_chapters(edition, slug) ON DELETE CASCADE ON UPDATE CASCADE
);

-- Frozen when the edition (or, later, the text again) is published: [{slug, title, theme, body: {nl, en}}].
CREATE TABLE report_text_publications (
  edition int PRIMARY KEY REFERENCES editions(year) ON DELETE CASCADE,
  published_at timestamptz NOT NULL,
  account_id bigint REFERENCES accounts(id) ON DELETE SET NULL,
  chapters jsonb NOT NULL
);
