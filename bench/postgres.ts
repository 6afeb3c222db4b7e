// A throwaway PostgreSQL server in a temp folder on loopback, for the bench.
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type Throwaway = { url: string; stop: () => void };

/** A port nobody listens on now (so two benches, or a test cluster, do not collide). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 55433));
    });
  });
}

export async function startPostgres(port?: number): Promise<Throwaway | undefined> {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const version = fs.readdirSync(root).sort().at(-1);
  const bin = path.join(root, version as string, 'bin');
  if (!fs.existsSync(path.join(bin, 'initdb'))) return undefined;
  port ??= await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execSync(`chown postgres ${dir}`);
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]) : execFileSync(path.join(bin, cmd), args);
  run('initdb', ['-D', `${dir}/data`, '-A', 'trust', '-U', 'postgres']);
  run('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/log`, '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
