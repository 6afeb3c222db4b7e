// Fault (issue 7): the PostgreSQL server goes away and comes back while the app runs. Meanwhile
// requests get a clear Dutch 503 page (no stack trace, no hang); afterwards the same app process
// serves them again without a restart, and a save refused while the database was away can be sent again.
// Two ways to go away: stopped (connections refused) and frozen (SIGSTOP: connections stay open and
// get no answer, like a hung host or a lost network) — the second used to hang every request.
//
// The test starts its own throwaway cluster (as scripts/pg-throwaway.sh does) so it can stop and
// start it without disturbing other tests; it needs the PostgreSQL binaries. It runs in the first
// round of `npm test` only: the second round would repeat it on the same kind of cluster.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { connectServer } from '../../src/db/client.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createPersonalLink } from '../../src/modules/auth/index.ts';
import { openEdition } from '../../src/modules/editions/index.ts';
import { formFields, parse, text } from '../html.ts';
import { form, killAll, request, ServerProcess, waitFor } from './harness.ts';

function postgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(base, versions[versions.length - 1], 'bin') : undefined;
}
const bin = postgresBin();
const asRoot = process.getuid?.() === 0;

/** A PostgreSQL cluster in a temp folder on 127.0.0.1 that the test can stop and start. */
class Cluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<Cluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-pg-fault-'));
    // initdb refuses to run as root: then the cluster belongs to the postgres user.
    if (asRoot) execFileSync('chown', ['postgres', dir]);
    const cluster = new Cluster(dir, await freePort());
    cluster.run('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
    cluster.start();
    return cluster;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private run(tool: string, args: string[]): void {
    const exe = path.join(bin as string, tool);
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
    execFileSync(cmd, argv, { stdio: 'ignore', timeout: 60_000 });
  }

  start(): void {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-l', path.join(this.dir, 'log'), '-w', '-o',
      `-c listen_addresses=127.0.0.1 -p ${this.port} -k ${this.dir} -c fsync=off`, 'start']);
  }

  stop(): void {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
  }

  /** The postmaster and every process it started. */
  private pids(): number[] {
    const postmaster = Number(fs.readFileSync(path.join(this.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
      try {
        // /proc/PID/stat: "pid (name) state ppid …"; the name may hold spaces, so read after the ')'.
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    });
    return [postmaster, ...children.map(Number)];
  }

  /** The server stops answering but keeps its connections open: a frozen host or a lost network. */
  freeze(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGSTOP');
    this.frozen = true;
  }

  thaw(): void {
    if (!this.frozen) return;
    for (const pid of this.pids()) process.kill(pid, 'SIGCONT');
    this.frozen = false;
  }

  private frozen = false;

  remove(): void {
    this.thaw();
    try {
      this.stop();
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const clusters: Cluster[] = [];
const dataDirs: string[] = [];
afterAll(async () => {
  await killAll();
  for (const c of clusters) c.remove();
  for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A cluster, the app on it, an open edition and one municipality's personal link. */
async function setup() {
  const cluster = await Cluster.create();
  clusters.push(cluster);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-fault-'));
  dataDirs.push(dataDir);
  const env = { DATA_DIR: dataDir, DATABASE_URL: cluster.url };
  const server = await ServerProcess.start(env);
  const db = await openDatabase(loadConfig(env), 'cli');
  const now = new Date();
  await openEdition(db, 2023, `${now.getFullYear() + 1}-12-31`, now);
  const token = await createPersonalLink(db, 2023, 'GM0363');
  await db.close();
  return { cluster, server, token, page: server.url(`/v/${token}/thema/signaleren`) };
}

const comment = (s: string) =>
  form({ base: '{}', 'q.week_tegen_eenzaamheid': 'ja', 'q.week_tegen_eenzaamheid.comment': s, actie: 'volgende' });

/** What a person sees on the "unavailable" page: Dutch, calm, nothing technical. */
function expectUnavailablePage(res: { status: number; body: string; headers: Headers }) {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(parse(res.body).documentElement?.getAttribute('lang')).toBe('nl');
  const shown = text(res.body);
  expect(shown).toContain('Tijdelijk niet beschikbaar');
  expect(shown).toContain('Wat u al had opgeslagen, is bewaard.');
  expect(res.body).not.toMatch(/ECONNREFUSED|Error|timeout|\bat .*\(.*:\d+:\d+\)|node_modules|postgres|database/i);
}

async function expectUnavailableHealth(server: ServerProcess) {
  const health = await request(server.url('/healthz'), {}, HANG);
  expect(health.status).toBe(503);
  expect(health.body).not.toMatch(/Error|\bat .*:\d+:\d+/);
}

/** Longer than this is a hang (the app gives up on the database after 5 s to connect, 10 s per query). */
const HANG = 30_000;

/** Back: the same process serves again; the save refused meanwhile, sent again, is stored. */
async function expectRecovered(s: Awaited<ReturnType<typeof setup>>, before: string, refused: string) {
  await waitFor('the app to see the database again', async () => (await request(s.server.url('/healthz'))).status === 200, 60_000, 250);
  expect((await request(s.server.url(`/v/${s.token}`))).status).toBe(200);
  const fields = Object.fromEntries(formFields((await request(s.page)).body));
  expect(fields['q.week_tegen_eenzaamheid.comment']).toBe(before);
  const again = await request(s.page, form({ ...fields, 'q.week_tegen_eenzaamheid.comment': refused, actie: 'volgende' }));
  expect(again.status).toBe(303);
  // Stored for real: a connection of its own sees it, and no connection was left inside a transaction.
  const direct = new pg.Client({ connectionString: s.cluster.url });
  await direct.connect();
  try {
    const row = await direct.query(`SELECT a.answer->>'comment' AS comment FROM answers a JOIN responses r ON r.id = a.response_id
      WHERE r.municipality_code = 'GM0363' AND a.question = 'week_tegen_eenzaamheid'`);
    expect(row.rows[0]?.comment).toBe(refused);
    const stuck = await direct.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'`);
    expect(stuck.rows[0].n).toBe(0);
  } finally {
    await direct.end();
  }
  expect(s.server.alive).toBe(true);
}

describe.skipIf(!bin || process.env.TEST_DB === 'postgres')('the database goes away and comes back (own PostgreSQL cluster)', () => {
  it('stopped: a clear Dutch 503 page meanwhile; the same app process recovers by itself', async () => {
    const s = await setup();
    expect((await request(s.server.url('/healthz'))).status).toBe(200);
    expect((await request(s.page, comment('voor de storing'))).status).toBe(303);

    s.cluster.stop();
    for (let i = 0; i < 2; i++) {
      expectUnavailablePage(await request(s.server.url(`/v/${s.token}`), {}, HANG));
      expectUnavailablePage(await request(s.page, {}, HANG));
      // A save while the database is away is refused the same way, not lost silently.
      expectUnavailablePage(await request(s.page, comment('tijdens de storing'), HANG));
      await expectUnavailableHealth(s.server);
    }
    expect(s.server.alive).toBe(true);

    s.cluster.start();
    await expectRecovered(s, 'voor de storing', 'tijdens de storing');
    await s.server.stop();
  }, 120_000);

  it('frozen (connections open, no answers): 503 pages instead of hanging requests; recovers by itself', async () => {
    const s = await setup();
    // Some traffic first, so the app holds idle connections that will get no answer.
    expect((await request(s.page, comment('voor de storing'))).status).toBe(303);
    await Promise.all(Array.from({ length: 5 }, () => request(s.server.url(`/v/${s.token}`))));

    s.cluster.freeze();
    try {
      // More requests at once than the app has connections: the waiting ones must give up too.
      const pages = await Promise.all(Array.from({ length: 12 }, () => request(s.server.url(`/v/${s.token}`), {}, HANG)));
      for (const p of pages) expectUnavailablePage(p);
      expectUnavailablePage(await request(s.page, comment('tijdens de storing'), HANG));
      await expectUnavailableHealth(s.server);
      expect(s.server.alive).toBe(true);
    } finally {
      s.cluster.thaw();
    }
    await expectRecovered(s, 'voor de storing', 'tijdens de storing');
    await s.server.stop();
  }, 180_000);

  it('a transaction cut off by a frozen database does not leave its connection inside that transaction', async () => {
    const cluster = await Cluster.create();
    clusters.push(cluster);
    // One connection, so whatever the pool hands out next is the one the transaction used.
    const db = connectServer(cluster.url, 1, { connectMs: 5_000, queryMs: 2_000 });
    const direct = new pg.Client({ connectionString: cluster.url });
    try {
      await db.query('CREATE TABLE probe (n int)');
      cluster.freeze();
      try {
        await expect(db.tx((tx) => tx.query('INSERT INTO probe VALUES (1)'))).rejects.toThrow('Query read timeout');
      } finally {
        cluster.thaw();
      }
      // A statement on its own is committed at once: another connection sees it.
      await waitFor('the database to answer again', () => db.query('SELECT 1').then(() => true), 30_000, 250);
      await db.query('INSERT INTO probe VALUES (2)');
      await direct.connect();
      expect((await direct.query('SELECT n FROM probe ORDER BY n')).rows).toEqual([{ n: 2 }]);
    } finally {
      await direct.end().catch(() => {});
      await db.close();
    }
  }, 60_000);
});
