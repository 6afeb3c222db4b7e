// The ceiling: a plain node:http server that answers each method+path with the bytes the real
// server gave for it (status, headers, body), doing nothing else. The same load against it shows
// what this machine, Node's HTTP stack and the load generator allow at best; the real server's
// requests/s as a share of this is what our own code costs.
// node --import tsx bench/ceiling-server.ts ROUTES.json → prints "ceiling on http://127.0.0.1:PORT"
// ROUTES.json: { "GET /path": { status, headers, body (base64) }, … }; anything else is a 404.
import fs from 'node:fs';
import http from 'node:http';

export type CeilingRoute = { status: number; headers: Record<string, string | string[]>; body: string };

type Prepared = { status: number; headers: Record<string, string | string[] | number>; body: Buffer };
const raw = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Record<string, CeilingRoute>;
const routes = new Map<string, Prepared>();
for (const [key, r] of Object.entries(raw)) {
  const body = Buffer.from(r.body, 'base64');
  routes.set(key, { status: r.status, headers: { ...r.headers, 'content-length': body.length }, body });
}

const server = http.createServer((req, res) => {
  const route = routes.get(`${req.method} ${req.url}`);
  // Read the request to its end (a POST's form) before answering, as the real server does.
  req.resume();
  req.on('end', () => {
    if (!route) {
      res.writeHead(404, { 'content-length': 0 }).end();
      return;
    }
    res.writeHead(route.status, route.headers);
    res.end(route.body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`ceiling on http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => process.exit(0));
