// Typst compilers in child processes for a batch of factsheets: one compile takes tens of ms of one
// core and blocks its thread, so with workers the database reads for the next factsheet (this
// process) and the compiles of earlier ones (the workers) run at the same time, on every core.
// Processes, not worker threads: Typst's memo caches are process-wide and locked (typst.worker.mjs).
import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { withStructureTabOrder } from '../pdf-tabs.service.ts';
import { compileFactsheet, FactsheetError, type FactsheetInput, template, WORKSPACE } from './pdf.ts';

type Pending = { resolve: (pdf: Buffer) => void; reject: (e: Error) => void; worker: Slot };
type Slot = { worker: ChildProcess; busy: number };

export class TypstPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private broken = false;

  constructor(size = Math.max(1, Math.min(os.availableParallelism(), 4))) {
    for (let i = 0; i < size; i++) {
      // Plain node for the plain-JavaScript worker: no TypeScript loader flags inherited.
      const worker = fork(fileURLToPath(new URL('./typst.worker.mjs', import.meta.url)), [], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      worker.send({ init: { workspace: WORKSPACE, template } });
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        slot.busy -= 1;
        if (m.pdf) withStructureTabOrder(m.pdf).then(p.resolve, p.reject);
        else p.reject(new FactsheetError(`De factsheet kon niet worden gemaakt: ${m.error}`));
      });
      // A worker that cannot start or dies: what it held is compiled here, and so is what follows.
      worker.on('error', () => this.fail(slot));
      worker.on('exit', () => this.fail(slot));
      this.slots.push(slot);
    }
  }

  /** The PDF of one factsheet, compiled by the least busy worker. */
  compile(input: FactsheetInput): Promise<Buffer> {
    if (this.broken) return Promise.resolve().then(() => compileFactsheet(input));
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.next++;
    slot.busy += 1;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: slot });
      slot.worker.send({ id, ...input });
    }).catch((e: unknown) => {
      if (e instanceof FactsheetError) throw e;
      return compileFactsheet(input);
    });
  }

  private fail(slot: Slot) {
    this.broken = true;
    for (const [id, p] of this.pending) {
      if (p.worker !== slot) continue;
      this.pending.delete(id);
      p.reject(new Error('worker stopped'));
    }
  }

  async close() {
    this.broken = true;
    for (const s of this.slots) s.worker.kill();
  }
}
