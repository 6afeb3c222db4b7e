// /beheer/adviseurs: the advisors and their regions; the bureau imports a file (check first,
// then confirm). Ministry reads; an advisor has no business here (403).
import { type Context, Hono } from 'hono';
import { page } from '../../web/render.ts';
import { type AuthEnv, requireRole } from '../auth/index.ts';
import { listAdvisors, unassignedMunicipalities } from './advisors.repo.ts';
import { importAdvisors } from './import.apply.ts';
import { type ImportReport, TableSchema } from './import.model.ts';
import { readTable, type Table, UnreadableFileError } from './read-table.ts';
import { AdvisorsPage, type AdvisorsPageProps } from './views/advisors-page.tsx';
import { ImportReportPage } from './views/import-report.tsx';

export const advisorsRoutes = new Hono<AuthEnv>();

async function listPage(c: Context<AuthEnv>, uploadError?: AdvisorsPageProps['uploadError']) {
  const { db } = c.get('deps');
  const session = c.get('session');
  return page(c,
    <AdvisorsPage lang={c.get('lang')} path="/beheer/adviseurs" session={session} advisors={await listAdvisors(db)}
      unassigned={await unassignedMunicipalities(db)} canImport={session.account.role === 'admin'} uploadError={uploadError} />,
    uploadError ? 400 : 200);
}

advisorsRoutes.get('/adviseurs', requireRole('admin', 'ministry'), (c) => listPage(c));

// Step 1: check the uploaded file; nothing is written.
advisorsRoutes.post('/adviseurs', requireRole('admin'), async (c) => {
  const { db, now } = c.get('deps');
  const body = await c.req.parseBody({ all: true });
  const file = [body.file].flat()[0];
  if (!(file instanceof File) || file.size === 0) return listPage(c, 'import.error.noFile');
  let table: Table = { header: [], rows: [] };
  let report: ImportReport;
  try {
    table = await readTable(new Uint8Array(await file.arrayBuffer()));
    report = await importAdvisors(db, table, { dryRun: true, now: now() });
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    report = { registerYear: 0, fileErrors: [e.limit ? { key: 'file.limit', limit: e.limit } : { key: 'file.unreadable' }], rows: [] };
  }
  return page(c, <ImportReportPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} report={report} table={table} />,
    report.fileErrors.length ? 400 : 200);
});

// Step 2: the confirm form posts the checked rows back; they are checked again and written.
advisorsRoutes.post('/adviseurs/importeren', requireRole('admin'), async (c) => {
  const { db, now } = c.get('deps');
  const body = await c.req.parseBody({ all: true });
  let parsed: ReturnType<typeof TableSchema.safeParse>;
  try {
    // A NUL ("\u0000" in the JSON) cannot be stored in PostgreSQL text: left out, like in a file.
    const noNul = (_k: string, v: unknown) => (typeof v === 'string' ? v.split('\u0000').join('') : v);
    parsed = TableSchema.safeParse(JSON.parse(String([body.table].flat()[0] ?? ''), noNul));
  } catch {
    return listPage(c, 'import.error.form');
  }
  if (!parsed.success) return listPage(c, 'import.error.form');
  const table = parsed.data;
  const report = await importAdvisors(db, table, { skipInvalid: [body.overslaan].flat()[0] === '1', now: now() });
  const refused = !report.outcome;
  return page(c, <ImportReportPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} report={report} table={table} refused={refused} />,
    refused ? 400 : 200);
});
