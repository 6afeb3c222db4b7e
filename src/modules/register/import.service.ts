// Importing a register year (CLI `import-register` and /beheer/indeling): check every file against
// the rules and the years already known, then write the whole year in one transaction, or nothing.
// Importing a year again replaces it, unless an edition with responses uses that register year.
import type { Db } from '../../db/client.ts';
import { checkGeometry, codeList, topologyCodes } from './geometry.model.ts';
import { readShippedGeometry } from './geometry.repo.ts';
import { checkWijkGeometry, type WijkTopology } from './wijk-geometry.model.ts';
import { type CheckContext, checkChain, checkMergers, checkMunicipalities, checkWijken } from './import.check.ts';
import type { MergerRow, MunicipalityRow, Note, RegisterInput, RegisterReport, WijkRow } from './import.model.ts';
import { readCsv } from './import.parse.ts';
import type { MapTopology } from '../../web/charts/index.ts';

export type ImportOptions = { dryRun?: boolean; now: Date };

const LOCK = `SELECT pg_advisory_xact_lock(hashtext('een-tegen-eenzaamheid:register'))`;

async function context(db: Db, year: number): Promise<CheckContext> {
  // One after the other: inside the import's transaction they share one connection.
  const provinces = await db.query<{ code: string }>('SELECT code FROM provinces');
  const prevRow = await db.one<{ year: number | null }>('SELECT max(year) AS year FROM municipalities WHERE year < $1', [year]);
  const earlier = await db.query<{ code: string }>('SELECT DISTINCT code FROM municipalities WHERE year < $1', [year]);
  const stored = await db.query<{ yearEffective: number; firstListYear: number; oldCode: string; newCode: string }>(
    `SELECT year_effective AS "yearEffective", first_list_year AS "firstListYear", old_code AS "oldCode", new_code AS "newCode" FROM mergers`);
  const prevYear = prevRow?.year ?? undefined;
  const previous = prevYear === undefined || prevYear === null ? undefined : {
    year: prevYear,
    names: new Map((await db.query<{ code: string; name: string }>('SELECT code, name FROM municipalities WHERE year = $1', [prevYear])).map((r) => [r.code, r.name])),
  };
  return { year, provinces: new Set(provinces.map((p) => p.code)), previous, earlierCodes: new Set(earlier.map((r) => r.code)), stored };
}

type Existing = { municipalities: number; importedAt: Date | null; editions: Array<{ year: number; responses: number }> };

/** What is there now for the year, and which editions use it (with their responses). */
export async function existingYear(db: Db, year: number): Promise<Existing> {
  const row = await db.one<Existing>(
    `SELECT (SELECT count(*)::int FROM municipalities WHERE year = $1) AS municipalities,
       (SELECT imported_at FROM register_imports WHERE year = $1) AS "importedAt",
       (SELECT COALESCE(json_agg(json_build_object('year', e.year, 'responses',
          (SELECT count(*)::int FROM responses r WHERE r.edition = e.year)) ORDER BY e.year), '[]') FROM editions e WHERE e.register_year = $1) AS editions`,
    [year],
  );
  return row ?? { municipalities: 0, importedAt: null, editions: [] };
}

type Checked = { report: RegisterReport; rows: MunicipalityRow[]; mergers: MergerRow[]; wijken: WijkRow[]; topology?: MapTopology; wijkTopology?: WijkTopology; ctx?: CheckContext };

async function check(db: Db, input: RegisterInput): Promise<Checked> {
  const year = input.year;
  const files = Object.fromEntries(Object.entries(input).filter(([k, f]) => k !== 'year' && f).map(([k, f]) => [k, (f as { name: string }).name]));
  const report: RegisterReport = { year, files, counts: { municipalities: 0, mergers: 0, wijken: 0, geometry: 0 }, problems: [], notes: [], written: false };
  const out: Checked = { report, rows: [], mergers: [], wijken: [] };
  const problems = report.problems;
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    problems.push({ file: 'year', key: 'year.invalid', params: { value: String(input.year) } });
    return out;
  }
  const ctx = await context(db, year);
  out.ctx = ctx;
  const existing = await existingYear(db, year);
  const used = existing.editions.filter((e) => e.responses > 0);
  if (used.length) {
    problems.push({ file: 'year', key: 'year.inUse', params: { year, editions: used.map((e) => `${e.year} (${e.responses})`).join(', ') } });
  }
  if (existing.municipalities > 0) {
    report.notes.push({ key: 'note.replaces', params: { year, n: existing.municipalities, source: existing.importedAt ? 'import' : 'cbs' } });
  } else {
    report.notes.push({ key: 'note.new', params: { year } });
  }

  const muni = readCsv('municipalities', input.municipalities);
  problems.push(...muni.problems);
  if (muni.table) {
    const r = checkMunicipalities(muni.table, ctx);
    out.rows = r.rows;
    problems.push(...r.problems);
  }
  const list = new Set(out.rows.map((r) => r.code));
  // Without a readable list the other files are only read (their own problems), not compared with it.
  const listed = Boolean(muni.table);
  if (input.mergers) {
    const m = readCsv('mergers', input.mergers);
    problems.push(...m.problems);
    if (m.table && listed) {
      const r = checkMergers(m.table, ctx, list);
      out.mergers = r.rows;
      problems.push(...r.problems);
      if (r.skipped) report.notes.push({ key: 'note.mergersSkipped', params: { n: r.skipped } });
    }
  }
  if (muni.table) problems.push(...checkChain(out.rows, out.mergers, ctx, Boolean(input.mergers)));
  if (input.wijken) {
    const w = readCsv('wijken', input.wijken);
    problems.push(...w.problems);
    if (w.table && listed) {
      const r = checkWijken(w.table, list, year);
      out.wijken = r.rows;
      problems.push(...r.problems);
    }
  }
  if (muni.table) {
    const munis = out.rows.filter((r) => /^GM\d{4}$/.test(r.code));
    if (input.geo) {
      const g = checkGeometry(input.geo.bytes, munis, ctx.provinces);
      problems.push(...g.problems);
      out.topology = g.topology;
      report.counts.geometry = g.count;
      if (g.kind === 'geojson') report.notes.push({ key: 'note.geojson' });
    } else {
      const shipped = readShippedGeometry(year);
      if (shipped) {
        // Without a map of its own, the year keeps the shipped one: that must fit the new list.
        const codes = new Set(topologyCodes(shipped));
        const missing = [...list].filter((c) => !codes.has(c));
        const extra = [...codes].filter((c) => !list.has(c));
        if (missing.length || extra.length) {
          problems.push({ file: 'geo', key: 'geo.shippedMismatch', params: { year, missing: codeList(missing) || '–', extra: codeList(extra) || '–' } });
        } else {
          report.notes.push({ key: 'note.geoShipped', params: { year } });
          report.counts.geometry = codes.size;
        }
      } else {
        report.notes.push({ key: 'note.noGeo', params: { year } });
      }
    }
  }
  if (input.wijkGeo && listed) {
    // The wijk boundaries of the year (the map of part 1 of the municipal report).
    const w = checkWijkGeometry(input.wijkGeo.bytes, list);
    problems.push(...w.problems);
    out.wijkTopology = w.topology;
    report.counts.wijkGeometry = w.count;
  }
  report.counts.municipalities = out.rows.length;
  report.counts.mergers = out.mergers.length;
  report.counts.wijken = out.wijken.length;
  return out;
}

/** Checks the files and, unless a dry run or anything is wrong, writes the year (all or nothing). */
export async function importRegister(db: Db, input: RegisterInput, opts: ImportOptions): Promise<RegisterReport> {
  if (opts.dryRun) {
    const { report } = await check(db, input);
    return finish(report, report.problems.length ? 'note.nothingWritten' : 'note.dryRun');
  }
  return db.tx(async (tx) => {
    // Checked under the lock: no other import, and no edition opened on a year half replaced.
    await tx.query(LOCK);
    const c = await check(tx, input);
    if (c.report.problems.length) return finish(c.report, 'note.nothingWritten');
    await write(tx, c, input, opts.now);
    c.report.written = true;
    return finish(c.report, 'note.written');
  });
}

function finish(report: RegisterReport, key: Note['key']): RegisterReport {
  report.notes.push({ key, params: { year: report.year } });
  return report;
}

async function write(tx: Db, c: Checked, input: RegisterInput, now: Date): Promise<void> {
  const year = input.year;
  const ctx = c.ctx as CheckContext;
  await tx.query('DELETE FROM municipalities WHERE year = $1', [year]);
  // The mergers this year's list shows first (see ownYear): replaced by the file's, if any.
  await tx.query('DELETE FROM mergers WHERE first_list_year <= $1 AND first_list_year > $2', [year, ctx.previous?.year ?? year - 1]);
  await tx.query('DELETE FROM register_geometry WHERE year = $1', [year]);
  await tx.query('DELETE FROM register_wijken WHERE year = $1', [year]);
  // Wijk boundaries are replaced only by a new file: a year imported again without one keeps them.
  if (c.wijkTopology) await tx.query('DELETE FROM register_wijk_geometry WHERE year = $1', [year]);
  const m = c.rows;
  await tx.query(
    `INSERT INTO municipalities (year, code, name, province_code) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])`,
    [year, m.map((x) => x.code), m.map((x) => x.name), m.map((x) => x.provinceCode)],
  );
  const g = c.mergers;
  if (g.length) {
    await tx.query(
      `INSERT INTO mergers (year_effective, date_effective, first_list_year, old_code, old_name, new_code, new_name, type, area_share)
       SELECT * FROM unnest($1::int[], $2::date[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::numeric[])`,
      [g.map((x) => x.yearEffective), g.map((x) => x.dateEffective), g.map((x) => x.firstListYear), g.map((x) => x.oldCode),
        g.map((x) => x.oldName), g.map((x) => x.newCode), g.map((x) => x.newName), g.map((x) => x.type), g.map((x) => x.areaShare)],
    );
  }
  const w = c.wijken;
  if (w.length) {
    await tx.query(
      'INSERT INTO register_wijken (year, code, name, municipality_code) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])',
      [year, w.map((x) => x.code), w.map((x) => x.name), w.map((x) => x.municipalityCode)],
    );
  }
  if (c.topology) {
    await tx.query('INSERT INTO register_geometry (year, topojson, imported_at) VALUES ($1, $2, $3)', [year, JSON.stringify(c.topology), now]);
  }
  if (c.wijkTopology) {
    await tx.query('INSERT INTO register_wijk_geometry (year, topojson, imported_at) VALUES ($1, $2, $3)', [year, JSON.stringify(c.wijkTopology), now]);
  }
  await tx.query(
    `INSERT INTO register_imports (year, imported_at, files) VALUES ($1, $2, $3)
     ON CONFLICT (year) DO UPDATE SET imported_at = excluded.imported_at, files = excluded.files`,
    [year, now, JSON.stringify(c.report.files)],
  );
}

