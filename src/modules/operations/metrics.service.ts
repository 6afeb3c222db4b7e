// Prometheus metrics (prom-client), one registry per app so tests and several apps in one process
// do not share counters. Requests are labelled by route pattern (/v/:token, never the token), so
// the number of series stays bounded; queue and pool figures are read when /metrics is scraped.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../../db/client.ts';

export type Metrics = {
  registry: Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** A round of the mail delivery loop: how many went out and how many the mail server refused. */
  observeDelivery(report: { sent: number; failed: number }): void;
};

export function createMetrics(db: Db, opts: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total', help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const, registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds', help: 'Time from request to response headers, by method and route pattern',
    labelNames: ['method', 'route'] as const, registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const deliveries = new Counter({
    name: 'ete_mail_deliveries_total', help: 'Outbox messages handed to the mail server by this process (sent) or refused by it (failed, retried later)',
    labelNames: ['result'] as const, registers: [registry],
  });
  new Gauge({
    name: 'ete_outbox_messages', help: 'Outbox messages by status (pending and sending: the queue; failed: given up)',
    labelNames: ['status'] as const, registers: [registry],
    async collect() {
      const rows = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM outbox GROUP BY status').catch(() => undefined);
      if (!rows) return;
      this.reset();
      for (const status of ['pending', 'sending', 'sent', 'failed']) this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    },
  });
  new Gauge({
    name: 'ete_outbox_oldest_due_seconds', help: 'Age of the oldest message that is due and not yet sent (0: none waiting)',
    registers: [registry],
    async collect() {
      const row = await db.one<{ s: number | null }>(
        `SELECT extract(epoch FROM now() - min(next_attempt_at))::float8 AS s FROM outbox WHERE status = 'pending' AND next_attempt_at <= now()`,
      ).catch(() => undefined);
      if (row) this.set(Math.max(0, row.s ?? 0));
    },
  });
  new Gauge({
    name: 'ete_db_pool_connections', help: 'Database connections of this process: total open, idle, and requests waiting for one',
    labelNames: ['state'] as const, registers: [registry],
    collect() {
      const s = db.poolStats?.();
      if (!s) return;
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  new Gauge({
    name: 'ete_db_up', help: '1 when the database answered the scrape, else 0', registers: [registry],
    async collect() {
      this.set(await db.query('SELECT 1').then(() => 1, () => 0));
    },
  });
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
    observeDelivery(report) {
      if (report.sent) deliveries.inc({ result: 'sent' }, report.sent);
      if (report.failed) deliveries.inc({ result: 'failed' }, report.failed);
    },
  };
}
