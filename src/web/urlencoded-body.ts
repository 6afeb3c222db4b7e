// Ordinary form posts (application/x-www-form-urlencoded, every respondent save) read straight
// from Node's request stream. Hono on Node would otherwise build a whole web Request for each
// post, with an abort listener that is only freed after a later garbage collection: under load
// that was a good part of a save's time and memory. The result goes where Hono keeps parsed form
// data, so routes read it with c.req.parseBody() as before. Multipart uploads keep Hono's path.
import type { IncomingMessage } from 'node:http';

/** The request stream when running on @hono/node-server (absent under app.request() in tests). */
export function nodeIncoming(env: unknown): IncomingMessage | undefined {
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming && typeof incoming.on === 'function' ? incoming : undefined;
}

export function isUrlencoded(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/**
 * The form's fields, or 'tooLarge' past maxBytes (the rest of the body is still read and dropped,
 * so the 413 page reaches the browser; past four times the limit the connection is cut). NUL
 * characters are taken out of names and values: no person types them, and PostgreSQL cannot store
 * them in text.
 */
export function readUrlencoded(incoming: IncomingMessage, maxBytes: number): Promise<FormData | 'tooLarge'> {
  if (Number(incoming.headers['content-length']) > maxBytes) {
    incoming.resume();
    return Promise.resolve('tooLarge');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      // Far past the limit it is no form any more: stop reading rather than drain it to the end.
      else if (size > 4 * maxBytes) incoming.destroy();
    });
    incoming.once('error', reject);
    // A sender that goes away mid-body: nothing to answer, but the request must not hang.
    incoming.once('close', () => {
      if (!incoming.complete) reject(new Error('request body incomplete'));
    });
    incoming.once('end', () => {
      if (size > maxBytes) return resolve('tooLarge');
      const form = new FormData();
      const strip = (s: string) => (s.includes('\u0000') ? s.split('\u0000').join('') : s);
      for (const [name, value] of new URLSearchParams(Buffer.concat(chunks, size).toString('utf8'))) form.append(strip(name), strip(value));
      resolve(form);
    });
  });
}
