// Reading and writing the gzip'ed lines of a backup. Writing goes to a temporary file in the same
// folder that is renamed over the target only when complete and flushed to disk, so a failed or
// interrupted backup never leaves a half file under the real name.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { BackupError } from './format.ts';

export type LineWriter = { write: (text: string) => Promise<void>; commit: () => Promise<number>; abort: () => Promise<void> };

export function openLineWriter(file: string): LineWriter {
  const target = path.resolve(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // The backup holds personal data: readable by its owner only.
  const out = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
  const gz = zlib.createGzip({ level: 6 });
  const done = pipeline(gz, out);
  done.catch(() => {}); // awaited in write/commit; unobserved rejections must not crash
  return {
    async write(text) {
      if (!gz.write(text)) await Promise.race([once(gz, 'drain'), done]);
    },
    async commit() {
      gz.end();
      await done;
      const fh = await fs.promises.open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.promises.rename(tmp, target);
      await syncDir(path.dirname(target));
      return (await fs.promises.stat(target)).size;
    },
    async abort() {
      gz.destroy();
      await done.catch(() => {});
      await fs.promises.rm(tmp, { force: true });
    },
  };
}

async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await fs.promises.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Not every platform can fsync a folder; the rename itself is atomic.
  }
}

/** The lines of a gzip'ed file; a missing, non-gzip or truncated file ends in a BackupError. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const src = fs.createReadStream(file);
  const gz = zlib.createGunzip();
  const piped = pipeline(src, gz);
  piped.catch(() => {}); // the same error reaches the loop below through gz
  gz.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gz as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) yield p;
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new BackupError(`Het bestand ${file} bestaat niet.`);
    if (err.code === 'EISDIR' || err.code === 'EACCES') throw new BackupError(`Het bestand ${file} kan niet worden gelezen (${err.code}).`);
    throw new BackupError(`Het back-upbestand is beschadigd of onvolledig (${err.message}).`);
  } finally {
    src.destroy();
    gz.destroy();
  }
  if (rest !== '') yield rest;
}
