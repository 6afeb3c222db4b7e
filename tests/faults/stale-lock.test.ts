// Issue 21.3: two processes started at the same moment on a stale DATA_DIR lock (its owner
// crashed) must not both take it: both would open the embedded database, and a committed row was
// lost that way. 50 rounds of two real processes racing; exactly one takes the lock each time.
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-lock-'));
const file = path.join(dir, 'owner.lock');
const contenders: ChildProcess[] = [];
afterAll(() => {
  for (const c of contenders) c.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

function start(): Promise<ChildProcess> {
  const child = fork(path.join(import.meta.dirname, 'lock-contender.ts'), { execArgv: ['--import', 'tsx'] });
  contenders.push(child);
  return new Promise((resolve) => child.once('message', () => resolve(child)));
}
const ask = <T>(child: ChildProcess, message: object) =>
  new Promise<T>((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message);
  });

describe('a stale lock', () => {
  it('is taken by exactly one of two processes racing for it, 50 times in a row', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number; // a process that has ended
    const winners: number[] = [];
    for (let round = 0; round < 50; round++) {
      fs.writeFileSync(file, JSON.stringify({ pid: dead, role: 'server', socketDir: '' }));
      const at = Date.now() + 30;
      const [ra, rb] = await Promise.all([ask<{ took: boolean }>(a, { go: { file, at } }), ask<{ took: boolean }>(b, { go: { file, at } })]);
      winners.push(Number(ra.took) + Number(rb.took));
      const owner = JSON.parse(fs.readFileSync(file, 'utf8')).pid;
      expect(owner).toBe(ra.took ? a.pid : b.pid);
      await ask(ra.took ? a : b, { release: file });
    }
    expect(winners).toEqual(Array(50).fill(1));
    expect(fs.existsSync(`${file}.takeover`)).toBe(false);
  }, 120_000);
});
