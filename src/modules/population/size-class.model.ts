// The CBS size classes of municipalities by inhabitants: the one list every part of the product
// uses (statistics scope `size:ID`, the national cross-table, the municipal comparison). Pure data.

export type SizeClassId = 'lt20k' | '20k-50k' | '50k-100k' | 'ge100k';

export interface SizeClass {
  id: SizeClassId;
  /** Smallest number of inhabitants in the class (inclusive). */
  min: number;
  /** First number of inhabitants no longer in the class (exclusive); null for the largest class. */
  below: number | null;
  name: { nl: string; en: string };
}

export const SIZE_CLASSES: readonly SizeClass[] = [
  { id: 'lt20k', min: 0, below: 20_000, name: { nl: 'minder dan 20.000 inwoners', en: 'fewer than 20,000 inhabitants' } },
  { id: '20k-50k', min: 20_000, below: 50_000, name: { nl: '20.000 tot 50.000 inwoners', en: '20,000 to 50,000 inhabitants' } },
  { id: '50k-100k', min: 50_000, below: 100_000, name: { nl: '50.000 tot 100.000 inwoners', en: '50,000 to 100,000 inhabitants' } },
  { id: 'ge100k', min: 100_000, below: null, name: { nl: '100.000 inwoners of meer', en: '100,000 inhabitants or more' } },
];

export const SIZE_CLASS_IDS: readonly SizeClassId[] = SIZE_CLASSES.map((c) => c.id);

export function isSizeClassId(id: string): id is SizeClassId {
  return (SIZE_CLASS_IDS as readonly string[]).includes(id);
}

/** The class of a municipality with `inhabitants` inhabitants (a whole number ≥ 0). */
export function sizeClassOf(inhabitants: number): SizeClassId {
  for (const c of SIZE_CLASSES) if (c.below === null || inhabitants < c.below) return c.id;
  return 'ge100k';
}

export function sizeClass(id: SizeClassId): SizeClass {
  return SIZE_CLASSES.find((c) => c.id === id) as SizeClass;
}

/** municipality code → class, from municipality code → inhabitants. */
export function sizeClassMap(population: ReadonlyMap<string, number>): Map<string, SizeClassId> {
  return new Map([...population].map(([code, n]) => [code, sizeClassOf(n)]));
}
