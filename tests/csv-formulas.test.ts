// A toelichting or "Anders" text that starts like a formula (=HYPERLINK(...), +31..., @SUM) must
// not run when a researcher opens antwoorden.csv or the SPSS CSV in a spreadsheet (OWASP "CSV
// injection"): it is written with a leading apostrophe, imported back without it, and the SPSS
// syntax still reads the file (checked with PSPP where it is installed).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportSps, longRows, readLongCsv, writeCsv } from '../src/modules/data-exchange/index.ts';
import { LONG_COLUMNS } from '../src/modules/data-exchange/long-csv.ts';
import { loadQuestionnaires } from '../src/modules/questionnaire/index.ts';
import type { Answers } from '../src/modules/responses/answer.model.ts';

const qn = loadQuestionnaires().get(2022)!;
const EVIL = ['=HYPERLINK("https://example.org","klik")', '+31 20 123 4567', '-1+1', '@SUM(A1)', '\t=1+1'];
const answers: Answers = {
  week_tegen_eenzaamheid: { value: 'ja', comment: EVIL[0] },
  best_practices: { values: ['anders'], other: EVIL[1] },
  monitoring: { value: 'ja', comment: EVIL[2] },
  signaalpunt: { value: 'nee', comment: EVIL[3] },
  betrekken_doelgroep: { value: 'nee', comment: EVIL[4] },
  uitdagingen: { values: ['signaleren'], comment: 'Gewone tekst - met een streepje' },
};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-formulas-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('texts that look like formulas', () => {
  const csv = writeCsv(LONG_COLUMNS, longRows(qn, 2022, 'GM0363', answers));

  it('are written with a leading apostrophe, so no cell of the long CSV starts with = + - @ or a tab', () => {
    const cells = csv.split('\r\n').flatMap((line) => line.split(','));
    expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(csv).toContain(`'=HYPERLINK(""https://example.org"",""klik"")`);
    expect(csv).toContain("'+31 20 123 4567");
    expect(csv).toContain('Gewone tekst - met een streepje'); // only the start of a text counts
  });

  it('come back exactly as they were written when the file is imported', () => {
    const rows = readLongCsv(csv).rows;
    const comment = (q: string) => rows.find((r) => r.question === q)?.comment;
    expect(comment('week_tegen_eenzaamheid')).toBe(EVIL[0]);
    expect(rows.find((r) => r.question === 'best_practices')?.other).toBe(EVIL[1]);
    expect(comment('monitoring')).toBe(EVIL[2]);
    expect(comment('signaalpunt')).toBe(EVIL[3]);
    expect(comment('betrekken_doelgroep')).toBe('=1+1'); // leading whitespace is trimmed on import, as for every text
  });

  it('the SPSS CSV is neutralised too, and PSPP reads it with the syntax unchanged', () => {
    const files = exportSps({ edition: 2022, questionnaire: qn, responses: [{ municipality: 'GM0363', name: '=Amsterdam', province: 'PV27', answers }] }, 'antwoorden-spss.csv');
    expect(files.csv).toContain("'=Amsterdam");
    expect(files.csv.split('\r\n')[1].split(',').some((c) => /^[=+\-@]/.test(c))).toBe(false);
    if (spawnSync('pspp', ['--version']).status !== 0) return; // PSPP not installed here (CI installs it)
    fs.writeFileSync(path.join(dir, 'antwoorden-spss.csv'), files.csv);
    fs.writeFileSync(path.join(dir, 'antwoorden.sps'), `${files.sps}\r\nLIST /VARIABLES=municipality_name week_tegen_eenzaamheid_comment.\r\n`);
    const out = execFileSync('pspp', ['-O', 'format=csv', 'antwoorden.sps'], { cwd: dir, encoding: 'utf8' });
    expect(out).toContain("'=Amsterdam");
    expect(out).toContain(`"'=HYPERLINK(""https://example.org"",""klik"")"`); // PSPP's own CSV output quotes it
    expect(out).not.toContain("'=Amsterda,"); // the column is wide enough for the apostrophe
  });
});
