// What a backup holds, discovered from the catalog so a table added by a later migration is
// included without touching this code: every table of the public schema in foreign-key order
// (referenced tables first), its columns, and the sequences.
import type { Db } from '../../db/client.ts';

export const SCHEMA = 'public';

export type TableInfo = {
  name: string;
  /** All columns, in table order. */
  columns: string[];
  /** The columns an INSERT may name (generated columns are computed again). */
  insertable: string[];
};

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const qualified = (name: string) => `${ident(SCHEMA)}.${ident(name)}`;

/** Parents before children; tables in a cycle (none today) follow in name order. */
export function fkOrder(names: string[], edges: { child: string; parent: string }[]): string[] {
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent && parents.has(e.parent)) parents.get(e.child)?.add(e.parent);
  const order: string[] = [];
  const left = new Set([...names].sort());
  for (;;) {
    const ready = [...left].filter((n) => [...(parents.get(n) ?? [])].every((p) => !left.has(p)));
    if (ready.length === 0) break;
    for (const n of ready) {
      order.push(n);
      left.delete(n);
    }
  }
  return [...order, ...left];
}

export async function listTables(db: Db): Promise<TableInfo[]> {
  // Plain and partitioned tables, not the partitions themselves (their rows come with the parent).
  const cols = await db.query<{ table: string; column: string; generated: string }>(
    `SELECT c.relname AS "table", a.attname AS "column", a.attgenerated::text AS generated
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname, a.attnum`,
    [SCHEMA],
  );
  const edges = await db.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE k.contype = 'f' AND n.nspname = $1`,
    [SCHEMA],
  );
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    let t = tables.get(c.table);
    if (!t) tables.set(c.table, (t = { name: c.table, columns: [], insertable: [] }));
    t.columns.push(c.column);
    if (c.generated === '') t.insertable.push(c.column);
  }
  return fkOrder([...tables.keys()], edges).map((n) => tables.get(n)!);
}

export async function listSequences(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'S' ORDER BY c.relname`,
    [SCHEMA],
  );
  return rows.map((r) => r.name);
}

export type SequenceValue = { name: string; value: string; called: boolean };

export async function readSequence(db: Db, name: string): Promise<SequenceValue> {
  const row = await db.one<{ value: string; called: boolean }>(`SELECT last_value::text AS value, is_called AS called FROM ${qualified(name)}`);
  return { name, value: row!.value, called: row!.called };
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
  return rows.map((r) => r.name);
}

/**
 * Tables whose rows every start writes (the CBS register and population, the editions from data/questionnaires):
 * they do not make a database "hold data". An edition that was opened, closed, published or
 * whose questionnaire was edited does.
 */
export const REFERENCE_TABLES = new Set(['schema_migrations', 'provinces', 'municipalities', 'mergers', 'editions', 'population', 'population_imports']);

/** The tables holding anything beyond the reference data (empty: safe to restore into). */
export async function tablesWithData(db: Db, tables: TableInfo[]): Promise<string[]> {
  const candidates = tables.filter((t) => !REFERENCE_TABLES.has(t.name));
  const found: string[] = [];
  for (let i = 0; i < candidates.length; i += 50) {
    const part = candidates.slice(i, i + 50);
    const rows = await db.query<{ name: string }>(
      part.map((t, j) => `SELECT $${j + 1}::text AS name WHERE EXISTS (SELECT 1 FROM ${qualified(t.name)})`).join(' UNION ALL '),
      part.map((t) => t.name),
    );
    found.push(...rows.map((r) => r.name));
  }
  if (tables.some((t) => t.name === 'editions')) {
    const used = await db.one<{ used: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM editions WHERE opened_at IS NOT NULL OR closed_at IS NOT NULL OR published_at IS NOT NULL
         OR opens_on IS NOT NULL OR closes_on IS NOT NULL OR questionnaire_rev > 1) AS used`,
    );
    if (used?.used) found.push('editions');
  }
  return found.sort();
}
