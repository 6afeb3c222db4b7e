// Questionnaire → XLSForm workbook. `sheetRows` lays the questionnaire out as rows (pure); `writeSheet`
// writes them with ExcelJS: frozen header row, widths, no formulas.
import type ExcelJSType from 'exceljs';
import type { Option, Question, Questionnaire, ShowIf, Text } from '../questionnaire/index.ts';
import {
  CHOICES, COLUMNS, type Column, DEFAULT_LANGUAGE, KEY_RESULTS, LIMITS, SETTINGS, SHEET_NAMES, STATUS_MEANING, SURVEY,
} from './sheet.model.ts';

export type Row = Record<string, string | number>;
export type SheetRows = Record<(typeof SHEET_NAMES)[number], Row[] | undefined>;

const text = (base: string, t: Text | undefined): Row => (t ? { [`${base}.nl`]: t.nl, [`${base}.en`]: t.en } : {});
const yesNo = (key: string, v: boolean | undefined): Row => (v === undefined ? {} : { [key]: v ? 'yes' : 'no' });
const num = (key: string, v: number | undefined): Row => (v === undefined ? {} : { [key]: v });

/** `selected(${q}, 'a') or selected(${q}, 'b')`: XLSForm's condition for "one of these was chosen". */
export function relevantOf(s: ShowIf): string {
  return s.in.map((code) => `selected(\${${s.question}}, '${code}')`).join(' or ');
}

/** `continues x` · `replaces x` · `merges a, b`, and the code map `x.old=new; …` (ours: XLSForm has no lineage). */
export function lineageOf(q: Question): Row {
  if (q.continues) return { lineage: `continues ${q.continues}` };
  const parts = q.replaces ? [q.replaces] : (q.merges ?? []);
  if (!parts.length) return {};
  const map = parts.flatMap((p) => Object.entries(p.options).map(([old, now]) => `${p.key}.${old}=${now}`)).join('; ');
  return { lineage: `${q.replaces ? 'replaces' : 'merges'} ${parts.map((p) => p.key).join(', ')}`, ...(map && { lineage_map: map }) };
}

/** One list per single/multi question (its key) and one per scale (its name); a key that is also a scale's name gets a suffix. */
export function listNames(qn: Questionnaire): Map<string, string> {
  const taken = new Set(Object.keys(qn.scales));
  const names = new Map<string, string>();
  for (const q of qn.questions) {
    if (q.type !== 'single' && q.type !== 'multi') continue;
    let name = q.key;
    for (let i = 2; taken.has(name); i++) name = `${q.key}_opties${i > 2 ? `_${i - 1}` : ''}`;
    taken.add(name);
    names.set(q.key, name);
  }
  return names;
}

function optionRow(list: string, o: Option, tip?: { text: Text; url: string }): Row {
  return {
    list_name: list, name: o.code, ...text('label', o.label), ...text('short', o.short),
    ...yesNo('other', o.other), ...yesNo('exclusive', o.exclusive), ...(o.status && { status: o.status }), ...(o.about && { about: o.about }),
    ...(tip && { ...text('tip', tip.text), tip_url: tip.url }),
  };
}

/** The cells a question shares, whatever its type: texts, conditions, our own fields. */
function questionCells(q: Question): Row {
  return {
    name: q.key, ...text('label', q.text), ...text('hint', q.help), ...yesNo('required', q.required),
    ...(q.showIf && { relevant: relevantOf(q.showIf) }), ...text('short', q.short), ...yesNo('comment', q.comment),
    ...lineageOf(q), ...num('figure', q.figure), ...yesNo('reconstructed', q.reconstructed),
  };
}

export function sheetRows(qn: Questionnaire): SheetRows {
  const lists = listNames(qn);
  const survey: Row[] = [];
  const choices: Row[] = [];
  for (const t of qn.themes) {
    survey.push({
      type: 'begin_group', name: t.key, ...text('label', t.title), ...text('short', t.short), ...text('intro', t.intro),
      theme_kind: t.kind, ...num('theme_number', t.number),
    });
    for (const q of qn.questions.filter((x) => x.theme === t.key)) {
      if (q.type === 'matrix') {
        survey.push({ type: 'begin_group', appearance: 'table-list', ...questionCells(q) });
        for (const item of q.items ?? []) {
          const tip = q.tips?.[item.code];
          survey.push({ type: `select_one ${q.scale}`, name: item.code, ...text('label', item.label), ...(tip && { ...text('tip', tip.text), tip_url: tip.url }) });
        }
        survey.push({ type: 'end_group', name: q.key });
      } else if (q.type === 'text') {
        survey.push({ type: 'text', ...questionCells(q) });
      } else {
        const list = lists.get(q.key) as string;
        survey.push({ type: `${q.type === 'single' ? 'select_one' : 'select_multiple'} ${list}`, ...questionCells(q) });
        for (const o of q.options ?? []) choices.push(optionRow(list, o, q.tips?.[o.code]));
      }
    }
    survey.push({ type: 'end_group', name: t.key });
  }
  for (const [name, scale] of Object.entries(qn.scales)) for (const o of scale) choices.push(optionRow(name, o));
  const settings: Row[] = [{
    form_title: qn.name.nl, 'form_title.en': qn.name.en, form_id: `een_tegen_eenzaamheid_${qn.edition}`, version: qn.edition,
    default_language: DEFAULT_LANGUAGE,
  }];
  const keyResults = qn.keyResults?.map((k) => ({ question: k.question, options: k.options.join(' '), ...text('label', k.text) }));
  return { [SURVEY]: survey, [CHOICES]: choices, [SETTINGS]: settings, [KEY_RESULTS]: keyResults };
}

/** Drop-down lists where a column takes a few values (Excel and LibreOffice keep them; nothing depends on them). */
const CHOICE_LISTS: Record<string, string[]> = {
  required: ['yes', 'no'], comment: ['yes', 'no'], reconstructed: ['yes', 'no'], other: ['yes', 'no'], exclusive: ['yes', 'no'],
  status: Object.keys(STATUS_MEANING), theme_kind: ['actielijn', 'pijler', 'actualiteit', 'overig'],
};

type DataValidations = { add(range: string, rule: { type: 'list'; allowBlank: boolean; formulae: string[] }): void };

function addSheet(wb: ExcelJSType.Workbook, name: (typeof SHEET_NAMES)[number], rows: Row[]) {
  const columns: Column[] = COLUMNS[name];
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top' };
  columns.forEach((c, i) => {
    header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.xlsform ? 'FFD9E2F3' : 'FFFCE4D6' } };
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  columns.forEach((c, i) => {
    const list = CHOICE_LISTS[c.key];
    const letter = ws.getColumn(i + 1).letter;
    if (list) {
      // Not in ExcelJS's types, but in its API (worksheet.dataValidations.add(range, rule)).
      (ws as unknown as { dataValidations: DataValidations }).dataValidations.add(`${letter}2:${letter}${LIMITS.rows}`,
        { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`] });
    }
  });
}

/** The workbook as XLSX bytes. */
export async function writeSheet(qn: Questionnaire): Promise<Buffer> {
  // Loaded when first needed: ExcelJS holds ~30 MB the answering and report pages never use.
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: typeof ExcelJSType };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Benchmark Eén tegen eenzaamheid';
  const rows = sheetRows(qn);
  for (const name of SHEET_NAMES) {
    const r = rows[name];
    if (r) addSheet(wb, name, r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
