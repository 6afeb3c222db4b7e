// Contact list upload → check (stored in contact_imports) → import everything, the good rows, or nothing.
import type { Hono } from 'hono';
import { page } from '../../web/render.ts';
import type { AuthEnv } from '../auth/index.ts';
import { checkContacts, importContacts, type ImportResult } from './contacts-import.ts';
import { parseContactsFile } from './contacts-parse.ts';
import { findPendingImport, listContacts, savePendingImport, takePendingImport } from './contacts.repo.ts';
import { fwText } from './fieldwork.i18n.ts';
import { adminOnly, editionOf, type FwContext, qs, queryInt } from './route-helpers.ts';
import { ContactsPage } from './views/contacts.views.tsx';
import { PreviewPage } from './views/preview.views.tsx';

class Refused extends Error {
  constructor(readonly result: ImportResult) {
    super('refused');
  }
}

async function contactsPage(c: FwContext, year: number, extra: Partial<Parameters<typeof ContactsPage>[0]> = {}, status: 200 | 400 = 200) {
  const lang = c.get('lang');
  const imported = queryInt(c, 'geimporteerd');
  const flag = c.req.query('import');
  const notice = imported !== undefined ? { kind: 'ok' as const, text: fwText(lang, 'contacts.imported', { n: imported }) }
    : flag === 'geannuleerd' ? { kind: 'ok' as const, text: fwText(lang, 'contacts.cancelled') }
    : flag === 'verlopen' ? { kind: 'warn' as const, text: fwText(lang, 'contacts.gone') } : undefined;
  return page(c, <ContactsPage lang={lang} path={c.req.path} session={c.get('session')} year={year}
    contacts={await listContacts(c.get('deps').db, year)} fileProblems={[]} notice={notice} {...extra} />, status);
}

export function contactsRoutes(app: Hono<AuthEnv>) {
  app.get('/edities/:year/contacten', adminOnly, async (c) => {
    const edition = await editionOf(c);
    return edition ? contactsPage(c, edition.year) : c.notFound();
  });

  app.post('/edities/:year/contacten', adminOnly, async (c) => {
    const edition = await editionOf(c);
    if (!edition) return c.notFound();
    const { db, now } = c.get('deps');
    const file = (await c.req.parseBody({ all: true })).bestand;
    if (!(file instanceof File) || file.size === 0) {
      return contactsPage(c, edition.year, { fileProblems: [{ line: 1, field: '', key: 'noFile' }] }, 400);
    }
    const parsed = await parseContactsFile(new Uint8Array(await file.arrayBuffer()), file.name);
    if (parsed.problems.length) return contactsPage(c, edition.year, { fileProblems: parsed.problems }, 400);
    const id = await savePendingImport(db, { edition: edition.year, fileName: file.name || 'contacten', rows: parsed.rows, accountId: c.get('session').account.id, now: now() });
    return c.redirect(`/beheer/edities/${edition.year}/contacten/import/${id}`, 303);
  });

  app.get('/edities/:year/contacten/import/:id', adminOnly, async (c) => {
    const edition = await editionOf(c);
    if (!edition) return c.notFound();
    const db = c.get('deps').db;
    const pending = await findPendingImport(db, edition.year, c.req.param('id'));
    if (!pending) return c.redirect(`/beheer/edities/${edition.year}/contacten?import=verlopen`, 303);
    const report = await checkContacts(db, edition.year, pending.rows);
    return page(c, <PreviewPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={edition.year}
      id={pending.id} fileName={pending.fileName} report={report} />);
  });

  app.post('/edities/:year/contacten/import/:id', adminOnly, async (c) => {
    const edition = await editionOf(c);
    if (!edition) return c.notFound();
    const { db, now } = c.get('deps');
    const year = edition.year;
    const action = (await c.req.parseBody()).actie;
    if (action === 'annuleren') {
      await takePendingImport(db, year, c.req.param('id'));
      return c.redirect(`/beheer/edities/${year}/contacten?import=geannuleerd`, 303);
    }
    if (action !== 'importeren' && action !== 'overslaan') return c.redirect(`/beheer/edities/${year}/contacten/import/${c.req.param('id')}`, 303);
    try {
      // Taking the upload and importing are one transaction: a double click imports once, and a
      // refused import keeps the upload for another look.
      const result = await db.tx(async (tx) => {
        const pending = await takePendingImport(tx, year, c.req.param('id'));
        if (!pending) return undefined;
        const r = await importContacts(tx, year, pending.rows, { skipInvalid: action === 'overslaan', now: now() });
        if (r.refused) throw new Refused(r);
        return r;
      });
      if (!result) return c.redirect(`/beheer/edities/${year}/contacten?import=verlopen`, 303);
      return c.redirect(`/beheer/edities/${year}/contacten?${qs({ geimporteerd: result.imported })}`, 303);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      const pending = await findPendingImport(db, year, c.req.param('id'));
      return page(c, <PreviewPage lang={c.get('lang')} path={c.req.path} session={c.get('session')} year={year}
        id={c.req.param('id')} fileName={pending?.fileName ?? ''} report={e.result} refused />, 409);
    }
  });
}
