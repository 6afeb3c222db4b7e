// Small-cell protection for public and municipal views. Bureau and ministry exports skip this.
//
// Rules (n is always shown; a suppressed row hides count and percent: "te weinig antwoorden";
// rows already marked suppressed by the caller stay so and take part in rules 2 and 3):
// 1. Primary: every figure of a question/item/scope with 0 < n < minN is suppressed. n = 0 holds
//    no figure (count 0 follows from n), so it stays.
// 2. Within a group (one edition/scope/question/item): if exactly one figure is hidden it follows
//    from n minus the shown counts, so the shown figure with the smallest count (> 0 preferred)
//    is hidden too.
// 3. Across scopes: for one edition/question/item/option, national = sum of the provinces. If the
//    national figure is shown and exactly one province figure (n > 0) is hidden, it follows from
//    national minus the rest, so the shown province with the smallest n (> 0) is hidden too; if
//    there is none, the national figure is hidden. The size classes (`size:ID`) partition the
//    nation too, so the same rule holds within them, separately from the provinces: each
//    partition is checked on its own against the national figure.
// Rules 2 and 3 repeat until nothing changes (a hide by one rule can expose a figure to the other).
// Not covered: differences between overlapping scopes (national − panel) and between editions.
import { getOrAdd, groupKey, scopeKind, type StatsRow } from './stats.model.ts';

export interface SuppressOptions {
  /** Smallest n whose figures may be shown. */
  minN?: number;
}

/** The scope kinds whose scopes together make up the nation, each on its own. */
const PARTITIONS = ['province', 'size'] as const;
type Partition = (typeof PARTITIONS)[number];

interface Column {
  national?: number;
  parts: Record<Partition, number[]>;
}

/** Copies of `rows`, each with `suppressed` set to true or false. */
export function suppress(rows: readonly StatsRow[], { minN = 5 }: SuppressOptions = {}): StatsRow[] {
  const out = rows.map((r) => ({ ...r, suppressed: r.suppressed === true || (r.n > 0 && r.n < minN) }));
  const groups = new Map<string, number[]>();
  const columns = new Map<string, Column>();
  out.forEach((r, i) => {
    const g = groupKey(r);
    getOrAdd(groups, g, () => []).push(i);
    const kind = scopeKind(r.scope);
    if (kind !== 'national' && kind !== 'province' && kind !== 'size') return;
    const c = `${r.edition}|${r.question}|${r.item ?? ''}|${r.option}`;
    const col = getOrAdd(columns, c, (): Column => ({ parts: { province: [], size: [] } }));
    if (kind === 'national') col.national = i;
    else col.parts[kind].push(i);
  });

  const hide = (i: number | undefined): boolean => {
    if (i === undefined || out[i].suppressed) return false;
    out[i].suppressed = true;
    return true;
  };
  const groupList = [...groups.values()].filter((m) => m.length > 1);
  const columnList: Array<{ national: number; parts: number[] }> = [];
  for (const c of columns.values()) {
    if (c.national === undefined) continue;
    for (const p of PARTITIONS) if (c.parts[p].length > 0) columnList.push({ national: c.national, parts: c.parts[p] });
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const members of groupList) {
      if (countHidden(out, members) === 1 && hide(smallestShownCount(out, members))) changed = true;
    }
    for (const col of columnList) {
      const national = out[col.national];
      if (national.suppressed || national.n === 0) continue;
      if (countHidden(out, col.parts) !== 1) continue;
      const partner = smallestShownN(out, col.parts);
      if (hide(partner ?? col.national)) changed = true;
    }
  }
  return out;
}

function countHidden(rows: StatsRow[], members: number[]): number {
  let hidden = 0;
  for (const i of members) if (rows[i].suppressed && rows[i].n > 0) hidden++;
  return hidden;
}

/** The shown row with the smallest positive count (a zero only when nothing else is left). */
function smallestShownCount(rows: StatsRow[], members: number[]): number | undefined {
  let best: number | undefined;
  for (const i of members) {
    const r = rows[i];
    if (r.suppressed) continue;
    if (best === undefined) best = i;
    else {
      const b = rows[best];
      const better = b.count === 0 ? r.count > 0 : r.count > 0 && r.count < b.count;
      if (better) best = i;
    }
  }
  return best;
}

/** The shown province (or size class) row with the smallest n > 0; ties by scope, so one question/item picks one. */
function smallestShownN(rows: StatsRow[], members: number[]): number | undefined {
  let best: number | undefined;
  for (const i of members) {
    const r = rows[i];
    if (r.suppressed || r.n === 0) continue;
    const b = best === undefined ? undefined : rows[best];
    if (!b || r.n < b.n || (r.n === b.n && r.scope < b.scope)) best = i;
  }
  return best;
}
