// Renders a JSX page with a status code.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function page(c: Context, node: unknown, status: ContentfulStatusCode = 200) {
  return c.html(`<!doctype html>${String(node)}`, status);
}
