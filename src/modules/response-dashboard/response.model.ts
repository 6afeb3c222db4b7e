// The response of an edition, counted from one row per invited municipality: the funnel
// invited → opened → started → submitted, nationally, per province and per advisor; earlier
// editions side by side; the panel (submitted in every edition so far). Pure: rows in, numbers out.
import { defaultPanelEditions, panelMembers } from '../statistics/index.ts';

export type ResponseRow = {
  edition: number;
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  advisorId: number | null;
  advisorName: string | null;
  opened: boolean;
  started: boolean;
  submitted: boolean;
};

export type Counts = { invited: number; opened: number; started: number; submitted: number; rate: number | null };
export type Group = { key: string; name: string; counts: Counts };

export type ResponseSummary = {
  year: number;
  total: Counts;
  provinces: Group[];
  /** Advisors by name; municipalities without an advisor last, with key ''. */
  advisors: Group[];
  editions: { year: number; counts: Counts }[];
  panel: { editions: number[]; size: number };
  /** Of the previous edition's respondents, how many responded again (the report: "driekwart"). */
  retained?: { previousYear: number; previous: number; again: number; rate: number | null };
  invited: Set<string>;
  responded: Set<string>;
};

/** Whole percent, as the report gives them (162 of 263 → 62). */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((100 * part) / whole);
}

export function count(rows: readonly ResponseRow[]): Counts {
  const c = { invited: rows.length, opened: 0, started: 0, submitted: 0 };
  for (const r of rows) {
    // Each step implies the ones before it, whatever the timestamps say.
    if (r.opened || r.started || r.submitted) c.opened++;
    if (r.started || r.submitted) c.started++;
    if (r.submitted) c.submitted++;
  }
  return { ...c, rate: rate(c.submitted, c.invited) };
}

function groupBy(rows: readonly ResponseRow[], key: (r: ResponseRow) => string, name: (r: ResponseRow) => string): Group[] {
  const groups = new Map<string, ResponseRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups].map(([k, rs]) => ({ key: k, name: name(rs[0]), counts: count(rs) }));
}

const byName = (a: Group, b: Group) => (a.key === '' ? 1 : b.key === '' ? -1 : a.name.localeCompare(b.name, 'nl'));

export function summarize(rows: readonly ResponseRow[], year: number): ResponseSummary {
  const byEdition = new Map<number, ResponseRow[]>();
  for (const r of rows) if (r.edition <= year) byEdition.set(r.edition, [...(byEdition.get(r.edition) ?? []), r]);
  const current = byEdition.get(year) ?? [];
  const submittedBy = new Map([...byEdition].map(([e, rs]) => [e, new Map(rs.filter((r) => r.submitted).map((r) => [r.code, true]))]));
  const panelEditions = defaultPanelEditions(submittedBy, year);
  const previousYear = [...byEdition.keys()].filter((e) => e < year).sort((a, b) => b - a)[0];
  const previous = previousYear === undefined ? undefined : submittedBy.get(previousYear)!;
  const now = submittedBy.get(year) ?? new Map();
  const again = previous ? [...previous.keys()].filter((c) => now.has(c)).length : 0;
  return {
    year,
    total: count(current),
    provinces: groupBy(current, (r) => r.provinceCode, (r) => r.provinceName).sort(byName),
    advisors: groupBy(current, (r) => (r.advisorId === null ? '' : String(r.advisorId)), (r) => r.advisorName ?? '').sort(byName),
    editions: [...byEdition].sort(([a], [b]) => a - b).map(([e, rs]) => ({ year: e, counts: count(rs) })),
    panel: { editions: panelEditions, size: panelMembers(submittedBy, panelEditions).size },
    retained: previous && previousYear !== undefined
      ? { previousYear, previous: previous.size, again, rate: rate(again, previous.size) }
      : undefined,
    invited: new Set(current.map((r) => r.code)),
    responded: new Set(current.filter((r) => r.submitted).map((r) => r.code)),
  };
}
