// Responses and their answers. A page is saved atomically under a row lock on the response,
// so two colleagues' saves are serialised and a stale page is detected by answer versions.
import { batchedPerDb } from '../../db/batch.ts';
import type { Db } from '../../db/client.ts';
import { type Answer, type Answers, isEmptyAnswer, sameAnswer } from './answer.model.ts';

export type Response = {
  id: number;
  edition: number;
  municipalityCode: string;
  status: 'open' | 'submitted';
  source: 'web' | 'import';
  firstOpenedAt: Date | null;
  startedAt: Date | null;
  submittedAt: Date | null;
  updatedAt: Date;
};

export type StoredAnswer = { answer: Answer | null; version: number; updatedAt: Date };
export type Actor = { kind: 'respondent' | 'bureau' | 'import' | 'demo'; name?: string };

const responseColumns = `id, edition, municipality_code AS "municipalityCode", status, source,
  first_opened_at AS "firstOpenedAt", started_at AS "startedAt", submitted_at AS "submittedAt", updated_at AS "updatedAt"`;

export async function findResponse(db: Db, edition: number, municipalityCode: string): Promise<Response | undefined> {
  return db.one<Response>(`SELECT ${responseColumns} FROM responses WHERE edition = $1 AND municipality_code = $2`, [
    edition, municipalityCode,
  ]);
}

/** The response of a municipality, created on first visit; first_opened_at records that the link was used. */
export async function openResponse(db: Db, edition: number, municipalityCode: string, now: Date): Promise<Response> {
  const row = await db.one<Response>(
    `INSERT INTO responses (edition, municipality_code, first_opened_at, updated_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (edition, municipality_code) DO UPDATE SET first_opened_at = COALESCE(responses.first_opened_at, excluded.first_opened_at)
     RETURNING ${responseColumns}`,
    [edition, municipalityCode, now],
  );
  return row as Response;
}

export async function loadAnswers(db: Db, responseId: number): Promise<Map<string, StoredAnswer>> {
  const rows = await db.query<{ question: string; answer: Answer | null; version: number; updatedAt: Date }>(
    'SELECT question, answer, version, updated_at AS "updatedAt" FROM answers WHERE response_id = $1',
    [responseId],
  );
  return new Map(rows.map((r) => [r.question, { answer: r.answer, version: r.version, updatedAt: r.updatedAt }]));
}

/** Only the non-empty answers, as the questionnaire logic sees them. */
export function currentAnswers(stored: Map<string, StoredAnswer>): Answers {
  const out: Answers = {};
  for (const [q, s] of stored) if (s.answer && !isEmptyAnswer(s.answer)) out[q] = s.answer;
  return out;
}

export type Conflict = { question: string; theirs: Answer | null; version: number };

export type SaveRequest = {
  /** question → new answer (null = cleared) for every question on the page. */
  answers: Record<string, Answer | null>;
  /** question → version the page was rendered with (0 = not answered then). */
  baseVersions: Record<string, number>;
  /** Questions where the person chose, after a conflict, to overwrite the colleague's answer. */
  force?: Set<string>;
  actor: Actor;
  now: Date;
};

/** What a page read before the save: the answers and the response row's stamp (its xmin). */
export type Seen = { stored: Map<string, StoredAnswer>; stamp: string | null };

type Changed = { question: string; old: string | null; next: string | null };

/** The questions whose stored answer moved on and differs from what is sent, and what changes. */
function planSave(stored: Map<string, StoredAnswer>, req: SaveRequest): { conflicts: Conflict[]; changed: Changed[] } {
  const conflicts: Conflict[] = [];
  for (const [question, answer] of Object.entries(req.answers)) {
    const current = stored.get(question);
    const base = req.baseVersions[question] ?? 0;
    if (current && current.version !== base && !req.force?.has(question) && !sameAnswer(current.answer ?? undefined, answer ?? undefined)) {
      conflicts.push({ question, theirs: current.answer, version: current.version });
    }
  }
  const changed: Changed[] = [];
  for (const [question, answer] of Object.entries(req.answers)) {
    const current = stored.get(question);
    const next = answer && !isEmptyAnswer(answer) ? answer : null;
    if (sameAnswer(current?.answer ?? undefined, next ?? undefined)) continue;
    changed.push({ question, old: current?.answer ? JSON.stringify(current.answer) : null, next: next && JSON.stringify(next) });
  }
  return { conflicts, changed };
}

/** One save's writes: its changed answers, who and when, and the stamp of the row it read (null: locked already). */
type Write = { responseId: number; changed: Changed[]; req: SaveRequest; stamp: string | null };

/**
 * Answers, audit rows and the responses' timestamps of several saves in one statement. A save with
 * a stamp is written only if its response row is still the one that was read (every write of
 * answers also updates that row, so an unchanged xmin means unchanged answers); the result says
 * per save whether it was written. Rows are locked in id order, so two batches never deadlock.
 * Two saves of one response in one batch: the second is not written (it goes the careful way).
 */
async function writeSaves(db: Db, writes: Write[]): Promise<boolean[]> {
  const seen = new Set<number>();
  const first = writes.map((w) => !seen.has(w.responseId) && Boolean(seen.add(w.responseId)));
  const batch = writes.filter((_, i) => first[i]);
  const rows = batch.flatMap((w) => w.changed.map((c) => ({ w, c })));
  const written = await db.query<{ id: number }>(
    `WITH wanted AS (SELECT * FROM unnest($1::bigint[], $2::text[]) AS s(id, stamp)),
     locked AS (
       SELECT r.id FROM responses r JOIN wanted s ON s.id = r.id AND (s.stamp IS NULL OR r.xmin::text = s.stamp)
       ORDER BY r.id FOR UPDATE OF r
     ),
     input AS (
       SELECT * FROM unnest($3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[], $7::timestamptz[], $8::text[], $9::text[])
         AS t(response_id, question, old_answer, new_answer, at, actor_kind, actor)
       WHERE t.response_id IN (SELECT id FROM locked)
     ),
     saved AS (
       INSERT INTO answers (response_id, question, answer, version, updated_at)
       SELECT response_id, question, new_answer, 1, at FROM input
       ON CONFLICT (response_id, question) DO UPDATE
         SET answer = excluded.answer, version = answers.version + 1, updated_at = excluded.updated_at
     ),
     audit AS (
       INSERT INTO answer_changes (response_id, question, old_answer, new_answer, actor_kind, actor, changed_at)
       SELECT response_id, question, old_answer, new_answer, actor_kind, actor, at FROM input
     ),
     touched AS (
       UPDATE responses r SET started_at = COALESCE(r.started_at, i.at), updated_at = i.at
       FROM (SELECT DISTINCT response_id, at FROM input) i WHERE r.id = i.response_id
     )
     SELECT id FROM locked`,
    [
      batch.map((w) => w.responseId), batch.map((w) => w.stamp),
      rows.map((x) => x.w.responseId), rows.map((x) => x.c.question), rows.map((x) => x.c.old), rows.map((x) => x.c.next),
      rows.map((x) => x.w.req.now), rows.map((x) => x.w.req.actor.kind), rows.map((x) => x.w.req.actor.name ?? null),
    ],
    { prepared: 'write-saves' },
  );
  const ok = new Set(written.map((r) => Number(r.id)));
  return writes.map((w, i) => first[i] && ok.has(w.responseId));
}

// Respondents' saves that arrive together are written in one statement.
const writeBatched = batchedPerDb(writeSaves, { maxInFlight: 2, maxSize: 50 });

/**
 * Saves a page, or returns the conflicts and saves nothing: a question whose stored version
 * moved on since the page was rendered and whose stored answer differs from the one sent.
 *
 * With `seen` (the answers read moments before, as the respondent's visit does) the save is first
 * tried in one statement that writes only if nothing changed since that read: two round trips for
 * the whole request instead of five. Anything else (a conflict, a colleague's write in between)
 * goes the careful way: a transaction that locks the response, reads and decides.
 */
export async function saveAnswers(
  db: Db,
  responseId: number,
  request: SaveRequest | ((stored: Map<string, StoredAnswer>) => SaveRequest | undefined),
  seen?: Seen,
): Promise<{ conflicts: Conflict[]; saved: boolean }> {
  if (seen?.stamp) {
    const req = typeof request === 'function' ? request(seen.stored) : request;
    if (!req) return { conflicts: [], saved: false };
    const plan = planSave(seen.stored, req);
    // A failed batch (another save's bad row, say) is no answer for this save: it goes the careful way.
    const written = !plan.conflicts.length && (await writeBatched(db, { responseId, changed: plan.changed, req, stamp: seen.stamp }).catch(() => false));
    if (written) return { conflicts: [], saved: true };
  }
  return db.tx(async (tx) => {
    // Lock the response and read its answers in one round trip; saves of one response queue here.
    const rows = await tx.query<{ question: string | null; answer: Answer | null; version: number; updatedAt: Date }>(
      `SELECT a.question, a.answer, a.version, a.updated_at AS "updatedAt"
       FROM responses r LEFT JOIN answers a ON a.response_id = r.id WHERE r.id = $1 FOR UPDATE OF r`,
      [responseId],
      { prepared: 'lock-answers' },
    );
    const stored = new Map(rows.filter((r) => r.question).map((r) => [r.question as string, r as StoredAnswer]));
    // A function builds the request from what is stored now (one read fewer); undefined: save nothing.
    const req = typeof request === 'function' ? request(stored) : request;
    if (!req) return { conflicts: [], saved: false };
    const { conflicts, changed } = planSave(stored, req);
    if (conflicts.length) return { conflicts, saved: false };
    if (changed.length) await writeSaves(tx, [{ responseId, changed, req, stamp: null }]);
    return { conflicts: [], saved: true };
  });
}

/** Marks the response submitted and records the submission; returns the submission's id. */
export async function submitResponse(db: Db, responseId: number, now: Date): Promise<number> {
  return db.tx(async (tx) => {
    await tx.query(`UPDATE responses SET status = 'submitted', submitted_at = $2, updated_at = $2 WHERE id = $1`, [responseId, now]);
    const row = await tx.one<{ id: number }>('INSERT INTO submissions (response_id, submitted_at) VALUES ($1, $2) RETURNING id', [responseId, now]);
    return row!.id;
  });
}

/** "Wijzig antwoorden": editable again; the earlier submission still counts until it is sent again. */
export async function reopenResponse(db: Db, responseId: number, now: Date): Promise<void> {
  await db.query(`UPDATE responses SET status = 'open', updated_at = $2 WHERE id = $1`, [responseId, now]);
}

export type Change = { question: string; oldAnswer: Answer | null; newAnswer: Answer | null; actorKind: string; actor: string | null; changedAt: Date };

export async function listChanges(db: Db, responseId: number): Promise<Change[]> {
  return db.query<Change>(
    `SELECT question, old_answer AS "oldAnswer", new_answer AS "newAnswer", actor_kind AS "actorKind", actor, changed_at AS "changedAt"
     FROM answer_changes WHERE response_id = $1 ORDER BY changed_at, id`,
    [responseId],
  );
}
