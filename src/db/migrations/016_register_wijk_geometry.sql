-- Wijk boundaries of a register year imported by the bureau (import-register --wijk-geo, or the wijk
-- map on /beheer/indeling): normalised TopoJSON, object `wijken`, each geometry with id and
-- properties code and name. The shipped years stay in data/geo (wijken-YYYY.topojson) as the fallback.
CREATE TABLE register_wijk_geometry (
  year int PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
  topojson jsonb NOT NULL,
  imported_at timestamptz NOT NULL
);
