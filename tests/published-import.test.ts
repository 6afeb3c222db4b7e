// Issue 21.5: importing responses into a PUBLISHED edition changes public results, so it needs an
// explicit confirmation (the web: a checkbox on the check page; the CLI: --published-ok), and every
// import is audited (response_imports: who, when, which file, how many), shown on /beheer/gegevens.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import { type CommandContext, CliError } from '../src/cli/cli-error.ts';
import { importResponsesCommand } from '../src/cli/commands/import-responses.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { parse, text } from './html.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const now = new Date('2024-02-01T09:00:00Z');
const VALID = path.join(import.meta.dirname, 'fixtures', 'responses', 'valid-2021-2022.csv');
const valid = fs.readFileSync(VALID);
const csv = (b: Buffer) => new Blob([new Uint8Array(b)], { type: 'text/csv' });
let db: Db;
let app: ReturnType<typeof createApp>;

const submitted = async () => (await db.query('SELECT 1 FROM responses WHERE submitted_at IS NOT NULL')).length;
const audit = () => db.query<{ via: string; account_id: number | null; file_name: string; editions: number[]; published_editions: number[]; pairs: number; created: number }>(
  'SELECT via, account_id::int AS account_id, file_name, editions, published_editions, pairs, created FROM response_imports ORDER BY id');

async function cli(...args: string[]): Promise<{ out: string; err?: string }> {
  const out: string[] = [];
  const ctx: CommandContext = { db, config, now: () => now, out: (s) => out.push(s) };
  try {
    await importResponsesCommand.run(args, ctx);
    return { out: out.join('\n') };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { out: out.join('\n'), err: e.message };
  }
}

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => now });
});
afterAll(async () => db?.close());

describe('importing into a published edition', () => {
  it('the web asks for a tick first; without it nothing is saved and the upload waits; with it the import is done and audited', async () => {
    await db.query('UPDATE editions SET published_at = $1 WHERE year = 2022', [now]);
    const admin = await signedInAs(app, db, 'admin', now);
    const check = await admin.upload('/beheer/gegevens/import', { bestand: csv(valid) }, 'papier-2022.csv');
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(text(html)).toContain('Let op: het bestand heeft antwoorden voor de gepubliceerde editie(s) 2022');
    const doc = parse(html);
    expect(doc.querySelector('label[for=gepubliceerd]')?.textContent).toBe('Ik weet dat dit de gepubliceerde resultaten van 2022 verandert, en wil toch importeren');
    const upload = doc.querySelector('input[name=upload]')!.getAttribute('value')!;

    // Confirmed without the tick: a 400 that says what to do, nothing saved, nothing audited.
    const refused = await admin.post('/beheer/gegevens/import/bevestigen', [['upload', upload]]);
    expect(refused.status).toBe(400);
    const again = parse(await refused.text());
    expect(again.querySelector('.error-summary a')?.getAttribute('href')).toBe('#gepubliceerd');
    expect(again.querySelector('#gepubliceerd-error')?.textContent).toContain('Er is niets geïmporteerd');
    expect(await submitted()).toBe(0);
    expect(await audit()).toEqual([]);

    // The same upload, now ticked.
    const done = await admin.post('/beheer/gegevens/import/bevestigen', [['upload', upload], ['gepubliceerd', 'ja']]);
    expect(done.status).toBe(303);
    expect(await submitted()).toBe(8);
    const [row] = await audit();
    expect(row).toMatchObject({ via: 'web', file_name: 'papier-2022.csv', editions: [2021, 2022], published_editions: [2022], pairs: 8, created: 8 });
    expect(row.account_id).toBe(admin.account.id);

    // The data page shows who did it, when, and that it touched a published edition.
    const history = parse(await (await admin.get('/beheer/gegevens')).text()).querySelector('section[aria-labelledby=history-title] tbody tr');
    const cells = [...history!.querySelectorAll('td')].map((td) => td.textContent?.trim());
    expect(cells[1]).toBe(admin.account.name || admin.account.email);
    expect(cells[2]).toBe('papier-2022.csv');
    expect(cells[3]).toBe('2021, 2022 (gepubliceerd: 2022)');
    expect(cells[4]).toBe('8: 8 nieuw, 0 vervangen, 0 ongewijzigd');
  });

  it('the CLI refuses without --published-ok and says so; with it the import is done and audited', async () => {
    const changed = path.join(fs.mkdtempSync(path.join('/tmp', 'ete-pub-')), 'correctie.csv');
    fs.writeFileSync(changed, valid.toString('utf8').replace('Wij doen mee sinds 2019', 'Wij doen mee sinds 2018'));
    const before = (await audit()).length;
    const refused = await cli(changed);
    expect(refused.err).toContain('gepubliceerde editie 2022');
    expect(refused.err).toContain('--published-ok');
    expect(refused.out).toContain('Er is niets geïmporteerd.');
    expect((await audit()).length).toBe(before);
    expect(JSON.stringify(await db.query("SELECT a.answer FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.edition = 2021 AND r.municipality_code = 'GM0363' AND a.question = 'week_tegen_eenzaamheid'"))).toContain('sinds 2019');

    // A dry run needs no flag: it only shows what would happen, and warns.
    const dry = await cli(changed, '--dry-run');
    expect(dry.err).toBeUndefined();
    expect(dry.out).toContain('Let op: editie 2022 is gepubliceerd');

    const ok = await cli(changed, '--published-ok');
    expect(ok.err).toBeUndefined();
    expect(ok.out).toContain('vervangen: 1');
    expect(ok.out).toContain('met --published-ok');
    expect((await audit()).at(-1)).toMatchObject({ via: 'cli', account_id: null, file_name: 'correctie.csv', published_editions: [2022], pairs: 8 });
  });

  it('an unpublished edition needs no confirmation, and is audited too', async () => {
    await db.query('UPDATE editions SET published_at = NULL WHERE year = 2022');
    const before = (await audit()).length;
    const r = await cli(VALID);
    expect(r.err).toBeUndefined();
    expect((await audit()).at(-1)).toMatchObject({ via: 'cli', published_editions: [] });
    expect((await audit()).length).toBe(before + 1);
  });
});
