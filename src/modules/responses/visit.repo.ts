// Everything a respondent page needs about its link in one round trip: edition dates,
// municipality name and the response (if any). The hot path of every respondent request.
import { batchedPerDb } from '../../db/batch.ts';
import type { Db } from '../../db/client.ts';
import { hashToken, isTokenShaped } from '../auth/index.ts';
import type { Response, StoredAnswer } from './responses.repo.ts';

export type LinkVisit = {
  edition: number;
  municipalityCode: string;
  municipalityName: string | null;
  rev: number;
  closesOn: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
  publishedAt: Date | null;
  response: Response | null;
  /** The response's answers with their versions, read in the same round trip. */
  stored: Map<string, StoredAnswer>;
  /** The response row's version (xmin) at this read: a save can check nothing changed since. */
  stamp: string | null;
};

type VisitRow = Omit<LinkVisit, 'response' | 'stored'> & {
  key: string;
  r: Response | null;
  a: Record<string, { answer: StoredAnswer['answer']; version: number; updatedAt: string }> | null;
};

/** The links' rows by token hash (hex), for a batch of visits at once. */
async function loadVisits(db: Db, hashes: string[]): Promise<(VisitRow | undefined)[]> {
  const rows = await db.query<VisitRow>(
    `SELECT encode(pl.token_hash, 'hex') AS key, pl.edition, pl.municipality_code AS "municipalityCode", m.name AS "municipalityName",
       e.questionnaire_rev AS rev, to_char(e.closes_on, 'YYYY-MM-DD') AS "closesOn",
       e.opened_at AS "openedAt", e.closed_at AS "closedAt", e.published_at AS "publishedAt",
       CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object(
         'id', r.id, 'edition', r.edition, 'municipalityCode', r.municipality_code, 'status', r.status, 'source', r.source,
         'firstOpenedAt', r.first_opened_at, 'startedAt', r.started_at, 'submittedAt', r.submitted_at, 'updatedAt', r.updated_at) END AS r,
       (SELECT json_object_agg(a.question, json_build_object('answer', a.answer, 'version', a.version, 'updatedAt', a.updated_at))
        FROM answers a WHERE a.response_id = r.id) AS a,
       r.xmin::text AS stamp
     FROM personal_links pl
     JOIN editions e ON e.year = pl.edition
     LEFT JOIN municipalities m ON m.year = e.register_year AND m.code = pl.municipality_code
     LEFT JOIN responses r ON r.edition = pl.edition AND r.municipality_code = pl.municipality_code
     WHERE pl.token_hash = ANY($1::bytea[])`,
    [[...new Set(hashes)].map((h) => Buffer.from(h, 'hex'))],
    { prepared: 'find-visits' },
  );
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return hashes.map((h) => byKey.get(h));
}

// The visits of requests that arrive together are read in one statement.
const loadVisit = batchedPerDb(loadVisits, { maxInFlight: 4, maxSize: 100 });

export async function findVisit(db: Db, token: string): Promise<LinkVisit | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const row = await loadVisit(db, hashToken(token).toString('hex'));
  if (!row) return undefined;
  // A row can serve two requests with the same link: each gets its own Map and response object
  // (the answers in them are shared, and only read).
  const { r, a, key: _key, ...rest } = row;
  const stored = new Map(Object.entries(a ?? {}).map(([q, x]) => [q, { answer: x.answer, version: x.version, updatedAt: new Date(x.updatedAt) }]));
  const response = r
    ? { ...r, firstOpenedAt: toDate(r.firstOpenedAt), startedAt: toDate(r.startedAt), submittedAt: toDate(r.submittedAt), updatedAt: toDate(r.updatedAt) as Date }
    : null;
  return { ...rest, response, stored };
}

const toDate = (v: unknown): Date | null => (v ? new Date(v as string) : null);
