// `npm run bench`: speed on this machine, printed as a table and written to bench/results.json.
// Not part of `npm test`: timings are measured here, never asserted in tests.
import fs from 'node:fs';
import { runHttpScenarios, type Row } from './http.ts';
import { startPostgres } from './postgres.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rows: Row[] = [];
rows.push(...(await runHttpScenarios('pglite', undefined, seconds)));
const pg = process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL, stop: () => {} } : startPostgres();
if (pg) {
  try {
    rows.push(...(await runHttpScenarios('postgres', pg.url, seconds)));
  } finally {
    pg.stop();
  }
} else {
  console.log('Geen PostgreSQL-server gevonden (zet BENCH_DATABASE_URL of installeer postgresql): alleen PGlite gemeten.');
}

console.table(rows.map((r) => ({ scenario: r.scenario, db: r.db, 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, fouten: r.errors, 'geheugen MB': r.memMb, doel: r.target ?? '' })));
fs.writeFileSync('bench/results.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2)}\n`);
console.log('Geschreven: bench/results.json');
