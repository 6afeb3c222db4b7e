import { describe, expect, it } from 'vitest';
import { batched } from './batch.ts';

/** A run that records its batches and answers when told to. */
function recorder() {
  const batches: number[][] = [];
  const pending: Array<() => void> = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve) => pending.push(() => resolve(items.map((x) => x * 10))));
  };
  const releaseAll = () => { for (const r of pending.splice(0)) r(); };
  return { batches, run, releaseAll };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('batched', () => {
  it('calls of one event-loop turn go in one batch; each caller gets its own result', async () => {
    const r = recorder();
    const call = batched(r.run, { maxInFlight: 2, maxSize: 100 });
    const results = Promise.all([call(1), call(2), call(3)]);
    await turn();
    r.releaseAll();
    expect(await results).toEqual([10, 20, 30]);
    expect(r.batches).toEqual([[1, 2, 3]]);
  });

  it('while the maximum of batches is under way, later calls wait and then go together', async () => {
    const r = recorder();
    const call = batched(r.run, { maxInFlight: 1, maxSize: 100 });
    const first = call(1);
    await turn();
    const later = [call(2), call(3)];
    await turn();
    await turn();
    expect(r.batches).toEqual([[1]]); // nothing else started while the first is under way
    r.releaseAll();
    expect(await first).toBe(10);
    await turn();
    r.releaseAll();
    expect(await Promise.all(later)).toEqual([20, 30]);
    expect(r.batches).toEqual([[1], [2, 3]]);
  });

  it('a batch holds at most maxSize calls', async () => {
    const r = recorder();
    const call = batched(r.run, { maxInFlight: 3, maxSize: 2 });
    const all = Promise.all([1, 2, 3, 4, 5].map(call));
    await turn();
    r.releaseAll();
    expect(await all).toEqual([10, 20, 30, 40, 50]);
    expect(r.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('a failed batch fails its own callers only; the next batch runs', async () => {
    let n = 0;
    const call = batched(async (items: number[]) => {
      if (n++ === 0) throw new Error('database gone');
      return items;
    }, { maxInFlight: 1, maxSize: 100 });
    const failed = Promise.allSettled([call(1), call(2)]);
    await turn();
    const next = call(3);
    expect((await failed).map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(await next).toBe(3);
  });

  it('a run that throws before returning a promise fails the batch the same way', async () => {
    const call = batched((): Promise<number[]> => { throw new Error('bad input'); }, { maxInFlight: 1, maxSize: 100 });
    await expect(call(1)).rejects.toThrow('bad input');
    await expect(call(2)).rejects.toThrow('bad input'); // and does not leave the batcher stuck
  });
});
