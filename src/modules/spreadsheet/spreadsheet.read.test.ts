// The workbook reader on files written by hand: what Excel, LibreOffice and other exporters put in a
// cell comes back as the text a user typed, sheets come in tab order whatever the zip's order, and
// many reads at once (each giving way to the others) all give the same answer. That last one is why
// this reader exists (decision 017): ExcelJS's streaming reader lost a part now and then under load.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet, type SpreadsheetLimits } from './spreadsheet.read.ts';

const LIMITS: SpreadsheetLimits = { bytes: 5 << 20, unpackedBytes: 25 << 20, entries: 50, rows: 100, cells: 10_000, cellChars: 200 };
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook whose parts are zipped in the order given (the workbook part last, as ExcelJS writes it). */
async function workbook(sheets: { name: string; xml: string; file?: string }[], shared: string[], order: 'sheets first' | 'book first' = 'sheets first') {
  const zip = new JSZip();
  const files = sheets.map((s, i) => s.file ?? `sheet${sheets.length - i}.xml`);
  const book = () => {
    zip.file('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${files
      .map((f, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/${f}"/>`).join('')}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="/xl/strings.xml"/></Relationships>`);
    zip.file('xl/workbook.xml', `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="${REL}"><x:sheets>${sheets
      .map((s, i) => `<x:sheet name="${s.name}" sheetId="${i + 1}" rel:id="rId${i + 1}"/>`).join('')}</x:sheets></x:workbook>`);
  };
  zip.file('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  if (order === 'book first') book();
  zip.file('xl/strings.xml', `<sst ${MAIN}>${shared.join('')}</sst>`);
  sheets.forEach((s, i) => {
    zip.file(`xl/worksheets/${files[i]}`, `<worksheet ${MAIN}><sheetData>${s.xml}</sheetData></worksheet>`);
  });
  if (order === 'sheets first') book();
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

const texts = (grid: { rows: { row: number; cells: Map<number, string> }[] }) => grid.rows.map((r) => [r.row, Object.fromEntries(r.cells)]);

describe('what a cell holds becomes the text a user typed', () => {
  it('shared strings (rich text, phonetic guides), inline strings, numbers, booleans, formulas; errors and dates are named', async () => {
    const data = await workbook([{
      name: 'Lijst',
      xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><r><t>Een </t></r><r><rPr><b/></rPr><t>vet</t></r></is></c></row>'
        + '<row r="3"><c r="A3"><v>12.50</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="str"><f>A1&amp;"x"</f><v>Jax</v></c><c r="D3"><f>1/0</f></c></row>'
        + '<row><c t="e"><v>#N/A</v></c><c t="d"><v>2024-01-01</v></c><c t="s"><v>9</v></c><c r="AB4" t="inlineStr"><is><t xml:space="preserve">  ruimte \r\n </t></is></c></row>',
    }], ['<si><t>Ja</t></si>', '<si><r><t>Ge</t></r><r><t>meente</t></r><rPh sb="0" eb="1"><t>ゲ</t></rPh></si>']);
    const read = await readSpreadsheet(data, LIMITS, { sheets: 'all', stopAtRowLimit: 'sheet' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [grid] = read.grids;
    expect(grid.name).toBe('Lijst');
    expect(texts(grid)).toEqual([[1, { 1: 'Ja', 3: 'Gemeente', 4: 'Een vet' }], [3, { 1: '12.5', 2: 'TRUE', 3: 'Jax' }], [4, { 28: 'ruimte' }]]);
    expect(grid.unreadable).toEqual([
      { row: 3, col: 4, message: 'een formule zonder uitkomst; typ de waarde zelf' },
      { row: 4, col: 1, message: 'een foutwaarde (#N/A)' },
      { row: 4, col: 2, message: "dit is een datum; typ de tekst (met een ' ervoor blijft het tekst)" },
      { row: 4, col: 3, message: 'een waarde die niet als tekst te lezen is' },
    ]);
  });

  it('sheets come in tab order, not in the zip\'s; "first" is the first tab', async () => {
    for (const order of ['sheets first', 'book first'] as const) {
      const data = await workbook([
        { name: 'Eerste', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>een</t></is></c></row>' },
        { name: 'Tweede', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>twee</t></is></c></row>' },
      ], [], order);
      const all = await readSpreadsheet(data, LIMITS, { sheets: 'all', stopAtRowLimit: 'sheet' });
      expect(all.ok && all.grids.map((g) => [g.name, g.rows[0].cells.get(1)])).toEqual([['Eerste', 'een'], ['Tweede', 'twee']]);
      const first = await readSpreadsheet(data, LIMITS, { sheets: 'first', stopAtRowLimit: 'sheet' });
      expect(first.ok && first.grids.map((g) => g.name)).toEqual(['Eerste']);
    }
  });

  it('XML that is not well-formed, a workbook without its sheet, a zip that is no workbook: unreadable', async () => {
    const broken = await workbook([{ name: 'A', xml: '<row r="1"><c r="A1"><v>1</v></row>' }], []);
    expect(await readSpreadsheet(broken, LIMITS, { sheets: 'all', stopAtRowLimit: 'sheet' })).toEqual({ ok: false, reason: 'unreadable' });
    const zip = await JSZip.loadAsync(await workbook([{ name: 'A', xml: '' }], []));
    zip.remove('xl/worksheets/sheet1.xml');
    const missing = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    expect(await readSpreadsheet(missing, LIMITS, { sheets: 'all', stopAtRowLimit: 'sheet' })).toEqual({ ok: false, reason: 'unreadable' });
    const other = new JSZip().file('word/document.xml', '<w/>');
    expect(await readSpreadsheet(new Uint8Array(await other.generateAsync({ type: 'uint8array' })), LIMITS, { sheets: 'all', stopAtRowLimit: 'sheet' }))
      .toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('limits', () => {
  const rows = (n: number, cells = 1) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}">${Array.from({ length: cells }, () => '<c><v>1</v></c>').join('')}</row>`).join('');

  it('a sheet past the row limit is cut there; the next sheet is still read unless told to stop', async () => {
    const data = await workbook([{ name: 'Lang', xml: rows(150) }, { name: 'Kort', xml: rows(2) }], []);
    const sheet = await readSpreadsheet(data, LIMITS, { sheets: 'all', stopAtRowLimit: 'sheet' });
    expect(sheet.ok && sheet.grids.map((g) => [g.name, g.rows.length, g.cutAt])).toEqual([['Lang', 100, 101], ['Kort', 2, undefined]]);
    const file = await readSpreadsheet(data, LIMITS, { sheets: 'all', stopAtRowLimit: 'file' });
    expect(file.ok && file.grids.map((g) => g.name)).toEqual(['Lang']);
  });

  it('too many filled cells, even within one row; a cell longer than allowed is named', async () => {
    const wide = await workbook([{ name: 'Breed', xml: rows(1, 10_001) }], []);
    expect(await readSpreadsheet(wide, LIMITS, { sheets: 'all', stopAtRowLimit: 'sheet' })).toEqual({ ok: false, reason: 'cells', limit: 10_000 });
    const long = await workbook([{ name: 'A', xml: `<row r="2"><c r="B2" t="inlineStr"><is><t>${'x'.repeat(201)}</t></is></c></row>` }], []);
    const read = await readSpreadsheet(long, LIMITS, { sheets: 'all', stopAtRowLimit: 'sheet' });
    expect(read.ok && read.grids[0].unreadable).toEqual([{ row: 2, col: 2, message: 'de cel heeft meer dan 200 tekens' }]);
  });
});

it('forty reads at once, each giving way to the others, all give the same grids', async () => {
  const big = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c t="s"><v>${i % 3}</v></c><c t="inlineStr"><is><t>rij ${i + 1}</t></is></c></row>`).join('');
  const data = await workbook([{ name: 'Veel', xml: big }, { name: 'Weinig', xml: '<row r="1"><c t="s"><v>2</v></c></row>' }],
    ['<si><t>a</t></si>', '<si><t>b</t></si>', '<si><t>c</t></si>']);
  const limits = { ...LIMITS, rows: 5000 };
  const reads = await Promise.all(Array.from({ length: 40 }, () => readSpreadsheet(data, limits, { sheets: 'all', stopAtRowLimit: 'sheet' })));
  const summary = reads.map((r) => (r.ok ? r.grids.map((g) => `${g.name}:${g.rows.length}:${g.rows.at(-1)?.cells.get(2) ?? g.rows.at(-1)?.cells.get(1)}`).join('|') : r.reason));
  expect(new Set(summary)).toEqual(new Set(['Veel:3000:rij 3000|Weinig:1:c']));
});
