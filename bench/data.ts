// Non-HTTP scenarios, timed in this process: loading the demo, the statistics beside a plain SQL
// GROUP BY on PostgreSQL doing the same counting (the reference the issue asks for), making the
// national report PDF, and making all factsheets of an edition.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoIfEmpty, loadReferenceData } from '../src/bootstrap.ts';
import { connectServer, type Db } from '../src/db/client.ts';
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { statsFor } from '../src/modules/data-exchange/index.ts';
import { allFactsheets } from '../src/modules/reports/factsheet/index.ts';
import { buildNationalReportPdf } from '../src/modules/reports/national/index.ts';
import { runStatisticsBench } from './statistics.bench.ts';

export const TIMED_IDS = ['demo', 'stats', 'factsheets', 'pdf'] as const;
export type TimedId = (typeof TIMED_IDS)[number];
export type TimedRow = { id: TimedId; scenario: string; db: string; ms: number; targetMs?: number; reference?: string };

const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

async function freshDb(kind: 'pglite' | 'postgres', url?: string): Promise<{ db: Db; done: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-bench-data-'));
    const db = await openEmbedded(dir, 'cli');
    return { db, done: async () => { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const db = connectServer(url as string);
  await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  return { db, done: () => db.close() };
}

/** Plain SQL counting answers per edition/question/item/option for every response (national scope). */
const GROUP_BY = `
  SELECT r.edition, a.question, x.item, x.option, count(*)
  FROM responses r JOIN answers a ON a.response_id = r.id
  CROSS JOIN LATERAL (
    SELECT NULL AS item, a.answer->>'value' AS option WHERE a.answer ? 'value'
    UNION ALL SELECT NULL, v FROM jsonb_array_elements_text(CASE WHEN a.answer ? 'values' THEN a.answer->'values' ELSE '[]' END) v
    UNION ALL SELECT key, value FROM jsonb_each_text(CASE WHEN a.answer ? 'items' THEN a.answer->'items' ELSE '{}' END)
  ) x
  WHERE r.submitted_at IS NOT NULL AND ($1::int IS NULL OR r.edition = $1)
  GROUP BY 1, 2, 3, 4`;

export async function runDataScenarios(kind: 'pglite' | 'postgres', url: string | undefined, only: ReadonlySet<string>): Promise<TimedRow[]> {
  if (!TIMED_IDS.some((id) => only.has(id))) return [];
  const { db, done } = await freshDb(kind, url);
  try {
    await migrate(db);
    await loadReferenceData(db);
    const rows: TimedRow[] = [];
    // The demo data is what the other scenarios read, so it is loaded even when not reported.
    const demo = await time(() => loadDemoIfEmpty(db, new Date()));
    if (only.has('demo')) rows.push({ id: 'demo', scenario: 'demodata laden', db: kind, ms: demo, targetMs: 15_000 });
    if (only.has('stats')) {
      const stats = await time(() => statsFor(db, { edition: 2022, scope: 'all' }));
      const sql = await time(() => db.query(GROUP_BY, [2022]));
      rows.push({ id: 'stats', scenario: 'statistieken 2022 uit de database (alle scopes)', db: kind, ms: stats, reference: `SQL GROUP BY (alleen landelijk): ${sql.toFixed(0)} ms` });
    }
    const now = new Date();
    if (only.has('pdf')) {
      // The first build also loads the Typst compiler and fonts; the second is the steady cost.
      let size = 0;
      const first = await time(async () => { size = (await buildNationalReportPdf(db, 2022, { now }))?.length ?? 0; });
      const again = await time(() => buildNationalReportPdf(db, 2022, { now }));
      rows.push({ id: 'pdf', scenario: 'landelijk rapport 2022 als pdf maken (tekst en alle figuren)', db: kind, ms: again, targetMs: 2_000, reference: `eerste keer ${first.toFixed(0)} ms (met Typst laden), ${Math.round(size / 1024)} kB` });
    }
    if (only.has('factsheets')) {
      let n = 0;
      const ms = await time(async () => { for await (const f of allFactsheets(db, 2022, { now })) if (f.pdf.length) n++; });
      rows.push({ id: 'factsheets', scenario: 'alle factsheets 2022 maken', db: kind, ms, targetMs: 5_000, reference: `${n} factsheets, ${n ? (ms / n).toFixed(0) : '-'} ms per stuk` });
    }
    return rows;
  } finally {
    await done();
  }
}

/** The pure statistics (targets 50 ms and 2 s), and the same 10,000 × 5 counting in SQL. */
export async function runStatisticsScenarios(url?: string): Promise<TimedRow[]> {
  const pure = await runStatisticsBench();
  let reference: string | undefined;
  if (url) {
    const db = connectServer(url);
    try {
      await db.query('DROP TABLE IF EXISTS bench_answers');
      // 10,000 respondents × 5 editions × 20 single questions with 4 options, as plain rows.
      await db.query(`CREATE TABLE bench_answers AS
        SELECT e AS edition, m AS municipality, q AS question, ((m * 7 + q * 13 + e) % 4)::text AS option
        FROM generate_series(1, 5) e, generate_series(1, 10000) m, generate_series(1, 20) q`);
      const ms = await time(() => db.query('SELECT edition, question, option, count(*) FROM bench_answers GROUP BY 1, 2, 3'));
      reference = `SQL GROUP BY op 1 mln rijen: ${ms.toFixed(0)} ms`;
      await db.query('DROP TABLE bench_answers');
    } finally {
      await db.close();
    }
  }
  return pure.map((r, i) => ({ id: 'stats' as const, scenario: `statistiek (zuiver): ${r.scenario}`, db: '-', ms: r.ms, targetMs: r.targetMs, reference: i === 1 ? reference : undefined }));
}
