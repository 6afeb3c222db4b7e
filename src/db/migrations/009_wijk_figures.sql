-- Loneliness per wijk from the GGD/RIVM Gezondheidsmonitor (CBS/RIVM dataset 50120NED "Gezondheid
-- per wijk en buurt"), for part 1 of the municipal web report. One row per region, year and
-- indicator; the municipal (GMxxxx) and national (NL01) figures of the same release live here too,
-- so a wijk is always compared with figures of the same year and method.
CREATE TABLE wijk_figures (
  region_code text NOT NULL CHECK (region_code ~ '^(WK[0-9]{4}[0-9A-Z]{2}|GM[0-9]{4}|NL01)$'),
  -- The municipality the wijk belongs to (for GMxxxx itself); NULL only for NL01.
  municipality_code text CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  -- Kept with the figure: wijken of a fictitious example or an older indeling are not in the register.
  region_name text NOT NULL DEFAULT '' CHECK (length(region_name) <= 200),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  indicator text NOT NULL CHECK (indicator IN ('eenzaam', 'ernstig_eenzaam', 'emotioneel_eenzaam', 'sociaal_eenzaam')),
  -- Percent of adults (18+), one decimal as published.
  value numeric(4, 1) NOT NULL CHECK (value BETWEEN 0 AND 100),
  source text NOT NULL CHECK (length(source) <= 300),
  -- Demo figures: generated, never mixed with real ones, always labelled as synthetic.
  synthetic boolean NOT NULL DEFAULT false,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, year, indicator),
  CHECK ((region_code = 'NL01') = (municipality_code IS NULL))
);
CREATE INDEX wijk_figures_municipality ON wijk_figures (municipality_code, year);
