// The wijk figures one municipality's report shows: one release (year, measured or synthetic) of
// its wijken, its municipal figure and the national figure of the same release.
import type { Db } from '../../db/client.ts';
import { type Indicator, regionKind } from './model.ts';

export type RegionFigures = { code: string; name: string; values: Partial<Record<Indicator, number>> };
export type MunicipalWijkFigures = {
  year: number;
  synthetic: boolean;
  source: string;
  /** Ranked: highest share of lonely adults first; wijken without that figure last. */
  wijken: RegionFigures[];
  municipality: RegionFigures | null;
  national: RegionFigures | null;
};

export type WijkRow = { region: string; name: string; year: number; indicator: Indicator; value: number; source: string; synthetic: boolean };

/**
 * The rows pickRelease needs, as one JSON array: a subquery for callers that read everything a page
 * needs in one round trip. `codeParam` is the placeholder of the municipality code, e.g. '$1'.
 */
export function wijkRowsJson(codeParam: string): string {
  return `(SELECT COALESCE(json_agg(json_build_object('region', region_code, 'name', region_name, 'year', year, 'indicator', indicator,
      'value', value::float8, 'source', source, 'synthetic', synthetic)), '[]'::json)
    FROM wijk_figures WHERE municipality_code = ${codeParam} OR region_code = 'NL01')`;
}

export async function wijkFiguresFor(db: Db, municipalityCode: string, edition: number): Promise<MunicipalWijkFigures | null> {
  const row = await db.one<{ rows: WijkRow[] }>(`SELECT ${wijkRowsJson('$1')} AS rows`, [municipalityCode]);
  return pickRelease(row?.rows ?? [], municipalityCode, edition);
}

/**
 * Measured figures win over synthetic ones whatever their year; then the newest release up to the
 * edition's year (a 2022 report shows the 2022 monitor, not a later one), else the newest at all.
 */
export function pickRelease(rows: WijkRow[], municipalityCode: string, edition: number): MunicipalWijkFigures | null {
  const own = rows.filter((r) => r.region !== 'NL01');
  if (!own.length) return null;
  const rank = (r: WijkRow) => [r.synthetic ? 1 : 0, r.year <= edition ? 0 : 1, -r.year];
  const best = own.reduce((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    const i = x.findIndex((v, k) => v !== y[k]);
    return i >= 0 && y[i] < x[i] ? b : a;
  });
  const release = (r: WijkRow) => r.year === best.year && r.synthetic === best.synthetic;
  const regions = new Map<string, RegionFigures>();
  for (const r of rows.filter(release)) {
    let region = regions.get(r.region);
    if (!region) regions.set(r.region, (region = { code: r.region, name: r.name, values: {} }));
    region.values[r.indicator] = r.value;
  }
  const wijken = [...regions.values()].filter((r) => regionKind(r.code) === 'wijk');
  wijken.sort((a, b) => (b.values.eenzaam ?? -1) - (a.values.eenzaam ?? -1) || a.name.localeCompare(b.name, 'nl'));
  return {
    year: best.year,
    synthetic: best.synthetic,
    source: best.source,
    wijken,
    municipality: regions.get(municipalityCode) ?? null,
    national: regions.get('NL01') ?? null,
  };
}

/** What the admin page lists: per year and kind, how many regions and municipalities. */
export async function wijkFigureSummary(db: Db) {
  return db.query<{ year: number; synthetic: boolean; regions: number; municipalities: number }>(
    `SELECT year, synthetic, count(DISTINCT region_code)::int AS regions, count(DISTINCT municipality_code)::int AS municipalities
     FROM wijk_figures GROUP BY year, synthetic ORDER BY year DESC, synthetic`,
  );
}
