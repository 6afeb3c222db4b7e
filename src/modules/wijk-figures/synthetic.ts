// Synthetic wijk figures for the demo: plausible (adults lonely ~40–55%, severely ~8–15%, as in
// the Gezondheidsmonitor 2022), deterministic by seed, and always stored with synthetic = true so
// every page labels them "synthetische cijfers (demo)". Each municipality draws from its own
// stream (seed + code), so asking for fewer municipalities never changes anyone's figures; the
// national figure is the mean over every municipality of the register, whatever was asked.
import type { Db } from '../../db/client.ts';
import { EXAMPLE_MUNICIPALITY } from '../demo/gravendonck.ts';
import { fork, type Rng } from '../demo/rng.ts';
import { writeFigures } from './import.ts';
import { type Indicator, INDICATORS, SYNTHETIC_SOURCE_LABEL, type WijkFigure } from './model.ts';
import { readWijkRegister, type WijkRegister } from './register.ts';

/** The Gezondheidsmonitor round the demo pretends to show (the 2022 benchmark's year). */
export const SYNTHETIC_YEAR = 2022;

/** Gravendonck is fictitious, so are its wijken (codes of its fictitious number 9999). */
export const EXAMPLE_WIJKEN = ['Centrum', 'Oude Haven', 'Donckerbroek', 'Kasteelkwartier', 'Molenvliet', 'Gravendonck-Noord', 'Buitengebied']
  .map((name, i) => ({ code: `WK9999${String(i).padStart(2, '0')}`, name }));

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round1 = (v: number) => Math.round(v * 10) / 10;
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function wijkValues(rng: Rng, base: number): Record<Indicator, number> {
  const lonely = clamp(base + 3.2 * normal(rng), 40, 55);
  return {
    eenzaam: round1(lonely),
    ernstig_eenzaam: round1(clamp(11.5 + 0.4 * (lonely - 47.5) + 1.1 * normal(rng), 8, 15)),
    emotioneel_eenzaam: round1(clamp(lonely * 0.66 + 1.5 * normal(rng), 25, 40)),
    sociaal_eenzaam: round1(clamp(lonely * 0.8 + 2 * normal(rng), 30, 48)),
  };
}

type Municipality = { code: string; name: string; wijken: { code: string; name: string }[] };

function municipalityFigures(seed: number, m: Municipality, year: number): WijkFigure[] {
  const rng = fork(seed, `wijkcijfers-${m.code}`);
  const base = 43 + 9 * rng();
  const out: WijkFigure[] = [];
  const sums = Object.fromEntries(INDICATORS.map((i) => [i, 0])) as Record<Indicator, number>;
  for (const w of m.wijken) {
    const values = wijkValues(rng, base);
    for (const ind of INDICATORS) {
      sums[ind] += values[ind];
      out.push({ regionCode: w.code, municipalityCode: m.code, regionName: w.name, year, indicator: ind, value: values[ind] });
    }
  }
  // The municipal figure: the plain mean of its wijken (no population weights in the demo).
  for (const ind of INDICATORS) {
    out.push({ regionCode: m.code, municipalityCode: m.code, regionName: m.name, year, indicator: ind, value: round1(sums[ind] / m.wijken.length) });
  }
  return out;
}

function municipalitiesOf(register: WijkRegister): Municipality[] {
  const byCode = new Map<string, Municipality>();
  for (const w of [...register.wijken.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    let m = byCode.get(w.municipalityCode);
    if (!m) byCode.set(w.municipalityCode, (m = { code: w.municipalityCode, name: w.municipalityName, wijken: [] }));
    m.wijken.push({ code: w.code, name: w.name });
  }
  return [...byCode.values()];
}

export type SyntheticOptions = { municipalities?: readonly string[]; year?: number };

/** Figures for the asked municipalities (default: every one of the register, plus Gravendonck) and NL01. */
export function generateSyntheticWijkFigures(seed: number, register: WijkRegister = readWijkRegister(), o: SyntheticOptions = {}): WijkFigure[] {
  const year = o.year ?? SYNTHETIC_YEAR;
  const all = municipalitiesOf(register);
  const example: Municipality = { code: EXAMPLE_MUNICIPALITY.code, name: EXAMPLE_MUNICIPALITY.name, wijken: EXAMPLE_WIJKEN };
  const perMunicipality = new Map([...all, example].map((m) => [m.code, municipalityFigures(seed, m, year)]));
  const national = INDICATORS.map((ind) => {
    const values = all.map((m) => perMunicipality.get(m.code)?.find((f) => f.regionCode === m.code && f.indicator === ind)?.value ?? 0);
    return { regionCode: 'NL01', municipalityCode: null, regionName: 'Nederland', year, indicator: ind, value: round1(values.reduce((a, b) => a + b, 0) / values.length) };
  });
  const asked = o.municipalities ?? [...perMunicipality.keys()];
  return [...asked.flatMap((code) => perMunicipality.get(code) ?? []), ...national];
}

/** Writes the synthetic set (measured figures are never overwritten); returns the number of figures. */
export async function writeSyntheticWijkFigures(db: Db, o: SyntheticOptions & { seed: number; now: Date }): Promise<number> {
  const figures = generateSyntheticWijkFigures(o.seed, readWijkRegister(), o);
  await writeFigures(db, figures, { source: SYNTHETIC_SOURCE_LABEL, synthetic: true, now: o.now });
  return figures.length;
}

export async function removeSyntheticWijkFigures(db: Db): Promise<void> {
  await db.query('DELETE FROM wijk_figures WHERE synthetic');
}
