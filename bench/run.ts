// `npm run bench`: speed on this machine, printed as tables and written to bench/results.json.
// Not part of `npm test`: timings are measured here, never asserted in tests.
import fs from 'node:fs';
import { runDataScenarios, runStatisticsScenarios, type TimedRow } from './data.ts';
import { type Row, runHttpScenarios } from './http.ts';
import { startPostgres } from './postgres.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const http: Row[] = [];
const timed: TimedRow[] = [];
http.push(...(await runHttpScenarios('pglite', undefined, seconds)));
timed.push(...(await runDataScenarios('pglite')));
const pg = process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL, stop: () => {} } : startPostgres();
try {
  if (pg) {
    http.push(...(await runHttpScenarios('postgres', pg.url, seconds)));
    timed.push(...(await runDataScenarios('postgres', pg.url)));
  } else {
    console.log('Geen PostgreSQL-server gevonden (zet BENCH_DATABASE_URL of installeer postgresql): alleen PGlite gemeten.');
  }
  timed.push(...(await runStatisticsScenarios(pg?.url)));
} finally {
  pg?.stop();
}

console.table(http.map((r) => ({ scenario: r.scenario, db: r.db, 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, fouten: r.errors, 'geheugen MB': r.memMb, doel: r.target ?? '' })));
console.table(timed.map((r) => ({ scenario: r.scenario, db: r.db, ms: Math.round(r.ms * 10) / 10, doel: r.targetMs ? `< ${r.targetMs} ms` : '', ok: r.targetMs ? (r.ms < r.targetMs ? 'ja' : 'NEE') : '', referentie: r.reference ?? '' })));
fs.writeFileSync('bench/results.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), http, timed }, null, 2)}\n`);
console.log('Geschreven: bench/results.json');
