// The last value made per key, given again while the inputs it was made from are the same. For
// pages that are read far more often than what they show changes: the inputs are cheap to read
// (a query), the value is dear to make (assembling and rendering). Bounded: the oldest key goes.
export class SameInputsCache<I, V> {
  private readonly entries = new Map<string, { inputs: I; value: V }>();

  constructor(
    private readonly same: (a: I, b: I) => boolean,
    private readonly maxEntries = 500,
  ) {}

  get(key: string, inputs: I, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit && this.same(hit.inputs, inputs)) return hit.value;
    const value = make();
    // Re-inserted, so the Map's order is the order of last making: the first key is the oldest.
    this.entries.delete(key);
    this.entries.set(key, { inputs, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
