-- Register years as data (decision 010): a CBS register year imported by the bureau
-- (`import-register` or /beheer/indeling). The municipalities and mergers go into the tables of
-- 001; what they have no place for lives here. The shipped years 2019–2024 are not copied into
-- these tables: their map and wijken stay in data/geo and data/register, read as the fallback.

-- One row per imported year: when, and from which files (names only, for the admin page).
CREATE TABLE register_imports (
  year int PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
  imported_at timestamptz NOT NULL,
  files jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- The map of an imported year: TopoJSON with the object `gemeenten` (id = GM code, properties
-- code, name, province_code) and, when the file had it, `provincies`. Shared by every app instance.
CREATE TABLE register_geometry (
  year int PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
  topojson jsonb NOT NULL,
  imported_at timestamptz NOT NULL
);

-- The CBS wijken of an imported year.
CREATE TABLE register_wijken (
  year int NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  code text NOT NULL CHECK (code ~ '^WK[0-9]{4}[0-9A-Z]{2}$'),
  name text NOT NULL,
  municipality_code text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  PRIMARY KEY (year, code)
);
