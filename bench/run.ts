// `npm run bench`: speed on this machine, printed as tables and written to bench/results.json.
// Not part of `npm test`: timings are measured here, never asserted in tests.
//   BENCH_SECONDS        seconds of load per HTTP scenario (default 10; the ceiling gets as many)
//   BENCH_ONLY           comma-separated scenario ids (default all): save, start, report, national,
//                        pdf (HTTP and the PDF build), demo, stats, factsheets
//   BENCH_DB             pglite or postgres (default both)
//   BENCH_DATABASE_URL   an existing PostgreSQL server to use instead of a throwaway one
//   BENCH_PROFILE        1: write a V8 CPU profile of each server to bench/profiles/
//   BENCH_LOG_LEVEL      the servers' LOG_LEVEL (default info, as in production; silent to compare)
import fs from 'node:fs';
import os from 'node:os';
import { runDataScenarios, runStatisticsScenarios, TIMED_IDS, type TimedRow } from './data.ts';
import { type DbKind, HTTP_IDS, type Row, runHttpScenarios, TARGETS } from './http.ts';
import { startPostgres, type Throwaway } from './postgres.ts';

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
if (!(seconds > 0)) fail(`BENCH_SECONDS moet een positief getal zijn (kreeg: ${process.env.BENCH_SECONDS})`);
const known: string[] = [...new Set<string>([...HTTP_IDS, ...TIMED_IDS])];
const only = new Set(list(process.env.BENCH_ONLY).length ? list(process.env.BENCH_ONLY) : known);
const unknown = [...only].filter((id) => !known.includes(id));
if (unknown.length) fail(`Onbekend scenario in BENCH_ONLY: ${unknown.join(', ')} (kies uit ${known.join(', ')})`);
const dbs = (list(process.env.BENCH_DB).length ? list(process.env.BENCH_DB) : ['pglite', 'postgres']) as DbKind[];
const badDb = dbs.filter((d) => d !== 'pglite' && d !== 'postgres');
if (badDb.length) fail(`BENCH_DB is pglite, postgres of beide (kreeg: ${badDb.join(', ')})`);

/** Share of all CPU time spent busy during the next second (/proc/stat), or undefined off Linux. */
async function cpuBusy(): Promise<number | undefined> {
  const sample = () => {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = sample();
    await new Promise((r) => setTimeout(r, 1000));
    const b = sample();
    return b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : 0;
  } catch {
    return undefined;
  }
}

// Other work on this 2-core machine (tests, builds) skews every number: say so up front. (The
// load average is in the results too, but it still counts a job that ended a minute ago.)
const loadBefore = os.loadavg();
const busyBefore = await cpuBusy();
if (busyBefore !== undefined && busyBefore > 0.15) console.log(`Let op: de machine is al voor ${Math.round(busyBefore * 100)}% bezig; de cijfers kunnen daardoor lager uitvallen.`);
console.log(`Meten: ${[...only].join(', ')} · ${dbs.join(', ')} · ${seconds} s per belasting`);

const http: Row[] = [];
const timed: TimedRow[] = [];
let pg: Throwaway | undefined;
try {
  if (dbs.includes('postgres')) {
    pg = process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL, stop: () => {} } : await startPostgres();
    if (!pg) console.log('Geen PostgreSQL-server gevonden (zet BENCH_DATABASE_URL of installeer postgresql): PostgreSQL overgeslagen.');
  }
  for (const kind of dbs) {
    const url = kind === 'postgres' ? pg?.url : undefined;
    if (kind === 'postgres' && !url) continue;
    http.push(...(await runHttpScenarios(kind, url, seconds, only)));
    timed.push(...(await runDataScenarios(kind, url, only)));
  }
  if (only.has('stats')) timed.push(...(await runStatisticsScenarios(pg?.url)));
} finally {
  pg?.stop();
}
const loadAfter = os.loadavg();

const round = (n: number) => Math.round(n * 10) / 10;
if (http.length) {
  console.table(http.map((r) => ({
    scenario: r.scenario, db: r.db, 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, fouten: r.errors, 'geheugen MB': r.memMb,
    'CPU ms/verzoek': r.cpuMsPerRequest, logregels: r.logLines,
    'plafond req/s': r.ceiling.rps, '% plafond': r.pctOfCeiling, doel: r.target ?? '',
    gehaald: r.checks ? (r.met ? 'ja' : `NEE (${r.checks.filter((c) => !c.ok).map((c) => c.what).join(', ')})`) : '',
  })));
}
if (timed.length) {
  console.table(timed.map((r) => ({
    scenario: r.scenario, db: r.db, ms: round(r.ms), doel: r.targetMs ? `< ${r.targetMs} ms` : '',
    gehaald: r.targetMs ? (r.ms < r.targetMs ? 'ja' : 'NEE') : '', referentie: r.reference ?? '',
  })));
}
fs.writeFileSync('bench/results.json', `${JSON.stringify({
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, cpuBusyBeforePct: busyBefore === undefined ? null : Math.round(busyBefore * 100), loadavgBefore: loadBefore.map(round), loadavgAfter: loadAfter.map(round) },
  settings: { seconds, only: [...only], dbs },
  targets: { ...TARGETS, appliesTo: 'PostgreSQL rows: p99 for save, report, national; % of ceiling for report, national; memoryMb for all. PGlite rows: embeddedMemoryMb' },
  logging: 'the server logs as in production (LOG_LEVEL=info, JSON, one line per request); logLines: lines it wrote during the scenario (warm-up included)',
  memory: 'memMb: peak RSS (VmHWM) of a server process started afresh for that scenario, start-up included',
  cpu: 'cpuMsPerRequest: CPU time (user + system) of the server process per request, warm-up included; on PGlite the database runs in it',
  http,
  timed,
}, null, 2)}\n`);
console.log('Geschreven: bench/results.json');
