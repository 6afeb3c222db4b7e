// One contender for tests/faults/stale-lock.test.ts: on "go" (at a given moment) it tries to take
// the DATA_DIR lock and reports whether it took it; on "release" it gives it up.
import fs from 'node:fs';
import { takeLock } from '../../src/db/owner-lock.ts';

process.on('message', (m: { go?: { file: string; at: number }; release?: string }) => {
  if (m.go) {
    while (Date.now() < m.go.at) {
      // start as close to the other contender as the clock allows
    }
    const owner = takeLock(m.go.file, { pid: process.pid, role: 'server', socketDir: '' });
    process.send?.({ took: owner === undefined });
  } else if (m.release) {
    fs.rmSync(m.release, { force: true });
    process.send?.({ released: true });
  }
});
process.send?.({ ready: true });
