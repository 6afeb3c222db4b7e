// Load generator, run as its own process so it does not share the server's CPU time slice:
// tsx bench/load.ts '<json spec>' → prints the result as JSON on stdout. The same spec is run
// against the real server and against the ceiling server (bench/ceiling-server.ts).
import autocannon, { type Request } from 'autocannon';

export type LoadSpec = {
  url: string;
  /** 'get': `targets` are whole paths; 'save': `targets` are personal-link tokens whose theme page is saved. */
  kind: 'get' | 'save';
  targets: string[];
  connections: number;
  seconds: number;
  /** Keep the first response per method+path (status, headers, body as text): the save's 303s for the ceiling. */
  record?: boolean;
  /**
   * Requests sent (and answered) before the measured run and not counted in it, so the run
   * measures the server as it runs for hours (compiled code, connections open), not its first second.
   */
  warmup?: number;
};
export type Recorded = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
export type LoadResult = {
  rps: number;
  p50: number;
  p99: number;
  /** The tail beyond p99 and the slowest request, to tell a steady queue from stalls. */
  p90: number;
  max: number;
  errors: number;
  total: number;
  /** Bytes read per response, headers included: real and ceiling should be within a few dozen. */
  bytesPerResponse: number;
  statuses: Record<string, number>;
  /** The warm-up on its own, to show what the first requests after a start cost. */
  warmup?: { total: number; p99: number; max: number; errors: number };
  responses?: Record<string, Recorded>;
};

const spec = JSON.parse(process.argv[2]) as LoadSpec;

// Each request borrows a target that no other in-flight request uses, so every save carries the
// right base version and really writes (the answer flips each time).
type Target = { target: string; version: number; flip: boolean };
const free: Target[] = spec.targets.map((target) => ({ target, version: 0, flip: false }));
const statuses: Record<string, number> = {};
const responses: Record<string, Recorded> = {};

const requests: autocannon.Request[] = [
  {
    setupRequest(req: Request, context: object) {
      const ctx = context as { t?: Target; key?: string };
      // More connections than targets: share one (only reads do that; saves get one target each).
      const t = free.shift() ?? { target: spec.targets[0], version: 0, flip: false };
      ctx.t = t;
      if (spec.kind === 'get') {
        ctx.key = `GET ${t.target}`;
        return { ...req, method: 'GET', path: t.target } as Request;
      }
      const path = `/v/${t.target}/thema/signaleren`;
      ctx.key = `POST ${path}`;
      const body = new URLSearchParams({
        base: JSON.stringify({ week_tegen_eenzaamheid: t.version }),
        'q.week_tegen_eenzaamheid': t.flip ? 'ja' : 'nee',
        'q.week_tegen_eenzaamheid.comment': 'Benchmarkmeting',
        actie: 'volgende',
      }).toString();
      return { ...req, method: 'POST', path, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } as Request;
    },
    onResponse(status: number, body: string, context: object, headers?: Record<string, string | string[] | undefined>) {
      const ctx = context as { t: Target; key: string };
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (spec.kind === 'save' && status === 303) {
        ctx.t.version++;
        ctx.t.flip = !ctx.t.flip;
      }
      // The first answer per address, replaced by a later one only if the first was a failure.
      const seen = responses[ctx.key];
      if (spec.record && (!seen || (seen.status >= 400 && status < 400))) responses[ctx.key] = { status, headers: headers ?? {}, body };
      free.push(ctx.t);
    },
  },
];

/** Failed requests of a run (statuses holds this run's answers): errors, timeouts, any answer but 303 (a save) or 2xx (a read). */
function failures(r: autocannon.Result): number {
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  const wrong = spec.kind === 'save' ? answered - (statuses[303] ?? 0) : r.non2xx;
  return r.errors + r.timeouts + wrong;
}

// Warm-up by count, not time: every warm-up request is answered before the measured run starts,
// so no save is still in flight (and its version unknown) when the same target is used again.
let warmup: LoadResult['warmup'];
if (spec.warmup) {
  const w = await autocannon({ url: spec.url, connections: spec.connections, amount: Math.max(spec.warmup, spec.connections), requests });
  warmup = { total: w.requests.total, p99: w.latency.p99, max: w.latency.max, errors: failures(w) };
  for (const k of Object.keys(statuses)) delete statuses[k];
}
const result = await autocannon({ url: spec.url, connections: spec.connections, duration: spec.seconds, requests });

const out: LoadResult = {
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  p90: result.latency.p90,
  max: result.latency.max,
  errors: failures(result),
  total: result.requests.total,
  bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
  statuses,
  warmup,
  ...(spec.record ? { responses } : {}),
};
process.stdout.write(JSON.stringify(out));
