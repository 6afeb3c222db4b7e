// Descriptive statistics per edition, scope, question, item and option (CONTRACTS.md "Statistics").
// One pass over the responses of an edition: each response is tallied once into a list of slot
// increments, which is then added to every scope it belongs to.
import type { Answers } from '../responses/answer.model.ts';
import { compileLayout, type Layout, tallyResponse } from './layout.ts';
import { SIZE_CLASS_IDS } from '../population/size-class.model.ts';
import {
  getOrAdd,
  percentOf,
  type QuestionnaireSet,
  questionnairesByEdition,
  type RegisterByEdition,
  type Scope,
  type ScopeKind,
  type SizeClassesByEdition,
  type StatsRow,
  type SubmittedResponse,
} from './stats.model.ts';

export interface StatsOptions {
  /** Editions to compute; default every edition that has a questionnaire. */
  editions?: readonly number[];
  /** Scope kinds to compute; default all five (size only for editions in `sizeClasses`). */
  scopes?: readonly ScopeKind[];
  /** Panel range; default every edition that has responses up to and including the edition computed. */
  panelEditions?: readonly number[];
  /** Municipality scopes to compute; default every municipality that submitted in the edition. */
  municipalities?: readonly string[];
  /**
   * Size class per municipality per edition, for the `size` scopes (every class, also without
   * responses). An edition without an entry has no size scope: no rows.
   */
  sizeClasses?: SizeClassesByEdition;
}

const ALL_SCOPES: readonly ScopeKind[] = ['national', 'province', 'size', 'panel', 'municipality'];

interface Accumulator {
  scope: Scope;
  counts: Int32Array;
  n: Int32Array;
}

function accumulator(scope: Scope, layout: Layout): Accumulator {
  return { scope, counts: new Int32Array(layout.slotCount), n: new Int32Array(layout.cells.length) };
}

/** edition → municipality → answers; a municipality that appears twice in an edition counts once (the last). */
function responsesByEdition(responses: readonly SubmittedResponse[]): Map<number, Map<string, Answers>> {
  const out = new Map<number, Map<string, Answers>>();
  for (const r of responses) {
    getOrAdd(out, r.edition, () => new Map<string, Answers>()).set(r.municipality, r.answers);
  }
  return out;
}

/** Municipalities (by code) that submitted in every edition of `range`. */
export function panelMembers(byEdition: ReadonlyMap<number, ReadonlyMap<string, unknown>>, range: readonly number[]): Set<string> {
  if (range.length === 0) return new Set();
  const sets = range.map((e) => byEdition.get(e) ?? new Map<string, unknown>());
  sets.sort((a, b) => a.size - b.size);
  return new Set([...sets[0].keys()].filter((m) => sets.every((s) => s.has(m))));
}

/** The default panel range for `edition`: every edition with responses up to and including it. */
export function defaultPanelEditions(byEdition: ReadonlyMap<number, ReadonlyMap<string, unknown>>, edition: number): number[] {
  return [...byEdition.entries()]
    .filter(([e, m]) => e <= edition && m.size > 0)
    .map(([e]) => e)
    .sort((a, b) => a - b);
}

export function computeStats(
  questionnaires: QuestionnaireSet,
  responses: readonly SubmittedResponse[],
  register: RegisterByEdition,
  options: StatsOptions = {},
): StatsRow[] {
  const qns = questionnairesByEdition(questionnaires);
  const byEdition = responsesByEdition(responses);
  const kinds = new Set(options.scopes ?? ALL_SCOPES);
  const editions = options.editions ?? [...qns.keys()].sort((a, b) => a - b);
  const rows: StatsRow[] = [];
  for (const edition of editions) {
    const qn = qns.get(edition);
    if (!qn) throw new Error(`Geen vragenlijst voor editie ${edition}`);
    const layout = compileLayout(qn);
    const answered = byEdition.get(edition) ?? new Map<string, Answers>();
    const provinceOf = register.get(edition) ?? new Map<string, string>();

    const national = kinds.has('national') ? accumulator('national', layout) : undefined;
    const provinces = new Map<string, Accumulator>();
    if (kinds.has('province')) {
      for (const pv of [...new Set(provinceOf.values())].sort()) provinces.set(pv, accumulator(`province:${pv}`, layout));
    }
    const sizes = new Map<string, Accumulator>();
    const classOf = kinds.has('size') ? options.sizeClasses?.get(edition) : undefined;
    if (classOf) for (const id of SIZE_CLASS_IDS) sizes.set(id, accumulator(`size:${id}`, layout));
    let panel: Accumulator | undefined;
    let members = new Set<string>();
    if (kinds.has('panel')) {
      panel = accumulator('panel', layout);
      members = panelMembers(byEdition, options.panelEditions ?? defaultPanelEditions(byEdition, edition));
    }
    const municipalities = new Map<string, Accumulator>();
    if (kinds.has('municipality')) {
      const codes = options.municipalities ?? [...answered.keys()];
      for (const gm of [...codes].sort()) municipalities.set(gm, accumulator(`municipality:${gm}`, layout));
    }

    const slotBuf = new Int32Array(layout.slotCount);
    const cellBuf = new Int32Array(layout.cells.length);
    const targets: Accumulator[] = [];
    for (const [gm, answers] of answered) {
      targets.length = 0;
      if (national) targets.push(national);
      const pv = provinceOf.get(gm);
      const pvAcc = pv === undefined ? undefined : provinces.get(pv);
      if (pvAcc) targets.push(pvAcc);
      const size = classOf?.get(gm);
      const sizeAcc = size === undefined ? undefined : sizes.get(size);
      if (sizeAcc) targets.push(sizeAcc);
      if (panel && members.has(gm)) targets.push(panel);
      const own = municipalities.get(gm);
      if (own) targets.push(own);
      if (targets.length === 0) continue;
      const [ns, nc] = tallyResponse(layout, answers, slotBuf, cellBuf);
      for (const acc of targets) {
        const { counts, n } = acc;
        for (let i = 0; i < ns; i++) counts[slotBuf[i]]++;
        for (let i = 0; i < nc; i++) n[cellBuf[i]]++;
      }
    }

    const ordered = [national, ...provinces.values(), ...sizes.values(), panel, ...municipalities.values()];
    for (const acc of ordered) if (acc) emitRows(rows, edition, layout, acc);
  }
  return rows;
}

function emitRows(out: StatsRow[], edition: number, layout: Layout, acc: Accumulator): void {
  const { cells } = layout;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    const n = acc.n[c];
    for (let o = 0; o < cell.options.length; o++) {
      const count = acc.counts[cell.slotBase + o];
      out.push({ edition, scope: acc.scope, question: cell.question, item: cell.item, option: cell.options[o], count, n, percent: percentOf(count, n) });
    }
  }
}
