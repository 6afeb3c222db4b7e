// The demo data set reads like the 2022 report: every exact published figure and every trend the
// report describes comes out of the statistics computed from what is in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import {
  DemoConflictError,
  EXAMPLE_MUNICIPALITY,
  GGD_MONITOR_COMMENTS_2022,
  generateDemo,
  loadDemo,
  PUBLISHED_PANEL_SIZE,
  PUBLISHED_RESPONSE,
  PUBLISHED_RETAINED_PCT,
  reportProblems,
} from '../src/modules/demo/index.ts';
import { editionState, getEdition } from '../src/modules/editions/index.ts';
import { loadQuestionnaires, type Questionnaire } from '../src/modules/questionnaire/index.ts';
import { provincesByEdition, readRegisterFiles } from '../src/modules/register/index.ts';
import { type Answers, isVisible, validateAnswer } from '../src/modules/responses/index.ts';
import { panelMembers, type RegisterByEdition, type SubmittedResponse } from '../src/modules/statistics/index.ts';
import { createTestDb } from './test-db.ts';

const EDITIONS = [2019, 2020, 2021, 2022];
const NOW = new Date('2024-03-01T10:00:00Z');
let db: Db;
let qns: Map<number, Questionnaire>;
let register: RegisterByEdition;
let responses: SubmittedResponse[];

/**
 * What every reader counts: the submitted responses (the example municipality never is), without
 * even the register join that listSubmittedResponses adds. Read in pages: large result sets
 * over the embedded database's socket are kept small (see the report to the parent session).
 */
async function readResponses(): Promise<SubmittedResponse[]> {
  const out: SubmittedResponse[] = [];
  for (let offset = 0; ; offset += 50) {
    const page = await db.query<{ edition: number; municipality: string; answers: Answers | null }>(
      `SELECT r.edition, r.municipality_code AS municipality,
         jsonb_object_agg(a.question, a.answer) FILTER (WHERE a.answer IS NOT NULL) AS answers
       FROM responses r LEFT JOIN answers a ON a.response_id = r.id WHERE r.status = 'submitted'
       GROUP BY r.id ORDER BY r.edition, r.municipality_code LIMIT 50 OFFSET $1`,
      [offset],
    );
    out.push(...page.map((r) => ({ edition: r.edition, municipality: r.municipality, answers: r.answers ?? {} })));
    if (page.length < 50) return out;
  }
}

async function snapshot(): Promise<Record<string, unknown>> {
  return (await db.one(
    `SELECT (SELECT count(*) FROM responses) AS responses, (SELECT count(*) FROM answers) AS answers,
       (SELECT count(*) FROM answer_changes) AS changes, (SELECT count(*) FROM submissions) AS submissions,
       (SELECT count(*) FROM invitations) AS invitations,
       (SELECT md5(string_agg(concat_ws('|', r.edition, r.municipality_code, r.status, r.submitted_at, a.question, a.answer::text, a.version),
          ',' ORDER BY r.edition, r.municipality_code, a.question)) FROM responses r JOIN answers a ON a.response_id = r.id) AS checksum,
       (SELECT string_agg(concat_ws('|', year, opens_on, closes_on, opened_at, closed_at, published_at), ',' ORDER BY year) FROM editions) AS editions`,
  )) as Record<string, unknown>;
}

/** Every answer obeys its edition's questionnaire: known key and items, show_if, exclusive, "anders". */
function expectValidAnswers(edition: number, code: string, answers: Answers): void {
  const qn = qns.get(edition) as Questionnaire;
  for (const [key, a] of Object.entries(answers)) {
    const q = qn.questions.find((x) => x.key === key);
    expect(q, `${edition} ${code} ${key} hoort niet bij deze editie`).toBeDefined();
    if (!q) continue;
    expect(isVisible(q, answers), `${edition} ${code} ${key} is verborgen`).toBe(true);
    expect(validateAnswer(q, qn, a), `${edition} ${code} ${key}`).toEqual([]);
    const items = new Set((q.items ?? []).map((i) => i.code));
    for (const item of Object.keys(a.items ?? {})) expect(items.has(item), `${edition} ${key}.${item}`).toBe(true);
  }
}

beforeAll(async () => {
  db = await createTestDb();
  const started = performance.now();
  expect((await loadDemo(db, { now: NOW })).status).toBe('loaded');
  console.info(`loadDemo on ${db.kind}: ${Math.round(performance.now() - started)} ms`);
  qns = new Map();
  for (const year of [...EDITIONS, 2023]) qns.set(year, (await getEdition(db, year))?.questionnaire as Questionnaire);
  register = await provincesByEdition(db);
  responses = await readResponses();
}, 120_000);
afterAll(async () => db?.close());

describe('demo data set in the database', () => {
  it('has the published response per edition, from each year’s register, over all provinces', async () => {
    for (const e of EDITIONS) {
      const invited = await db.query<{ code: string }>('SELECT municipality_code AS code FROM invitations WHERE edition = $1', [e]);
      const responded = responses.filter((r) => r.edition === e).map((r) => r.municipality);
      expect([invited.length, responded.length]).toEqual([PUBLISHED_RESPONSE[e].invited, PUBLISHED_RESPONSE[e].responded]);
      expect(Math.abs((100 * responded.length) / invited.length - PUBLISHED_RESPONSE[e].ratePct)).toBeLessThanOrEqual(1);
      const pv = register.get(e) as ReadonlyMap<string, string>;
      const invitedSet = new Set(invited.map((i) => i.code));
      for (const c of [...invitedSet, ...responded]) expect(pv.has(c), `${e} ${c} niet in het register`).toBe(true);
      for (const c of responded) expect(invitedSet.has(c), `${e} ${c} niet uitgenodigd`).toBe(true);
      const size = (codes: Iterable<string>) => {
        const m = new Map<string, number>();
        for (const c of codes) m.set(pv.get(c) ?? '', (m.get(pv.get(c) ?? '') ?? 0) + 1);
        return m;
      };
      const all = size(pv.keys());
      const got = size(responded);
      expect(new Set(size(invitedSet).keys()).size).toBe(12);
      expect(got.size).toBe(12);
      for (const [p, count] of all) {
        const expected = (responded.length * count) / pv.size;
        expect(Math.abs((got.get(p) ?? 0) - expected), `${e} ${p}`).toBeLessThanOrEqual(Math.max(3, 0.35 * expected));
      }
    }
  });

  it('invites nobody that had merged away before the fieldwork opened (Weesp in 2022)', async () => {
    const merged = await db.one<{ n: number }>(
      `SELECT count(*) AS n FROM invitations i JOIN editions e ON e.year = i.edition
       JOIN mergers g ON g.old_code = i.municipality_code AND g.old_code <> g.new_code AND g.date_effective <= e.opens_on`,
    );
    expect(merged?.n).toBe(0);
  });

  it('has a panel of exactly 24 and three quarters of 2021’s respondents back in 2022', () => {
    const byEdition = new Map(EDITIONS.map((e) => [e, new Map(responses.filter((r) => r.edition === e).map((r) => [r.municipality, r]))]));
    expect(panelMembers(byEdition, EDITIONS).size).toBe(PUBLISHED_PANEL_SIZE);
    const r2021 = [...(byEdition.get(2021)?.keys() ?? [])];
    const back = r2021.filter((c) => byEdition.get(2022)?.has(c)).length;
    expect(Math.abs((100 * back) / r2021.length - PUBLISHED_RETAINED_PCT)).toBeLessThanOrEqual(1);
  });

  it('gives every published figure (within one point) and every trend the report describes', () => {
    expect(reportProblems(qns, responses, register)).toEqual([]);
    // The check is not vacuous: one 2022 respondent more saying nee to the Week is caught.
    const flipped = structuredClone(responses);
    const one = flipped.find((r) => r.edition === 2022 && r.answers.week_tegen_eenzaamheid?.value === 'ja');
    if (one) one.answers.week_tegen_eenzaamheid = { value: 'nee' };
    expect(reportProblems(qns, flipped, register).join('\n')).toContain('2022 national week_tegen_eenzaamheid ja: 145/162');
  });

  it('answers obey show_if, exclusive options, "anders" texts and each edition’s own questions', async () => {
    for (const r of responses) expectValidAnswers(r.edition, r.municipality, r.answers);
    for (const e of EDITIONS) {
      const texts = responses.filter((r) => r.edition === e).flatMap((r) => Object.values(r.answers)).filter((a) => a.comment || a.other);
      expect(texts.length, `toelichtingen ${e}`).toBeGreaterThan(20);
    }
    const ggd = responses.filter((r) => r.edition === 2022 && /GGD/.test(r.answers.monitoring?.comment ?? ''));
    expect(ggd.length).toBe(GGD_MONITOR_COMMENTS_2022);
  });

  it('stores versions, audit rows, submissions and fieldwork dates; 2023 is open', async () => {
    const bad = await db.one<Record<string, number>>(
      `SELECT
         (SELECT count(*) FROM answers WHERE version <> 1) AS versions,
         (SELECT count(*) FROM answers a WHERE NOT EXISTS (SELECT 1 FROM answer_changes c WHERE c.response_id = a.response_id
            AND c.question = a.question AND c.actor_kind = 'demo' AND c.new_answer = a.answer)) AS unaudited,
         (SELECT count(*) FROM responses r JOIN editions e ON e.year = r.edition WHERE r.status = 'submitted'
            AND (r.source <> 'web' OR r.submitted_at NOT BETWEEN e.opened_at AND e.closed_at OR r.started_at > r.submitted_at
              OR r.first_opened_at > r.started_at OR (SELECT count(*) FROM submissions s WHERE s.response_id = r.id) <> 1)) AS responses`,
    );
    expect(bad).toEqual({ versions: 0, unaudited: 0, responses: 0 });
    const states = new Map<number, string>();
    for (const year of [...EDITIONS, 2023]) {
      const e = await getEdition(db, year);
      if (e) states.set(year, editionState(e, NOW));
    }
    expect(EDITIONS.map((e) => states.get(e))).toEqual(['published', 'published', 'published', 'published']);
    expect(states.get(2023)).toBe('open');
  });

  it('has 18 fictitious advisors covering every municipality exactly once, and a contact per invitation', async () => {
    const advisors = await db.query<{ email: string; n: number; role: string }>(
      `SELECT a.email, count(am.*)::int AS n, ac.role FROM advisors a JOIN accounts ac ON ac.id = a.account_id
       LEFT JOIN advisor_municipalities am ON am.advisor_id = a.id GROUP BY a.email, ac.role`,
    );
    expect(advisors).toHaveLength(18);
    expect(advisors.every((a) => a.email.endsWith('@adviseurs.example.org') && a.n > 0 && a.role === 'advisor')).toBe(true);
    const uncovered = await db.query(
      `SELECT code FROM municipalities WHERE year = 2024 AND code NOT IN (SELECT municipality_code FROM advisor_municipalities)`,
    );
    expect(uncovered).toEqual([]);
    expect(advisors.reduce((s, a) => s + a.n, 0)).toBe(342);
    const missing = await db.query(
      `SELECT i.edition, i.municipality_code FROM invitations i
       WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.edition = i.edition AND c.municipality_code = i.municipality_code)`,
    );
    expect(missing).toEqual([]);
    const notExample = await db.query(`SELECT email FROM contacts WHERE email NOT LIKE '%@gemeente.example.org'`);
    expect(notExample).toEqual([]);
  });

  it('keeps Gravendonck complete but out of every count', async () => {
    const row = await db.one<{ id: number; status: string; invited: boolean; registered: boolean }>(
      `SELECT id, status, EXISTS (SELECT 1 FROM invitations i WHERE i.municipality_code = r.municipality_code) AS invited,
         EXISTS (SELECT 1 FROM municipalities m WHERE m.code = r.municipality_code) AS registered
       FROM responses r WHERE edition = 2022 AND municipality_code = $1`,
      [EXAMPLE_MUNICIPALITY.code],
    );
    expect(row).toMatchObject({ status: 'open', invited: false, registered: false });
    const answers: Answers = Object.fromEntries(
      (await db.query<{ question: string; answer: Answers[string] }>('SELECT question, answer FROM answers WHERE response_id = $1', [row?.id])).map(
        (a) => [a.question, a.answer],
      ),
    );
    expectValidAnswers(2022, EXAMPLE_MUNICIPALITY.code, answers);
    const qn = qns.get(2022) as Questionnaire;
    expect(qn.questions.filter((q) => q.type !== 'text' && isVisible(q, answers) && !answers[q.key]).map((q) => q.key)).toEqual([]);
    expect(responses.some((r) => r.municipality === EXAMPLE_MUNICIPALITY.code)).toBe(false);
  });

  it('loading twice changes nothing', async () => {
    const before = await snapshot();
    expect((await loadDemo(db, { now: new Date('2025-01-01T00:00:00Z') })).status).toBe('unchanged');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to mix with real data, and changes nothing then', async () => {
    const before = await snapshot();
    const free = await db.one<{ code: string }>(
      `SELECT code FROM municipalities m WHERE year = 2021
         AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.edition = 2021 AND r.municipality_code = m.code) ORDER BY code LIMIT 1`,
    );
    await db.query('INSERT INTO responses (edition, municipality_code) VALUES (2021, $1)', [free?.code]);
    await expect(loadDemo(db, { seed: 1 })).rejects.toBeInstanceOf(DemoConflictError);
    await db.query('DELETE FROM responses WHERE edition = 2021 AND municipality_code = $1', [free?.code]);
    const link = `INSERT INTO personal_links (token_hash, edition, municipality_code)
      SELECT '\\x00'::bytea, edition, municipality_code FROM invitations WHERE edition = 2021 ORDER BY municipality_code LIMIT 1`;
    await db.query(link);
    await expect(loadDemo(db, { seed: 1 })).rejects.toBeInstanceOf(DemoConflictError);
    await db.query(`DELETE FROM personal_links WHERE token_hash = '\\x00'::bytea`);
    expect(await snapshot()).toEqual(before);
  });

  it('replaces the demo with another seed', async () => {
    const before = await snapshot();
    expect((await loadDemo(db, { seed: 7 })).status).toBe('replaced');
    const after = await snapshot();
    expect(after.checksum).not.toBe(before.checksum);
    expect([after.responses, after.invitations, after.submissions]).toEqual([before.responses, before.invitations, before.submissions]);
    const actors = await db.query(`SELECT DISTINCT actor FROM answer_changes WHERE actor_kind = 'demo'`);
    expect(actors).toHaveLength(1);
    expect(reportProblems(qns, await readResponses(), register)).toEqual([]);
  });
});

describe('demo generator (pure)', () => {
  const files = readRegisterFiles();
  const input = () => ({ questionnaires: loadQuestionnaires(), municipalities: files.municipalities, mergers: files.mergers });
  it('is deterministic and meets the figures and trends for other seeds too', () => {
    expect(generateDemo(input(), 3)).toEqual(generateDemo(input(), 3));
    for (const seed of [1, 3, 12345]) {
      const demo = generateDemo(input(), seed);
      expect(reportProblems(qns, demo.responses, register), `seed ${seed}`).toEqual([]);
      for (const r of demo.responses) expectValidAnswers(r.edition, r.municipality, r.answers);
    }
  });
});
