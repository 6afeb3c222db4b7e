// Starts the web server: configuration, database (migrated), reference data, then HTTP.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.tsx';
import { loadDemoIfEmpty, loadReferenceData } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { runDueSchedules } from './modules/fieldwork/index.ts';
import { createMailer, startDeliveryLoop } from './modules/mail/index.ts';
import { createLogger, createMetrics } from './modules/operations/index.ts';
import { retentionDays, startRetentionLoop } from './modules/privacy/index.ts';

async function main() {
  const config = loadConfig();
  // JSON lines on stdout (readable in a terminal); a failure to start stays one plain line on stderr (below).
  const log = createLogger(config.logLevel);
  // A fresh embedded DATA_DIR that gets the demo is filled by a process of its own (src/prepare.ts: memory).
  if (!config.databaseUrl && config.demo && !fs.existsSync(path.join(config.dataDir, 'pgdata'))) await prepareApart();
  const db = await openDatabase(config, 'server');
  await loadReferenceData(db);
  if (config.demo && (await loadDemoIfEmpty(db, new Date()))) log.info('Demogegevens geladen (start zonder: DEMO=0).');
  const now = () => new Date();
  const metrics = config.metricsToken ? createMetrics(db) : undefined;
  const app = createApp({ db, config, now, log, metrics });
  // Without SMTP_URL messages wait in the outbox (readable in the admin). The loop runs either way:
  // planned reminders are queued at their time (claimed in the database: once, across restarts and instances).
  const mailer = createMailer(config.smtpUrl);
  const stopDelivery = startDeliveryLoop(db, mailer, now, 5000, {
    before: (at) => runDueSchedules(db, config.baseUrl, at),
    after: (report) => {
      metrics?.observeDelivery(report);
      if (report.sent || report.failed) log.info(report, 'mail delivered');
    },
  });
  // Personal data is erased RETENTION_DAYS after publication — but not the fictitious demo people.
  const demo = await db.one<{ yes: boolean }>(`SELECT EXISTS (SELECT 1 FROM answer_changes WHERE actor_kind = 'demo') AS yes`);
  const stopRetention = demo?.yes ? () => {} : startRetentionLoop(db, now, retentionDays(), undefined, undefined, log);
  if (demo?.yes) log.info('Demogegevens: de bewaartermijn voor persoonsgegevens wordt niet automatisch toegepast.');
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    const where = config.databaseUrl ? 'PostgreSQL-server' : `ingebouwde database in ${config.dataDir}`;
    // Tools (tests, bench) find the port in this line.
    log.info({ port: info.port, database: config.databaseUrl ? 'postgres' : 'pglite', metrics: Boolean(metrics) },
      `Benchmark Eén tegen eenzaamheid draait op http://localhost:${info.port} (${where})`);
    log.flush(); // at once, not with the next 4 kB: tools wait for this line
  });
  // Stop taking requests, let those under way (and a mail round) finish, then close the database:
  // an answer being saved while the operator stops the server is still stored and acknowledged.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1); // a second Ctrl-C: do not wait any longer
    stopping = true;
    log.info('Stoppen: lopende verzoeken en een mailronde worden afgemaakt.');
    stopRetention();
    const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
    // close() hangs up on idle keep-alive connections only once; those idle after their last answer follow.
    setInterval(() => (server as Server).closeIdleConnections(), 100).unref();
    setTimeout(() => process.exit(1), 10_000).unref();
    Promise.all([requestsDone, stopDelivery()])
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Runs src/prepare.ts with this process's Node options and environment; its output is ours. */
async function prepareApart(): Promise<void> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'prepare.ts');
  const child = spawn(process.execPath, [...process.execArgv, script], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  // It said why on stderr.
  if (code !== 0) process.exit(1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
