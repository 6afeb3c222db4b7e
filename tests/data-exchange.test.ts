// Data in and out: import of the long CSV (all or nothing, idempotent), exports (CSV round trip,
// XLSX, SPSS) and the stats command, with figures worked out by hand from the fixture.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Command, type CommandContext, CliError } from '../src/cli/cli-error.ts';
import { exportResponsesCommand } from '../src/cli/commands/export-responses.ts';
import { importResponsesCommand } from '../src/cli/commands/import-responses.ts';
import { statsCommand } from '../src/cli/commands/stats.ts';
import type { Db } from '../src/db/client.ts';
import { loadDemo } from '../src/modules/demo/index.ts';
import {
  checkImport, exportCsv, exportSps, exportXlsx, importResponses, loadExportData, loadImportContext, readLongCsv, spssNames,
} from '../src/modules/data-exchange/index.ts';
import type { Questionnaire } from '../src/modules/questionnaire/index.ts';
import { findResponse, listSubmittedResponses, reopenResponse } from '../src/modules/responses/index.ts';
import { createTestDb } from './test-db.ts';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', 'responses', name);
const VALID = fixture('valid-2021-2022.csv');
let db: Db;
let tmp: string;
let clock = new Date('2024-02-01T09:00:00Z');
const out: string[] = [];
const ctx = (): CommandContext => ({ db, config: { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false }, now: () => clock, out: (s) => out.push(s) });

async function run(command: Command, ...args: string[]): Promise<{ out: string; err?: string }> {
  out.length = 0;
  try {
    await command.run(args, ctx());
    return { out: out.join('\n') };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { out: out.join('\n'), err: e.message };
  }
}

/** Everything an import could touch, to prove that a rejected or repeated import wrote nothing. */
const snapshot = () =>
  db.one(`SELECT (SELECT count(*) FROM responses) AS responses, (SELECT count(*) FROM answer_changes) AS changes,
    (SELECT count(*) FROM submissions) AS submissions,
    (SELECT string_agg(concat_ws('|', r.edition, r.municipality_code, r.status, r.source, r.submitted_at, a.question, a.answer::text, a.version), ','
       ORDER BY r.edition, r.municipality_code, a.question) FROM responses r JOIN answers a ON a.response_id = r.id) AS answers`);

const answersOf = async (edition: number, code: string) =>
  (await listSubmittedResponses(db, [edition])).find((r) => r.municipality === code)?.answers;

beforeAll(async () => {
  db = await createTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-exchange-'));
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('import-responses', () => {
  it('imports a valid file: every question type, anders texts, comments, skipped questions', async () => {
    const r = await run(importResponsesCommand, VALID);
    expect(r.err).toBeUndefined();
    expect(r.out).toContain('42 regels, 8 ingevulde vragenlijsten');
    expect(r.out).toContain('Nieuw: 8, vervangen: 0, ongewijzigd: 0.');
    expect(await answersOf(2021, 'GM0363')).toEqual({
      week_tegen_eenzaamheid: { value: 'ja', comment: 'Wij doen mee sinds 2019' },
      inzet_producten: { items: { adviseurs: 'ingezet', toolkit_campagne: 'bekend' } },
      budget_status: { value: 'structureel' },
      lokale_coalitie: { value: 'bestendigen' },
      kartrekker: { value: 'ja' },
      samenstelling_coalitie: { items: { gemeente: 'kartrekker', welzijn: 'actief' } },
      best_practices: { values: ['movisie', 'anders'], other: 'Netwerk van buurgemeenten, "regio Amsterdam"' },
    });
    expect((await answersOf(2021, 'GM0014'))?.uitdagingen).toEqual({ values: ['signaleren'], comment: 'Twee regels:\neerste en tweede' });
    const utrecht = await answersOf(2021, 'GM0344');
    expect(utrecht?.huisbezoeken_uitvoerders).toEqual({ values: ['vrijwilligers', 'welzijn'] }); // questionnaire order
    expect(utrecht?.monitoring).toEqual({ comment: 'Nog niet besloten' });
    expect((await answersOf(2022, 'GM1680'))?.financiering).toEqual({ value: 'structureel' });
    const response = await findResponse(db, 2022, 'GM1680');
    expect([response?.status, response?.source, response?.submittedAt?.toISOString()]).toEqual(['submitted', 'import', clock.toISOString()]);
    const audit = await db.one<{ n: number; actors: string[] }>(
      `SELECT count(*) AS n, array_agg(DISTINCT actor_kind || ':' || actor) AS actors FROM answer_changes`,
    );
    expect(audit).toEqual({ n: 35, actors: ['import:valid-2021-2022.csv'] });
  });

  it('importing the same file again changes nothing', async () => {
    const before = await snapshot();
    clock = new Date('2024-02-02T09:00:00Z');
    const r = await run(importResponsesCommand, VALID);
    expect(r.out).toContain('Nieuw: 0, vervangen: 0, ongewijzigd: 8.');
    expect(await snapshot()).toEqual(before);
  });

  it('replaces a changed response in place, with audit rows; --dry-run writes nothing', async () => {
    const changed = fs.readFileSync(VALID, 'utf8')
      .replace('2022,GM0599,week_tegen_eenzaamheid,,nee,,', '2022,GM0599,week_tegen_eenzaamheid,,ja,,')
      .replace('2022,GM0599,inzet_producten,adviseurs,bekend,,\n', '');
    const before = await snapshot();
    const dry = await importResponses(db, changed, { now: clock, dryRun: true });
    expect(dry).toMatchObject({ created: 0, replaced: 1, unchanged: 7, errors: [] });
    expect(await snapshot()).toEqual(before);
    expect(await importResponses(db, changed, { now: clock, actor: 'correctie.csv' })).toMatchObject({ replaced: 1, unchanged: 7 });
    expect(await answersOf(2022, 'GM0599')).toEqual({ week_tegen_eenzaamheid: { value: 'ja' }, financiering: { value: 'anders', other: 'Eigen middelen' } });
    expect((await findResponse(db, 2022, 'GM0599'))?.submittedAt?.toISOString()).toBe(clock.toISOString());
    expect((await findResponse(db, 2022, 'GM0363'))?.submittedAt?.toISOString()).toBe('2024-02-01T09:00:00.000Z');
    const changes = await db.query(`SELECT question, old_answer AS old, new_answer AS new FROM answer_changes WHERE actor = 'correctie.csv' ORDER BY question`);
    expect(changes).toEqual([
      { question: 'inzet_producten', old: { items: { adviseurs: 'bekend' } }, new: null },
      { question: 'week_tegen_eenzaamheid', old: { value: 'nee' }, new: { value: 'ja' } },
    ]);
    await importResponses(db, fs.readFileSync(VALID), { now: clock }); // back to the fixture for the figures below
  });

  it('a reopened response with identical answers is submitted again and keeps its submission time', async () => {
    const r = await findResponse(db, 2021, 'GM0599');
    await reopenResponse(db, r?.id as number, clock);
    const changes = (await snapshot())?.changes;
    expect(await importResponses(db, fs.readFileSync(VALID), { now: new Date('2024-03-01T00:00:00Z') })).toMatchObject({ replaced: 1, unchanged: 7 });
    const after = await findResponse(db, 2021, 'GM0599');
    expect([after?.status, after?.submittedAt?.toISOString()]).toEqual(['submitted', '2024-02-01T09:00:00.000Z']);
    expect((await snapshot())?.changes).toBe(changes);
  });

  it('rejects every kind of bad row with its line and what was expected, and writes nothing', async () => {
    const before = await snapshot();
    const expected: [number, RegExp][] = [
      [2, /^editie 2030 bestaat niet; verwacht een van: 2019, 2020, 2021, 2022, 2023$/],
      [3, /^editie "22" is geen jaartal/],
      [4, /^gemeente GM9999 staat niet in de gemeentelijke indeling van 2022/],
      [5, /^gemeente GM0005 staat niet in de gemeentelijke indeling van 2022/], // Bedum, merged in 2019
      [6, /^gemeentecode "AMSTERDAM" is geen GM-code; verwacht GM gevolgd door vier cijfers/],
      [7, /^onbekende vraag "budget_status" in editie 2022 \(in 2022 heet deze vraag "financiering"\); verwacht een vraag van die editie: week_tegen/],
      [8, /^onbekende vraag "financiering" in editie 2021 \(in 2021 heet deze vraag "budget_status"\)/],
      [9, /^onbekende code "misschien" bij vraag "week_tegen_eenzaamheid"; verwacht een van: ja, nee$/],
      [10, /^onbekend item "ouderen_plus" bij vraag "doelgroepen"; verwacht een van: ouderen, jongeren,/],
      [11, /^matrixvraag "doelgroepen" zonder item/],
      [12, /^vraag "week_tegen_eenzaamheid" is geen matrixvraag, maar item is "extra"; verwacht een leeg item$/],
      [14, /^tweede waarde "nee" bij vraag "signaalpunt" \(regel 13 gaf al "ja"\); verwacht één waarde$/],
      [16, /^tweede waarde "bekend" bij vraag "inzet_producten", item "adviseurs" \(regel 15 gaf al "ingezet"\)/],
      [18, /^optie "nee" bij vraag "best_practices" sluit de andere opties uit, maar ook gekozen: movisie; verwacht "nee" alleen/],
      [19, /^other_text bij optie "structureel", die geen "anders, namelijk" is; verwacht de tekst op de regel van optie "anders"$/],
      [20, /^vraag "communicatiemateriaal" heeft geen toelichting; verwacht een lege comment$/],
      [21, /^geen waarde bij vraag "monitoring"; verwacht een van: ja, deels, nee$/],
      [23, /^vraag "kartrekker" wordt alleen gesteld als lokale_coalitie een van initieren, verkennen, bestendigen is, maar GM0014 antwoordde daar: nee/],
      [25, /^optie "signaleren" bij vraag "uitdagingen" staat er al \(regel 24\)/],
    ];
    const report = await importResponses(db, fs.readFileSync(fixture('invalid-2022.csv')), { now: clock });
    expect(report.errors.map((e) => e.line)).toEqual(expected.map(([line]) => line));
    for (const [i, e] of report.errors.entries()) expect(e.message, `regel ${e.line}`).toMatch(expected[i][1]);
    const cli = await run(importResponsesCommand, fixture('invalid-2022.csv'));
    expect(cli.err).toMatch(/invalid-2022\.csv regel 2: editie 2030 bestaat niet.*\(en nog 18 fouten; niets geïmporteerd\)$/);
    expect(cli.err?.split('\n')).toHaveLength(1);
    expect(cli.out).toContain('19 fouten; er is niets geïmporteerd:');
    expect(cli.out).toContain('regel 25: optie "signaleren"');
    expect(await snapshot()).toEqual(before);
  });

  it('rejects missing columns, broken CSV and unreadable files', async () => {
    const missing = await run(importResponsesCommand, fixture('missing-columns.csv'));
    expect(missing.err).toMatch(/regel 1: kolom item, other_text, comment ontbreekt; verwacht de kopregel edition,municipality_code,question,item,value,other_text,comment/);
    const header = 'edition,municipality_code,question,item,value,other_text,comment\n';
    expect((await importResponses(db, `${header}2022,GM0363,week_tegen_eenzaamheid,,"ja,,\n`, { now: clock })).errors[0].message).toMatch(/geen geldige CSV/);
    expect((await importResponses(db, header, { now: clock })).errors).toEqual([{ line: 1, message: expect.stringMatching(/alleen een kopregel/) }]);
    const withBom = await importResponses(db, `\uFEFF${header}2022,GM0363,week_tegen_eenzaamheid,,ja,,Wij doen mee sinds 2019\r\n`, { now: clock, dryRun: true });
    expect(withBom).toMatchObject({ errors: [], rows: 1, pairs: 1, replaced: 1 }); // BOM tolerated; the other answers would go
    expect((await run(importResponsesCommand, path.join(tmp, 'bestaat-niet.csv'))).err).toMatch(/Kan .* niet lezen \(ENOENT\)/);
  });

  it('open (text) questions: the text is the value; an empty text or an anders-text is refused', async () => {
    const ctx = await loadImportContext(db);
    const qn = ctx.questionnaires.get(2022) as Questionnaire;
    const text = { key: 'ervaring', theme: qn.questions[0].theme, type: 'text' as const, text: { nl: 'Ervaring?', en: 'Experience?' }, comment: true };
    const withText = { ...ctx, questionnaires: new Map([[2022, { ...qn, questions: [...qn.questions, text] }]]) };
    const check = (body: string) => checkImport(readLongCsv(`edition,municipality_code,question,item,value,other_text,comment\n${body}`).rows, withText);
    expect(check('2022,GM0363,ervaring,,"Goed, vooral\nin de wijken",,').pairs[0].answers).toEqual({ ervaring: { text: 'Goed, vooral\nin de wijken' } });
    expect(check('2022,GM0363,ervaring,,,,Alleen toelichting').pairs[0].answers).toEqual({ ervaring: { comment: 'Alleen toelichting' } });
    expect(check('2022,GM0363,ervaring,,,,').errors).toEqual([{ line: 2, message: 'lege tekst bij open vraag "ervaring"; verwacht de tekst van het antwoord' }]);
    expect(check('2022,GM0363,ervaring,,Goed,Anders,').errors[0].message).toMatch(/geen "anders, namelijk"; verwacht een lege other_text/);
    expect(check('2022,GM0363,ervaring,,Goed,,\n2022,GM0363,ervaring,,Slecht,,').errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/tweede tekst/) });
  });
});

describe('stats', () => {
  const stats = (...args: string[]) => run(statsCommand, ...args);

  it('national CSV: the contract header and figures worked out by hand', async () => {
    const r = await stats('--edition', '2022', '--scope', 'national', '--format', 'csv');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('edition,scope,question,item,option,count,n,percent');
    for (const row of [
      '2022,national,week_tegen_eenzaamheid,,ja,3,4,75.0', // GM0363, GM0014, GM1680 of 4
      '2022,national,week_tegen_eenzaamheid,,nee,1,4,25.0',
      '2022,national,financiering,,structureel,2,4,50.0',
      '2022,national,financiering,,geen_budget,0,4,0.0',
      '2022,national,best_practices,,movisie,1,2,50.0', // GM0363 and GM1680 answered
      '2022,national,best_practices,,nee,0,2,0.0',
      '2022,national,inzet_producten,adviseurs,ingezet,1,2,50.0',
      '2022,national,doelgroepen,ouderen,ja,2,2,100.0',
      '2022,national,doelgroepen,jongeren,nee,1,1,100.0',
      '2022,national,doelgroepen,lhbtiq,ja,0,0,',
    ]) expect(lines).toContain(row);
    // One row per option of every question and item of the edition.
    const qn = (await loadImportContext(db)).questionnaires.get(2022) as Questionnaire;
    const expected = qn.questions.reduce((n, q) => n + (q.items?.length ?? 1) * (q.type === 'matrix' ? (qn.scales[q.scale ?? '']?.length ?? 0) : (q.options?.length ?? 0)), 0);
    expect(lines).toHaveLength(expected + 1);
  });

  it('2021 under the old key budget_status; show_if and comment-only answers', async () => {
    const lines = (await stats('--edition', '2021', '--scope', 'national', '--format', 'csv')).out.split('\n');
    for (const row of [
      '2021,national,budget_status,,structureel,2,4,50.0',
      '2021,national,best_practices,,nee,1,2,50.0',
      '2021,national,kartrekker,,ja,1,1,100.0',
      '2021,national,huisbezoeken_uitvoerders,,welzijn,1,1,100.0',
      '2021,national,monitoring,,ja,0,0,', // a toelichting alone is no answer
    ]) expect(lines).toContain(row);
  });

  it('province, panel and municipality scopes', async () => {
    const csv = async (...args: string[]) => (await stats('--edition', '2022', '--format', 'csv', ...args)).out.split('\n');
    const pv27 = await csv('--scope', 'province:pv27');
    expect(pv27).toContain('2022,province:PV27,week_tegen_eenzaamheid,,ja,1,1,100.0');
    expect(pv27.slice(1).every((l) => l.startsWith('2022,province:PV27,'))).toBe(true);
    const provinces = await csv('--scope', 'province');
    expect(provinces).toContain('2022,province:PV20,financiering,,coronasteun,1,1,100.0');
    expect(provinces).toContain('2022,province:PV21,week_tegen_eenzaamheid,,ja,0,0,');
    // Panel 2021–2022: GM0363, GM0014, GM0599 (GM0344 only 2021, GM1680 only 2022).
    expect(await csv('--scope', 'panel')).toContain('2022,panel,week_tegen_eenzaamheid,,ja,2,3,66.7');
    expect(await csv('--scope', 'panel', '--panel-editions', '2022-2022')).toContain('2022,panel,week_tegen_eenzaamheid,,ja,3,4,75.0');
    expect(await csv('--scope', 'municipality:GM0014')).toContain('2022,municipality:GM0014,financiering,,coronasteun,1,1,100.0');
    const all = await csv('--scope', 'all');
    for (const s of ['national', 'province:PV31', 'panel', 'municipality:GM1680']) expect(all.some((l) => l.startsWith(`2022,${s},`))).toBe(true);
  });

  it('JSON holds the same rows plus suppressed', async () => {
    const rows = JSON.parse((await stats('--edition', '2022', '--scope', 'national', '--format', 'json')).out);
    expect(rows.find((r: { question: string; option: string }) => r.question === 'week_tegen_eenzaamheid' && r.option === 'ja')).toEqual({
      edition: 2022, scope: 'national', question: 'week_tegen_eenzaamheid', item: null, option: 'ja', count: 3, n: 4, percent: 75, suppressed: true,
    });
  });

  it('refuses wrong requests with a one-line reason', async () => {
    for (const [args, message] of [
      [['--edition', '1999', '--scope', 'national', '--format', 'csv'], /Editie 1999 bestaat niet/],
      [['--edition', '2022', '--scope', 'gemeente', '--format', 'csv'], /Onbekende scope "gemeente"/],
      [['--edition', '2022', '--scope', 'province:PV99', '--format', 'csv'], /PV99 komt niet voor/],
      [['--edition', '2022', '--scope', 'municipality:GM0005', '--format', 'csv'], /GM0005 staat niet in de gemeentelijke indeling van 2022/],
      [['--edition', '2022', '--scope', 'panel', '--panel-editions', '2022-2019', '--format', 'csv'], /JAAR-JAAR/],
      [['--edition', '2022', '--scope', 'panel', '--panel-editions', '2017-2022', '--format', 'csv'], /editie 2017 bestaat niet/],
      [['--edition', '2022', '--scope', 'national', '--format', 'xml'], /--format verwacht csv of json/],
    ] as [string[], RegExp][]) expect((await stats(...args)).err).toMatch(message);
  });
});

describe('export-responses', () => {
  it('CSV: the contract layout, and importing it again changes nothing (round trip)', async () => {
    for (const edition of ['2021', '2022']) {
      const file = path.join(tmp, `antwoorden-${edition}.csv`);
      expect((await run(exportResponsesCommand, '--edition', edition, '--format', 'csv', '--out', file)).out).toContain('4 ingestuurde vragenlijsten');
      const text = fs.readFileSync(file, 'utf8');
      expect(text.startsWith('edition,municipality_code,question,item,value,other_text,comment\r\n')).toBe(true);
      const parsed = checkImport(readLongCsv(text).rows, await loadImportContext(db));
      expect(parsed.errors).toEqual([]);
      const stored = (await listSubmittedResponses(db, [Number(edition)])).map(({ edition, municipality, answers }) => ({ edition, municipality, answers }));
      expect(parsed.pairs).toEqual(stored);
      const before = await snapshot();
      expect((await run(importResponsesCommand, file)).out).toContain('Nieuw: 0, vervangen: 0, ongewijzigd: 4.');
      expect(await snapshot()).toEqual(before);
    }
    const text = fs.readFileSync(path.join(tmp, 'antwoorden-2021.csv'), 'utf8');
    expect(text).toContain('2021,GM0344,monitoring,,,,Nog niet besloten\r\n'); // comment-only: one row, empty value
    expect(text).toContain('2021,GM0363,best_practices,,anders,"Netwerk van buurgemeenten, ""regio Amsterdam""",\r\n');
    expect(text).toContain('2021,GM0014,uitdagingen,,signaleren,,"Twee regels:\neerste en tweede"\r\n');
    expect(text).toContain('2021,GM0363,week_tegen_eenzaamheid,,ja,,Wij doen mee sinds 2019\r\n2021,GM0363,inzet_producten,adviseurs,ingezet,,\r\n');
  });

  it('XLSX: one row per municipality, a column per question/item/option, and the codebook', async () => {
    const file = path.join(tmp, 'antwoorden-2022.xlsx');
    expect((await run(exportResponsesCommand, '--edition', '2022', '--format', 'xlsx', '--out', file)).err).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Antwoorden', 'Codeboek']);
    const sheet = wb.getWorksheet('Antwoorden') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['edition', 'municipality_code', 'municipality_name', 'province', 'week_tegen_eenzaamheid', 'week_tegen_eenzaamheid.comment']);
    for (const c of ['financiering', 'financiering.other', 'doelgroepen.ouderen', 'best_practices.movisie', 'best_practices.nee', 'best_practices.other', 'inzet_producten.comment']) expect(header).toContain(c);
    expect(sheet.rowCount).toBe(5);
    const row = (code: string) => {
      const values = (sheet.getRows(2, 4) ?? []).map((r) => (r.values as unknown[]).slice(1)).find((v) => v[1] === code) as unknown[];
      return Object.fromEntries(header.map((h, i) => [h as string, values[i] ?? null]));
    };
    expect(row('GM0363')).toMatchObject({
      edition: 2022, municipality_name: 'Amsterdam', province: 'PV27', week_tegen_eenzaamheid: 'ja', 'week_tegen_eenzaamheid.comment': 'Wij doen mee sinds 2019',
      'best_practices.movisie': 1, 'best_practices.nee': 0, 'best_practices.other': 'Netwerk van buurgemeenten', 'doelgroepen.jongeren': 'nee', 'doelgroepen.lhbtiq': null,
    });
    expect(row('GM0014')).toMatchObject({ 'best_practices.movisie': null, financiering: 'coronasteun' }); // not answered: empty, not 0
    const book = ((wb.getWorksheet('Codeboek') as ExcelJS.Worksheet).getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(book[0]).toEqual(['kolom', 'vraag', 'soort', 'tekst', 'code', 'label']);
    expect(book).toContainEqual(['financiering', 'financiering', 'code', 'Hoe is in uw gemeente de financiering voor de aanpak van eenzaamheid geregeld?']);
    expect(book).toContainEqual(['financiering', undefined, undefined, undefined, 'coronasteun', expect.any(String)]);
    expect(book.some((r) => r[0] === 'best_practices.nee' && r[2] === '0/1')).toBe(true);
  });

  it('SPSS: a wide CSV and syntax with GET DATA, VARIABLE LABELS and VALUE LABELS', async () => {
    const file = path.join(tmp, 'benchmark-2022.sps');
    expect((await run(exportResponsesCommand, '--edition', '2022', '--format', 'sps', '--out', file)).out).toContain('benchmark-2022.sps en');
    const sps = fs.readFileSync(file, 'utf8');
    expect(sps).toContain("GET DATA\r\n  /TYPE=TXT\r\n  /FILE='benchmark-2022.csv'\r\n  /ENCODING='UTF8'");
    expect(sps).toContain('    week_tegen_eenzaamheid F1.0\r\n');
    expect(sps).toMatch(/VARIABLE LABELS\r\n {2}edition 'Editie'\r\n/);
    expect(sps).toContain("  /week_tegen_eenzaamheid 'Doet uw gemeente mee aan de landelijke Week tegen Eenzaamheid?'\r\n");
    expect(sps).toContain("VALUE LABELS\r\n  week_tegen_eenzaamheid\r\n    1 'Ja [ja]'\r\n    2 'Nee [nee]'\r\n");
    expect(sps).toContain("  /best_practices_movisie\r\n    0 'niet gekozen'\r\n    1 'gekozen'\r\n");
    const data = fs.readFileSync(path.join(tmp, 'benchmark-2022.csv'), 'utf8').split('\r\n');
    const header = data[0].split(',');
    expect(header.slice(0, 5)).toEqual(['edition', 'municipality_code', 'municipality_name', 'province', 'week_tegen_eenzaamheid']);
    expect(header).toContain('best_practices_movisie');
    const amsterdam = data.find((l) => l.includes(',GM0363,'))?.split(',') ?? [];
    expect(amsterdam[header.indexOf('week_tegen_eenzaamheid')]).toBe('1');
    expect(amsterdam[header.indexOf('financiering')]).toBe('3'); // structureel is the third option
    expect(amsterdam[header.indexOf('best_practices_nee')]).toBe('0');
  });

  it('SPSS names are valid and unique', () => {
    const long = `a${'x'.repeat(80)}`;
    expect(spssNames(['q.item', 'q_item', '1abc', 'with', long, `${long}y`])).toEqual([
      'q_item', 'q_item_2', 'v_1abc', 'with_v', long.slice(0, 64), `${long.slice(0, 62)}_2`,
    ]);
  });

  it('refuses an unknown edition or format', async () => {
    expect((await run(exportResponsesCommand, '--edition', '1999', '--format', 'csv', '--out', path.join(tmp, 'x.csv'))).err).toMatch(/Editie 1999 bestaat niet/);
    expect((await run(exportResponsesCommand, '--edition', '2022', '--format', 'pdf', '--out', path.join(tmp, 'x.pdf'))).err).toMatch(/--format verwacht csv, xlsx, sps/);
    expect((await run(exportResponsesCommand, '--edition', '2022', '--format', 'csv', '--out', path.join(tmp, 'geen', 'x.csv'))).err).toMatch(/bestaat niet/);
  });
});

describe('the demo data set (web answers, every edition)', () => {
  let demo: Db;
  beforeAll(async () => {
    demo = await createTestDb();
    await loadDemo(demo, { now: new Date('2024-03-01T10:00:00Z') });
  }, 120_000);
  afterAll(async () => demo?.close());

  it('exports every edition and imports it again without a single change', async () => {
    const changes = await demo.one<{ n: number }>('SELECT count(*) AS n FROM answer_changes');
    for (const edition of [2019, 2020, 2021, 2022]) {
      const data = await loadExportData(demo, edition);
      expect(data?.responses.length, String(edition)).toBeGreaterThan(50);
      if (!data) continue;
      const report = await importResponses(demo, exportCsv(data), { now: new Date() });
      expect(report, String(edition)).toMatchObject({ errors: [], created: 0, replaced: 0, unchanged: data.responses.length });
      expect((await exportXlsx(data)).length).toBeGreaterThan(1000);
      expect(exportSps(data, 'x.csv').csv.split('\r\n').length).toBe(data.responses.length + 2);
    }
    expect(await demo.one('SELECT count(*) AS n FROM answer_changes')).toEqual(changes);
  }, 60_000);
});
