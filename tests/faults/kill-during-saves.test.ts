// Fault (issue 7): the server is killed (SIGKILL) while 50 respondents are saving. After a restart
// on the same data every acknowledged save is there, no save is half-written (both questions of a
// page from the same save, every answer version with its audit row), and respondents go on.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPersonalLink } from '../../src/modules/auth/index.ts';
import { openEdition } from '../../src/modules/editions/index.ts';
import { listMunicipalities } from '../../src/modules/register/index.ts';
import { formFields } from '../html.ts';
import { dbKind, form, freshTarget, killAll, request, ServerProcess, type Target } from './harness.ts';

const RESPONDENTS = 50;
/**
 * Kill once this many saves were acknowledged and every respondent has at least one. Not a multiple
 * of 50: the clients move in rounds, and mid-round some saves are written but not yet acknowledged.
 */
const KILL_AFTER = 173;
const QUESTIONS = ['week_tegen_eenzaamheid', 'signaalpunt'] as const;

type Respondent = {
  code: string;
  token: string;
  /** The number of the last save answered with 303 (0: none). */
  acked: number;
  /** A save that was sent and got no answer: it may or may not have been written. */
  inFlight?: number;
  /** Anything but a 303 or a broken connection: must not happen. */
  unexpected?: string;
};

/** Save n of respondent i: both questions on the signaleren page get a comment naming the save. */
const comment = (i: number, n: number) => `respondent ${i} opslag ${n}`;
const saveForm = (i: number, n: number, base: number) =>
  form({
    base: JSON.stringify(Object.fromEntries(QUESTIONS.map((q) => [q, base]))),
    ...Object.fromEntries(QUESTIONS.flatMap((q) => [[`q.${q}`, 'ja'], [`q.${q}.comment`, comment(i, n)]])),
    actie: 'volgende',
  });
const saveOf = (answer: { comment?: string } | null, i: number): number => {
  const m = answer?.comment?.match(/^respondent (\d+) opslag (\d+)$/);
  if (!m || Number(m[1]) !== i) throw new Error(`respondent ${i}: an answer that no save of theirs sent: ${JSON.stringify(answer)}`);
  return Number(m[2]);
};

let target: Target | undefined;
afterAll(async () => {
  await killAll();
  await target?.cleanup();
});

describe(`SIGKILL while 50 respondents save (${dbKind})`, () => {
  it('after a restart every acknowledged save is stored whole, with its audit rows, and saving goes on', async () => {
    target = await freshTarget();
    const t = target;
    let server = await ServerProcess.start(t.env);

    // Setup the way the CLI does it beside the running server.
    const setup = await t.open();
    const now = new Date();
    await openEdition(setup, 2023, `${now.getFullYear() + 1}-12-31`, now);
    const munis = (await listMunicipalities(setup, 2023)).slice(0, RESPONDENTS);
    const respondents: Respondent[] = await Promise.all(
      munis.map(async (m) => ({ code: m.code, token: await createPersonalLink(setup, 2023, m.code), acked: 0 })),
    );
    await setup.close();

    // 50 clients, each saving its own response over and over with the versions it was told about.
    let acked = 0;
    let killed: Promise<void> | undefined;
    const first = server;
    const killWhenDue = () => {
      if (!killed && acked >= KILL_AFTER && respondents.every((r) => r.acked > 0)) killed = first.kill();
    };
    const client = async (r: Respondent, i: number) => {
      for (let n = 1; ; n++) {
        let status: number;
        try {
          status = (await request(first.url(`/v/${r.token}/thema/signaleren`), saveForm(i, n, n - 1), 30_000)).status;
        } catch (e) {
          // Refused: never sent. Anything else (reset, closed, timeout): it may have been written.
          const code = (e as { cause?: { code?: string } }).cause?.code;
          if (code !== 'ECONNREFUSED') r.inFlight = n;
          return;
        }
        if (status !== 303) {
          r.unexpected = `save ${n}: HTTP ${status}`;
          return;
        }
        r.acked = n;
        acked++;
        killWhenDue();
      }
    };
    await Promise.all(respondents.map(client));
    expect(respondents.filter((r) => r.unexpected).map((r) => `${r.code} ${r.unexpected}`)).toEqual([]);
    expect(killed, 'the server was killed while saving').toBeDefined();
    await killed;
    expect(acked).toBeGreaterThanOrEqual(KILL_AFTER);
    // Mid-stream: saves were under way when the process died.
    expect(respondents.some((r) => r.inFlight)).toBe(true);

    // The same data, a new process: the lock file and socket of the killed one must not stop it.
    if (dbKind === 'pglite') {
      const lock = JSON.parse(fs.readFileSync(path.join(t.env.DATA_DIR, 'owner.lock'), 'utf8')) as { pid: number; socketDir: string };
      expect(lock.pid).toBe(first.pid);
      expect(fs.existsSync(path.join(lock.socketDir, '.s.PGSQL.5432'))).toBe(true);
    }
    server = await ServerProcess.start(t.env);
    const db = await t.open();
    try {
      const answers = await db.query<{ code: string; question: string; answer: { comment?: string } | null; version: number }>(
        `SELECT r.municipality_code AS code, a.question, a.answer, a.version FROM answers a JOIN responses r ON r.id = a.response_id
         WHERE r.edition = 2023 ORDER BY 1, 2`);
      const audit = await db.query<{ code: string; question: string; old: { comment?: string } | null; new: { comment?: string } | null }>(
        `SELECT r.municipality_code AS code, c.question, c.old_answer AS old, c.new_answer AS new FROM answer_changes c
         JOIN responses r ON r.id = c.response_id WHERE r.edition = 2023 ORDER BY c.id`);
      const problems: string[] = [];
      const stored: number[] = [];
      respondents.forEach((r, i) => {
        const mine = answers.filter((a) => a.code === r.code);
        const saves = mine.map((a) => saveOf(a.answer, i));
        const n = saves[0] ?? 0;
        stored.push(n);
        // Acknowledged means stored; the one save in flight at the kill may or may not be.
        const allowed = r.inFlight ? [r.acked, r.inFlight] : [r.acked];
        if (!allowed.includes(n)) problems.push(`${r.code}: save ${n} stored, acknowledged ${r.acked}${r.inFlight ? `, in flight ${r.inFlight}` : ''}`);
        // One page, one save: both questions from the same save, or neither.
        if (n > 0 && (mine.length !== QUESTIONS.length || saves.some((s) => s !== n))) problems.push(`${r.code}: half a save: ${JSON.stringify(mine)}`);
        for (const a of mine) {
          // Version k is the k-th save (each save changes both questions) ...
          if (a.version !== n) problems.push(`${r.code} ${a.question}: version ${a.version} for save ${n}`);
          // ... and each version has exactly its audit row, in order, ending in the stored answer.
          const trail = audit.filter((c) => c.code === r.code && c.question === a.question);
          const expected = Array.from({ length: n }, (_, k) => [k ? comment(i, k) : undefined, comment(i, k + 1)]);
          const got = trail.map((c) => [c.old?.comment, c.new?.comment]);
          if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${r.code} ${a.question}: audit ${JSON.stringify(got)}`);
        }
        if (n === 0 && audit.some((c) => c.code === r.code)) problems.push(`${r.code}: audit rows without answers`);
      });

      expect(problems).toEqual([]);

      // What the respondent sees after the restart: the page shows the stored save, and the next save
      // (with the versions that page carries) is acknowledged and stored.
      for (const [i, r] of respondents.entries()) {
        const page = await request(server.url(`/v/${r.token}/thema/signaleren`));
        expect(page.status).toBe(200);
        const fields = Object.fromEntries(formFields(page.body));
        expect(fields['q.week_tegen_eenzaamheid.comment']).toBe(comment(i, stored[i]));
        const base = JSON.parse(fields.base) as Record<string, number>;
        expect(base.week_tegen_eenzaamheid).toBe(stored[i]);
        const next = await request(server.url(`/v/${r.token}/thema/signaleren`), saveForm(i, stored[i] + 1, stored[i]));
        expect(next.status).toBe(303);
      }
      const after = await db.query<{ code: string; answer: { comment?: string } }>(
        `SELECT r.municipality_code AS code, a.answer FROM answers a JOIN responses r ON r.id = a.response_id
         WHERE r.edition = 2023 AND a.question = 'signaalpunt'`);
      const byCode = new Map(after.map((a) => [a.code, a.answer.comment]));
      expect(respondents.map((r, i) => byCode.get(r.code) === comment(i, stored[i] + 1)).every(Boolean)).toBe(true);
    } finally {
      await db.close();
      await server.stop();
    }
  }, 120_000);
});
