// Who owns a DATA_DIR: a lock file holding the owner's pid, role and socket folder. Taking it must
// be atomic also when the previous owner crashed and left its file behind: two processes started
// at the same moment on a stale lock must not both remove it and both open the database (a
// committed row was lost that way). Creating a file with O_EXCL ("wx") is atomic; removing a stale
// lock is not, so only the holder of a second O_EXCL file, the takeover, may remove it.
import fs from 'node:fs';

export type LockInfo = { pid: number; role: 'server' | 'cli'; socketDir: string };

export class DataDirBusyError extends Error {}

/** A takeover older than this was left by a process that died within its few microseconds. */
const TAKEOVER_STALE_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

function create(file: string, content: string): boolean {
  try {
    fs.writeFileSync(file, content, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the lock, or returns the live owner's lock info. */
export function takeLock(file: string, mine: LockInfo): LockInfo | undefined {
  const takeover = `${file}.takeover`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (create(file, JSON.stringify(mine))) return undefined;
    const owner = readLock(file);
    if (owner && owner.pid !== process.pid && alive(owner.pid)) return owner;
    // The file is stale (its process is gone) or half written: only one process may clear it.
    if (create(takeover, String(process.pid))) {
      try {
        const again = readLock(file);
        const live = again && again.pid !== process.pid && alive(again.pid);
        if (live) return again;
        // Still the dead owner's file (or unreadable): remove it and take the lock.
        fs.rmSync(file, { force: true });
        if (create(file, JSON.stringify(mine))) return undefined;
      } finally {
        fs.rmSync(takeover, { force: true });
      }
    } else {
      try {
        if (Date.now() - fs.statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) fs.rmSync(takeover, { force: true });
      } catch {
        // gone meanwhile: try again
      }
    }
    pause(5 + Math.floor(Math.random() * 10)); // another process is taking over: look again shortly
  }
  throw new DataDirBusyError(`Kan het slot ${file} niet nemen.`);
}
