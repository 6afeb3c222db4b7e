// Security headers on every response. Hono's secureHeaders middleware decides which headers and
// values (we pass it our policy); we ask it once what it would set, and give every response that
// fixed list. Why not the middleware on each request: it sets a dozen headers on a web Headers
// object per response, which @hono/node-server then turns back into Node's form; measured, that
// was ~10% of the server's CPU for a web report page. On Node the list goes on the outgoing
// response directly (setHeader; writeHead merges it with the handler's headers, which win).
import type { ServerResponse } from 'node:http';
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export type SecurityHeaderOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/** The headers secureHeaders(options) sets on a response, as [name, value] pairs. */
export async function securityHeaderList(options: SecurityHeaderOptions): Promise<[string, string][]> {
  const probe = new Hono().use(secureHeaders(options)).get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  return [...res.headers.entries()];
}

function nodeOutgoing(env: unknown): ServerResponse | undefined {
  const outgoing = (env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  return outgoing && typeof outgoing.setHeader === 'function' ? outgoing : undefined;
}

/** Middleware: the security headers on every response; a header the handler set itself is kept. */
export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler {
  const list = securityHeaderList(options);
  return async (c, next) => {
    const headers = await list;
    const outgoing = nodeOutgoing(c.env);
    if (outgoing) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      return next();
    }
    // Without Node (app.request in tests, another runtime): on the response itself.
    await next();
    for (const [name, value] of headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
