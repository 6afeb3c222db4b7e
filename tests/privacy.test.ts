// AVG: everything about one e-mail address is found (whatever its capitals), exported and erased,
// and nothing else is touched; the retention period erases only editions published long enough
// ago; the admin pages are for admins, with CSRF and a confirmation before erasing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import { personalDataCommand } from '../src/cli/commands/personal-data.ts';
import type { CommandContext } from '../src/cli/cli-error.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createAccount, createMagicLink, createSession } from '../src/modules/auth/index.ts';
import { listTables } from '../src/modules/backup/index.ts';
import { applyRetention, erasePersonalData, findPersonalData, privacyRoutes, retentionDays, startRetentionLoop } from '../src/modules/privacy/index.ts';
import { formFields, parse, text } from './html.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2024-03-01T10:00:00Z');
let db: Db;
let app: ReturnType<typeof createApp>;
let seq = 0;

async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await listTables(db)) {
    out[t.name] = (await db.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM public."${t.name}" t ORDER BY 1`)).map((r) => r.j);
  }
  return out;
}

/** Tables whose rows differ between two snapshots. */
/** A form's fields without its CSRF token (the staff client adds that itself). */
const fieldsOf = (html: string, action: string) => formFields(html, `form[action="${action}"]`).filter(([k]) => k !== '_csrf');

const changed = (a: Record<string, string[]>, b: Record<string, string[]>) =>
  Object.keys(b).filter((t) => JSON.stringify(a[t]) !== JSON.stringify(b[t])).sort();

/** A contact person of two editions, a colleague, a staff member who is also an advisor, and their traces. */
async function world() {
  const n = ++seq;
  const person = `Jan.de.Vries${n}@Gemeente.nl`;
  const colleague = `piet${n}@gemeente.nl`;
  const staff = `sanne${n}@bureau.nl`;
  const code = ['GM0363', 'GM0014', 'GM0344', 'GM0599'][n % 4];
  const other = 'GM0518';
  for (const ed of [2021, 2022]) {
    await db.query(`INSERT INTO contacts (edition, municipality_code, name, email, phone) VALUES ($1, $2, $3, $4, '010-123')`,
      [ed, code, `Jan de Vries ${n}`, ed === 2021 ? person.toLowerCase() : person]);
  }
  await db.query(`INSERT INTO contacts (edition, municipality_code, name, email) VALUES (2022, $1, $2, $3)`, [code, `Piet Bakker ${n}`, colleague]);
  const sanne = await createAccount(db, { email: staff, name: `Sanne ${n}`, role: 'advisor' }, now);
  const caller = await createAccount(db, { email: `caller${n}@bureau.nl`, name: 'Caller', role: 'admin' }, now);
  await createSession(db, sanne.id, now);
  await createMagicLink(db, sanne.id, now);
  const adv = await db.one<{ id: number }>(`INSERT INTO advisors (name, email, phone, account_id) VALUES ($1, $2, '06-1', $3) RETURNING id`, [`Sanne ${n}`, staff.toUpperCase(), sanne.id]);
  await db.query(`INSERT INTO advisor_municipalities VALUES ($1, $2) ON CONFLICT DO NOTHING`, [code, adv!.id]);
  const call = (mc: string, note: string, by: number) => db.one<{ id: number }>(
    `INSERT INTO calls (edition, municipality_code, called_at, outcome, note, account_id) VALUES (2022, $1, '2022-03-01', 'reached', $2, $3) RETURNING id`, [mc, note, by]);
  const calls = {
    byName: (await call(code, `Gesproken met jan de vries ${n}; vult in`, caller.id))!.id,
    byEmail: (await call(other, `Mail gestuurd aan ${person.toUpperCase()}`, caller.id))!.id,
    otherPerson: (await call(code, `Piet Bakker ${n} belt terug`, caller.id))!.id,
    nameElsewhere: (await call(other, `Jan de Vries ${n} genoemd`, caller.id))!.id,
    bySanne: (await call(code, 'Teruggebeld, geen gehoor', sanne.id))!.id,
  };
  const mail = (to: string, status: string, key: string | null, edition: number | null) => db.query(
    `INSERT INTO outbox (idempotency_key, kind, to_address, subject, body_text, edition, municipality_code, status)
     VALUES ($1, 'invitation', $2, 'Uitnodiging', $3, $4, $5, $6)`, [key, to, `Beste ${to}, hier is uw link`, edition, edition ? code : null, status]);
  await mail(person.toLowerCase(), 'sent', `invitation:2022:${code}:${person.toLowerCase()}`, 2022);
  await mail(person, 'pending', null, 2022);
  await mail(colleague, 'sent', `invitation:2022:${code}:${colleague}`, 2022);
  await mail(staff, 'sent', null, null);
  await db.query(`INSERT INTO contact_imports (id, edition, file_name, rows, created_by, created_at) VALUES ($1, 2022, 'lijst.csv', $2, $3, $4)`,
    [`imp${n}`, JSON.stringify([{ line: 2, email: person.toUpperCase(), name: 'Jan' }, { line: 3, email: colleague, name: 'Piet' }]), caller.id, now]);
  const resp = await db.one<{ id: number }>(`INSERT INTO responses (edition, municipality_code) VALUES (2022, $1) ON CONFLICT (edition, municipality_code) DO UPDATE SET status = responses.status RETURNING id`, [code]);
  await db.query(`INSERT INTO answers (response_id, question, answer) VALUES ($1, $2, '"ja"')`, [resp!.id, `q${n}`]);
  await db.query(`INSERT INTO answer_changes (response_id, question, new_answer, actor_kind, actor) VALUES ($1, $2, '"ja"', 'bureau', $3)`, [resp!.id, `q${n}`, staff]);
  return { person, colleague, staff, sanne, code, calls };
}

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => now });
  app.route('/beheer/privacy', privacyRoutes); // in the product: app.tsx
});
afterAll(async () => db?.close());

describe('export', () => {
  it('finds everything stored about a contact person, whatever the capitals, and nothing of others', async () => {
    const w = await world();
    const d = await findPersonalData(db, `  ${w.person.toUpperCase()} `, now);
    expect(d.contacts.map((c) => c.edition)).toEqual([2021, 2022]);
    expect(d.contacts[0].municipalityName).toBeTruthy();
    expect(d.calls.map((c) => c.id).sort()).toEqual([w.calls.byName, w.calls.byEmail].sort());
    expect(d.messages.map((m) => m.status).sort()).toEqual(['pending', 'sent']);
    expect(d.contactImports).toHaveLength(1);
    expect(d.contactImports[0].rows).toEqual([{ line: 2, email: w.person.toUpperCase(), name: 'Jan' }]);
    expect(d.account).toBeNull();
    expect(d.advisor).toBeNull();
    expect(JSON.stringify(d)).not.toContain(w.colleague);
  });

  it('finds a member of staff: account, sessions, sign-in links, advisor record, calls logged, e-mail, change history', async () => {
    const w = await world();
    const d = await findPersonalData(db, w.staff, now);
    expect(d.account?.id).toBe(w.sanne.id);
    expect(d.sessions).toHaveLength(1);
    expect(d.signInLinks).toHaveLength(1);
    expect(d.advisor?.municipalities).toContain(w.code);
    expect(d.calls.map((c) => [c.id, c.loggedByThisPerson])).toEqual([[w.calls.bySanne, true]]);
    expect(d.messages).toHaveLength(1);
    expect(d.changeHistory).toHaveLength(1);
    expect(d.contacts).toEqual([]);
  });
});

describe('erase', () => {
  it('deletes or anonymises exactly what the export shows, and nothing else', async () => {
    const w = await world();
    const before = await snapshot();
    const { counts } = await erasePersonalData(db, w.person.toUpperCase(), { now, via: 'cli' });
    expect(counts).toMatchObject({ contacts: 2, calls: 2, messages: 2, contactImports: 1, account: 0 });
    const after = await snapshot();
    expect(changed(before, after)).toEqual(['calls', 'contact_imports', 'contacts', 'outbox', 'privacy_erasures']);
    // Within those tables only this person's rows changed.
    const lost = (t: string) => before[t].filter((r) => !after[t].includes(r));
    expect(lost('contacts').every((r) => r.toLowerCase().includes(w.person.toLowerCase()))).toBe(true);
    expect(lost('contacts')).toHaveLength(2);
    expect(lost('outbox')).toHaveLength(2);
    expect(lost('calls')).toHaveLength(2);
    const rest = await findPersonalData(db, w.person, now);
    expect([rest.contacts, rest.calls, rest.messages, rest.contactImports]).toEqual([[], [], [], []]);
    const mails = await db.query<{ to_address: string; body_text: string; status: string; idempotency_key: string | null }>(
      `SELECT to_address, body_text, status, idempotency_key FROM outbox WHERE id IN (SELECT id FROM outbox WHERE to_address = 'verwijderd') ORDER BY id`);
    expect(mails.every((m) => m.body_text === '' && !String(m.idempotency_key).includes('@'))).toBe(true);
    expect(mails.map((m) => m.status)).toContain('failed'); // the pending reminder will not be sent
    expect(after.outbox.some((r) => r.includes(w.colleague))).toBe(true);
    expect(after.contacts.some((r) => r.includes(w.colleague))).toBe(true);
    const log = JSON.stringify(after.privacy_erasures).toLowerCase();
    expect(log).not.toContain('vries');
  });

  it('disables and anonymises a staff account and advisor; answers and regions stay', async () => {
    const w = await world();
    const before = await snapshot();
    await erasePersonalData(db, w.staff, { now, via: 'cli' });
    const after = await snapshot();
    for (const t of ['answers', 'responses', 'advisor_municipalities', 'contacts', 'invitations']) expect(after[t], t).toEqual(before[t]);
    const acc = await db.one<{ email: string; name: string; disabled_at: Date | null }>('SELECT email, name, disabled_at FROM accounts WHERE id = $1', [w.sanne.id]);
    expect(acc).toEqual({ email: `verwijderd-${w.sanne.id}@verwijderd.invalid`, name: 'verwijderd', disabled_at: now });
    expect(await db.query('SELECT 1 FROM sessions WHERE account_id = $1 UNION ALL SELECT 1 FROM magic_links WHERE account_id = $1', [w.sanne.id])).toEqual([]);
    expect(await db.one(`SELECT note FROM calls WHERE id = $1`, [w.calls.bySanne])).toEqual({ note: '' });
    expect(await db.one(`SELECT name, phone FROM advisors WHERE account_id = $1`, [w.sanne.id])).toEqual({ name: 'verwijderd', phone: null });
    expect(JSON.stringify(after).toLowerCase()).not.toContain(w.staff.toLowerCase());
  });
});

describe('retention', () => {
  it('RETENTION_DAYS: default 365, a number of days, anything else refused', () => {
    expect(retentionDays({})).toBe(365);
    expect(retentionDays({ RETENTION_DAYS: '30' })).toBe(30);
    expect(() => retentionDays({ RETENTION_DAYS: 'een jaar' })).toThrow(/RETENTION_DAYS/);
  });

  it('erases contacts, call notes and e-mail only of editions published longer ago than N days', async () => {
    const day = 24 * 3600_000;
    const published: [number, Date | null][] = [[2019, new Date(now.getTime() - 400 * day)], [2020, new Date(now.getTime() - 300 * day)], [2021, null]];
    for (const [ed, at] of published) {
      await db.query('UPDATE editions SET closed_at = $2, published_at = $2 WHERE year = $1', [ed, at]);
      await db.query(`INSERT INTO contacts (edition, municipality_code, name, email) VALUES ($1, 'GM0363', 'R', $2)`, [ed, `r${ed}@x.nl`]);
      await db.query(`INSERT INTO calls (edition, municipality_code, called_at, outcome, note) VALUES ($1, 'GM0363', '2020-01-01', 'other', 'notitie')`, [ed]);
      await db.query(`INSERT INTO outbox (kind, to_address, subject, body_text, edition, status) VALUES ('invitation', $2, 's', 'tekst', $1, 'sent')`, [ed, `r${ed}@x.nl`]);
    }
    const before = await snapshot();
    const done = await applyRetention(db, now, 365, 'server');
    expect(done.filter((r) => r.edition !== null)).toEqual([{ edition: 2019, contacts: 1, calls: 1, messages: 1, contactImports: 0 }]);
    const after = await snapshot();
    expect(after.answers).toEqual(before.answers);
    expect(await db.query(`SELECT edition FROM contacts WHERE email LIKE 'r20__@x.nl' ORDER BY 1`)).toEqual([{ edition: 2020 }, { edition: 2021 }]);
    expect(await db.query(`SELECT edition FROM calls WHERE note = 'notitie' ORDER BY 1`)).toEqual([{ edition: 2020 }, { edition: 2021 }]);
    expect(await db.query(`SELECT edition FROM outbox WHERE body_text = 'tekst' ORDER BY 1`)).toEqual([{ edition: 2020 }, { edition: 2021 }]);
    expect(await db.query(`SELECT edition, reason, via FROM privacy_erasures WHERE edition = 2019`)).toEqual([{ edition: 2019, reason: 'retention', via: 'server' }]);
    expect(await applyRetention(db, now, 365)).toEqual([]); // nothing left, nothing logged
    expect((await applyRetention(db, now, 299, 'cli')).map((r) => r.edition)).toEqual([2020]);
  });

  it('the server runs it by itself, and stops when asked', async () => {
    await db.query(`INSERT INTO contacts (edition, municipality_code, name, email) VALUES (2019, 'GM0363', 'L', 'loop@x.nl')`);
    const stop = startRetentionLoop(db, () => now, 365, 60_000, 5);
    try {
      await expect.poll(async () => (await db.query(`SELECT 1 FROM contacts WHERE email = 'loop@x.nl'`)).length, { timeout: 5000 }).toBe(0);
    } finally {
      stop();
    }
  });
});

describe('/beheer/privacy', () => {
  it('admins only; a POST without the CSRF token changes nothing', async () => {
    expect((await app.request('/beheer/privacy')).status).toBe(303);
    for (const role of ['ministry', 'advisor'] as const) expect((await (await signedInAs(app, db, role, now)).get('/beheer/privacy')).status).toBe(403);
    const w = await world();
    const admin = await signedInAs(app, db, 'admin', now);
    const res = await admin.get('/beheer/privacy');
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    expect(doc.querySelector('h1')?.textContent).toBe('Privacy (AVG)');
    expect(doc.querySelector('label[for=email]')?.textContent).toBe('E-mailadres');
    const refused = await admin.post('/beheer/privacy/wissen', [['email', w.person], ['bevestigd', 'ja']], { csrf: false });
    expect(refused.status).toBe(403);
    expect((await findPersonalData(db, w.person, now)).contacts).toHaveLength(2);
  });

  it('search, download, confirm, erase', async () => {
    const w = await world();
    const admin = await signedInAs(app, db, 'admin', now);
    const bad = await admin.post('/beheer/privacy', [['email', 'geen adres']]);
    expect(bad.status).toBe(400);
    expect(parse(await bad.text()).querySelector('.error-summary a')?.getAttribute('href')).toBe('#email');
    const found = await admin.post('/beheer/privacy', [['email', w.person.toUpperCase()]]);
    const html = await found.text();
    const rows = [...parse(html).querySelectorAll('tbody tr')].map((r) => [r.querySelector('th')?.textContent, r.querySelector('td')?.textContent]);
    expect(rows).toContainEqual(['Contactpersoon (per editie en gemeente)', '2']);
    const dl = await admin.post('/beheer/privacy/export', fieldsOf(html, '/beheer/privacy/export'));
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment; filename="persoonsgegevens-2024-03-01\.json"/);
    expect((await dl.json()).contacts).toHaveLength(2);
    const confirm = await admin.post('/beheer/privacy/wissen', fieldsOf(html, '/beheer/privacy/wissen'));
    const confirmHtml = await confirm.text();
    expect(text(confirmHtml)).toContain('definitief wissen?');
    expect((await findPersonalData(db, w.person, now)).contacts).toHaveLength(2); // not yet
    const done = await admin.post('/beheer/privacy/wissen', fieldsOf(confirmHtml, '/beheer/privacy/wissen'));
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/beheer/privacy?gewist=1');
    expect((await findPersonalData(db, w.person, now)).contacts).toEqual([]);
    const page = await (await admin.get('/beheer/privacy?gewist=1')).text();
    expect(text(page)).toContain('De gegevens zijn gewist');
    expect(text(page)).toContain(admin.account.name); // who erased, in the log
    // Your own account cannot be erased here.
    const self = await admin.post('/beheer/privacy/wissen', [['email', admin.account.email], ['bevestigd', 'ja']]);
    expect(self.status).toBe(403);
    expect(await db.one('SELECT disabled_at FROM accounts WHERE id = $1', [admin.account.id])).toEqual({ disabled_at: null });
  });
});

describe('personal-data command', () => {
  it('export prints JSON; erase wants --yes; retention reports', async () => {
    const w = await world();
    const lines: string[] = [];
    const ctx: CommandContext = { db, config, now: () => now, out: (s) => lines.push(s) };
    await personalDataCommand.run(['export', w.staff], ctx);
    expect(JSON.parse(lines[0]).account.email).toBe(w.staff);
    await expect(personalDataCommand.run(['erase', w.staff], ctx)).rejects.toThrow(/herhaal met --yes/);
    await expect(personalDataCommand.run(['erase', 'geen-adres', '--yes'], ctx)).rejects.toThrow(/geldig e-mailadres/);
    await personalDataCommand.run(['erase', w.staff, '--yes'], ctx);
    expect(lines.at(-1)).toMatch(/^Gewist: account 1, sessions 1, signInLinks 1, advisor 1, calls 1, messages 1, changeHistory 1 \(logboek nr\. \d+\)\.$/);
    await personalDataCommand.run(['retention', '--days', '36500'], ctx);
    expect(lines.at(-1)).toBe('Bewaartermijn 36500 dagen: niets te wissen.');
  });
});
