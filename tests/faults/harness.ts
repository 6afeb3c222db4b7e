// The fault tests' tools: the real server as its own process (`node --import tsx src/main.ts`, as
// bench/http.ts starts it), killed and started again on the same data; a fresh database of the
// kind this test run is about; waiting for a condition instead of sleeping.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { openDatabase } from '../../src/db/open.ts';

export const root = path.resolve(import.meta.dirname, '..', '..');

/** The embedded database in the first round of `npm test`, the PostgreSQL server in the second. */
export const dbKind: 'pglite' | 'postgres' =
  process.env.TEST_DB === 'postgres' && process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export type Target = {
  /** What the server and the CLI get: DATA_DIR, DATABASE_URL. */
  env: Record<string, string>;
  /** The database as the CLI opens it while the server runs (on PGlite: over the server's socket). */
  open: () => Promise<Db>;
  cleanup: () => Promise<void>;
};

/** An empty DATA_DIR and, in the PostgreSQL round, a new database on TEST_DATABASE_URL. */
export async function freshTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-fault-'));
  let env: Record<string, string> = { DATA_DIR: dataDir, DATABASE_URL: '' };
  let drop = async () => {};
  if (dbKind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL as string;
    const name = `f_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    env = { DATA_DIR: dataDir, DATABASE_URL: u.toString() };
    drop = () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  return {
    env,
    open: () => openDatabase(loadConfig({ ...env }), 'cli'),
    async cleanup() {
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Every server this file started, so a failing test does not leave one running. */
const running = new Set<ServerProcess>();

export class ServerProcess {
  output = '';
  private exited: Promise<number | null>;
  private constructor(
    readonly proc: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) resolve(proc.exitCode);
      else proc.once('exit', (code) => resolve(code));
    });
  }

  /** Starts `node --import tsx src/main.ts` on PORT=0 and resolves once it says where it listens. */
  static async start(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, SMTP_URL: '', BASE_URL: '', ...env, PORT: '0', DEMO: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const onData = (d: Buffer) => {
        output += d;
        const m = output.match(/localhost:(\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', (d: Buffer) => (output += d));
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`));
      });
    });
    const server = new ServerProcess(proc, port);
    server.output = output;
    proc.stdout?.on('data', (d: Buffer) => (server.output += d));
    proc.stderr?.on('data', (d: Buffer) => (server.output += d));
    running.add(server);
    return server;
  }

  get pid(): number {
    return this.proc.pid as number;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  url(p: string): string {
    return `http://127.0.0.1:${this.port}${p}`;
  }

  /** The configuration the CLI would have beside this server. */
  cliEnv(env: Record<string, string>): Record<string, string> {
    return { ...env, PORT: String(this.port) };
  }

  /** SIGKILL: no shutdown code runs, the lock file and socket stay behind. */
  async kill(): Promise<void> {
    if (this.alive) this.proc.kill('SIGKILL');
    await this.exited;
    running.delete(this);
  }

  /** SIGTERM, as an operator or a process manager stops it; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.alive) this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 30_000);
    const code = await this.exited;
    clearTimeout(timer);
    running.delete(this);
    return code;
  }
}

/** For afterAll: kills whatever a failed test left running. */
export async function killAll(): Promise<void> {
  await Promise.all([...running].map((s) => s.kill()));
}

/** Waits until `check` returns a value (not undefined/false), checking every `everyMs`; fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 45_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A request that gives up instead of hanging: a hang fails the test rather than stalling it. */
export async function request(url: string, init: RequestInit = {}, timeoutMs = 15_000): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** A theme-page form as a browser sends it. */
export function form(fields: Record<string, string>): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}
