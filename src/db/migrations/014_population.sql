-- Inhabitants per municipality on 1 January of a register year (CBS), for the size classes
-- ("gemeenten van vergelijkbare grootte", issue 19). Imported per year as a whole
-- (`import-population` or /beheer/indeling/inwoners); the shipped years come from data/population.
CREATE TABLE population (
  year int NOT NULL,
  code text NOT NULL,
  inhabitants int NOT NULL CHECK (inhabitants >= 0),
  PRIMARY KEY (year, code),
  FOREIGN KEY (year, code) REFERENCES municipalities (year, code)
);

-- One row per year: when and from which file (the shipped files say `data/population/…`).
CREATE TABLE population_imports (
  year int PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
  file_name text NOT NULL CHECK (length(file_name) <= 300),
  imported_at timestamptz NOT NULL
);
