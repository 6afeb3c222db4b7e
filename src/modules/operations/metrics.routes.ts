// GET /metrics for Prometheus, only with METRICS_TOKEN set and sent as a Bearer token. Every other
// case (no token configured, none sent, a wrong one) gets the ordinary 404 page: the route does
// not reveal that it exists. The comparison takes the same time for every wrong token.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import type { Metrics } from './metrics.service.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function metricsRoutes(metrics: Metrics, token: string): Hono<AppEnv> {
  const expected = digest(`Bearer ${token}`);
  const app = new Hono<AppEnv>();
  app.get('/metrics', async (c) => {
    const sent = c.req.header('authorization') ?? '';
    if (!timingSafeEqual(digest(sent), expected)) return c.notFound();
    c.header('cache-control', 'no-store');
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
  });
  return app;
}
