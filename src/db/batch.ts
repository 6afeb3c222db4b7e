// Statements that arrive together go to the database together. Under load many respondents'
// requests wait for the same kind of read or write; one statement for all of them costs the
// database and this process one round trip instead of one each (the socket write that wakes a
// database backend is the dearest part of a small query; see
// docs/decisions/006-batched-respondent-statements.md). Without load nothing waits: a statement
// starts at the end of the event-loop turn it arrived in.

import type { Db } from './client.ts';

export type BatchOptions = {
  /** Batches at once; what arrives while they run waits for the next. */
  maxInFlight: number;
  /** Calls per batch at most. */
  maxSize: number;
};

type Waiting<I, O> = { item: I; resolve: (v: O) => void; reject: (e: unknown) => void };

/**
 * `run(items)` answers with one result per item, in the same order. A failed batch fails each of
 * its callers with that error, and nothing else.
 */
export function batched<I, O>(run: (items: I[]) => Promise<O[]>, opts: BatchOptions): (item: I) => Promise<O> {
  let queue: Waiting<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    while (queue.length && inFlight < opts.maxInFlight) {
      const batch = queue.slice(0, opts.maxSize);
      queue = queue.slice(batch.length);
      inFlight++;
      // Called inside a promise so a synchronous throw fails the batch like a rejection.
      Promise.resolve(batch.map((w) => w.item)).then(run).then(
        (results) => { for (const [i, w] of batch.entries()) w.resolve(results[i]); },
        (err) => { for (const w of batch) w.reject(err); },
      ).finally(() => {
        inFlight--;
        flush();
      });
    }
  };

  return (item) => new Promise<O>((resolve, reject) => {
    queue.push({ item, resolve, reject });
    // setImmediate: after the poll phase, so every request read in this turn joins the batch.
    if (!scheduled && inFlight < opts.maxInFlight) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

/** `batched` with one batcher per database (a test's database and the server's never share a batch). */
export function batchedPerDb<I, O>(run: (db: Db, items: I[]) => Promise<O[]>, opts: BatchOptions): (db: Db, item: I) => Promise<O> {
  const byDb = new WeakMap<Db, (item: I) => Promise<O>>();
  return (db, item) => {
    let call = byDb.get(db);
    if (!call) byDb.set(db, (call = batched((items: I[]) => run(db, items), opts)));
    return call(item);
  };
}
