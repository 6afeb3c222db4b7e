// `npm test`: the whole suite on the embedded database (PGlite); then, when TEST_DATABASE_URL
// names a PostgreSQL server (CI starts one), the database tests once more against that server.
import { spawnSync } from 'node:child_process';

const vitest = (args, env) =>
  spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const extra = process.argv.slice(2);
let status = vitest(extra, { TEST_DB: 'pglite' });
if (status === 0 && process.env.TEST_DATABASE_URL) {
  console.log('\n— De databasetests nogmaals, nu op de PostgreSQL-server —\n');
  status = vitest(['tests', '--exclude', 'tests/e2e/**', ...extra], { TEST_DB: 'postgres' });
} else if (status === 0) {
  console.log('\n(TEST_DATABASE_URL is niet gezet: de PostgreSQL-ronde is overgeslagen; .ci/run start een server.)');
}
process.exit(status);
