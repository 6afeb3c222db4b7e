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

describe('saves of many municipalities arriving together (written in one statement)', () => {
  const codes = ['GM0014', 'GM0034', 'GM0037', 'GM0047', 'GM0050', 'GM0059', 'GM0060', 'GM0072', 'GM0074', 'GM0080'];
  let links: { code: string; token: string; id: number }[];

  beforeAll(async () => {
    links = await Promise.all(codes.map(async (code) => ({
      code, token: await createPersonalLink(db, 2022, code), id: (await openResponse(db, 2022, code, now)).id,
    })));
  });

  it('each save is written with its own answer, audit row, actor and time', async () => {
    const results = await Promise.all(links.map(async (l, i) => {
      const v = (await findVisit(db, l.token))!;
      expect(v.municipalityCode).toBe(l.code);
      const at = new Date(now.getTime() + i * 1000);
      return saveAnswers(db, l.id, { answers: { week_tegen_eenzaamheid: { value: i % 2 ? 'ja' : 'nee', comment: l.code } }, baseVersions: {}, actor: { kind: 'respondent' }, now: at }, { stored: v.stored, stamp: v.stamp });
    }));
    expect(results.every((r) => r.saved && !r.conflicts.length)).toBe(true);
    for (const [i, l] of links.entries()) {
      expect((await loadAnswers(db, l.id)).get('week_tegen_eenzaamheid')?.answer).toEqual({ value: i % 2 ? 'ja' : 'nee', comment: l.code });
      const audit = await listChanges(db, l.id);
      expect(audit.map((c) => [c.question, c.actorKind, c.changedAt.getTime()])).toEqual([['week_tegen_eenzaamheid', 'respondent', now.getTime() + i * 1000]]);
    }
  });

  it('one save that the database refuses does not take the others down', async () => {
    const results = await Promise.allSettled(links.map(async (l, i) => {
      const v = (await findVisit(db, l.token))!;
      // An actor the database's check constraint refuses: that save fails, on its own.
      const actor = (i === 3 ? { kind: 'inbreker' } : { kind: 'respondent' }) as SaveRequest['actor'];
      return saveAnswers(db, l.id, { answers: { signaalpunt: { value: 'ja' } }, baseVersions: {}, actor, now }, { stored: v.stored, stamp: v.stamp });
    }));
    expect(results.map((r) => r.status)).toEqual(links.map((_, i) => (i === 3 ? 'rejected' : 'fulfilled')));
    for (const [i, l] of links.entries()) {
      expect((await loadAnswers(db, l.id)).get('signaalpunt')?.answer).toEqual(i === 3 ? undefined : { value: 'ja' });
    }
  });
});
