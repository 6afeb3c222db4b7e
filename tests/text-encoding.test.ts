// Issue 21.5: a CSV saved by older Excel (Windows-1252, Latin-1) is read as Windows-1252 on
// purpose in every CSV import, never stored as "Financi�ring"; a file that is neither UTF-8 nor
// Windows-1252 (UTF-16, undefined bytes) is refused with its line and how to save it as UTF-8.
import { describe, expect, it } from 'vitest';
import { readTable } from '../src/modules/advisors/read-table.ts';
import { readLongCsv } from '../src/modules/data-exchange/long-csv.ts';
import { parseContactsFile } from '../src/modules/fieldwork/contacts-parse.ts';
import { readPopulationCsv } from '../src/modules/population/population.parse.ts';
import { populationProblemLine } from '../src/modules/population/population.i18n.ts';
import { readCsv } from '../src/modules/register/import.parse.ts';
import { problemMessage as registerProblem } from '../src/modules/register/register.i18n.ts';
import { parseWijkCsv } from '../src/modules/wijk-figures/parse.ts';
import { decodeTextFile, TextEncodingError } from '../src/web/text-file.ts';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf16 = (s: string) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));

describe('the text of a CSV upload (src/web/text-file.ts)', () => {
  it('reads UTF-8 with or without BOM, and Windows-1252 deliberately', () => {
    expect(decodeTextFile(new Uint8Array(Buffer.from('\ufeffFinanciëring'))).text).toBe('Financiëring');
    expect(decodeTextFile(new Uint8Array(Buffer.from('Financiëring'))).encoding).toBe('utf-8');
    expect(decodeTextFile(latin1('Financiëring'))).toEqual({ text: 'Financiëring', encoding: 'windows-1252' });
    // The bytes Latin-1 and Windows-1252 differ on: the euro sign and curly quotes of Excel.
    expect(decodeTextFile(new Uint8Array([0x80, 0x20, 0x93, 0x61, 0x94])).text).toBe('€ “a”');
  });

  it('refuses UTF-16 and bytes Windows-1252 does not have, naming the line and how to save as UTF-8', () => {
    expect(() => decodeTextFile(utf16('code,name\nGM0363,Amsterdam'))).toThrow(TextEncodingError);
    try {
      decodeTextFile(new Uint8Array([...Buffer.from('a,b\nc,d\né,'), 0x81, 0x0a]));
      expect.unreachable();
    } catch (e) {
      expect((e as TextEncodingError).line).toBe(3);
      expect((e as Error).message).toBe("Het bestand is geen tekst in UTF-8 (regel 3 heeft een teken dat niet te lezen is); sla het bestand op als UTF-8: in Excel met Opslaan als → CSV UTF-8 (door komma's gescheiden)");
      expect((e as TextEncodingError).messageIn('en')).toContain('Save As → CSV UTF-8 (Comma delimited)');
    }
  });
});

describe('every CSV import reads a Latin-1 file as the user typed it', () => {
  it('responses (long CSV)', () => {
    const { rows, errors } = readLongCsv(latin1('edition,municipality_code,question,item,value,other_text,comment\n2023,GM0363,toelichting,,Financiëring via de Wmo,,\n'));
    expect(errors).toEqual([]);
    expect(rows[0].value).toBe('Financiëring via de Wmo');
    const refused = readLongCsv(utf16('edition,municipality_code\n'));
    expect(refused.rows).toEqual([]);
    expect(refused.errors[0].message).toContain('CSV UTF-8');
  });

  it('advisors', async () => {
    const table = await readTable(latin1('advisor_name;advisor_email;municipality_code\nAnneke Dijkstra-Veenhoven;a@example.nl;GM0363\nRenée Brouwer;r@example.nl;GM0014\n'));
    expect(table.rows.map((r) => r.cells.advisor_name)).toEqual(['Anneke Dijkstra-Veenhoven', 'Renée Brouwer']);
    await expect(readTable(utf16('advisor_name\nX\n'))).rejects.toThrow(/CSV UTF-8/);
  });

  it('contacts', async () => {
    const parsed = await parseContactsFile(latin1('municipality_code;name;email\nGM0363;Zoë Financiëring;z@example.nl\n'), 'contacten.csv');
    expect(JSON.stringify(parsed.rows)).toContain('Zoë Financiëring');
    expect(JSON.stringify(parsed.rows)).not.toContain('\ufffd');
    // Windows-1252, not Latin-1: the euro sign of older Excel survives too.
    const euro = await parseContactsFile(new Uint8Array([...Buffer.from('municipality_code;name;email\nGM0363;Team '), 0x80, ...Buffer.from(';t@example.nl\n')]), 'contacten.csv');
    expect(JSON.stringify(euro.rows)).toContain('Team €');
    const refused = await parseContactsFile(utf16('municipality_code;name;email\n'), 'contacten.csv');
    expect(refused.problems).toMatchObject([{ line: 1, key: 'unreadableCsv' }]);
  });

  it('register', () => {
    const { table, problems } = readCsv('municipalities', { name: 'gemeenten.csv', bytes: latin1('code,name,province_code\nGM1900,Súdwest-Fryslân,PV21\n') });
    expect(problems).toEqual([]);
    expect(table!.records[0].values.name).toBe('Súdwest-Fryslân');
    const refused = readCsv('municipalities', { name: 'gemeenten.csv', bytes: utf16('code,name,province_code\n') });
    expect(refused.problems[0]).toMatchObject({ key: 'file.encoding', line: 1 });
    expect(registerProblem('nl', refused.problems[0])).toContain("Opslaan als → CSV UTF-8 (door komma's gescheiden)");
  });

  it('population: a UTF-16 file is refused with how to save it as UTF-8', () => {
    const refused = readPopulationCsv(utf16('code,name,inhabitants\nGM1900,Súdwest-Fryslân,90000\n'), new Map([['GM1900', 'Súdwest-Fryslân']]));
    expect(refused.rows).toEqual([]);
    expect(populationProblemLine('nl', refused.problems[0])).toContain('CSV UTF-8');
    const read = readPopulationCsv(latin1('code,name,inhabitants\nGM1900,Súdwest-Fryslân,90000\n'), new Map([['GM1900', 'Súdwest-Fryslân']]));
    expect(read.problems).toEqual([]);
  });

  it('wijk figures: a file that is not text is refused with the line', () => {
    const parsed = parseWijkCsv(new Uint8Array([...Buffer.from('Wijken;Perioden\nWK036300;'), 0x9d, 0x0a]), { municipalities: new Set(), wijken: new Map() } as never);
    expect(parsed.fileErrors).toEqual([{ line: 2, key: 'file.encoding' }]);
  });
});
