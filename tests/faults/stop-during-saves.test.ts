// Fault (issue 7): the server is stopped the ordinary way (SIGTERM, as an operator or a process
// manager does) while respondents are saving. It stops taking requests, answers those under way,
// then closes the database: no save fails with a server error, every acknowledged save is stored,
// the process exits cleanly and leaves no lock file or socket folder behind.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPersonalLink } from '../../src/modules/auth/index.ts';
import { openEdition } from '../../src/modules/editions/index.ts';
import { listMunicipalities } from '../../src/modules/register/index.ts';
import { dbKind, form, freshTarget, killAll, request, ServerProcess, type Target } from './harness.ts';

const RESPONDENTS = 20;
const STOP_AFTER = 60;

let target: Target | undefined;
afterAll(async () => {
  await killAll();
  await target?.cleanup();
});

describe(`SIGTERM while respondents save (${dbKind})`, () => {
  it('answers the saves under way, stores every acknowledged one and exits cleanly', async () => {
    target = await freshTarget();
    const t = target;
    const server = await ServerProcess.start(t.env);
    const setup = await t.open();
    const now = new Date();
    await openEdition(setup, 2023, `${now.getFullYear() + 1}-12-31`, now);
    const munis = (await listMunicipalities(setup, 2023)).slice(0, RESPONDENTS);
    const tokens = await Promise.all(munis.map((m) => createPersonalLink(setup, 2023, m.code)));
    await setup.close();
    // The embedded database's lock file names the socket folder the server made.
    const lockFile = path.join(t.env.DATA_DIR, 'owner.lock');
    const socketDir = dbKind === 'pglite' ? (JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { socketDir: string }).socketDir : undefined;
    if (socketDir) expect(fs.existsSync(socketDir)).toBe(true);

    let acked = 0;
    let stopped: Promise<number | null> | undefined;
    const lastAcked = new Map<string, number>();
    const failures: string[] = [];
    const client = async (token: string, i: number) => {
      for (let n = 1; ; n++) {
        const body = form({
          base: JSON.stringify({ week_tegen_eenzaamheid: n - 1 }),
          'q.week_tegen_eenzaamheid': 'ja',
          'q.week_tegen_eenzaamheid.comment': `respondent ${i} opslag ${n}`,
          actie: 'volgende',
        });
        let status: number;
        try {
          status = (await request(server.url(`/v/${token}/thema/signaleren`), body, 30_000)).status;
        } catch {
          return; // refused or hung up on: the server stopped taking requests
        }
        if (status !== 303) {
          failures.push(`respondent ${i} save ${n}: HTTP ${status}`);
          return;
        }
        lastAcked.set(munis[i].code, n);
        if (++acked >= STOP_AFTER && !stopped) stopped = server.stop();
      }
    };
    await Promise.all(tokens.map(client));
    expect(stopped, 'the server was stopped while saving').toBeDefined();
    const code = await stopped;

    expect(failures).toEqual([]);
    expect(code, server.output).toBe(0);
    expect(server.output).not.toMatch(/Error|at .*\.ts:\d+/);
    if (socketDir) {
      expect(fs.existsSync(lockFile), 'lock file removed').toBe(false);
      expect(fs.existsSync(socketDir), 'socket folder removed').toBe(false);
    }

    const db = await t.open();
    try {
      const rows = await db.query<{ code: string; comment: string }>(
        `SELECT r.municipality_code AS code, a.answer->>'comment' AS comment FROM answers a JOIN responses r ON r.id = a.response_id
         WHERE r.edition = 2023 AND a.question = 'week_tegen_eenzaamheid'`);
      const stored = new Map(rows.map((r) => [r.code, Number(r.comment.split(' ').at(-1))]));
      // The last acknowledged save is stored (a save acknowledged later than the stop is too).
      for (const [municipality, n] of lastAcked) expect(stored.get(municipality), municipality).toBe(n);
    } finally {
      await db.close();
    }
  }, 120_000);
});
