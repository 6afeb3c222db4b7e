// Writes the demo data set in one transaction. The demo owns editions 2019–2022: it refuses to
// touch them when they hold anything real, and recognises its own rows by the answer_changes
// actor ("demo v<version> seed <seed>"), so a second load is a no-op and another seed replaces it.
import type { Db } from '../../db/client.ts';
import { openEdition } from '../editions/editions.repo.ts';
import type { Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Merger, Municipality } from '../register/register.load.ts';
import type { DemoDataSet, DemoInput, DemoResponse } from './demo.model.ts';
import { DEFAULT_SEED, generateDemo } from './generate.ts';
import { removeSyntheticWijkFigures, writeSyntheticWijkFigures } from '../wijk-figures/index.ts';
import { DEMO_EDITIONS } from './municipalities.ts';
import { DEMO_ADVISOR_DOMAIN, DEMO_CONTACT_DOMAIN, demoAdvisors, demoContacts } from './people.ts';
import { ensureExampleResponse } from './example.ts';
import { answerTimes } from './timeline.ts';

/** Bump when the generator changes, so databases holding an older demo get the new one. */
export const DEMO_VERSION = 3;
/** The edition the demo leaves open for answering. */
export const DEMO_OPEN_EDITION = 2023;
export const DEMO_OPEN_DAYS = 60;

export type LoadDemoOptions = { seed?: number; now?: Date };
/** responses: submitted demo responses; answers: every answer written (the example's too). */
export type LoadDemoResult = { status: 'loaded' | 'replaced' | 'unchanged'; seed: number; responses: number; answers: number };

export class DemoConflictError extends Error {}

export const demoMarker = (seed: number) => `demo v${DEMO_VERSION} seed ${seed}`;
const editions = [...DEMO_EDITIONS];

export async function loadDemo(db: Db, options: LoadDemoOptions = {}): Promise<LoadDemoResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? new Date();
  return db.tx(async (tx) => {
    // Two app instances starting on one empty database must not both load it.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('een-tegen-eenzaamheid:demo'))`);
    const markers = await tx.query<{ actor: string }>(`SELECT DISTINCT actor FROM answer_changes WHERE actor_kind = 'demo'`);
    if (markers.length === 1 && markers[0].actor === demoMarker(seed)) {
      const n = await tx.one<{ responses: number; answers: number }>(
        `SELECT count(DISTINCT r.id) FILTER (WHERE r.status = 'submitted') AS responses, count(*) AS answers
         FROM responses r JOIN answers a ON a.response_id = r.id WHERE r.edition = ANY($1)`,
        [editions],
      );
      return { status: 'unchanged', seed, responses: n?.responses ?? 0, answers: n?.answers ?? 0 };
    }
    await refuseRealData(tx, markers.length > 0);
    if (markers.length) await removeDemo(tx);
    const data = generateDemo(await readInput(tx), seed);
    await writeEditions(tx, data, now);
    await tx.query(
      `INSERT INTO invitations (edition, municipality_code, created_at)
       SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[])`,
      [data.invitations.map((i) => i.edition), data.invitations.map((i) => i.municipality), data.invitations.map((i) => i.createdAt.toISOString())],
    );
    // Invited means: selected and e-mailed when the edition opened.
    await tx.query(
      `UPDATE invitations i SET selected_at = i.created_at, invited_at = e.opened_at
       FROM editions e WHERE e.year = i.edition AND i.edition = ANY($1)`,
      [editions],
    );
    await writePeople(tx, data.invitations, seed);
    const answers = await writeResponses(tx, [...data.responses, data.example], demoMarker(seed));
    // Loneliness per wijk for the web reports: synthetic, and labelled so wherever shown.
    await writeSyntheticWijkFigures(tx, { seed, now });
    // An edition published after the demo's own: the example follows it.
    await ensureExampleResponse(tx);
    return { status: markers.length ? 'replaced' : 'loaded', seed, responses: data.responses.length, answers };
  });
}

async function refuseRealData(tx: Db, hadDemo: boolean): Promise<void> {
  const found = await tx.one<{ responses: number; links: number; invitations: number }>(
    `SELECT
       (SELECT count(*) FROM responses r WHERE r.edition = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM answer_changes c WHERE c.response_id = r.id AND c.actor_kind = 'demo')) AS responses,
       (SELECT count(*) FROM personal_links WHERE edition = ANY($1)) AS links,
       (SELECT count(*) FROM invitations WHERE edition = ANY($1)) AS invitations`,
    [editions],
  );
  const real = found && (found.responses > 0 || found.links > 0 || (!hadDemo && found.invitations > 0));
  if (real) {
    throw new DemoConflictError(
      `De demodata wordt niet geladen: de edities ${editions[0]}–${editions.at(-1)} bevatten al echte gegevens ` +
        `(${found.responses} antwoordenlijsten, ${found.invitations} uitnodigingen, ${found.links} persoonlijke links).`,
    );
  }
}

async function removeDemo(tx: Db): Promise<void> {
  // Cascades to answers, answer_changes and submissions.
  await tx.query(`DELETE FROM responses WHERE id IN (SELECT response_id FROM answer_changes WHERE actor_kind = 'demo')`);
  await tx.query('DELETE FROM invitations WHERE edition = ANY($1)', [editions]);
  await tx.query(`DELETE FROM contacts WHERE edition = ANY($1) AND email LIKE $2`, [editions, `%@${DEMO_CONTACT_DOMAIN}`]);
  await tx.query(`DELETE FROM advisors WHERE email LIKE $1`, [`%@${DEMO_ADVISOR_DOMAIN}`]);
  await removeSyntheticWijkFigures(tx);
  await tx.query(`DELETE FROM accounts WHERE email LIKE $1`, [`%@${DEMO_ADVISOR_DOMAIN}`]);
}

/** 18 advisors with accounts and regions (newest register), and a contact per invitation. */
async function writePeople(tx: Db, invitations: { edition: number; municipality: string }[], seed: number): Promise<void> {
  const latest = await tx.one<{ year: number }>('SELECT max(year) AS year FROM municipalities');
  const register = await tx.query<Municipality>(
    `SELECT year, code, name, province_code AS "provinceCode" FROM municipalities WHERE year = $1`,
    [latest?.year],
  );
  const advisors = demoAdvisors(register);
  // Regions the bureau set up itself stay as they are; the demo only fills what is empty.
  const taken = await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM advisor_municipalities');
  if (!taken?.n) {
    for (const a of advisors) {
      const account = await tx.one<{ id: number }>(
        `INSERT INTO accounts (email, name, role) VALUES ($1, $2, 'advisor')
         ON CONFLICT (lower(email)) DO UPDATE SET name = excluded.name RETURNING id`,
        [a.email, a.name],
      );
      const advisor = await tx.one<{ id: number }>(
        'INSERT INTO advisors (name, email, phone, account_id) VALUES ($1, $2, $3, $4) RETURNING id',
        [a.name, a.email, a.phone, account?.id],
      );
      await tx.query(
        'INSERT INTO advisor_municipalities (municipality_code, advisor_id) SELECT unnest($1::text[]), $2',
        [a.municipalities, advisor?.id],
      );
    }
  }
  const contacts = demoContacts(invitations, seed);
  await tx.query(
    `INSERT INTO contacts (edition, municipality_code, name, email, function, phone)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT DO NOTHING`,
    [contacts.map((c) => c.edition), contacts.map((c) => c.municipality), contacts.map((c) => c.name),
      contacts.map((c) => c.email), contacts.map((c) => c.function), contacts.map((c) => c.phone)],
  );
}

/** Read per edition: small result sets, quick on every database. */
async function readInput(tx: Db): Promise<DemoInput> {
  const questionnaires = new Map<number, Questionnaire>();
  const municipalities: Municipality[] = [];
  for (const year of editions) {
    const e = await tx.one<{ questionnaire: Questionnaire }>('SELECT questionnaire FROM editions WHERE year = $1', [year]);
    if (!e) throw new Error(`De demodata heeft editie ${year} nodig; die ontbreekt.`);
    questionnaires.set(year, e.questionnaire);
    municipalities.push(
      ...(await tx.query<Municipality>(
        `SELECT year, code, name, province_code AS "provinceCode" FROM municipalities WHERE year = $1 ORDER BY code`,
        [year],
      )),
    );
  }
  const mergers = await tx.query<Merger & { areaShare: string | null }>(
    `SELECT year_effective AS "yearEffective", to_char(date_effective, 'YYYY-MM-DD') AS "dateEffective",
       first_list_year AS "firstListYear", old_code AS "oldCode", old_name AS "oldName", new_code AS "newCode",
       new_name AS "newName", type, area_share AS "areaShare"
     FROM mergers ORDER BY year_effective, old_code, new_code`,
  );
  return {
    questionnaires,
    municipalities,
    mergers: mergers.map((m) => ({ ...m, areaShare: m.areaShare === null ? null : Number(m.areaShare) })),
  };
}

async function writeEditions(tx: Db, data: DemoDataSet, now: Date): Promise<void> {
  const e = data.editions;
  await tx.query(
    `UPDATE editions SET opens_on = x.opens_on, closes_on = x.closes_on, opened_at = x.opened_at,
       closed_at = x.closed_at, published_at = x.published_at
     FROM unnest($1::int[], $2::date[], $3::date[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
       AS x(year, opens_on, closes_on, opened_at, closed_at, published_at)
     WHERE editions.year = x.year`,
    [
      e.map((x) => x.year), e.map((x) => x.opensOn), e.map((x) => x.closesOn), e.map((x) => x.openedAt.toISOString()),
      e.map((x) => x.closedAt.toISOString()), e.map((x) => x.publishedAt.toISOString()),
    ],
  );
  // Leave the next edition open for answering, unless the bureau has already opened it.
  const next = await tx.one<{ opened: boolean }>('SELECT opened_at IS NOT NULL AS opened FROM editions WHERE year = $1', [DEMO_OPEN_EDITION]);
  if (next && !next.opened) {
    const closesOn = new Date(now.getTime() + DEMO_OPEN_DAYS * 86_400_000).toISOString().slice(0, 10);
    await openEdition(tx, DEMO_OPEN_EDITION, closesOn, now);
  }
}

/** Responses, then their answers and audit rows in one statement, then the submissions. */
export async function writeResponses(tx: Db, responses: DemoResponse[], actor: string): Promise<number> {
  const times = responses.map((r) => {
    const end = r.submittedAt ?? new Date(r.startedAt.getTime() + 45 * 60_000);
    return { end, answers: answerTimes(r.startedAt, end, Object.keys(r.answers).length) };
  });
  const inserted = await tx.query<{ id: number; edition: number; code: string }>(
    `INSERT INTO responses (edition, municipality_code, status, source, first_opened_at, started_at, submitted_at, updated_at)
     SELECT e, m, s, 'web', f, st, su, u
     FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
       AS x(e, m, s, f, st, su, u)
     RETURNING id, edition, municipality_code AS code`,
    [
      responses.map((r) => r.edition), responses.map((r) => r.municipality), responses.map((r) => r.status),
      responses.map((r) => r.firstOpenedAt.toISOString()), responses.map((r) => r.startedAt.toISOString()),
      responses.map((r) => r.submittedAt?.toISOString() ?? null), times.map((t) => t.end.toISOString()),
    ],
  );
  const idOf = new Map(inserted.map((r) => [`${r.edition}|${r.code}`, r.id]));
  const rows = responses.flatMap((r, i) => {
    const id = idOf.get(`${r.edition}|${r.municipality}`);
    return Object.entries(r.answers).map(([question, answer], j) => ({ id, question, answer, at: times[i].answers[j].toISOString() }));
  });
  await tx.query(
    `WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, question text, answer jsonb, at timestamptz)),
     a AS (INSERT INTO answers (response_id, question, answer, version, updated_at) SELECT id, question, answer, 1, at FROM x)
     INSERT INTO answer_changes (response_id, question, old_answer, new_answer, actor_kind, actor, changed_at)
     SELECT id, question, NULL, answer, 'demo', $2, at FROM x`,
    [JSON.stringify(rows), actor],
  );
  await tx.query(
    `INSERT INTO submissions (response_id, submitted_at)
     SELECT id, submitted_at FROM responses WHERE id = ANY($1::bigint[]) AND submitted_at IS NOT NULL`,
    [inserted.map((r) => r.id)],
  );
  return rows.length;
}
