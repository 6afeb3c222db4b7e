// Backup and restore through the Db interface: a round trip compares every table row by row (on
// PGlite, and on a PostgreSQL server with TEST_DB=postgres); a damaged file or a database that
// already holds data changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCommand } from '../src/cli/commands/backup.ts';
import { restoreCommand } from '../src/cli/commands/restore.ts';
import type { CommandContext } from '../src/cli/cli-error.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { BackupError, listTables, restoreBackup, writeBackup } from '../src/modules/backup/index.ts';
import { loadDemo } from '../src/modules/demo/index.ts';
import { importRegister } from '../src/modules/register/index.ts';
import { input2025 } from './register-fixtures.ts';
import { createTestDb } from './test-db.ts';

const now = new Date('2024-03-01T10:00:00Z');
let source: Db;
let target: Db;
let dir: string;
let file: string;

/** Every table's rows as exact text (timestamps to the microsecond, bytea in hex), sorted; and the sequences. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  return db.tx(async (tx) => {
    await tx.query(`SELECT set_config('TimeZone', 'UTC', true)`);
    const out: Record<string, string[]> = {};
    for (const t of await listTables(tx)) {
      const rows = await tx.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM public."${t.name}" t ORDER BY 1`);
      out[t.name] = rows.map((r) => r.j);
    }
    const seqs = await tx.query<{ name: string }>(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`);
    out['(sequences)'] = [];
    for (const s of seqs) {
      const v = await tx.one<{ v: string }>(`SELECT last_value::text || ':' || is_called AS v FROM public."${s.name}"`);
      out['(sequences)'].push(`${s.name}=${v?.v}`);
    }
    return out;
  });
}

const SEEDED = [
  'schema_migrations', 'provinces', 'municipalities', 'mergers', 'editions', 'invitations', 'personal_links', 'responses', 'answers',
  'answer_changes', 'submissions', 'accounts', 'sessions', 'magic_links', 'sign_in_attempts', 'outbox', 'contacts', 'email_templates',
  'contact_imports', 'advisors', 'advisor_municipalities', 'calls', 'pending_uploads', 'privacy_erasures',
  'register_imports', 'register_geometry', 'register_wijken', '(sequences)',
];

/** Demo answers plus a row in every other table, with the values that are easy to get wrong. */
async function seed(db: Db): Promise<void> {
  await loadDemo(db, { now });
  const acc = await db.one<{ id: number }>(`INSERT INTO accounts (email, name, role, created_at) VALUES ('Jan.Jansen@Bureau.nl', 'Jan "J" Jansen\\ 🙂', 'admin', '2024-01-02 03:04:05.123456+00') RETURNING id`);
  await db.query(`INSERT INTO sessions VALUES (sha256('s'), $1, now(), now() + interval '1 hour', now(), 'csrf')`, [acc!.id]);
  await db.query(`INSERT INTO magic_links VALUES (sha256('m'), $1, now(), now(), NULL)`, [acc!.id]);
  await db.query(`INSERT INTO personal_links (token_hash, edition, municipality_code) SELECT sha256('p'), edition, municipality_code FROM invitations LIMIT 1`);
  await db.query(`INSERT INTO sign_in_attempts VALUES ('email:abc', '2024-02-29 23:59:59.999999+00')`);
  await db.query(`INSERT INTO outbox (idempotency_key, kind, to_address, subject, body_text, edition) VALUES ('k1', 'invitation', 'a@b.nl', 'Onderwerp', E'regel 1\\nregel 2\\t"tab"', 2022)`);
  await db.query(`INSERT INTO contacts (edition, municipality_code, name, email, phone) VALUES (2022, 'GM0363', E'Ée\\nn', 'e@gm.nl', '+31 6')`);
  await db.query(`INSERT INTO email_templates (edition, kind, subject, body, updated_by) VALUES (2022, 'invitation', 's', 'b', $1)`, [acc!.id]);
  await db.query(`INSERT INTO contact_imports VALUES ('imp1', 2022, 'x.csv', '[{"big": 123456789012345678901234567890, "x": 1.50, "u": "\\u00e9"}]', $1, now())`, [acc!.id]);
  const adv = await db.one<{ id: number }>(`INSERT INTO advisors (name, email, account_id) VALUES ('Adv', 'adv@x.nl', $1) RETURNING id`, [acc!.id]);
  await db.query(`INSERT INTO advisor_municipalities VALUES ('GM0363', $1) ON CONFLICT DO NOTHING`, [adv!.id]);
  await db.query(`INSERT INTO calls (edition, municipality_code, called_at, outcome, note, account_id) VALUES (2022, 'GM0363', '2022-03-01', 'reached', E'a\\\\b', $1)`, [acc!.id]);
  const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  await db.query(`INSERT INTO pending_uploads (id, kind, file_name, content, account_id) VALUES ('u1', 'responses', 'f.csv', $1, $2)`, [bytes, acc!.id]);
  await db.query(`INSERT INTO privacy_erasures (erased_at, reason, via, counts) VALUES (now(), 'retention', 'server', '{"contacts": 2}')`);
  await db.query(`UPDATE editions SET questionnaire = questionnaire || '{"x": 1e400}'::jsonb WHERE year = 2019`).catch(() => {});
  // A sequence advanced past its rows (ids handed out, then rolled back) must keep its value.
  await db.query(`SELECT setval('outbox_id_seq', 500)`);
  // An imported register year: its municipalities, mergers, map (TopoJSON) and wijken.
  expect((await importRegister(db, input2025(), { now })).written).toBe(true);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-backup-'));
  file = path.join(dir, 'backup.jsonl.gz');
  source = await createTestDb();
  target = await createTestDb();
  await seed(source);
}, 120_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round trip: every table row by row and every sequence are the same', async () => {
    const before = await snapshot(source);
    // The tables seeded above hold something, so the comparison proves something (tables added
    // later by other migrations are compared too, empty or not).
    expect(SEEDED.filter((t) => !before[t]?.length)).toEqual([]);
    const written = await writeBackup(source, file, now);
    expect(written.tables).toBe(Object.keys(before).length - 1);
    expect(fs.readdirSync(dir)).toEqual(['backup.jsonl.gz']); // no temporary file left
    expect((fs.statSync(file).mode & 0o077)).toBe(0);
    const restored = await restoreBackup(target, file);
    expect(restored.rows).toBe(written.rows);
    expect(await snapshot(target)).toEqual(before);
    expect(await snapshot(source)).toEqual(before); // the backup changed nothing
    // Sequences go on after the restored rows.
    const next = await target.one<{ id: number }>(`INSERT INTO outbox (kind, to_address, subject, body_text) VALUES ('t', 'x@y.nl', 's', 'b') RETURNING id`);
    expect(next!.id).toBe(501);
    await target.query('DELETE FROM outbox WHERE id = 501');
  });

  it('refuses a database that already holds data unless forced, then replaces everything', async () => {
    await target.query(`INSERT INTO accounts (email, name, role) VALUES ('extra@x.nl', 'Extra', 'ministry')`);
    const before = await snapshot(target);
    await expect(restoreBackup(target, file)).rejects.toThrow(/bevat al gegevens \(.*accounts.*\)\. Gebruik --force/);
    expect(await snapshot(target)).toEqual(before);
    await restoreBackup(target, file, { force: true });
    const after = await snapshot(target);
    expect(after.accounts.some((r) => r.includes('extra@x.nl'))).toBe(false);
    expect(after).toEqual({ ...(await snapshot(source)), '(sequences)': after['(sequences)'] });
  });

  it('a damaged file: a clear error, and nothing changed even with --force', async () => {
    const gz = fs.readFileSync(file);
    const lines = zlib.gunzipSync(gz).toString('utf8').split('\n');
    const rowLine = lines.findIndex((l, i) => i > 0 && l.startsWith('{'));
    const cases: [string, Buffer, RegExp][] = [
      ['truncated.gz', gz.subarray(0, Math.floor(gz.length / 2)), /beschadigd of onvolledig/],
      ['cut-at-line.gz', zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')), /onvolledig/],
      ['bad-row.gz', zlib.gzipSync(lines.map((l, i) => (i === rowLine ? '{"code": ' : l)).join('\n')), new RegExp(`regel ${rowLine + 1} .*geen geldige rij`)],
      ['plain.txt', Buffer.from('hello\n'), /beschadigd of onvolledig/],
      ['other.gz', zlib.gzipSync('{"format":"something-else"}\n'), /geen back-up van de benchmark/],
      ['newer.gz', zlib.gzipSync([lines[0].replace('"migrations":[', '"migrations":["999_future.sql",'), ...lines.slice(1)].join('\n')), /nieuwere versie \(migraties 999_future\.sql/],
      ['older.gz', zlib.gzipSync([lines[0].replace(/"008_privacy\.sql",?/, ''), ...lines.slice(1)].join('\n')), /oudere schemaversie/],
    ];
    const before = await snapshot(target);
    for (const [name, bytes, message] of cases) {
      const f = path.join(dir, name);
      fs.writeFileSync(f, bytes);
      const err = await restoreBackup(target, f, { force: true }).then(() => undefined, (e: unknown) => e);
      expect(err, name).toBeInstanceOf(BackupError);
      expect((err as Error).message, name).toMatch(message);
    }
    await expect(restoreBackup(target, path.join(dir, 'missing.gz'), { force: true })).rejects.toThrow(/bestaat niet/);
    expect(await snapshot(target)).toEqual(before);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('a backup of one database kind restores on the other', async () => {
    // The source is on the kind this run uses; the other kind is made here.
    const previous = process.env.TEST_DB;
    process.env.TEST_DB = previous === 'postgres' ? 'pglite' : 'postgres';
    const other = await createTestDb().finally(() => {
      process.env.TEST_DB = previous;
    });
    try {
      expect(other.kind).not.toBe(source.kind);
      const f = path.join(dir, 'cross.jsonl.gz');
      await writeBackup(source, f, now);
      await restoreBackup(other, f);
      expect(await snapshot(other)).toEqual(await snapshot(source));
    } finally {
      await other.close();
    }
  });

  it('a failing backup leaves neither the file nor a temporary file', async () => {
    const f = path.join(dir, 'failed.jsonl.gz');
    let calls = 0;
    const flaky: Db = {
      ...source,
      tx: (fn) => source.tx((tx) => fn({ ...tx, query: (sql, p) => (++calls > 20 ? Promise.reject(new Error('connection lost')) : tx.query(sql, p)) })),
    };
    const listing = fs.readdirSync(dir);
    await expect(writeBackup(flaky, f, now)).rejects.toThrow('connection lost');
    expect(fs.readdirSync(dir)).toEqual(listing);
  });

  it('the commands: backup FILE, restore FILE [--force] with one-line reasons', async () => {
    const lines: string[] = [];
    const ctx: CommandContext = { db: target, config: { port: 0, dataDir: dir, baseUrl: 'http://localhost', demo: false } as Config, now: () => now, out: (s) => lines.push(s) };
    const f = path.join(dir, 'cli.jsonl.gz');
    await backupCommand.run([f], ctx);
    expect(lines[0]).toMatch(/^Back-up geschreven naar .*cli\.jsonl\.gz: \d+ tabellen, \d+ rijen/);
    await expect(restoreCommand.run([f], ctx)).rejects.toThrow(/^Niets teruggezet: De database bevat al gegevens/);
    await restoreCommand.run([f, '--force'], ctx);
    expect(lines.at(-2)).toMatch(/^Back-up van 2024-03-01T10:00:00.000Z teruggezet/);
    await expect(backupCommand.run([], ctx)).rejects.toThrow(/Geef het bestand/);
    await expect(backupCommand.run([path.join(dir, 'nope', 'x.gz')], ctx)).rejects.toThrow(/Kan .* niet schrijven/);
  });
});
