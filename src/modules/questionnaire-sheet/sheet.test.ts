// The XLSForm workbook without a database: export → import gives the same questionnaire (every shipped
// edition, every field of the model, a file saved by LibreOffice Calc), and a workbook with mistakes
// gives one message per mistake, naming sheet, row and column, and no questionnaire.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as model from '../questionnaire/index.ts';
import { loadQuestionnaireFile, type Questionnaire } from '../questionnaire/index.ts';
import { checkZip as checkZipWithin } from '../spreadsheet/index.ts';
import { diffQuestionnaires, isEmptyDiff } from './sheet.diff.ts';
import { describeDiff } from './sheet.describe.ts';
import { relevantOf, writeSheet } from './sheet.export.ts';
import { importSheet } from './sheet.import.ts';
import { LIMITS, problemLine } from './sheet.model.ts';
import { readWorkbook } from './sheet.read.ts';

const root = new URL('../../../', import.meta.url);
const checkZip = (data: Uint8Array) => checkZipWithin(data, LIMITS);
const shipped = (year: number) => loadQuestionnaireFile(new URL(`data/questionnaires/${year}.json`, root).pathname);
const read = async (data: Uint8Array, edition = 2023) => importSheet(data, { edition, label: 'vragenlijst.xlsx' });
const lines = async (data: Uint8Array, edition = 2023) => (await read(data, edition)).problems.map(problemLine);
/** A JSON copy: what the database stores and gives back. */
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));

const t = (s: string) => ({ nl: s, en: `${s} (en)` });
/** Every field the model has, also those the shipped editions do not use. */
function everyField(): Questionnaire {
  return {
    edition: 2024,
    name: t('Vragenlijst 2024'),
    themes: [
      { key: 'netwerk', kind: 'pijler', number: 2, title: t('Netwerk'), short: t('Netw.'), intro: t('Over het netwerk') },
      { key: 'overig', kind: 'overig', title: t('Overig'), short: t('Ov.'), intro: t('Tot slot') },
    ],
    scales: {
      rol: [{ code: 'trekker', label: t('Trekker'), short: t('Trekt'), status: 'ok' }, { code: 'niet', label: t('Niet'), status: 'not' }],
      // A question has the same key as this scale: their lists need different names.
      ja_nee: [{ code: 'ja', label: t('Ja') }, { code: 'nee', label: t('Nee') }],
      ongebruikt: [{ code: 'a', label: t('A') }, { code: 'b', label: t('B') }],
    },
    questions: [
      {
        key: 'coalitie', theme: 'netwerk', type: 'single', text: t('Is er een coalitie?'), short: t('Coalitie'), help: t('Een samenwerking, met "aanhalingstekens"; en puntkomma\'s'),
        required: true, comment: true, figure: 12, reconstructed: false,
        options: [
          { code: 'ja', label: t('Ja'), status: 'ok' }, { code: 'deels', label: t('Deels'), short: t('Half'), status: 'partial' },
          { code: 'nee', label: t('Nee'), status: 'not' }, { code: 'anders', label: t('Anders'), other: true, status: 'neutral' },
        ],
        tips: { nee: { text: t('Begin een coalitie'), url: 'https://example.nl/coalitie?x=1&y=2' } },
        continues: 'coalitie',
      },
      {
        key: 'ja_nee', theme: 'netwerk', type: 'single', text: t('Ja of nee?\nTweede regel.'), required: false,
        options: [{ code: 'ja', label: t('Ja') }, { code: 'nee', label: t('Nee') }],
        showIf: { question: 'coalitie', in: ['ja', 'deels'] }, replaces: { key: 'oud', options: { j: 'ja', n: 'nee' } },
      },
      {
        key: 'partijen', theme: 'netwerk', type: 'matrix', text: t('Welke partijen?'), short: t('{item}'), scale: 'rol',
        items: [{ code: 'gemeente', label: t('Gemeente') }, { code: 'welzijn', label: t('Welzijn') }],
        tips: { welzijn: { text: t('Betrek welzijn'), url: 'https://example.nl/welzijn' } }, comment: false,
        replaces: { key: 'partijen_oud', options: {} },
      },
      {
        key: 'hulp', theme: 'overig', type: 'multi', text: t('Welke hulp?'),
        options: [
          { code: 'geld', label: t('Geld'), about: 'netwerk' }, { code: 'advies', label: t('Advies'), about: 'partijen.welzijn', exclusive: false },
          { code: 'geen', label: t('Geen'), exclusive: true },
        ],
        merges: [{ key: 'hulp_a', options: { x: 'geld' } }, { key: 'hulp_b', options: {} }],
      },
      { key: 'opmerking', theme: 'overig', type: 'text', text: t('Nog iets?'), help: t('Vrij veld') },
    ],
    keyResults: [
      { question: 'coalitie', options: ['ja', 'deels'], text: t('hebben een coalitie') },
      { question: 'hulp', options: ['geld'], text: t('willen geld') },
    ],
  };
}

/** Our export of `qn`, changed with ExcelJS as a person would in a spreadsheet. */
async function edited(qn: Questionnaire, edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeSheet(qn)) as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const col = (ws: ExcelJS.Worksheet, header: string) => {
  const cells = ws.getRow(1).values as unknown[];
  const i = cells.indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
};
/** The row whose `name` is `name` (and whose type matches, if given). */
const rowOf = (ws: ExcelJS.Worksheet, name: string, type?: RegExp) => {
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(2).value === name && (!type || type.test(String(ws.getRow(r).getCell(1).value)))) return r;
  }
  throw new Error(`no row ${name}`);
};
const cell = (ws: ExcelJS.Worksheet, name: string, header: string, type?: RegExp) => ws.getRow(rowOf(ws, name, type)).getCell(col(ws, header));
const choiceRow = (ws: ExcelJS.Worksheet, list: string, code: string) => {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === list && ws.getRow(r).getCell(2).value === code) return r;
  throw new Error(`no choice ${list}.${code}`);
};

describe('export → import gives the same questionnaire', () => {
  for (const year of [2019, 2020, 2021, 2022, 2023]) {
    it(`the shipped questionnaire of ${year}`, async () => {
      const qn = shipped(year);
      const back = await read(await writeSheet(qn), year);
      expect(back.problems).toEqual([]);
      expect(plain(back.questionnaire)).toEqual(plain(qn));
    });
  }

  it('a questionnaire with every field of the model (help, required, continues, merges, false flags, an unused scale, a key equal to a scale name)', async () => {
    const qn = everyField();
    const back = await read(await writeSheet(qn), 2024);
    expect(back.problems).toEqual([]);
    expect(plain(back.questionnaire)).toEqual(plain(qn));
  });

  it('knows every field of the model (a new field needs a column, or the round trip would drop it)', () => {
    const fields = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape).sort();
    expect({
      questionnaire: fields(model.Questionnaire), theme: fields(model.Theme), question: fields(model.Question), option: fields(model.Option),
      item: fields(model.Item), tip: fields(model.Tip), showIf: fields(model.ShowIf), replaces: fields(model.Replaces), keyResult: fields(model.KeyResult),
    }).toEqual({
      questionnaire: ['edition', 'keyResults', 'name', 'questions', 'scales', 'themes'],
      theme: ['intro', 'key', 'kind', 'number', 'short', 'title'],
      question: ['comment', 'continues', 'figure', 'help', 'items', 'key', 'merges', 'options', 'reconstructed', 'replaces', 'required', 'scale', 'short', 'showIf', 'text', 'theme', 'tips', 'type'],
      option: ['about', 'code', 'exclusive', 'label', 'other', 'short', 'status'],
      item: ['code', 'label'], tip: ['text', 'url'], showIf: ['in', 'question'], replaces: ['key', 'options'], keyResult: ['options', 'question', 'text'],
    });
  });

  it('the sheets follow XLSForm: survey with groups and select_one/select_multiple, choices, settings', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeSheet(everyField())) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['survey', 'choices', 'settings', 'key_results']);
    const survey = wb.getWorksheet('survey')!;
    expect((survey.getRow(1).values as unknown[]).slice(1, 10)).toEqual(
      ['type', 'name', 'label::Nederlands (nl)', 'label::English (en)', 'hint::Nederlands (nl)', 'hint::English (en)', 'required', 'relevant', 'appearance']);
    expect(survey.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const types = survey.getColumn(1).values.slice(2).map(String);
    expect(types).toEqual([
      'begin_group', 'select_one coalitie', 'select_one ja_nee_opties', 'begin_group', 'select_one rol', 'select_one rol', 'end_group', 'end_group',
      'begin_group', 'select_multiple hulp', 'text', 'end_group',
    ]);
    expect(cell(survey, 'partijen', 'appearance').value).toBe('table-list');
    expect(cell(survey, 'ja_nee', 'relevant').value).toBe(`selected(\${coalitie}, 'ja') or selected(\${coalitie}, 'deels')`);
    expect(cell(survey, 'ja_nee', 'lineage').value).toBe('replaces oud');
    expect(cell(survey, 'ja_nee', 'lineage_map').value).toBe('oud.j=ja; oud.n=nee');
    expect(cell(survey, 'hulp', 'lineage').value).toBe('merges hulp_a, hulp_b');
    expect(cell(survey, 'coalitie', 'required').value).toBe('yes');
    const settings = wb.getWorksheet('settings')!;
    expect(settings.getRow(2).values).toEqual([undefined, 'Vragenlijst 2024', 'Vragenlijst 2024 (en)', 'een_tegen_eenzaamheid_2024', 2024, 'Nederlands (nl)']);
    // No formulas anywhere: every cell is a plain value.
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()));
  });

  it('a workbook edited and saved by LibreOffice Calc (rich text, TRUE, trailing spaces) reads as ours, with the one intended change', async () => {
    // Made by scripts/libreoffice-questionnaire-fixture.ts: `signaalpunt` reworded (its first word bold).
    const file = readFileSync(new URL('tests/fixtures/questionnaire/2023-libreoffice.xlsx', root));
    const back = await read(file, 2023);
    expect(back.problems).toEqual([]);
    const qn = shipped(2023);
    const signaalpunt = qn.questions.find((q) => q.key === 'signaalpunt')!;
    signaalpunt.text.nl = 'Er is een digitaal of telefonisch signaalpunt voor eenzaamheid in uw gemeente, voor iedereen toegankelijk.';
    expect(plain(back.questionnaire)).toEqual(plain(qn));
    const diff = diffQuestionnaires(shipped(2023), back.questionnaire!);
    expect(diff.questions.changed).toEqual([{ key: 'signaalpunt', label: signaalpunt.text, changes: [{ field: 'text', from: shipped(2023).questions.find((q) => q.key === 'signaalpunt')!.text, to: signaalpunt.text }] }]);
  });
});

describe('cells as spreadsheets give them back', () => {
  it('numbers, TRUE, rich text, hyperlinks, spaces around and Windows line ends become plain text', async () => {
    const data = await edited(everyField(), (wb) => {
      const survey = wb.getWorksheet('survey')!;
      cell(survey, 'coalitie', 'required').value = true;
      cell(survey, 'coalitie', 'figure').value = '12';
      cell(survey, 'coalitie', 'label::Nederlands (nl)').value = { richText: [{ text: 'Is er een ', font: { bold: true } }, { text: 'coalitie?' }] };
      cell(survey, 'coalitie', 'comment').value = '  YES ';
      cell(survey, 'netwerk', 'theme_number', /begin_group/).value = '2';
      cell(survey, 'welzijn', 'tip_url').value = { text: 'https://example.nl/welzijn', hyperlink: 'https://example.nl/welzijn' };
      cell(survey, 'ja_nee', 'label::English (en)').value = 'Ja of nee?\r\nTweede regel. (en)  ';
      cell(survey, 'ja_nee', 'label::Nederlands (nl)').value = 'Ja of nee?\r\nTweede regel.';
    });
    const back = await read(data, 2024);
    expect(back.problems).toEqual([]);
    expect(plain(back.questionnaire)).toEqual(plain(everyField()));
  });

  it('"begin group", "select one", "list name" and a differently named language are XLSForm too', async () => {
    const data = await edited(everyField(), (wb) => {
      const survey = wb.getWorksheet('survey')!;
      survey.getRow(rowOf(survey, 'netwerk', /begin_group/)).getCell(1).value = 'begin group';
      survey.getRow(rowOf(survey, 'coalitie')).getCell(1).value = 'select one coalitie';
      survey.getRow(1).getCell(col(survey, 'label::English (en)')).value = 'label::Engels (en)';
      wb.getWorksheet('choices')!.getRow(1).getCell(1).value = 'list name';
    });
    const back = await read(data, 2024);
    expect(back.problems).toEqual([]);
    expect(plain(back.questionnaire)).toEqual(plain(everyField()));
  });
});

describe('a workbook written by hand, the XLSForm way', () => {
  it('few columns, one yes/no list shared by two questions: each question gets the options', async () => {
    const wb = new ExcelJS.Workbook();
    const L = ['label::Nederlands (nl)', 'label::English (en)'];
    wb.addWorksheet('survey').addRows([
      ['type', 'name', ...L, 'short::Nederlands (nl)', 'short::English (en)', 'intro::Nederlands (nl)', 'intro::English (en)', 'theme_kind'],
      ['begin group', 'netwerk', 'Netwerk', 'Network', 'Netwerk', 'Network', 'Over het netwerk', 'About the network', 'pijler'],
      ['select_one ja_nee', 'coalitie', 'Coalitie?', 'Coalition?'],
      ['select_one ja_nee', 'signaalpunt', 'Signaalpunt?', 'Reporting point?'],
      ['end group'],
    ]);
    wb.addWorksheet('choices').addRows([['list_name', 'name', ...L], ['ja_nee', 'ja', 'Ja', 'Yes'], ['ja_nee', 'nee', 'Nee', 'No']]);
    wb.addWorksheet('settings').addRows([['form_title', 'form_title::English (en)', 'version'], ['Proef', 'Trial', 2024]]);
    const back = await read(new Uint8Array(await wb.xlsx.writeBuffer()), 2024);
    expect(back.problems).toEqual([]);
    const yesNo = [{ code: 'ja', label: { nl: 'Ja', en: 'Yes' } }, { code: 'nee', label: { nl: 'Nee', en: 'No' } }];
    expect(plain(back.questionnaire)).toEqual({
      edition: 2024, name: { nl: 'Proef', en: 'Trial' },
      themes: [{ key: 'netwerk', kind: 'pijler', title: { nl: 'Netwerk', en: 'Network' }, short: { nl: 'Netwerk', en: 'Network' }, intro: { nl: 'Over het netwerk', en: 'About the network' } }],
      scales: {},
      questions: [
        { key: 'coalitie', theme: 'netwerk', type: 'single', text: { nl: 'Coalitie?', en: 'Coalition?' }, options: yesNo },
        { key: 'signaalpunt', theme: 'netwerk', type: 'single', text: { nl: 'Signaalpunt?', en: 'Reporting point?' }, options: yesNo },
      ],
    });
  });
});

describe('a workbook with mistakes: every one named by sheet, row and column, no questionnaire', () => {
  it('mistakes in every sheet', async () => {
    const qn = shipped(2023);
    let r: Record<string, number> = {};
    const data = await edited(qn, (wb) => {
      const survey = wb.getWorksheet('survey')!;
      const choices = wb.getWorksheet('choices')!;
      r = {
        relevant: rowOf(survey, 'kartrekker'), list: rowOf(survey, 'signaalpunt'), type: rowOf(survey, 'communicatiemateriaal'),
        item: rowOf(survey, 'toolkit_campagne'), twin: rowOf(survey, 'signaleringsnetwerk'), first: rowOf(survey, 'week_tegen_eenzaamheid'),
        adviseurs: rowOf(survey, 'adviseurs'), begin: rowOf(survey, 'uitdagingen', /begin_group/),
        status: choiceRow(choices, 'week_tegen_eenzaamheid', 'ja'), english: choiceRow(choices, 'inzet', 'bekend'),
      };
      cell(survey, 'kartrekker', 'relevant').value = `\${lokale_coalitie} = 'ja'`;
      cell(survey, 'signaalpunt', 'type').value = 'select_one bestaat_niet';
      cell(survey, 'communicatiemateriaal', 'type').value = 'integer';
      cell(survey, 'toolkit_campagne', 'type').value = 'select_one rol';
      cell(survey, 'signaleringsnetwerk', 'name').value = 'week_tegen_eenzaamheid';
      survey.spliceRows(survey.rowCount, 1); // the last end_group
      choices.getRow(r.status).getCell(col(choices, 'status')).value = 'goed';
      choices.getRow(r.english).getCell(col(choices, 'label::English (en)')).value = '   ';
      choices.getRow(1).getCell(20).value = 'constraint';
      wb.getWorksheet('settings')!.getRow(2).getCell(4).value = 2022;
      wb.getWorksheet('key_results')!.getRow(3).getCell(1).value = 'Signaalpunt';
      wb.addWorksheet('Blad1').getCell('A1').value = 'aantekening';
    });
    expect((await lines(data)).sort()).toEqual([
      'Blad1: onbekend werkblad; deze werkmap kent de werkbladen survey, choices, settings, key_results',
      'choices, rij 1, kolom constraint: onbekende kolom; dit werkblad kent: list_name, name, label::Nederlands (nl), label::English (en), short::Nederlands (nl), short::English (en), other, exclusive, status, about, tip::Nederlands (nl), tip::English (en), tip_url',
      `choices, rij ${r.status}, kolom status: "goed" is geen status; gebruik ok (op orde), partial (deels), not (niet op orde), neutral (zegt niets, bijvoorbeeld "weet niet")`,
      `choices, rij ${r.english}, kolom label::English (en): leeg; vul de Engelse tekst in`,
      `survey, rij ${r.type}, kolom type: type "integer" kent deze vragenlijst niet; gebruik select_one LIJST, select_multiple LIJST, text, begin_group of end_group`,
      `survey, rij ${r.list}, kolom type: lijst "bestaat_niet" staat niet in choices (kolom list_name)`,
      `survey, rij ${r.twin}, kolom name: vraag "week_tegen_eenzaamheid" staat al in rij ${r.first}`,
      `survey, rij ${r.item}, kolom type: alle onderdelen van een matrix gebruiken dezelfde lijst; dit onderdeel gebruikt "rol", het eerste (rij ${r.adviseurs}) "inzet"`,
      `survey, rij ${r.relevant}, kolom relevant: "\${lokale_coalitie} = 'ja'" kan niet gelezen worden; schrijf selected(\${vraag}, 'code'), voor meer antwoorden met or ertussen`,
      `survey, rij ${r.begin}, kolom type: begin_group "uitdagingen" wordt niet gesloten; zet er een end_group achter`,
      'settings, rij 2, kolom version: deze vragenlijst is van editie 2022, maar wordt ingelezen als editie 2023; zet hier 2023 als dat de bedoeling is',
      'key_results, rij 3, kolom question: "Signaalpunt" is geen geldige sleutel van een vraag: gebruik alleen kleine letters, cijfers en _',
    ].sort());
    expect((await read(data)).questionnaire).toBeUndefined();
  });

  it('what the questionnaire\'s own rules find is traced back to the row (relevant to a later question, a missing status, an unknown code)', async () => {
    const qn = shipped(2023);
    let rows: Record<string, number> = {};
    const data = await edited(qn, (wb) => {
      const survey = wb.getWorksheet('survey')!;
      const choices = wb.getWorksheet('choices')!;
      rows = { early: rowOf(survey, 'week_tegen_eenzaamheid'), status: choiceRow(choices, 'signaalpunt', 'ja') };
      cell(survey, 'week_tegen_eenzaamheid', 'relevant').value = `selected(\${signaalpunt}, 'ja')`;
      choices.getRow(rows.status).getCell(col(choices, 'status')).value = null;
      wb.getWorksheet('key_results')!.getRow(2).getCell(2).value = 'misschien';
    });
    expect(await lines(data)).toEqual([
      `survey, rij ${rows.early}, kolom relevant: vraag "week_tegen_eenzaamheid": relevant verwijst naar "signaalpunt", die pas later in de vragenlijst komt`,
      `choices, rij ${rows.status}, kolom status: vraag "signaalpunt": geef elke optie een status of geen enkele (zonder status: ja)`,
      'key_results, rij 2, kolom options: kernresultaat 1 (vraag "week_tegen_eenzaamheid"): code "misschien" is geen antwoordoptie van deze vraag',
    ]);
  });

  it('a header without a language, a value without a header, an empty type', async () => {
    const data = await edited(shipped(2023), (wb) => {
      const survey = wb.getWorksheet('survey')!;
      survey.getRow(1).getCell(col(survey, 'hint::Nederlands (nl)')).value = 'hint';
      survey.getRow(3).getCell(1).value = null;
      survey.getRow(4).getCell(30).value = 'losse waarde';
      survey.getRow(9).getCell(30).value = 'nog een';
    });
    expect(await lines(data)).toEqual([
      'survey, rij 1, kolom hint: geef de taal: hint::Nederlands (nl) en hint::English (en)',
      'survey, rij 4, kolom AD: een waarde in een kolom zonder naam in rij 1 (en in nog 1 rij)',
      'survey, rij 3, kolom type: leeg; vul het type in (select_one LIJST, select_multiple LIJST, text, begin_group of end_group)',
    ]);
  });

  it('a missing required column is said once, not again on every row', async () => {
    const data = await edited(shipped(2023), (wb) => {
      const choices = wb.getWorksheet('choices')!;
      choices.getRow(1).getCell(col(choices, 'label::English (en)')).value = null;
    });
    expect(await lines(data)).toEqual(['choices, rij 1, kolom label::English (en): deze kolom ontbreekt']);
  });

  it('a cell used where it means nothing, yes/no that is neither, a matrix group without table-list', async () => {
    const qn = shipped(2023);
    let r: Record<string, number> = {};
    const data = await edited(qn, (wb) => {
      const survey = wb.getWorksheet('survey')!;
      r = { q: rowOf(survey, 'signaalpunt'), m: rowOf(survey, 'inzet_producten') };
      cell(survey, 'signaalpunt', 'theme_kind').value = 'pijler';
      cell(survey, 'signaalpunt', 'comment').value = 'misschien';
      cell(survey, 'inzet_producten', 'appearance').value = 'field-list';
    });
    expect(await lines(data)).toEqual([
      `survey, rij ${r.q}, kolom theme_kind: wordt bij een vraag (select_one) niet gebruikt; laat deze cel leeg`,
      `survey, rij ${r.q}, kolom comment: "misschien" is geen ja of nee; gebruik yes of no (of laat de cel leeg)`,
      `survey, rij ${r.m}, kolom appearance: "field-list"; een groep binnen een thema is een matrixvraag en heeft appearance table-list`,
    ]);
  });

  it('lineage that cannot be read is named in its cell', async () => {
    const qn = everyField();
    let r = 0;
    let hulp = 0;
    const data = await edited(qn, (wb) => {
      const survey = wb.getWorksheet('survey')!;
      r = rowOf(survey, 'ja_nee');
      hulp = rowOf(survey, 'hulp');
      cell(survey, 'ja_nee', 'lineage_map').value = 'oud.j=ja; ander.n=nee; kapot';
      cell(survey, 'hulp', 'lineage').value = 'merges hulp_a';
    });
    expect(await lines(data, 2024)).toEqual([
      `survey, rij ${r}, kolom lineage_map: "ander.n=nee": vraag "ander" staat niet in lineage (replaces oud)`,
      `survey, rij ${r}, kolom lineage_map: "kapot" kan niet gelezen worden; schrijf vraag.oude_code=nieuwe_code, gescheiden door ;`,
      `survey, rij ${hulp}, kolom lineage: merges voegt minstens twee eerdere vragen samen; voor één vraag: replaces vraag`,
    ]);
  });
});

describe('limits: a file that would keep the server busy is refused before it is read', () => {
  it('not a workbook, too large, a zip bomb, too many rows', async () => {
    expect(await lines(new TextEncoder().encode('type,name\ntext,x\n'))).toEqual([
      'dit is geen Excel-werkmap (.xlsx); sla het bestand op als Excel-werkmap en probeer het opnieuw',
    ]);
    expect(await lines(new Uint8Array(LIMITS.bytes + 1))).toEqual(['het bestand is groter dan 5 MB; een vragenlijst is veel kleiner']);

    // 200 MB of spaces as one worksheet: a few hundred kilobytes packed.
    const bomb = zipOf([['[Content_Types].xml', Buffer.from('<Types/>')], ['xl/worksheets/sheet1.xml', Buffer.alloc(200 * 1024 * 1024, 0x20)]]);
    expect(bomb.byteLength).toBeLessThan(LIMITS.bytes);
    expect(await checkZip(bomb)).toEqual({ ok: false, reason: 'tooBig' });
    expect(await lines(bomb)).toEqual(['de werkmap pakt uit tot meer dan 25 MB; een vragenlijst is veel kleiner']);

    const tooMany = await edited(shipped(2023), (wb) => {
      const survey = wb.getWorksheet('survey')!;
      survey.getCell(`A${LIMITS.rows + 1}`).value = 'text';
      survey.getCell(`A${LIMITS.rows + 2}`).value = 'text';
    });
    expect((await lines(tooMany))[0]).toBe(`survey, rij ${LIMITS.rows + 1}: het werkblad heeft meer dan ${LIMITS.rows} rijen; wat daarna komt is niet gelezen`);
  }, 60_000);

  it('a sheet past the row limit is left there, the others are still read, whatever the order of the zip\'s parts', async () => {
    // LibreOffice writes the worksheets before the shared strings (ExcelJS then reads them from temporary
    // files); here the shared strings come first, so the worksheets stream straight from the zip.
    const lo = await JSZip.loadAsync(readFileSync(new URL('tests/fixtures/questionnaire/2023-libreoffice.xlsx', root)));
    const first = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];
    const names = Object.keys(lo.files).filter((n) => !lo.files[n].dir);
    const reordered = new JSZip();
    for (const n of [...first, ...names.filter((x) => !first.includes(x))]) reordered.file(n, await lo.files[n].async('uint8array'), { compression: 'DEFLATE' });
    for (const data of [readFileSync(new URL('tests/fixtures/questionnaire/2023-libreoffice.xlsx', root)), await reordered.generateAsync({ type: 'uint8array' })]) {
      const r = await readWorkbook(data, { ...LIMITS, rows: 20 });
      expect(r.grids.map((g) => [g.name, g.rows.length])).toEqual([['survey', 20], ['choices', 20], ['settings', 2], ['key_results', 13]]);
      expect(r.problems.map(problemLine)).toEqual([
        'survey, rij 21: het werkblad heeft meer dan 20 rijen; wat daarna komt is niet gelezen',
        'choices, rij 21: het werkblad heeft meer dan 20 rijen; wat daarna komt is niet gelezen',
      ]);
    }
  });

  it('the zip check follows the parts as the reader does: many small parts together, or bytes after the parts, are refused', async () => {
    expect(await checkZip(zipOf([['a.xml', Buffer.from('<a/>')]]))).toMatchObject({ ok: true, entries: ['a.xml'] });
    const many = Array.from({ length: 30 }, (_, i): [string, Buffer] => [`p${i}.xml`, Buffer.alloc(1024 * 1024, 0x20)]);
    expect(await checkZip(zipOf(many))).toEqual({ ok: false, reason: 'tooBig' });
    const parts = zipOf([['a.xml', Buffer.from('<a/>')]]);
    expect(await checkZip(Buffer.concat([parts.subarray(0, parts.length - 22), Buffer.from('garbage')]))).toEqual({ ok: false, reason: 'broken' });
  });
});

/** A zip of deflated parts (local headers and an end record; enough for the streaming reader's view). */
function zipOf(files: [string, Buffer][]): Buffer {
  const parts = files.map(([name, data]) => {
    const packed = deflateRawSync(data);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(packed.length, 18);
    h.writeUInt32LE(data.length, 22);
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, Buffer.from(name), packed]);
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return Buffer.concat([...parts, end]);
}

describe('the differences with the current questionnaire', () => {
  it('nothing changed: an empty diff', () => {
    expect(isEmptyDiff(diffQuestionnaires(shipped(2023), shipped(2023)))).toBe(true);
  });

  it('questions added, removed and changed, field by field, in words', () => {
    const before = everyField();
    const after = everyField();
    after.questions = after.questions.filter((q) => q.key !== 'opmerking');
    after.questions.push({ key: 'nieuw', theme: 'overig', type: 'text', text: t('Nieuwe vraag') });
    const coalitie = after.questions[0];
    coalitie.text = t('Is er een lokale coalitie?');
    coalitie.options = [...(coalitie.options ?? []).filter((o) => o.code !== 'deels'), { code: 'bijna', label: t('Bijna') }];
    coalitie.options[0].status = 'partial';
    coalitie.options[1].label = t('Nee, nog niet');
    coalitie.tips = { nee: { text: t('Begin er een'), url: 'https://example.nl/coalitie?x=1&y=2' } };
    after.questions[1].showIf = { question: 'coalitie', in: ['ja'] };
    after.questions[2].items?.push({ code: 'zorg', label: t('Zorg') });
    after.scales.rol[1].status = 'partial';
    after.keyResults = after.keyResults?.slice(1);
    const diff = diffQuestionnaires(before, after);
    expect(describeDiff(diff, 'nl')).toEqual([
      { title: 'Schalen (lijsten van matrixvragen)', lines: [{ subject: 'Gewijzigd: rol', details: ['statussen: niet (not wordt partial)'] }] },
      {
        title: 'Vragen',
        lines: [
          { subject: 'Nieuw: nieuw – Nieuwe vraag', details: [] },
          { subject: 'Verwijderd: opmerking – Nog iets?', details: [] },
          {
            subject: 'Gewijzigd: coalitie – Is er een lokale coalitie?',
            details: [
              'vraagtekst: "Is er een coalitie?" wordt "Is er een lokale coalitie?"',
              'antwoordopties: nieuw bijna; weg deels; gewijzigd nee (tekst)',
              'statussen: ja (ok wordt partial)',
              'tips: gewijzigd nee (tekst)',
            ],
          },
          { subject: 'Gewijzigd: ja_nee – Ja of nee?\nTweede regel.', details: [`voorwaarde (relevant): ${relevantOf({ question: 'coalitie', in: ['ja', 'deels'] })} wordt ${relevantOf({ question: 'coalitie', in: ['ja'] })}`] },
          { subject: 'Gewijzigd: partijen – Welke partijen?', details: ['onderdelen: nieuw zorg'] },
        ],
      },
      { title: 'Kernresultaten', lines: [{ subject: 'Verwijderd: coalitie:ja,deels – hebben een coalitie', details: [] }] },
    ]);
  });
});
