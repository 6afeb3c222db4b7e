// The questionnaire as a spreadsheet, as the bureau uses it: download, upload → check → Toepassen over
// HTTP (a file with mistakes changes nothing; a colleague's change in between is never overwritten;
// an edition with answers is refused), who may do what, and the command line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaireCommand } from '../src/cli/commands/questionnaire.ts';
import { createApp } from '../src/app.tsx';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { changeQuestionnaire } from '../src/modules/edition-admin/index.ts';
import { getEdition } from '../src/modules/editions/index.ts';
import type { Questionnaire } from '../src/modules/questionnaire/index.ts';
import { importSheet, writeSheet } from '../src/modules/questionnaire-sheet/index.ts';
import { formFields, parse, text } from './html.ts';
import { signedInAs } from './staff-client.ts';
import { createTestDb } from './test-db.ts';

const config: Config = { port: 0, dataDir: '/tmp/unused', baseUrl: 'http://localhost:3000', demo: false };
const clock = new Date('2024-03-01T09:00:00Z');
let db: Db;
let app: ReturnType<typeof createApp>;
let dir: string;
type Staff = Awaited<ReturnType<typeof signedInAs>>;
let admin: Staff;
let colleague: Staff;
let ministry: Staff;
let advisor: Staff;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, config, now: () => clock });
  [admin, colleague, ministry, advisor] = [await signedInAs(app, db, 'admin', clock), await signedInAs(app, db, 'admin', clock),
    await signedInAs(app, db, 'ministry', clock), await signedInAs(app, db, 'advisor', clock)];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-sheet-'));
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const current = async (year: number) => (await getEdition(db, year))!.questionnaire;
const revOf = async (year: number) => (await db.one<{ rev: number }>('SELECT questionnaire_rev AS rev FROM editions WHERE year = $1', [year]))!.rev;
const pendingCount = async () => (await db.one<{ n: number }>("SELECT count(*)::int AS n FROM pending_uploads WHERE kind = 'questionnaire-sheet'"))!.n;
const uploadAs = (who: Staff, year: number, data: Uint8Array, name = `vragenlijst-${year}.xlsx`) =>
  who.upload(`/beheer/edities/${year}/spreadsheet`, { bestand: new Blob([Buffer.from(data)], { type: XLSX }) }, name);
const errors = (html: string) => [...parse(html).querySelectorAll('.error-summary li a')].map((a) => a.textContent ?? '');
const applyFields = (html: string) => formFields(html, 'form[action$="/spreadsheet/toepassen"]');

/** Our export of `qn` with the Dutch label of `key` changed, as someone would in Excel. */
async function withLabel(qn: Questionnaire, key: string, label: string, extra?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeSheet(qn)) as unknown as ArrayBuffer);
  const survey = wb.getWorksheet('survey')!;
  survey.eachRow((row) => {
    if (row.getCell(2).value === key && !String(row.getCell(1).value).startsWith('end')) row.getCell(3).value = label;
  });
  extra?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('download', () => {
  it('the bureau and the ministry download the workbook; it reads back as the edition\'s questionnaire', async () => {
    for (const who of [admin, ministry]) {
      const res = await who.get('/beheer/edities/2023/vragenlijst.xlsx');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="vragenlijst-2023.xlsx"');
      const back = await importSheet(new Uint8Array(await res.arrayBuffer()), { edition: 2023, label: 'x.xlsx' });
      expect(back.problems).toEqual([]);
      expect(back.questionnaire).toEqual(await current(2023));
    }
    expect((await admin.get('/beheer/edities/1999/vragenlijst.xlsx')).status).toBe(404);
  });

  it('an advisor may not; signed out goes to sign-in', async () => {
    expect((await advisor.get('/beheer/edities/2023/vragenlijst.xlsx')).status).toBe(403);
    expect((await advisor.get('/beheer/edities/2023/spreadsheet')).status).toBe(403);
    const anonymous = await app.request('/beheer/edities/2023/spreadsheet');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/inloggen\?terug=/);
  });
});

describe('the page', () => {
  it('explains the columns and offers the download; only the bureau gets the upload form', async () => {
    const html = await (await admin.get('/beheer/edities/2023/spreadsheet')).text();
    const doc = parse(html);
    expect(doc.querySelector('h1')?.textContent).toBe('Vragenlijst 2023 als spreadsheet');
    expect(doc.querySelector('a[href="/beheer/edities/2023/vragenlijst.xlsx"]')?.textContent).toBe('Download de vragenlijst van 2023 (Excel-werkmap)');
    expect([...doc.querySelectorAll('caption')].map((c) => c.textContent)).toEqual(
      ['Kolommen van het werkblad survey', 'Kolommen van het werkblad choices', 'Kolommen van het werkblad settings', 'Kolommen van het werkblad key_results']);
    expect(text(html)).toContain('ok (op orde), partial (deels), not (niet op orde) of neutral');
    expect(doc.querySelector('label[for=bestand]')?.textContent).toBe('Werkmap (.xlsx)');
    expect(doc.querySelector('form[enctype="multipart/form-data"] input[name=_csrf]')).not.toBeNull();
    const readOnly = parse(await (await ministry.get('/beheer/edities/2023/spreadsheet')).text());
    expect(readOnly.querySelector('input[type=file]')).toBeNull();
    expect(readOnly.querySelector('a[href="/beheer/edities/2023/vragenlijst.xlsx"]')).not.toBeNull();
    const english = await admin.get('/beheer/edities/2023/spreadsheet?lang=en');
    expect(parse(await english.text()).querySelector('h1')?.textContent).toBe('Questionnaire 2023 as a spreadsheet');
  });
});

describe('upload → check → Toepassen', () => {
  it('a workbook with mistakes: each named by sheet, row and column in the error summary; nothing changes, nothing waits', async () => {
    const before = await current(2023);
    const rev = await revOf(2023);
    const data = await withLabel(before, 'signaalpunt', 'Signaalpunt?', (wb) => {
      const survey = wb.getWorksheet('survey')!;
      survey.eachRow((row) => {
        if (row.getCell(2).value === 'kartrekker') row.getCell(8).value = 'lokale_coalitie = ja';
      });
      wb.getWorksheet('choices')!.getRow(2).getCell(9).value = 'goed';
    });
    const res = await uploadAs(admin, 2023, data);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(parse(html).querySelector('title')?.textContent).toMatch(/^Fout: Vragenlijst 2023 als spreadsheet/);
    const items = errors(html);
    expect(items).toHaveLength(2);
    expect(items[0]).toBe('choices, rij 2, kolom status: "goed" is geen status; gebruik ok (op orde), partial (deels), not (niet op orde), neutral (zegt niets, bijvoorbeeld "weet niet")');
    expect(items[1]).toMatch(/^survey, rij \d+, kolom relevant: "lokale_coalitie = ja" kan niet gelezen worden/);
    expect(parse(html).querySelector('.error-summary a')?.getAttribute('href')).toBe('#bestand');
    expect(parse(html).querySelector('#bestand')?.getAttribute('aria-invalid')).toBe('true');
    expect(await current(2023)).toEqual(before);
    expect(await revOf(2023)).toBe(rev);
    expect(await pendingCount()).toBe(0);
  });

  it('no file, not a workbook, too large: one clear message each', async () => {
    const noFile = await admin.upload('/beheer/edities/2023/spreadsheet', {});
    expect(noFile.status).toBe(400);
    expect(errors(await noFile.text())).toEqual(['Kies een Excel-werkmap (.xlsx)']);
    const csv = await uploadAs(admin, 2023, new TextEncoder().encode('type,name\n'), 'vragenlijst.csv');
    expect(errors(await csv.text())).toEqual(['dit is geen Excel-werkmap (.xlsx); sla het bestand op als Excel-werkmap en probeer het opnieuw']);
    const big = await uploadAs(admin, 2023, new Uint8Array(5 * 1024 * 1024 + 1));
    expect(errors(await big.text())).toEqual(['het bestand is groter dan 5 MB; een vragenlijst is veel kleiner']);
  });

  it('a good workbook: the check shows what changes; Toepassen makes it the questionnaire', async () => {
    const before = await current(2023);
    const rev = await revOf(2023);
    const res = await uploadAs(admin, 2023, await withLabel(before, 'signaalpunt', 'Heeft uw gemeente een signaalpunt voor eenzaamheid?'));
    expect(res.status).toBe(200);
    const html = await res.text();
    const doc = parse(html);
    expect(doc.querySelector('h1')?.textContent).toBe('Controle van vragenlijst-2023.xlsx');
    expect(text(html)).toContain('Vragen: 0 nieuw, 0 weg, 1 gewijzigd.');
    expect(text(html)).toContain('Gewijzigd: signaalpunt – Heeft uw gemeente een signaalpunt voor eenzaamheid?');
    expect(text(html)).toContain(`vraagtekst: "${before.questions.find((q) => q.key === 'signaalpunt')!.text.nl}" wordt "Heeft uw gemeente een signaalpunt voor eenzaamheid?"`);
    // Nothing changed yet; the form holds an id, not the questionnaire.
    expect(await revOf(2023)).toBe(rev);
    const fields = applyFields(html);
    expect(fields.map(([k]) => k)).toEqual(['_csrf', 'upload']);
    const applied = await admin.post('/beheer/edities/2023/spreadsheet/toepassen', fields.filter(([k]) => k !== '_csrf'));
    expect(applied.status).toBe(303);
    expect(applied.headers.get('location')).toBe('/beheer/edities/2023/spreadsheet?klaar=toegepast');
    expect((await current(2023)).questions.find((q) => q.key === 'signaalpunt')!.text.nl).toBe('Heeft uw gemeente een signaalpunt voor eenzaamheid?');
    expect(await revOf(2023)).toBe(rev + 1);
    const done = parse(await (await admin.get(applied.headers.get('location')!)).text());
    expect(done.querySelector('[role=status]')?.textContent).toBe('De vragenlijst van editie 2023 is aangepast.');
    // Used once: a second click changes nothing.
    const again = await admin.post('/beheer/edities/2023/spreadsheet/toepassen', fields.filter(([k]) => k !== '_csrf'));
    expect(again.headers.get('location')).toBe('/beheer/edities/2023/spreadsheet?klaar=verlopen');
    expect(await revOf(2023)).toBe(rev + 1);
  });

  it('the same workbook again: nothing changes and there is nothing to apply', async () => {
    const res = await uploadAs(admin, 2023, await writeSheet(await current(2023)));
    const html = await res.text();
    expect(text(html)).toContain('De werkmap is gelijk aan de huidige vragenlijst: er verandert niets.');
    expect(parse(html).querySelector('form[action$="/toepassen"]')).toBeNull();
  });

  it('a colleague changed the questionnaire after the check: refused, shown again against the new version, then applied', async () => {
    const base = await current(2023);
    const res = await uploadAs(admin, 2023, await withLabel(base, 'communicatiemateriaal', 'Gebruikt u het campagnemateriaal?'));
    const fields = applyFields(await res.text());
    // The colleague edits another question in the meantime.
    await changeQuestionnaire(db, 2023, (qn) => ({
      ...qn, questions: qn.questions.map((q) => (q.key === 'week_tegen_eenzaamheid' ? { ...q, text: { ...q.text, nl: 'Doet u mee aan de Week?' } } : q)),
    }));
    const rev = await revOf(2023);
    const refused = await admin.post('/beheer/edities/2023/spreadsheet/toepassen', fields.filter(([k]) => k !== '_csrf'));
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(parse(html).querySelector('[role=alert]')?.textContent).toContain('Een collega heeft de vragenlijst intussen gewijzigd; er is niets overschreven.');
    // The colleague's change is kept, and the new check shows the workbook would undo it.
    expect((await current(2023)).questions[0].text.nl).toBe('Doet u mee aan de Week?');
    expect(await revOf(2023)).toBe(rev);
    expect(text(html)).toContain('Gewijzigd: week_tegen_eenzaamheid');
    expect(text(html)).toContain('Gewijzigd: communicatiemateriaal');
    const confirmed = await admin.post('/beheer/edities/2023/spreadsheet/toepassen', applyFields(html).filter(([k]) => k !== '_csrf'));
    expect(confirmed.status).toBe(303);
    expect((await current(2023)).questions.find((q) => q.key === 'communicatiemateriaal')!.text.nl).toBe('Gebruikt u het campagnemateriaal?');
  });

  it('only the admin who checked the workbook can apply it; without the form\'s token nothing happens', async () => {
    const rev = await revOf(2023);
    const res = await uploadAs(admin, 2023, await withLabel(await current(2023), 'signaalpunt', 'Nog een andere tekst'));
    const fields = applyFields(await res.text()).filter(([k]) => k !== '_csrf');
    const other = await colleague.post('/beheer/edities/2023/spreadsheet/toepassen', fields);
    expect(other.headers.get('location')).toBe('/beheer/edities/2023/spreadsheet?klaar=verlopen');
    expect((await admin.post('/beheer/edities/2023/spreadsheet/toepassen', fields, { csrf: false })).status).toBe(403);
    expect((await ministry.post('/beheer/edities/2023/spreadsheet/toepassen', fields)).status).toBe(403);
    expect((await advisor.upload('/beheer/edities/2023/spreadsheet', {})).status).toBe(403);
    expect(await revOf(2023)).toBe(rev);
  });

  it('an edition with answers: the check says so and offers nothing to apply; a check made before is refused', async () => {
    const qn = await current(2022);
    const res = await uploadAs(admin, 2022, await withLabel(qn, 'signaalpunt', 'Signaalpunt voor eenzaamheid?'));
    const fields = applyFields(await res.text()).filter(([k]) => k !== '_csrf');
    const response = await db.one<{ id: number }>("INSERT INTO responses (edition, municipality_code) VALUES (2022, 'GM0014') RETURNING id");
    await db.query(`INSERT INTO answers (response_id, question, answer) VALUES ($1, 'signaalpunt', '"ja"')`, [response!.id]);
    const message = 'Deze editie heeft al antwoorden van 1 gemeente; de vragenlijst kan niet meer worden gewijzigd.';
    const late = await admin.post('/beheer/edities/2022/spreadsheet/toepassen', fields);
    expect(late.status).toBe(409);
    expect(text(await late.text())).toContain(message);
    const check = await uploadAs(admin, 2022, await withLabel(qn, 'signaalpunt', 'Signaalpunt voor eenzaamheid?'));
    const html = await check.text();
    expect(text(html)).toContain(message);
    expect(text(html)).toContain('Gewijzigd: signaalpunt');
    expect(parse(html).querySelector('form[action$="/toepassen"]')).toBeNull();
    expect(parse(await (await admin.get('/beheer/edities/2022/spreadsheet')).text()).querySelector('input[type=file]')).toBeNull();
    expect(await current(2022)).toEqual(qn);
  });
});

describe('the command line', () => {
  const out: string[] = [];
  const ctx = () => ({ db, config, now: () => clock, out: (s: string) => out.push(s) });
  const run = async (...args: string[]) => {
    out.length = 0;
    await questionnaireCommand.run(args, ctx());
    return out.join('\n');
  };

  it('export, import --dry-run (prints the changes, changes nothing), import', async () => {
    const file = path.join(dir, 'vragenlijst-2021.xlsx');
    expect(await run('export', '--edition', '2021', '--out', file)).toBe(`De vragenlijst van editie 2021 staat in ${file} (XLSForm: survey, choices, settings, key_results).`);
    expect(await run('import', file, '--edition', '2021')).toBe(`${file} is gelijk aan de vragenlijst van editie 2021: er verandert niets.`);
    const before = await current(2021);
    const rev = await revOf(2021);
    fs.writeFileSync(file, await withLabel(before, 'signaalpunt', 'Is er een signaalpunt?'));
    const dry = await run('import', file, '--edition', '2021', '--dry-run');
    expect(dry).toContain('Vragen: 0 nieuw, 0 weg, 1 gewijzigd.');
    expect(dry).toContain('  - Gewijzigd: signaalpunt – Is er een signaalpunt?');
    expect(dry).toContain('Proefdraai (--dry-run): de vragenlijst is niet gewijzigd.');
    expect(await revOf(2021)).toBe(rev);
    expect(await run('import', file, '--edition', '2021')).toContain(`De vragenlijst van editie 2021 is bijgewerkt naar ${file}.`);
    expect((await current(2021)).questions.find((q) => q.key === 'signaalpunt')!.text.nl).toBe('Is er een signaalpunt?');
  });

  it('a wrong file: every problem printed, a one-line reason, nothing changed', async () => {
    const file = path.join(dir, 'fout.xlsx');
    const before = await current(2021);
    fs.writeFileSync(file, await withLabel(before, 'signaalpunt', 'x', (wb) => {
      wb.getWorksheet('settings')!.getRow(2).getCell(4).value = 2020;
      wb.getWorksheet('choices')!.getRow(2).getCell(9).value = 'goed';
    }));
    await expect(run('import', file, '--edition', '2021')).rejects.toThrow(`${file}: 2 problemen (zie hierboven); de vragenlijst van editie 2021 is niet gewijzigd`);
    expect(out).toEqual([
      'choices, rij 2, kolom status: "goed" is geen status; gebruik ok (op orde), partial (deels), not (niet op orde), neutral (zegt niets, bijvoorbeeld "weet niet")',
      'settings, rij 2, kolom version: deze vragenlijst is van editie 2020, maar wordt ingelezen als editie 2021; zet hier 2021 als dat de bedoeling is',
    ]);
    expect(await current(2021)).toEqual(before);
    await expect(run('import', path.join(dir, 'bestaat-niet.xlsx'), '--edition', '2021')).rejects.toThrow(/Kan .*bestaat-niet.xlsx niet lezen \(ENOENT\)/);
    await expect(run('import', file, '--edition', '1999')).rejects.toThrow('Editie 1999 bestaat niet');
    await expect(run('export', '--edition', '2021')).rejects.toThrow(/Geef het bestand met --out/);
    await expect(run('frobnicate')).rejects.toThrow(/Gebruik: questionnaire export/);
  });

  it('as a process: a wrong file exits non-zero with one line on stderr and the problems on stdout', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-sheet-cli-'));
    const file = path.join(dir, 'leeg.xlsx');
    fs.writeFileSync(file, 'geen werkmap');
    const root = path.resolve(import.meta.dirname, '..');
    const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['src/cli/main.ts', 'questionnaire', 'import', file, '--edition', '2023'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', BASE_URL: 'https://benchmark.example.nl' },
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stdout.trim()).toBe('dit is geen Excel-werkmap (.xlsx); sla het bestand op als Excel-werkmap en probeer het opnieuw');
    expect(r.stderr.trim()).toBe(`${file}: 1 probleem (zie hierboven); de vragenlijst van editie 2023 is niet gewijzigd`);
  }, 120_000);
});
