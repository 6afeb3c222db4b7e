// The questionnaire's own checks (validateQuestionnaire, validateLineage) speak of keys: `<label>:
// vraag "x": show_if …`. Here such a line finds its way back to the sheet, row and column it came from.
import { CHOICES, KEY_RESULTS, SETTINGS, type SheetProblem, SURVEY } from './sheet.model.ts';

/** Where the import found each part: rows by question, theme, list, `list.code` and key result. */
export type Locations = {
  questions: Map<string, number>;
  themes: Map<string, number>;
  lists: Map<string, number>;
  options: Map<string, number>;
  /** A single or multi question's list in choices. */
  questionLists: Map<string, string>;
  keyResults: number[];
};

/** The spreadsheet's words for the definition's (`show_if` is XLSForm's `relevant`). */
function inSheetWords(s: string): string {
  return s.replace(/show_if/g, 'relevant');
}

/** The column of a question's row a problem is about, from what it says. */
function questionColumn(problem: string): string | undefined {
  if (/^show_if/.test(problem)) return 'relevant';
  if (/^(continues|replaces|merges)[^:]*\.options/.test(problem)) return 'lineage_map';
  if (/^(continues|replaces|merges)|^kies één soort herkomst|^alleen een single- of multi-vraag kan vragen samenvoegen/.test(problem)) return 'lineage';
  if (/^(een matrix|schaal|een .*-vraag zonder antwoordopties|een open vraag)/.test(problem)) return 'type';
  if (/^(item|onderdeel) "/.test(problem)) return 'name';
  return undefined;
}

export function locateProblem(line: string, label: string, at: Locations): SheetProblem {
  const rest = line.startsWith(`${label}: `) ? line.slice(label.length + 2) : line;
  const [, subject = '', problem = rest] = /^([^:]*?): (.*)$/s.exec(rest) ?? [];
  const message = inSheetWords(rest);
  const q = /^vraag "([a-z0-9_]+)"$/.exec(subject)?.[1];
  if (q !== undefined) {
    const list = at.questionLists.get(q);
    const option = /^optie "([a-z0-9_]+)"(: (exclusive|gaat over))?/.exec(problem);
    if (option && list && at.options.has(`${list}.${option[1]}`)) {
      return { sheet: CHOICES, row: at.options.get(`${list}.${option[1]}`), column: option[3] === 'exclusive' ? 'exclusive' : option[3] ? 'about' : 'name', message };
    }
    if (list && /^geef elke optie een status/.test(problem)) return { sheet: CHOICES, row: at.lists.get(list), column: 'status', message };
    if (list && /anders, namelijk/.test(problem)) return { sheet: CHOICES, row: at.lists.get(list), column: 'other', message };
    return { sheet: SURVEY, row: at.questions.get(q), column: questionColumn(problem), message };
  }
  const theme = /^thema "([a-z0-9_]+)"$/.exec(subject)?.[1];
  if (theme !== undefined) return { sheet: SURVEY, row: at.themes.get(theme), column: 'name', message };
  const scale = /^schaal "([a-z0-9_]+)"$/.exec(subject)?.[1];
  if (scale !== undefined) return { sheet: CHOICES, row: at.lists.get(scale), column: /status/.test(problem) ? 'status' : 'name', message };
  const keyResult = /^kernresultaat (\d+)/.exec(subject)?.[1];
  if (keyResult !== undefined) {
    return { sheet: KEY_RESULTS, row: at.keyResults[Number(keyResult) - 1], column: /code/.test(problem) ? 'options' : 'question', message };
  }
  if (subject === 'edition') return { sheet: SETTINGS, row: 2, column: 'version', message };
  return { message };
}
