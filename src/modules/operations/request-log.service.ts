// One log line and one metrics observation per request: request id, method, route pattern, status
// and duration. The route is the pattern that answered (/v/:token/thema/:theme), never the path
// itself: personal links and sign-in links carry their token in the path, and the query string
// may hold anything. Paths no route knows all count as "unmatched" (bounded label values).
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { type Logger, requestLineLogger } from './log.service.ts';
import type { Metrics } from './metrics.service.ts';

/** The answering route's pattern: the handler's, or a guard's (a redirect to sign in) when that answered first. */
export function routePattern(c: Context): string {
  const routes = matchedRoutes(c);
  const answered = routes[c.req.routeIndex];
  if (answered && answered.method !== 'ALL') return answered.path;
  // A middleware answered (or nothing did): name the handler the request was meant for.
  const handlers = routes.filter((r) => r.method !== 'ALL');
  return handlers.at(-1)?.path ?? 'unmatched';
}

/** A request id from the proxy in front when it looks like one (no log injection), else a new one. */
function requestId(header: string | undefined): string {
  return header && /^[\w.:-]{1,64}$/.test(header) ? header : randomUUID();
}

export function observeRequests(log: Logger, metrics: Metrics | undefined): MiddlewareHandler {
  const logging = log.isLevelEnabled('info');
  const lines = requestLineLogger(log);
  return async (c, next) => {
    const start = performance.now();
    const reqId = requestId(c.req.header('x-request-id'));
    c.set('reqId', reqId);
    c.header('x-request-id', reqId);
    try {
      await next();
    } finally {
      const ms = performance.now() - start;
      // An error answered by app.onError has its status here too; a thrown one that escaped counts as 500.
      const status = c.res?.status ?? 500;
      const route = routePattern(c);
      metrics?.observeRequest(c.req.method, route, status, ms / 1000);
      if (logging) lines.info({ reqId, method: c.req.method, route, status, ms: Math.round(ms * 10) / 10 }, 'request');
    }
  };
}
