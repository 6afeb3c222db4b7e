// HTTP scenarios against the real server process, on PGlite and on a PostgreSQL server, each
// beside its ceiling: the same load against a plain node:http server giving the same bytes
// (bench/ceiling-server.ts). Load comes from a separate process (bench/load.ts, autocannon) over
// loopback, for a fixed number of seconds.
//
// Memory: the server is started afresh for every scenario and its peak RSS (VmHWM in
// /proc/PID/status) is read right after the load. VmHWM only ever grows within a process, so one
// server for all scenarios would give "the peak so far" and blame a later scenario for an earlier
// one's memory. A fresh process per scenario gives each scenario its own peak (start-up included,
// which is what the server really needs to serve that load). On PGlite the database runs inside
// the server process and counts too; on PostgreSQL only the Node process is measured.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/open.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import { listMunicipalities } from '../src/modules/register/index.ts';
import type { CeilingRoute } from './ceiling-server.ts';
import type { LoadResult, LoadSpec, Recorded } from './load.ts';

export type DbKind = 'pglite' | 'postgres';
export const HTTP_IDS = ['save', 'start', 'report', 'national', 'pdf'] as const;
export type HttpId = (typeof HTTP_IDS)[number];

/**
 * Targets of issue 7, checked on the PostgreSQL rows (the production set-up); and of issue 21: the
 * embedded database's server under 400 MB (its rows; the database runs inside that process).
 */
export const TARGETS = { p99Ms: 50, ceilingPct: 30, memoryMb: 300, embeddedMemoryMb: 400 };
/** Requests per connection before each measured run (see LoadSpec.warmup); memory counts them. */
export const WARMUP_PER_CONNECTION = 20;

export type Check = { what: string; ok: boolean };
export type Row = {
  id: HttpId;
  scenario: string;
  db: DbKind;
  connections: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
  bytesPerResponse: number;
  memMb: number;
  /** Request log lines the server wrote during the scenario (logging is on, as in production). */
  logLines: number;
  /**
   * The server's CPU time per request (ms), warm-up included: steadier than latency on a host
   * whose speed varies, so it shows whether a change made the server cheaper. Node process only;
   * on PGlite that includes the database.
   */
  cpuMsPerRequest: number;
  ceiling: { rps: number; p50: number; p99: number; errors: number; bytesPerResponse: number };
  /** Real requests/s as a percentage of the ceiling's. */
  pctOfCeiling: number;
  /** The real server's warm-up before the measured run (not counted above). */
  warmup?: LoadResult['warmup'];
  target?: string;
  checks?: Check[];
  met?: boolean;
};

type Scenario = { id: HttpId; name: string; kind: LoadSpec['kind']; targets: string[]; connections: number };

const tsx = path.resolve('node_modules/.bin/tsx');
/** Headers that belong to one connection or moment, not to the response; the ceiling sets its own. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** CPU time (user + system) the process has used so far, in ms (/proc/PID/stat, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function peakRssMb(pid: number): number {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

/** Waits until the child prints its address (the ceiling server); fails if it exits first. */
function portOf(proc: ChildProcess, pattern: RegExp): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d;
      const m = out.match(pattern);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (c) => reject(new Error(`process exited (${c}) before listening: ${out}`)));
  });
}

/** A port nobody listens on now (the server is told to use it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Waits until the child answers /healthz on its port (not for a log line: with
 * BENCH_LOG_LEVEL=silent it prints none); fails if it exits first. Counts its output lines.
 */
async function listening(proc: ChildProcess, port: number, lines: { count: number }): Promise<number> {
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => {
    // Whole lines (a chunk may end mid-line); nearly all of them are request lines.
    for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines.count += 1;
    if (out.length < 4000) out += d;
  });
  let exited: number | null = null;
  proc.once('exit', (c) => { exited = c ?? -1; });
  for (;;) {
    if (exited !== null) throw new Error(`process exited (${exited}) before listening: ${out}`);
    const up = await get(port, '/healthz').then((r) => r.status === 200, () => false);
    if (up) {
      lines.count = 0; // the start-up lines are not the scenario's
      return port;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

/** The server's environment and Node flags as `npm start` gives them (package.json), so the bench measures that process. */
function startCommand(): { env: Record<string, string>; flags: string[] } {
  const start: string = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start;
  const words = start.split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? '')) {
    const [name, ...value] = (words.shift() as string).split('=');
    env[name] = value.join('=');
  }
  if (words[0] !== 'node' || words.at(-1) !== 'src/main.ts') throw new Error(`npm start is not "[VAR=value …] node … src/main.ts" (${start}): adjust bench/http.ts`);
  return { env, flags: words.slice(1, -1) };
}

type Started = { proc: ChildProcess; port: number; lines: { count: number } };

async function startServer(env: Record<string, string>): Promise<Started> {
  // node itself (not a wrapper) so the pid is the server's and its memory is measured.
  // BENCH_PROFILE=1: a V8 CPU profile per server in bench/profiles (open in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench/profiles'] : [];
  // Logging as in production (JSON, one line per request; issue 21), read and counted here;
  // BENCH_LOG_LEVEL=silent measures the same without (to compare, alternating).
  const start = startCommand();
  const port = await freePort();
  const proc = spawn(process.execPath, [...profile, ...start.flags, 'src/main.ts'], {
    env: { ...process.env, ...start.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'info', ...env, PORT: String(port), DEMO: '1' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = { count: 0 };
  return { proc, port: await listening(proc, port, lines), lines };
}

/** One GET as autocannon sends it (no accept-encoding, no accept-language): status, headers, exact body. */
function get(port: number, p: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: p, method: 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function keepHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !PER_CONNECTION.has(k.toLowerCase())) kept[k.toLowerCase()] = v;
  return kept;
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** The bytes the real server gives now for each read path of a scenario. */
async function captureGets(port: number, paths: string[]): Promise<Record<string, CeilingRoute>> {
  const routes: Record<string, CeilingRoute> = {};
  await inBatches([...new Set(paths)], 10, async (p) => {
    const r = await get(port, p);
    routes[`GET ${p}`] = { status: r.status, headers: keepHeaders(r.headers), body: r.body.toString('base64') };
  });
  return routes;
}

/** The save's answers as the load generator saw them (the 303 with its Location, an empty body). */
function captureSaves(recorded: Record<string, Recorded> = {}): Record<string, CeilingRoute> {
  const routes: Record<string, CeilingRoute> = {};
  for (const [key, r] of Object.entries(recorded)) routes[key] = { status: r.status, headers: keepHeaders(r.headers), body: Buffer.from(r.body).toString('base64') };
  return routes;
}

function runLoad(spec: LoadSpec): LoadResult {
  const out = execFileSync(tsx, ['bench/load.ts', JSON.stringify(spec)], {
    encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: (spec.seconds + 120) * 1000,
  });
  return JSON.parse(out) as LoadResult;
}

async function runCeiling(routes: Record<string, CeilingRoute>, spec: Omit<LoadSpec, 'url'>): Promise<LoadResult> {
  const file = path.join(os.tmpdir(), `ete-bench-ceiling-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(routes));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/ceiling-server.ts', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await portOf(proc, /127\.0\.0\.1:(\d+)/);
    return runLoad({ ...spec, url: `http://127.0.0.1:${port}`, record: false });
  } finally {
    await stop(proc);
    fs.rmSync(file, { force: true });
  }
}

function assess(row: Row): Pick<Row, 'target' | 'checks' | 'met'> {
  if (row.db !== 'postgres') {
    const embedded = [{ what: `< ${TARGETS.embeddedMemoryMb} MB`, ok: row.memMb < TARGETS.embeddedMemoryMb }, { what: '0 fouten', ok: row.errors === 0 }];
    return { target: embedded.map((c) => c.what).join(', '), checks: embedded, met: embedded.every((c) => c.ok) };
  }
  const checks: Check[] = [];
  if (row.id === 'save' || row.id === 'report' || row.id === 'national') checks.push({ what: `p99 < ${TARGETS.p99Ms} ms`, ok: row.p99 < TARGETS.p99Ms });
  if (row.id === 'report' || row.id === 'national') checks.push({ what: `≥ ${TARGETS.ceilingPct}% plafond`, ok: row.pctOfCeiling >= TARGETS.ceilingPct });
  checks.push({ what: `< ${TARGETS.memoryMb} MB`, ok: row.memMb < TARGETS.memoryMb });
  // Not a target of its own, but a fast failure must not pass for a fast answer.
  checks.push({ what: '0 fouten', ok: row.errors === 0 });
  return { target: checks.map((c) => c.what).join(', '), checks, met: checks.every((c) => c.ok) };
}

export async function runHttpScenarios(kind: DbKind, databaseUrl: string | undefined, seconds: number, only: ReadonlySet<string>): Promise<Row[]> {
  const wanted = HTTP_IDS.filter((id) => only.has(id));
  if (!wanted.length) return [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-bench-'));
  const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', BASE_URL: '' };
  try {
    // Setup through the same path the CLI uses (the server's socket on PGlite), on a first server
    // that also loads the demo data; each scenario then gets a fresh server (see the top).
    const setup = await startServer(env);
    let tokens: string[];
    let reports: string[];
    try {
      const db = await openDatabase(loadConfig({ ...env, PORT: String(setup.port) }), 'cli');
      const now = new Date();
      await openEdition(db, 2023, `${now.getFullYear() + 1}-12-31`, now);
      const munis = (await listMunicipalities(db, 2023)).slice(0, 50);
      tokens = await Promise.all(munis.map((m) => createPersonalLink(db, 2023, m.code)));
      // Readers of the web report: municipalities that submitted in 2022 (demo data).
      const submitted = await db.query<{ code: string }>(
        `SELECT municipality_code AS code FROM responses WHERE edition = 2022 AND submitted_at IS NOT NULL ORDER BY 1 LIMIT 50`);
      reports = await Promise.all(submitted.map(async (m) => `/v/${await createPersonalLink(db, 2022, m.code)}/rapport`));
      await db.close();
    } finally {
      await stop(setup.proc);
    }
    // Every public page of the 2022 results (summary, response with map, five themes), spread over 50 readers.
    const national = ['', '/respons', ...['signaleren', 'doorbreken', 'bestuurlijk_commitment', 'sterk_netwerk', 'betrokkenheid'].map((t) => `/thema/${t}`)]
      .map((p) => `/resultaten/2022${p}`);
    const scenarios: Scenario[] = [
      { id: 'save', name: 'thema opslaan (50 tegelijk)', kind: 'save', targets: tokens, connections: 50 },
      { id: 'start', name: 'startpagina (50 tegelijk)', kind: 'get', targets: tokens.map((t) => `/v/${t}`), connections: 50 },
      { id: 'report', name: 'webrapportage (50 lezers)', kind: 'get', targets: reports, connections: 50 },
      { id: 'national', name: 'landelijke resultaten (50 lezers)', kind: 'get', targets: Array.from({ length: 50 }, (_, i) => national[i % national.length]), connections: 50 },
      { id: 'pdf', name: 'landelijk rapport pdf (10 lezers)', kind: 'get', targets: Array.from({ length: 10 }, () => '/resultaten/2022/rapport.pdf'), connections: 10 },
    ];

    const rows: Row[] = [];
    for (const s of scenarios.filter((x) => only.has(x.id))) {
      // The same warm-up for the server and its ceiling: 20 requests per connection, not counted.
      const spec = { kind: s.kind, targets: s.targets, connections: s.connections, seconds, warmup: s.connections * WARMUP_PER_CONNECTION };
      const server = await startServer(env);
      let real: LoadResult;
      let memMb: number;
      let cpuMsPerRequest: number;
      let routes: Record<string, CeilingRoute>;
      try {
        // Warm-up: every address once, so a one-time build (a page's charts, the PDF) is not
        // counted as the steady state (saves warm up on their page's GET); then the load itself
        // warms up (spec.warmup: the JIT, the database pool) before the measured seconds.
        const warm = s.kind === 'save' ? s.targets.map((t) => `/v/${t}/thema/signaleren`) : [...new Set(s.targets)];
        await inBatches(warm, 10, (p) => get(server.port, p));
        const cpuBefore = cpuMs(server.proc.pid as number);
        real = runLoad({ ...spec, url: `http://127.0.0.1:${server.port}`, record: s.kind === 'save' });
        memMb = peakRssMb(server.proc.pid as number);
        cpuMsPerRequest = Math.round(((cpuMs(server.proc.pid as number) - cpuBefore) / (real.total + (real.warmup?.total ?? 0))) * 1000) / 1000;
        // After the load: the bytes the server gives for each address (for saves: as recorded).
        routes = s.kind === 'save' ? captureSaves(real.responses) : await captureGets(server.port, s.targets);
        // autocannon stops at the deadline with requests still in flight; let the server finish
        // them before SIGTERM (src/main.ts closes the database without waiting for them).
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        await stop(server.proc);
      }
      const unexpected = Object.entries(routes).filter(([, r]) => r.status !== (s.kind === 'save' ? 303 : 200));
      if (unexpected.length) console.log(`Let op (${s.id}, ${kind}): ${unexpected.length} adressen gaven geen ${s.kind === 'save' ? 303 : 200}, bijv. ${unexpected[0][0]} → ${unexpected[0][1].status}`);
      const ceiling = await runCeiling(routes, spec);
      const row: Row = {
        id: s.id, scenario: s.name, db: kind, connections: s.connections, seconds,
        rps: Math.round(real.rps), p50: real.p50, p99: real.p99, errors: real.errors, statuses: real.statuses,
        bytesPerResponse: real.bytesPerResponse, memMb, cpuMsPerRequest, logLines: server.lines.count,
        ceiling: { rps: Math.round(ceiling.rps), p50: ceiling.p50, p99: ceiling.p99, errors: ceiling.errors, bytesPerResponse: ceiling.bytesPerResponse },
        pctOfCeiling: ceiling.rps > 0 ? Math.round((real.rps / ceiling.rps) * 1000) / 10 : 0,
        warmup: real.warmup,
      };
      rows.push({ ...row, ...assess(row) });
      const warm = real.warmup ? `; opwarmen (${real.warmup.total} verzoeken, niet meegeteld): p99 ${real.warmup.p99} / max ${real.warmup.max} ms, ${real.warmup.errors} fouten` : '';
      console.log(`  ${kind} ${s.id}: ${row.rps} req/s, p50 ${row.p50} / p90 ${real.p90} / p99 ${row.p99} / max ${real.max} ms, ${row.memMb} MB, ${row.cpuMsPerRequest} ms CPU/verzoek, ${row.logLines} logregels; plafond ${row.ceiling.rps} req/s (${row.pctOfCeiling}%)${warm}`);
    }
    return rows;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
