// Writes checked pairs in one transaction, in a handful of set-based statements whatever the file
// size. Answers are updated in place (the audit trail of earlier web answers stays), and only
// what differs is written: importing the same file twice writes nothing the second time.
import type { Db } from '../../db/client.ts';
import { type Answer, type Answers, isEmptyAnswer, sameAnswer } from '../responses/answer.model.ts';
import type { ImportPair } from './import-check.ts';

export type Outcome = 'created' | 'replaced' | 'unchanged';

type Existing = { id: number; edition: number; code: string; status: string; submittedAt: Date | null };
type Change = { responseId: number; question: string; old: Answer | null; next: Answer | null };

const pairKey = (edition: number, code: string) => `${edition}|${code}`;

function diff(before: Answers, after: Answers): { question: string; old: Answer | null; next: Answer | null }[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => !sameAnswer(before[k], after[k]))
    .map((k) => ({ question: k, old: before[k] ?? null, next: isEmptyAnswer(after[k]) ? null : after[k] }));
}

/** Compares with what is stored and, unless dryRun, writes; returns the outcome per pair (same order). */
export async function writePairs(db: Db, pairs: ImportPair[], opts: { now: Date; actor: string; dryRun?: boolean }): Promise<Outcome[]> {
  return db.tx(async (tx) => {
    const editions = pairs.map((p) => p.edition);
    const codes = pairs.map((p) => p.municipality);
    // Lock the existing responses so a respondent's save cannot slip in between compare and write.
    const existing = await tx.query<Existing>(
      `SELECT r.id, r.edition, r.municipality_code AS code, r.status, r.submitted_at AS "submittedAt"
       FROM responses r JOIN unnest($1::int[], $2::text[]) AS x(e, m) ON r.edition = x.e AND r.municipality_code = x.m
       FOR UPDATE OF r`,
      [editions, codes],
    );
    const byPair = new Map(existing.map((r) => [pairKey(r.edition, r.code), r]));
    const stored = await tx.query<{ id: number; question: string; answer: Answer }>(
      'SELECT response_id AS id, question, answer FROM answers WHERE response_id = ANY($1::bigint[]) AND answer IS NOT NULL',
      [existing.map((r) => r.id)],
    );
    const before = new Map<number, Answers>();
    for (const s of stored) {
      if (isEmptyAnswer(s.answer)) continue;
      const a = before.get(s.id) ?? {};
      a[s.question] = s.answer;
      before.set(s.id, a);
    }

    const outcomes: Outcome[] = [];
    const toCreate: ImportPair[] = [];
    const updates: { pair: ImportPair; existing?: Existing; submittedAt: Date; newSubmission: boolean; changes: ReturnType<typeof diff> }[] = [];
    for (const pair of pairs) {
      const ex = byPair.get(pairKey(pair.edition, pair.municipality));
      const changes = diff(ex ? (before.get(ex.id) ?? {}) : {}, pair.answers);
      const submitted = ex?.status === 'submitted' && ex.submittedAt !== null;
      if (ex && submitted && !changes.length) {
        outcomes.push('unchanged');
        continue;
      }
      outcomes.push(ex ? 'replaced' : 'created');
      if (!ex) toCreate.push(pair);
      // Identical answers that were only reopened keep the moment they were first sent.
      const keep = !changes.length && ex?.submittedAt ? ex.submittedAt : undefined;
      updates.push({ pair, existing: ex, submittedAt: keep ?? opts.now, newSubmission: !keep, changes });
    }
    if (opts.dryRun || !updates.length) return outcomes;

    const created = await tx.query<{ id: number; edition: number; code: string }>(
      `INSERT INTO responses (edition, municipality_code, status, source, started_at, submitted_at, updated_at)
       SELECT e, m, 'submitted', 'import', $3, $3, $3 FROM unnest($1::int[], $2::text[]) AS x(e, m)
       RETURNING id, edition, municipality_code AS code`,
      [toCreate.map((p) => p.edition), toCreate.map((p) => p.municipality), opts.now],
    );
    const newIds = new Map(created.map((r) => [pairKey(r.edition, r.code), r.id]));
    const idOf = (u: (typeof updates)[number]) => u.existing?.id ?? (newIds.get(pairKey(u.pair.edition, u.pair.municipality)) as number);

    const changes: Change[] = updates.flatMap((u) => u.changes.map((c) => ({ responseId: idOf(u), ...c })));
    if (changes.length) {
      await tx.query(
        `WITH input AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::jsonb[]) AS t(response_id, question, old_answer, new_answer)),
         saved AS (
           INSERT INTO answers (response_id, question, answer, version, updated_at)
           SELECT response_id, question, new_answer, 1, $5 FROM input
           ON CONFLICT (response_id, question) DO UPDATE
             SET answer = excluded.answer, version = answers.version + 1, updated_at = excluded.updated_at
         )
         INSERT INTO answer_changes (response_id, question, old_answer, new_answer, actor_kind, actor, changed_at)
         SELECT response_id, question, old_answer, new_answer, 'import', $6, $5 FROM input`,
        [
          changes.map((c) => c.responseId), changes.map((c) => c.question),
          changes.map((c) => (c.old ? JSON.stringify(c.old) : null)), changes.map((c) => (c.next ? JSON.stringify(c.next) : null)),
          opts.now, opts.actor,
        ],
      );
    }
    await tx.query(
      `UPDATE responses r SET status = 'submitted', source = 'import', submitted_at = x.s,
         started_at = COALESCE(r.started_at, $3), updated_at = $3
       FROM unnest($1::bigint[], $2::timestamptz[]) AS x(id, s) WHERE r.id = x.id`,
      [updates.map(idOf), updates.map((u) => u.submittedAt.toISOString()), opts.now],
    );
    const submissions = updates.filter((u) => u.newSubmission);
    await tx.query('INSERT INTO submissions (response_id, submitted_at) SELECT unnest($1::bigint[]), $2', [submissions.map(idOf), opts.now]);
    return outcomes;
  });
}
