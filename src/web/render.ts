// Renders a JSX page with a status code.
import type { Context } from 'hono';
import { jsx } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * hono/jsx (since 4.13) runs each render, and each <head>, <svg>, <title>, <meta>, <link> and
 * <script> inside it, in an AsyncLocalStorage when the runtime has one, so that a context
 * survives an `await` in an async component. On Node 20 the first such run turns on async hooks
 * for every promise of the process from then on: measured, 15–25% more CPU per respondent save,
 * which renders nothing itself (docs/decisions/009-jsx-without-async-local-storage.md).
 * Our components are synchronous and read no context after an await, so hono's own way for
 * runtimes without AsyncLocalStorage (a store that lives during the synchronous render) gives the
 * same HTML. hono looks for AsyncLocalStorage once, at its first render: that render is this one,
 * with node:async_hooks hidden from it for that moment. tests/authorization-matrix.test.ts checks
 * that after rendering every page the hooks are still off.
 */
function firstRenderWithoutAsyncLocalStorage(): void {
  const p = process as unknown as { getBuiltinModule?: (id: string) => unknown };
  const real = p.getBuiltinModule;
  p.getBuiltinModule = (id: string) => (id === 'node:async_hooks' || id === 'async_hooks' ? undefined : real?.call(p, id));
  try {
    String(jsx('head', {}));
  } finally {
    p.getBuiltinModule = real;
  }
}
firstRenderWithoutAsyncLocalStorage();

/** A rendered page's UTF-8 bytes (the ArrayBuffer kind hono's body() takes). */
export type HtmlBytes = Uint8Array<ArrayBuffer>;

/**
 * A page as UTF-8 bytes. JSX renders into a string made of thousands of joined pieces; encoding
 * that once here is far cheaper than letting the socket write encode it (measured: the national
 * page went from ~1,100 to ~5,900 requests/s when its cached copy became bytes).
 */
export function htmlBytes(node: unknown): HtmlBytes {
  return bodyBytes(Buffer.from(`<!doctype html>${String(node)}`));
}

/** A Buffer (a page, a PDF, a ZIP) as a response body without copying it for every download. */
export function bodyBytes(b: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
}

export function sendHtml(c: Context, bytes: HtmlBytes, status: ContentfulStatusCode = 200) {
  return c.body(bytes, status, { 'content-type': 'text/html; charset=UTF-8' });
}

export function page(c: Context, node: unknown, status: ContentfulStatusCode = 200) {
  return sendHtml(c, htmlBytes(node), status);
}
