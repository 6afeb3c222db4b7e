// Saving a page when a colleague wrote between the page's read and its save: the one-statement
// save must notice and fall back to the locked way, so nothing is silently overwritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { createPersonalLink } from '../src/modules/auth/index.ts';
import { openEdition } from '../src/modules/editions/index.ts';
import { findVisit, listChanges, loadAnswers, openResponse, saveAnswers, type SaveRequest } from '../src/modules/responses/index.ts';
import { createTestDb } from './test-db.ts';

let db: Db;
const now = new Date('2022-10-01T10:00:00Z');
let token: string;
let responseId: number;

beforeAll(async () => {
  db = await createTestDb();
  await openEdition(db, 2022, '2022-12-31', now);
  token = await createPersonalLink(db, 2022, 'GM0363');
  responseId = (await openResponse(db, 2022, 'GM0363', now)).id;
});
afterAll(async () => db?.close());

const request = (answers: SaveRequest['answers'], baseVersions: Record<string, number>): SaveRequest => ({
  answers, baseVersions, actor: { kind: 'respondent' }, now,
});
const seenNow = async () => {
  const v = (await findVisit(db, token))!;
  return { stored: v.stored, stamp: v.stamp };
};
const versions = (seen: Awaited<ReturnType<typeof seenNow>>) => (q: string) => seen.stored.get(q)?.version ?? 0;
const answerOf = async (q: string) => (await loadAnswers(db, responseId)).get(q);

describe('saving with what the page read', () => {
  it('nothing changed since the read: saved in one go, with its audit row', async () => {
    const seen = await seenNow();
    expect(seen.stamp).toMatch(/^\d+$/);
    const r = await saveAnswers(db, responseId, request({ week_tegen_eenzaamheid: { value: 'ja' } }, {}), seen);
    expect(r).toEqual({ conflicts: [], saved: true });
    expect((await answerOf('week_tegen_eenzaamheid'))?.answer).toEqual({ value: 'ja' });
    expect((await listChanges(db, responseId)).filter((c) => c.question === 'week_tegen_eenzaamheid')).toHaveLength(1);
  });

  it('a colleague changed the same question after the read: a conflict, the colleague\'s answer stays', async () => {
    const mine = await seenNow();
    const v = versions(mine)('week_tegen_eenzaamheid');
    const colleague = await saveAnswers(db, responseId, request({ week_tegen_eenzaamheid: { value: 'nee' } }, { week_tegen_eenzaamheid: v }), await seenNow());
    expect(colleague.saved).toBe(true);
    const r = await saveAnswers(db, responseId, request({ week_tegen_eenzaamheid: { value: 'ja', comment: 'van mij' } }, { week_tegen_eenzaamheid: v }), mine);
    expect(r.saved).toBe(false);
    expect(r.conflicts.map((c) => [c.question, c.theirs])).toEqual([['week_tegen_eenzaamheid', { value: 'nee' }]]);
    expect((await answerOf('week_tegen_eenzaamheid'))?.answer).toEqual({ value: 'nee' });
  });

  it('a colleague changed another question after the read: both answers are kept', async () => {
    const mine = await seenNow();
    await saveAnswers(db, responseId, request({ signaalpunt: { value: 'ja' } }, {}), await seenNow());
    const r = await saveAnswers(db, responseId, request({ week_tegen_eenzaamheid: { value: 'ja' } }, { week_tegen_eenzaamheid: versions(mine)('week_tegen_eenzaamheid') }), mine);
    expect(r).toEqual({ conflicts: [], saved: true });
    expect((await answerOf('signaalpunt'))?.answer).toEqual({ value: 'ja' });
    expect((await answerOf('week_tegen_eenzaamheid'))?.answer).toEqual({ value: 'ja' });
    // The audit's "old" answer is the one really replaced, not the one the stale page read.
    const last = (await listChanges(db, responseId)).filter((c) => c.question === 'week_tegen_eenzaamheid').at(-1);
    expect([last?.oldAnswer, last?.newAnswer]).toEqual([{ value: 'nee' }, { value: 'ja' }]);
  });

  it('twenty colleagues saving the same question at once: each version has exactly one audit row', async () => {
    const before = (await answerOf('week_tegen_eenzaamheid'))!.version;
    const results = await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      const seen = await seenNow();
      return saveAnswers(db, responseId, request({ week_tegen_eenzaamheid: { value: i % 2 ? 'ja' : 'nee', comment: `collega ${i}` } }, { week_tegen_eenzaamheid: versions(seen)('week_tegen_eenzaamheid') }), seen);
    }));
    const saved = results.filter((r) => r.saved).length;
    expect(saved + results.filter((r) => r.conflicts.length).length).toBe(20);
    expect(saved).toBeGreaterThan(0);
    const after = (await answerOf('week_tegen_eenzaamheid'))!.version;
    expect(after - before).toBe(saved);
    const audit = (await listChanges(db, responseId)).filter((c) => c.question === 'week_tegen_eenzaamheid');
    expect(audit).toHaveLength(after);
    // The stored answer is the last one the audit records.
    expect((await answerOf('week_tegen_eenzaamheid'))?.answer).toEqual(audit.at(-1)?.newAnswer);
  });
});
