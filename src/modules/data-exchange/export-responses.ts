// export-responses: the submitted responses of one edition as the long CSV (CONTRACTS.md) or as an
// XLSX workbook with a wide sheet "Antwoorden" and a codebook sheet "Codeboek".
import type ExcelJSType from 'exceljs';
import { LONG_COLUMNS, longRows, writeCsv } from './long-csv.ts';
import { BASE_COLUMNS, type ExportData, wideColumns } from './wide.ts';

export function exportCsv(data: ExportData): string {
  const rows = data.responses.flatMap((r) => longRows(data.questionnaire, data.edition, r.municipality, r.answers));
  return writeCsv(LONG_COLUMNS, rows);
}

const BASE_LABELS: Record<(typeof BASE_COLUMNS)[number], string> = {
  edition: 'Editie (jaar)',
  municipality_code: 'CBS-gemeentecode (GMxxxx) in de gemeentelijke indeling van de editie',
  municipality_name: 'Naam van de gemeente',
  province: 'CBS-provinciecode (PVxx) van de gemeente in die indeling',
};

const KIND_LABELS = { code: 'code', flag: '0/1', text: 'tekst' } as const;

export async function exportXlsx(data: ExportData): Promise<Buffer> {
  const cols = wideColumns(data.questionnaire);
  // Loaded when first needed: ExcelJS holds ~30 MB the answering and report pages never use.
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: typeof ExcelJSType };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Benchmark Eén tegen eenzaamheid';

  const sheet = wb.addWorksheet('Antwoorden', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.addRow([...BASE_COLUMNS, ...cols.map((c) => c.key)]).font = { bold: true };
  for (const r of data.responses) {
    sheet.addRow([data.edition, r.municipality, r.name, r.province, ...cols.map((c) => c.value(r.answers))]);
  }

  const book = wb.addWorksheet('Codeboek', { views: [{ state: 'frozen', ySplit: 1 }] });
  book.columns = [
    { header: 'kolom', width: 40 },
    { header: 'vraag', width: 28 },
    { header: 'soort', width: 8 },
    { header: 'tekst', width: 80 },
    { header: 'code', width: 20 },
    { header: 'label', width: 60 },
  ];
  book.getRow(1).font = { bold: true };
  for (const key of BASE_COLUMNS) book.addRow([key, null, key === 'edition' ? 'getal' : 'tekst', BASE_LABELS[key]]);
  for (const c of cols) {
    book.addRow([c.key, c.question, KIND_LABELS[c.kind], c.label]);
    for (const o of c.codes ?? []) book.addRow([c.key, null, null, null, o.code, o.label.nl]);
    if (c.kind === 'flag') {
      book.addRow([c.key, null, null, null, 1, 'gekozen']);
      book.addRow([c.key, null, null, null, 0, 'niet gekozen (de vraag is wel beantwoord); leeg: vraag niet beantwoord']);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
