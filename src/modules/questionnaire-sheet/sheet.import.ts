// XLSForm workbook → Questionnaire, all or nothing: every problem is named by sheet, row and column,
// including those the questionnaire's own checks (validateQuestionnaire) find. Pure but for ExcelJS.
import {
  type Item, type Option, type Question, type Questionnaire, QuestionnaireError, type Replaces, type ShowIf, STATUSES, type Theme, type Tip,
  validateQuestionnaire,
} from '../questionnaire/index.ts';
import { Cells, CODE, Problems, type SheetName, type SheetRow, sheetRows } from './sheet.cells.ts';
import { locateProblem, type Locations } from './sheet.locate.ts';
import { CHOICES, KEY_RESULTS, type LIMITS, SETTINGS, SHEET_NAMES, type SheetProblem, STATUS_MEANING, SURVEY, THEME_KINDS } from './sheet.model.ts';
import { type Grid, readWorkbook } from './sheet.read.ts';

export type ImportResult = { questionnaire?: Questionnaire; problems: SheetProblem[]; at: Locations };

/** Reads an uploaded workbook as the questionnaire of `edition`; `label` names it in messages. */
export async function importSheet(data: Uint8Array, opts: { edition: number; label: string; limits?: typeof LIMITS }): Promise<ImportResult> {
  const read = await readWorkbook(data, opts.limits);
  const at = emptyLocations();
  if (read.problems.some((p) => p.sheet === undefined)) return { problems: read.problems, at };
  const parsed = parseGrids(read.grids, opts.edition, at);
  const problems = [...read.problems, ...parsed.problems];
  if (problems.length || !parsed.raw) return { problems, at };
  try {
    return { questionnaire: validateQuestionnaire(parsed.raw, opts.label), problems: [], at };
  } catch (e) {
    if (!(e instanceof QuestionnaireError)) throw e;
    return { problems: e.problems.map((line) => locateProblem(line, opts.label, at)), at };
  }
}

function emptyLocations(): Locations {
  return { questions: new Map(), themes: new Map(), lists: new Map(), options: new Map(), questionLists: new Map(), keyResults: [] };
}

type ListEntry = { option: Option; tip?: Tip; row: number };
type List = { row: number; entries: ListEntry[] };

/** The sheets (as grids of text) → the questionnaire as raw data, still to be validated. */
export function parseGrids(grids: Grid[], edition: number, at: Locations): { raw?: unknown; problems: SheetProblem[] } {
  const problems = new Problems();
  const byName = new Map<string, Grid>();
  for (const g of grids) {
    const name = g.name.trim().toLowerCase();
    if ((SHEET_NAMES as readonly string[]).includes(name)) byName.set(name, g);
    else if (g.rows.length) problems.add(g.name, undefined, undefined, `onbekend werkblad; deze werkmap kent de werkbladen ${SHEET_NAMES.join(', ')}`);
  }
  const rowsOf = (sheet: SheetName, required: boolean): SheetRow[] | undefined => {
    const g = byName.get(sheet);
    if (!g) {
      if (required) problems.add(sheet, undefined, undefined, 'dit werkblad ontbreekt');
      return undefined;
    }
    return sheetRows(g, sheet, problems);
  };
  const surveyRows = rowsOf(SURVEY, true);
  const choiceRows = rowsOf(CHOICES, true);
  const settingRows = rowsOf(SETTINGS, true);
  const keyResultRows = rowsOf(KEY_RESULTS, false);

  const lists = readChoices(choiceRows ?? [], problems, at);
  // Without a readable choices sheet every list would be "missing": its own problem says enough.
  const survey = readSurvey(surveyRows ?? [], choiceRows ? lists : undefined, problems, at);
  const settings = readSettings(settingRows ?? [], edition, problems);
  const keyResults = keyResultRows && readKeyResults(keyResultRows, problems, at);

  // A list the items of a matrix use is a scale, and so is a list nobody uses (a scale without matrix, yet).
  const scales: Record<string, Option[]> = {};
  const surveyRead = !!surveyRows && !problems.list.some((p) => p.sheet === SURVEY);
  for (const [name, list] of lists) {
    if (survey.byQuestion.has(name) && !survey.byMatrix.has(name)) continue;
    scales[name] = list.entries.map((e) => e.option);
    // Which lists questions use is only known once the survey could be read.
    if (survey.byQuestion.has(name) || !surveyRead) continue;
    for (const e of list.entries.filter((x) => x.tip)) {
      problems.add(CHOICES, e.row, 'tip.nl', 'een tip in een lijst die geen vraag gebruikt (een schaal) wordt nooit gegeven; zet de tip van een matrix in survey, bij het onderdeel');
    }
  }
  if (problems.list.length || !surveyRows || !choiceRows || !settings) return { problems: problems.list };
  return {
    raw: { edition: settings.edition, name: settings.name, themes: survey.themes, scales, questions: survey.questions, ...(keyResults && { keyResults }) },
    problems: [],
  };
}

function readChoices(rows: SheetRow[], problems: Problems, at: Locations): Map<string, List> {
  const lists = new Map<string, List>();
  for (const r of rows) {
    const c = new Cells(CHOICES, r, problems);
    const listName = c.get('list_name');
    if (!listName) c.say('list_name', 'leeg; in welke lijst hoort deze optie?');
    else if (/\s/.test(listName)) c.say('list_name', `"${listName}": een lijstnaam heeft geen spaties`);
    const code = c.code('name', 'code van de optie');
    const label = c.text('label', true);
    const short = c.text('short', false);
    const other = c.flag('other');
    const exclusive = c.flag('exclusive');
    const status = c.get('status').toLowerCase();
    if (status && !(STATUSES as readonly string[]).includes(status)) {
      c.say('status', `"${c.get('status')}" is geen status; gebruik ${Object.entries(STATUS_MEANING).map(([k, v]) => `${k} (${v})`).join(', ')}`);
    }
    const about = c.get('about');
    if (about && !/^[a-z0-9_]+(\.[a-z0-9_]+)?$/.test(about)) c.say('about', `"${about}" is geen thema- of vraagsleutel (eventueel vraag.onderdeel)`);
    const tip = c.tip();
    if (!listName || /\s/.test(listName) || !CODE.test(code) || !label) continue;
    let list = lists.get(listName);
    if (!list) lists.set(listName, (list = { row: r.row, entries: [] }));
    const twin = list.entries.find((e) => e.option.code === code);
    if (twin) {
      c.say('name', `optie "${code}" staat al in lijst "${listName}" (rij ${twin.row})`);
      continue;
    }
    at.lists.set(listName, at.lists.get(listName) ?? r.row);
    at.options.set(`${listName}.${code}`, r.row);
    const option: Option = {
      code, label, ...(short && { short }), ...(other !== undefined && { other }), ...(exclusive !== undefined && { exclusive }),
      ...(status && { status: status as Option['status'] }), ...(about && { about }),
    };
    list.entries.push({ option, tip, row: r.row });
  }
  return lists;
}

type Group = { kind: 'theme' | 'matrix' | 'wrong'; name: string; row: number; matrix?: { q: Question; items: { item: Item; list: string; row: number; tip?: Tip }[] } };
type RowType = { kind: 'begin' | 'end' | 'text' } | { kind: 'single' | 'multi'; list: string } | { problem: string };

const QUESTION_COLUMNS = ['type', 'name', 'label', 'hint', 'required', 'relevant', 'short', 'comment', 'lineage', 'lineage_map', 'figure', 'reconstructed'];

function rowType(v: string): RowType {
  const t = v.trim().replace(/\s+/g, ' ');
  if (/^begin[ _]group$/i.test(t)) return { kind: 'begin' };
  if (/^end[ _]group$/i.test(t)) return { kind: 'end' };
  if (/^text$/i.test(t)) return { kind: 'text' };
  const select = /^select[ _](one|multiple) (\S+)( or_other)?$/i.exec(t);
  if (select?.[3]) return { problem: 'or_other gebruikt deze vragenlijst niet; geef de optie "Anders, namelijk" in choices other = yes' };
  if (select) return { kind: select[1].toLowerCase() === 'one' ? 'single' : 'multi', list: select[2] };
  if (/^select[ _](one|multiple)$/i.test(t)) return { problem: `geef de lijst erbij, bijvoorbeeld "${t.replace(' ', '_')} lijstnaam"` };
  return { problem: `type "${t}" kent deze vragenlijst niet; gebruik select_one LIJST, select_multiple LIJST, text, begin_group of end_group` };
}

/** Themes and questions, and which lists single/multi questions and matrices use. */
type Survey = { themes: Theme[]; questions: Question[]; byQuestion: Set<string>; byMatrix: Set<string> };

function readSurvey(rows: SheetRow[], lists: Map<string, List> | undefined, problems: Problems, at: Locations): Survey {
  const themes: Theme[] = [];
  const questions: Question[] = [];
  const byQuestion = new Set<string>();
  const byMatrix = new Set<string>();
  const stack: Group[] = [];
  const addQuestion = (q: Question, row: number) => {
    const earlier = at.questions.get(q.key);
    if (earlier !== undefined) problems.add(SURVEY, row, 'name', `vraag "${q.key}" staat al in rij ${earlier}`);
    else at.questions.set(q.key, row);
    questions.push(q);
  };
  const listOf = (c: Cells, list: string): List | undefined => {
    const found = lists?.get(list);
    if (!found && lists) c.say('type', `lijst "${list}" staat niet in choices (kolom list_name)`);
    return found;
  };

  for (const r of rows) {
    const c = new Cells(SURVEY, r, problems);
    const type = c.get('type') ? rowType(c.get('type')) : { problem: 'leeg; vul het type in (select_one LIJST, select_multiple LIJST, text, begin_group of end_group)' };
    if ('problem' in type) {
      c.say('type', type.problem);
      continue;
    }
    const open = stack[stack.length - 1];
    if (type.kind === 'end') {
      c.onlyThese(['type', 'name'], 'end_group');
      if (!open) {
        c.say('type', 'end_group zonder begin_group ervoor');
        continue;
      }
      const name = c.get('name');
      if (name && name !== open.name) c.say('name', `sluit "${name}", maar de open groep is "${open.name}" (rij ${open.row})`);
      stack.pop();
      if (open.matrix) closeMatrix(open, lists, byMatrix, problems, addQuestion);
      continue;
    }
    if (type.kind === 'begin') {
      const key = c.get('name');
      if (!open) {
        c.onlyThese(['type', 'name', 'label', 'short', 'intro', 'theme_kind', 'theme_number', 'appearance'], 'een thema (begin_group buiten een groep)');
        const appearance = c.get('appearance');
        if (appearance && appearance !== 'field-list') c.say('appearance', `"${appearance}" wordt bij een thema niet gebruikt; laat de cel leeg (of field-list)`);
        const theme = readTheme(c);
        stack.push({ kind: 'theme', name: key, row: r.row });
        if (!theme) continue;
        const earlier = at.themes.get(theme.key);
        if (earlier !== undefined) c.say('name', `thema "${theme.key}" staat al in rij ${earlier}`);
        else at.themes.set(theme.key, r.row);
        themes.push(theme);
      } else if (open.kind === 'theme') {
        c.onlyThese([...QUESTION_COLUMNS, 'appearance'], 'een matrixvraag (begin_group met table-list)');
        if (c.get('appearance') !== 'table-list') {
          c.say('appearance', `${c.get('appearance') ? `"${c.get('appearance')}"` : 'leeg'}; een groep binnen een thema is een matrixvraag en heeft appearance table-list`);
        }
        const q = readQuestion(c, 'matrix', open.name);
        stack.push({ kind: q ? 'matrix' : 'wrong', name: key, row: r.row, matrix: q && { q, items: [] } });
      } else {
        c.say('type', 'een groep kan hier niet: een thema bevat vragen en matrixvragen (begin_group met table-list), een matrix bevat alleen select_one-rijen');
        stack.push({ kind: 'wrong', name: key, row: r.row });
      }
      continue;
    }
    // A question (or a matrix's item).
    if (!open) {
      c.say('type', 'deze vraag staat buiten een thema; zet haar tussen de begin_group en end_group van een thema');
      continue;
    }
    const listName = 'list' in type ? type.list : '';
    if (open.kind === 'theme') {
      c.onlyThese(QUESTION_COLUMNS, `een vraag (${type.kind === 'text' ? 'text' : type.kind === 'single' ? 'select_one' : 'select_multiple'})`);
      const q = readQuestion(c, type.kind as Question['type'], open.name);
      const list = listName ? listOf(c, listName) : undefined;
      if (!q || (listName && !list)) continue;
      if (list) {
        byQuestion.add(listName);
        at.questionLists.set(q.key, listName);
        q.options = list.entries.map((e) => e.option);
        const tips = Object.fromEntries(list.entries.filter((e) => e.tip).map((e) => [e.option.code, e.tip as Tip]));
        if (Object.keys(tips).length) q.tips = tips;
      }
      addQuestion(orderFields(q), r.row);
    } else if (open.kind === 'matrix' && open.matrix) {
      c.onlyThese(['type', 'name', 'label', 'tip', 'tip_url'], 'een onderdeel van een matrix');
      if (type.kind !== 'single') {
        c.say('type', 'in een matrix (table-list) staan alleen select_one-rijen, één per onderdeel, allemaal met dezelfde lijst');
        continue;
      }
      const code = c.code('name', 'code van het onderdeel');
      const label = c.text('label', true);
      const tip = c.tip();
      if (!CODE.test(code) || !label) continue;
      const twin = open.matrix.items.find((i) => i.item.code === code);
      if (twin) c.say('name', `onderdeel "${code}" staat al in rij ${twin.row}`);
      else open.matrix.items.push({ item: { code, label }, list: listName, row: r.row, tip });
    }
  }
  for (const g of stack) problems.add(SURVEY, g.row, 'type', `begin_group "${g.name}" wordt niet gesloten; zet er een end_group achter`);
  return { themes, questions, byQuestion, byMatrix };
}

function closeMatrix(g: Group, lists: Map<string, List> | undefined, byMatrix: Set<string>, problems: Problems, add: (q: Question, row: number) => void) {
  const { q, items } = g.matrix as NonNullable<Group['matrix']>;
  if (!items.length) {
    problems.add(SURVEY, g.row, 'type', `matrix "${q.key}" heeft geen onderdelen; zet er select_one-rijen in, één per onderdeel`);
    return;
  }
  const scale = items[0].list;
  for (const i of items.filter((x) => x.list !== scale)) {
    problems.add(SURVEY, i.row, 'type', `alle onderdelen van een matrix gebruiken dezelfde lijst; dit onderdeel gebruikt "${i.list}", het eerste (rij ${items[0].row}) "${scale}"`);
  }
  if (lists && !lists.has(scale)) problems.add(SURVEY, items[0].row, 'type', `lijst "${scale}" staat niet in choices (kolom list_name)`);
  byMatrix.add(scale);
  q.scale = scale;
  q.items = items.map((i) => i.item);
  const tips = Object.fromEntries(items.filter((i) => i.tip).map((i) => [i.item.code, i.tip as Tip]));
  if (Object.keys(tips).length) q.tips = tips;
  add(orderFields(q), g.row);
}

function readTheme(c: Cells): Theme | undefined {
  const key = c.code('name', 'sleutel van het thema');
  const title = c.text('label', true);
  const short = c.text('short', true);
  const intro = c.text('intro', true);
  const kind = c.get('theme_kind').toLowerCase();
  if (!kind) c.say('theme_kind', `leeg; kies ${THEME_KINDS.join(', ')}`);
  else if (!(THEME_KINDS as readonly string[]).includes(kind)) c.say('theme_kind', `"${c.get('theme_kind')}" is geen soort thema; kies ${THEME_KINDS.join(', ')}`);
  const number = c.int('theme_number', 0, 1000);
  if (!CODE.test(key) || !title || !short || !intro || !(THEME_KINDS as readonly string[]).includes(kind)) return undefined;
  return { key, kind: kind as Theme['kind'], ...(number !== undefined && { number }), title, short, intro };
}

function readQuestion(c: Cells, type: Question['type'], theme: string): Question | undefined {
  const key = c.code('name', 'sleutel van de vraag');
  const text = c.text('label', true);
  const help = c.text('hint', false);
  const short = c.text('short', false);
  const required = c.flag('required');
  const comment = c.flag('comment');
  const reconstructed = c.flag('reconstructed');
  const figure = c.int('figure');
  const showIf = readRelevant(c);
  const lineage = readLineage(c);
  if (!CODE.test(key) || !text || showIf === null || lineage === null) return undefined;
  return {
    key, theme, type, text, ...(short && { short }), ...(help && { help }), ...(required !== undefined && { required }),
    ...(comment !== undefined && { comment }), ...(showIf && { showIf }), ...lineage, ...(figure !== undefined && { figure }),
    ...(reconstructed !== undefined && { reconstructed }),
  };
}

/** The question's fields in the order of the shipped files (the order does not matter to anything but a reader). */
function orderFields(q: Question): Question {
  const { key, theme, type, text, short, options, scale, items, ...rest } = q;
  return { key, theme, type, text, ...(short && { short }), ...(options && { options }), ...(scale && { scale }), ...(items && { items }), ...rest };
}

const SELECTED = /^selected\(\s*\$\{([a-z0-9_]+)\}\s*,\s*(?:'([a-z0-9_]+)'|"([a-z0-9_]+)")\s*\)$/;

/** `selected(${q}, 'a') or selected(${q}, 'b')` → show_if; undefined when empty, null when unreadable. */
export function readRelevant(c: Pick<Cells, 'get' | 'say'>): ShowIf | undefined | null {
  const v = c.get('relevant');
  if (!v) return undefined;
  const parts = v.split(/\s+or\s+/i).map((p) => SELECTED.exec(p.trim()));
  if (parts.some((m) => !m)) {
    c.say('relevant', `"${v}" kan niet gelezen worden; schrijf selected(\${vraag}, 'code'), voor meer antwoorden met or ertussen`);
    return null;
  }
  const matches = parts as RegExpExecArray[];
  const question = matches[0][1];
  if (matches.some((m) => m[1] !== question)) {
    c.say('relevant', 'alle delen van de voorwaarde gaan over dezelfde vraag (de vragenlijst kent geen voorwaarden over meer vragen)');
    return null;
  }
  const codes = matches.map((m) => m[2] ?? m[3]);
  return { question, in: [...new Set(codes)] };
}

type Lineage = Pick<Question, 'continues' | 'replaces' | 'merges'>;

/** `continues x` · `replaces x` · `merges a, b` with `lineage_map` `x.old=new; …`; null when unreadable. */
export function readLineage(c: Pick<Cells, 'get' | 'say'>): Lineage | null {
  const v = c.get('lineage');
  const map = c.get('lineage_map');
  if (!v) {
    if (map) c.say('lineage_map', 'hoort bij lineage (replaces of merges), maar die is leeg');
    return map ? null : {};
  }
  const m = /^(continues|replaces|merges)\s+(.+)$/i.exec(v);
  const keys = m ? m[2].split(/[\s,]+/).filter(Boolean) : [];
  if (!m || keys.some((k) => !CODE.test(k))) {
    c.say('lineage', `"${v}" kan niet gelezen worden; schrijf continues vraag, replaces vraag of merges vraag1, vraag2`);
    return null;
  }
  const kind = m[1].toLowerCase();
  if (kind !== 'merges' && keys.length !== 1) {
    c.say('lineage', `${kind} gaat over één eerdere vraag; voor meer vragen: merges vraag1, vraag2`);
    return null;
  }
  if (kind === 'merges' && keys.length < 2) {
    c.say('lineage', 'merges voegt minstens twee eerdere vragen samen; voor één vraag: replaces vraag');
    return null;
  }
  if (kind === 'continues') {
    if (map) {
      c.say('lineage_map', 'continues houdt de codes gelijk; een koppeling van codes hoort bij replaces of merges');
      return null;
    }
    return { continues: keys[0] };
  }
  const parts: Replaces[] = keys.map((key) => ({ key, options: {} }));
  let ok = true;
  for (const entry of map.split(/[;\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const e = /^(?:([a-z0-9_]+)\.)?([a-z0-9_]+)\s*=\s*([a-z0-9_]+)$/.exec(entry);
    const part = e && (e[1] ? parts.find((p) => p.key === e[1]) : kind === 'replaces' ? parts[0] : undefined);
    if (!e || !part) {
      ok = false;
      c.say('lineage_map', !e
        ? `"${entry}" kan niet gelezen worden; schrijf vraag.oude_code=nieuwe_code, gescheiden door ;`
        : e[1] ? `"${entry}": vraag "${e[1]}" staat niet in lineage (${v})` : `"${entry}": zeg van welke vraag de code is (vraag.oude_code=nieuwe_code)`);
      continue;
    }
    if (part.options[e[2]] !== undefined) {
      ok = false;
      c.say('lineage_map', `oude code "${part.key}.${e[2]}" staat er twee keer`);
    }
    part.options[e[2]] = e[3];
  }
  if (!ok) return null;
  return kind === 'replaces' ? { replaces: parts[0] } : { merges: parts };
}

function readSettings(rows: SheetRow[], edition: number, problems: Problems): { edition: number; name: { nl: string; en: string } } | undefined {
  const [first, ...more] = rows;
  for (const r of more) problems.add(SETTINGS, r.row, undefined, 'alleen rij 2 hoort ingevuld: één rij met instellingen');
  if (!first) {
    problems.add(SETTINGS, 2, undefined, 'de rij met de instellingen (form_title, version …) ontbreekt');
    return undefined;
  }
  const c = new Cells(SETTINGS, first, problems);
  const nl = c.get('form_title');
  const en = c.get('form_title.en');
  if (!nl) c.say('form_title', 'leeg; vul de naam van de vragenlijst in');
  if (!en) c.say('form_title.en', 'leeg; vul de Engelse naam van de vragenlijst in');
  const version = c.get('version');
  const year = /^\d{4}$/.test(version) ? Number(version) : undefined;
  if (!version) c.say('version', `leeg; vul de editie in (${edition})`);
  else if (year === undefined) c.say('version', `"${version}" is geen editie; vul het jaar in (${edition})`);
  else if (year !== edition) c.say('version', `deze vragenlijst is van editie ${year}, maar wordt ingelezen als editie ${edition}; zet hier ${edition} als dat de bedoeling is`);
  return nl && en && year === edition ? { edition, name: { nl, en } } : undefined;
}

function readKeyResults(rows: SheetRow[], problems: Problems, at: Locations) {
  return rows.map((r) => {
    const c = new Cells(KEY_RESULTS, r, problems);
    at.keyResults.push(r.row);
    const question = c.code('question', 'sleutel van een vraag');
    const options = c.get('options').split(/[\s,;]+/).filter(Boolean);
    if (!options.length) c.say('options', 'leeg; vul de code(s) van de optie(s) in, gescheiden door spaties');
    for (const o of options.filter((x) => !CODE.test(x))) c.say('options', `"${o}" is geen code: gebruik alleen kleine letters, cijfers en _`);
    const text = c.text('label', true);
    return { question, options, text };
  });
}
