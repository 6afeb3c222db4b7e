// Form posts as a browser sends them over a real socket: on Node the urlencoded body is read from
// the request stream (src/web/urlencoded-body.ts), not through Hono's web Request, so app.request()
// in the other tests does not pass this way.
import net, { type AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type Fixture } from './access-rules.ts';

let fx: Fixture;
let server: ServerType;
let base: string;

beforeAll(async () => {
  fx = await buildFixture();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: fx.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await fx.close();
});

const post = (path: string, body: string | URLSearchParams, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

async function stored(question: string) {
  return (await fx.db.one<{ answer: Record<string, unknown> }>(
    `SELECT a.answer FROM answers a JOIN responses r ON r.id = a.response_id
     WHERE r.edition = $1 AND r.municipality_code = $2 AND a.question = $3`, [fx.openYear, fx.A.code, question]))?.answer;
}

describe('urlencoded form posts over HTTP', () => {
  it('saves a theme page: repeated fields (a checkbox group) all arrive, NUL characters are taken out, é and percent-escapes decoded', async () => {
    await fetch(`${base}/v/${fx.A.token}`);
    const form = new URLSearchParams();
    form.append('base', '{}');
    form.append('q.huisbezoeken_75plus', 'ja_alle');
    form.append('q.huisbezoeken_uitvoerders', 'welzijn');
    form.append('q.huisbezoeken_uitvoerders', 'vrijwilligers');
    form.append('q.huisbezoeken_uitvoerders', 'anders');
    form.append('q.huisbezoeken_uitvoerders.other', 'Buurt\u0000coaches uit Eénhoorn & 100% vrijwillig');
    form.append('actie', 'volgende');
    const res = await post(`/v/${fx.A.token}/thema/betrokkenheid`, form);
    expect(res.status).toBe(303);
    expect(await stored('huisbezoeken_75plus')).toEqual({ value: 'ja_alle' });
    expect(await stored('huisbezoeken_uitvoerders')).toEqual({ values: ['vrijwilligers', 'welzijn', 'anders'], other: 'Buurtcoaches uit Eénhoorn & 100% vrijwillig' });
  });

  it('a body over 2 MB gets the 413 page and saves nothing, whether its length is declared or only found while reading', async () => {
    const before = await stored('huisbezoeken_75plus');
    const big = `base=%7B%7D&q.huisbezoeken_75plus=nee&q.huisbezoeken_uitvoerders.other=${'x'.repeat(3 * 1024 * 1024)}`;
    const declared = await post(`/v/${fx.A.token}/thema/betrokkenheid`, big);
    expect(declared.status).toBe(413);
    expect(await declared.text()).toContain('<h1');
    // Streamed in chunks without a Content-Length: the limit is counted while reading.
    const chunks = Array.from({ length: 48 }, () => 'x'.repeat(64 * 1024));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('base=%7B%7D&q.huisbezoeken_75plus=nee&q.x='));
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.close();
      },
    });
    const streamed = await fetch(`${base}/v/${fx.A.token}/thema/betrokkenheid`, {
      method: 'POST', body: stream, redirect: 'manual', duplex: 'half', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await stored('huisbezoeken_75plus')).toEqual(before);
  });

  it('a malformed body (broken escapes, no "=") is read as text, never a server error', async () => {
    const res = await post(`/v/${fx.A.token}/thema/betrokkenheid`, 'base=%7B%7D&%E0%A4%A=%ZZ&&=&actie&q.huisbezoeken_75plus=%FF');
    expect(res.status).toBeLessThan(500);
  });

  it('a sender that leaves mid-body, or sends far past the limit, changes nothing and the server goes on answering', async () => {
    const before = await stored('huisbezoeken_75plus');
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(`POST /v/${fx.A.token}/thema/betrokkenheid HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nbase=%7B%7D&q.huisbezoeken_75plus=nee`);
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    // 12 MB without a declared length: answered with 413 or cut off, never stored.
    const huge = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('base=%7B%7D&q.huisbezoeken_75plus=nee&q.x='));
        for (let i = 0; i < 192; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
        controller.close();
      },
    });
    const status = await fetch(`${base}/v/${fx.A.token}/thema/betrokkenheid`, {
      method: 'POST', body: huge, redirect: 'manual', duplex: 'half', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    } as RequestInit).then((r) => r.status, () => 'cut off');
    expect([413, 'cut off']).toContain(status);
    expect(await stored('huisbezoeken_75plus')).toEqual(before);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
