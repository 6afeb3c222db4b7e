// Load generator, run as its own process so it does not share the server's CPU time slice:
// tsx bench/load.ts '<json>' → prints autocannon's result as JSON on stdout.
import autocannon, { type Request } from 'autocannon';

type Spec = { url: string; scenario: 'start' | 'save' | 'get'; tokens: string[]; paths?: string[]; connections: number; seconds: number };
const spec = JSON.parse(process.argv[2]) as Spec;

// Each request borrows a respondent that no other in-flight request uses, so every save
// carries the right base version and really writes (the answer flips each time).
type Respondent = { token: string; version: number; flip: boolean };
const free: Respondent[] = spec.tokens.map((token) => ({ token, version: 0, flip: false }));

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  requests: [
    {
      setupRequest(req: Request, context: object) {
        const ctx = context as { r?: Respondent };
        const r = free.shift() as Respondent;
        ctx.r = r;
        if (spec.scenario === 'start') return { ...req, method: 'GET', path: `/v/${r.token}` } as Request;
        // 'get': the tokens list holds whole paths, one per simulated reader.
        if (spec.scenario === 'get') return { ...req, method: 'GET', path: r.token } as Request;
        const body = new URLSearchParams({
          base: JSON.stringify({ week_tegen_eenzaamheid: r.version }),
          'q.week_tegen_eenzaamheid': r.flip ? 'ja' : 'nee',
          'q.week_tegen_eenzaamheid.comment': 'Benchmarkmeting',
          actie: 'volgende',
        }).toString();
        return { ...req, method: 'POST', path: `/v/${r.token}/thema/signaleren`, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } as Request;
      },
      onResponse(status: number, _body: string, context: object) {
        const r = (context as { r: Respondent }).r;
        if (spec.scenario === 'save' && status === 303) {
          r.version++;
          r.flip = !r.flip;
        }
        free.push(r);
      },
    },
  ],
});
process.stdout.write(JSON.stringify({
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.timeouts + result.non2xx - (spec.scenario === 'save' ? result['3xx'] ?? 0 : 0),
  total: result.requests.total,
}));
