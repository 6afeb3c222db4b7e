// Who is invited and who responds in 2019–2022, as published: 64/103, 100/180, 115/263, 162/263,
// a panel of exactly 24 that responded every time, and three quarters of 2021's respondents back
// in 2022. Every set is drawn from that year's CBS register, spread over the provinces.
import type { Merger, Municipality } from '../register/register.load.ts';
import { PUBLISHED_PANEL_SIZE, PUBLISHED_RESPONSE } from './published.ts';
import { fork, shuffle } from './rng.ts';
import { demoEdition } from './timeline.ts';

export const DEMO_EDITIONS = [2019, 2020, 2021, 2022] as const;
const RESPONSE = PUBLISHED_RESPONSE;
const PANEL_SIZE = PUBLISHED_PANEL_SIZE;
/** "Driekwart" of 2021's 115 respondents respond again in 2022 (86 = 74.8%). */
export const RETAINED_2021_2022 = 86;
// How many respondents of the year before come back (besides the panel); free choices.
const BACK_2020_FROM_2019 = 22;
/** The only non-panel municipalities that respond in 2019, 2020 and 2021; they skip 2022. */
const THREE_TIMERS = 8;
const BACK_2021_FROM_2020 = 30;

export type Selection = {
  invited: Map<number, string[]>;
  responded: Map<number, string[]>;
  panel: string[];
};

type Register = Map<number, Map<string, string>>; // year → code → province

/** Where a municipality lives on after a merger (for a split: where its largest part went). */
function successors(mergers: readonly Merger[]): Map<string, string> {
  const next = new Map<string, { code: string; share: number }>();
  for (const m of mergers) {
    if (m.oldCode === m.newCode || m.type === 'continues') continue;
    const share = m.areaShare ?? 1;
    const had = next.get(m.oldCode);
    if (!had || share > had.share) next.set(m.oldCode, { code: m.newCode, share });
  }
  return new Map([...next].map(([k, v]) => [k, v.code]));
}

/**
 * Picks k codes so that every prefix is spread over the provinces in proportion to their size:
 * within a province the i-th member gets key (i + u) / size. With `everyProvince` the first
 * member of each province comes before all others, so small provinces are never left out.
 */
function spreadPick(seed: number, label: string, pool: Iterable<string>, provinceOf: Map<string, string>, k: number, everyProvince = false): string[] {
  const rng = fork(seed, label);
  const byProvince = new Map<string, string[]>();
  for (const code of [...new Set(pool)].sort()) {
    const pv = provinceOf.get(code) ?? '';
    byProvince.set(pv, [...(byProvince.get(pv) ?? []), code]);
  }
  const keyed: Array<{ code: string; key: number }> = [];
  for (const pv of [...byProvince.keys()].sort()) {
    const members = shuffle(rng, byProvince.get(pv) ?? []);
    members.forEach((code, i) => {
      keyed.push({ code, key: everyProvince && i === 0 ? rng() * 1e-3 : (i + rng()) / members.length });
    });
  }
  if (keyed.length < k) throw new Error(`Demo: ${label}: ${k} gemeenten nodig, maar ${keyed.length} beschikbaar`);
  return keyed.sort((a, b) => a.key - b.key).slice(0, k).map((x) => x.code);
}

const minus = (a: Iterable<string>, ...b: Iterable<string>[]) => {
  const out = new Set(b.flatMap((x) => [...x]));
  return [...a].filter((c) => !out.has(c));
};
const within = (a: Iterable<string>, b: Iterable<string>) => {
  const set = new Set(b);
  return [...a].filter((c) => set.has(c));
};

/** Invited per year: the programme grows, so each year's invitees include last year's (or their successor). */
function invitations(seed: number, reg: Register, mergers: readonly Merger[]): Map<number, string[]> {
  const last = reg.get(2022) as Map<string, string>;
  // The order in which municipalities join the programme, proportional over the provinces.
  const order = spreadPick(seed, 'programme', last.keys(), last, last.size, true);
  const rank = new Map(order.map((code, i) => [code, i]));
  const next = successors(mergers);
  const rankOf = (code: string): number => {
    let c = code;
    for (let hops = 0; !rank.has(c) && next.has(c) && hops < 10; hops++) c = next.get(c) as string;
    return rank.get(c) ?? last.size;
  };
  const out = new Map<number, string[]>();
  for (const year of DEMO_EDITIONS) {
    // The register lists a municipality for the whole year (Weesp in 2022), but one that merged
    // before the fieldwork opened no longer exists to be invited.
    const opens = demoEdition(year).opensOn;
    const gone = new Set(mergers.filter((m) => next.get(m.oldCode) === m.newCode && m.dateEffective <= opens).map((m) => m.oldCode));
    const codes = [...(reg.get(year)?.keys() ?? [])].filter((c) => !gone.has(c)).sort();
    // Predecessors of one successor share its rank: they joined together.
    codes.sort((a, b) => rankOf(a) - rankOf(b) || (a < b ? -1 : 1));
    out.set(year, codes.slice(0, RESPONSE[year].invited).sort());
  }
  return out;
}

export function selectMunicipalities(seed: number, municipalities: readonly Municipality[], mergers: readonly Merger[]): Selection {
  const reg: Register = new Map(DEMO_EDITIONS.map((y) => [y, new Map<string, string>()]));
  for (const m of municipalities) reg.get(m.year)?.set(m.code, m.provinceCode);
  const pv = (year: number) => reg.get(year) as Map<string, string>;
  const invited = invitations(seed, reg, mergers);
  const inv = (year: number) => invited.get(year) as string[];
  const pick = (label: string, year: number, pool: Iterable<string>, k: number, every = false) =>
    spreadPick(seed, label, within(pool, inv(year)), pv(year), k, every);

  const always = DEMO_EDITIONS.reduce<string[]>((acc, y) => within(acc, inv(y)), inv(2019));
  const panel = pick('panel', 2019, always, PANEL_SIZE);
  const new2019 = pick('2019', 2019, minus(inv(2019), panel), RESPONSE[2019].responded - PANEL_SIZE, true);

  const back2020 = pick('2020-back', 2020, new2019, BACK_2020_FROM_2019);
  const new2020 = pick('2020-new', 2020, minus(inv(2020), panel, new2019), RESPONSE[2020].responded - PANEL_SIZE - BACK_2020_FROM_2019, true);

  const threeTimers = pick('2021-three', 2021, back2020, THREE_TIMERS);
  const back2021 = pick('2021-back', 2021, new2020, BACK_2021_FROM_2020);
  const rest2021 = RESPONSE[2021].responded - PANEL_SIZE - THREE_TIMERS - BACK_2021_FROM_2020;
  const new2021 = pick('2021-new', 2021, minus(inv(2021), panel, back2020, new2020), rest2021, true);

  // Back in 2022: only from those who did not also answer 2019 and 2020, or they would join the panel.
  const back2022 = pick('2022-back', 2022, [...back2021, ...new2021], RETAINED_2021_2022 - PANEL_SIZE);
  const r2021 = [...panel, ...threeTimers, ...back2021, ...new2021];
  const new2022 = pick('2022-new', 2022, minus(inv(2022), r2021), RESPONSE[2022].responded - RETAINED_2021_2022, true);

  const responded = new Map<number, string[]>([
    [2019, [...panel, ...new2019].sort()],
    [2020, [...panel, ...back2020, ...new2020].sort()],
    [2021, r2021.sort()],
    [2022, [...panel, ...back2022, ...new2022].sort()],
  ]);
  return { invited, responded, panel: [...panel].sort() };
}
