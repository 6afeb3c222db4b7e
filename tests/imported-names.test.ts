// Issue 21.5: a line break (Alt+Enter in an Excel cell), a tab or another control character in an
// imported name is stored as one space: contact names, advisor names, register names.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toRows } from '../src/modules/advisors/import.model.ts';
import { readTable } from '../src/modules/advisors/read-table.ts';
import { parseContactsFile } from '../src/modules/fieldwork/contacts-parse.ts';
import { readCsv } from '../src/modules/register/import.parse.ts';
import { singleLine } from '../src/web/text-file.ts';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('names are one line', () => {
  it('the rule: breaks, tabs, control characters and runs of spaces are one space; NUL goes', () => {
    expect(singleLine('  Jan\r\nde\tVries \u2028 jr.\u0007 ')).toBe('Jan de Vries jr.');
    expect(singleLine('Ge\u0000meente')).toBe('Gemeente');
    expect(singleLine('Súdwest-Fryslân')).toBe('Súdwest-Fryslân');
  });

  it('contact names from a CSV (quoted line break, tab) and from an Excel cell with Alt+Enter', async () => {
    const csv = await parseContactsFile(bytes('municipality_code;name;email;function\nGM0363;"Jan\r\nde Vries";jan@example.nl;"Beleids-\tmedewerker"\n'), 'contacten.csv');
    expect(csv.rows[0]).toMatchObject({ name: 'Jan de Vries', function: 'Beleids- medewerker' });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Contacten');
    sheet.addRow(['municipality_code', 'name', 'email']);
    sheet.addRow(['GM0363', 'Anna\nBakker', 'anna@example.nl']);
    const xlsx = await parseContactsFile(new Uint8Array(await book.xlsx.writeBuffer()), 'contacten.xlsx');
    expect(xlsx.problems).toEqual([]);
    expect(xlsx.rows[0].name).toBe('Anna Bakker');
  });

  it('advisor names and municipality names', async () => {
    const table = await readTable(bytes('advisor_name,advisor_email,municipality_code,municipality_name\n"Renée\nBrouwer",r@example.nl,GM0363,"Amster\tdam"\n'));
    expect(toRows(table)[0]).toMatchObject({ name: 'Renée Brouwer', municipalityName: 'Amster dam' });
  });

  it('register names: municipalities, mergers, wijken', () => {
    const { table } = readCsv('municipalities', { name: 'gemeenten.csv', bytes: bytes('code,name,province_code\nGM1900,"Súdwest-\r\nFryslân",PV21\n') });
    expect(table!.records[0].values.name).toBe('Súdwest- Fryslân');
    const wijken = readCsv('wijken', { name: 'wijken.csv', bytes: bytes('wijk_code,wijk_name,municipality_code\nWK036300,"Burgwallen-\tNieuwe Zijde",GM0363\n') });
    expect(wijken.table!.records[0].values.wijk_name).toBe('Burgwallen- Nieuwe Zijde');
  });
});
