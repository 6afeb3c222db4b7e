// The bureau runs next year's edition without a developer (issue 17, points 5 and 6): `edition
// create` copies a questionnaire with "continues" lineage; an edition's register year is its own
// and it cannot open without it; after import-register it opens and its response map is drawn; the
// demo's example municipality Gravendonck follows the newest published edition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionCommand } from '../src/cli/commands/edition.ts';
import { CliError } from '../src/cli/cli-error.ts';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { EXAMPLE_MUNICIPALITY, exampleEdition, loadDemo } from '../src/modules/demo/index.ts';
import { changeState, createEdition, EditionStateError } from '../src/modules/edition-admin/index.ts';
import { editionState, getEdition } from '../src/modules/editions/index.ts';
import { importRegister } from '../src/modules/register/index.ts';
import { buildMunicipalReport } from '../src/modules/reports/municipal/index.ts';
import { parse } from './html.ts';
import { input2025, MERGED } from './register-fixtures.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
let clock = new Date('2025-02-03T09:00:00Z');
const now = () => clock;

async function cli(db: Db, ...args: string[]) {
  const out: string[] = [];
  try {
    await editionCommand.run(args, { db, config, now, out: (s) => out.push(s) });
    return { out, error: undefined as string | undefined };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { out, error: e.message };
  }
}

describe('edition create, and opening an edition needs its own register', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.close());

  it('copies the questionnaire of --from into a draft, every question continuing itself', async () => {
    const r = await cli(db, 'create', '2025', '--from', '2023');
    expect(r.error).toBeUndefined();
    const from = (await getEdition(db, 2023))!.questionnaire;
    expect(r.out).toEqual([
      `Editie 2025 is aangemaakt (in voorbereiding) met een kopie van de vragenlijst van 2023: ${from.questions.length} vragen, elk als voortzetting van dezelfde vraag (continues).`,
      'Let op: de gemeentelijke indeling van 2025 ontbreekt. Editie 2025 kan pas open na: npm run cli -- import-register --year 2025 --municipalities gemeenten-2025.csv …',
    ]);
    const e = (await getEdition(db, 2025))!;
    expect([e.registerYear, e.questionnaire.edition, editionState(e, clock)]).toEqual([2025, 2025, 'draft']);
    expect(e.questionnaire.questions.map((q) => q.key)).toEqual(from.questions.map((q) => q.key));
    // 2023's financiering replaced budget_status; in 2025 it continues itself, and nothing replaces or merges.
    expect(from.questions.some((q) => q.replaces)).toBe(true);
    for (const q of e.questionnaire.questions) {
      expect(q.continues, q.key).toBe(q.key);
      expect(q.replaces ?? q.merges, q.key).toBeUndefined();
    }
  });

  it('refuses an edition that exists, naming it; the default source is the newest edition before the year', async () => {
    expect((await cli(db, 'create', '2025')).error).toBe('Editie 2025 bestaat al.');
    await expect(createEdition(db, 2023)).rejects.toThrow(EditionStateError);
    expect((await cli(db, 'create', '2027', '--from', '2018')).error).toBe('Editie 2018 bestaat niet: daar kan geen vragenlijst van worden overgenomen.');
    const made = await createEdition(db, 2027);
    expect([made.from, made.registerYear, made.hasRegister]).toEqual([2025, 2027, false]);
    expect(await getEdition(db, 2026)).toBeUndefined();
  });

  it('opening without the register is refused in the CLI and in the service, naming the command', async () => {
    const open = await cli(db, '2025', '--open', '--closes', '2025-12-31');
    expect(open.error).toBe('Editie 2025 kan niet open: de gemeentelijke indeling van 2025 ontbreekt. Importeer die eerst: npm run cli -- import-register --year 2025 --municipalities gemeenten-2025.csv …');
    await db.query(`UPDATE editions SET closes_on = '2025-12-31' WHERE year = 2025`);
    const refused = await changeState(db, 2025, 'open', clock).catch((e) => e);
    expect(refused).toBeInstanceOf(EditionStateError);
    expect([refused.key, refused.params]).toEqual(['state.error.noRegister', { register: 2025 }]);
    expect(editionState((await getEdition(db, 2025))!, clock)).toBe('draft');
  });

  it('after import-register it opens, and the response page draws the 2025 map', async () => {
    expect((await importRegister(db, input2025(), { now: clock })).written).toBe(true);
    await changeState(db, 2025, 'open', clock);
    expect(editionState((await getEdition(db, 2025))!, clock)).toBe('open');
    await db.query(`INSERT INTO invitations (edition, municipality_code) VALUES (2025, $1), (2025, 'GM0014')`, [MERGED.code]);
    await db.query(`INSERT INTO responses (edition, municipality_code, status, submitted_at) VALUES (2025, $1, 'submitted', $2)`, [MERGED.code, clock]);
    const app = createApp({ db, config, now });
    const admin = await signedInAs(app, db, 'admin', clock);
    const res = await admin.get('/beheer/edities/2025/respons');
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    const map = doc.querySelector('figure.chart-map svg');
    expect(map?.getAttribute('role')).toBe('img');
    expect(map?.querySelectorAll('path').length).toBe(3);
    expect(doc.querySelector('details')?.textContent).toContain(MERGED.name);
  });
});

describe('Gravendonck follows the newest published edition', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await loadDemo(db, { now: new Date('2024-03-01T10:00:00Z') });
  });
  afterAll(async () => db?.close());

  it('shows 2022 in the demo, and 2023 once 2023 is published, with answers fitted to that questionnaire', async () => {
    expect(await exampleEdition(db)).toBe(2022);
    expect((await buildMunicipalReport(db, 2022, EXAMPLE_MUNICIPALITY.code, 'nl'))?.example).toBe(true);
    // The demo left 2023 open for 60 days: by now it has closed by itself, and the bureau publishes it.
    clock = new Date('2025-06-01T09:00:00Z');
    expect(editionState((await getEdition(db, 2023))!, clock)).toBe('closed');
    await changeState(db, 2023, 'publish', clock);
    expect(await exampleEdition(db)).toBe(2023);
    const answers = await db.query<{ question: string }>(
      `SELECT a.question FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.edition = 2023 AND r.municipality_code = $1`,
      [EXAMPLE_MUNICIPALITY.code]);
    const qn = (await getEdition(db, 2023))!.questionnaire;
    expect(answers.length).toBeGreaterThan(qn.questions.length / 2);
    const report = (await buildMunicipalReport(db, 2023, EXAMPLE_MUNICIPALITY.code, 'nl'))!;
    expect([report.example, report.municipality.name, report.submittedAt]).toEqual([true, 'Gravendonck', null]);
    // The example is never counted: still not submitted, still not invited.
    expect(await db.one(`SELECT 1 FROM invitations WHERE municipality_code = $1`, [EXAMPLE_MUNICIPALITY.code])).toBeUndefined();
    // The older example is an ordinary (unknown) municipality now: its report is not shown.
    expect(await buildMunicipalReport(db, 2022, EXAMPLE_MUNICIPALITY.code, 'nl')).toBeUndefined();
    const app = createApp({ db, config, now });
    const ministry = await signedInAs(app, db, 'ministry', clock);
    expect((await ministry.get(`/beheer/rapport/2023/${EXAMPLE_MUNICIPALITY.code}`)).status).toBe(200);
    expect((await ministry.get(`/beheer/rapport/2022/${EXAMPLE_MUNICIPALITY.code}`)).status).toBe(404);
    const pdf = await app.request('/voorbeeld/factsheet.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });
});
