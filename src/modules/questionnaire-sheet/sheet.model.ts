// The questionnaire as an XLSForm workbook: its sheets, their columns (XLSForm's own and ours) and
// the problems an import reports. Pure: no ExcelJS, no web, no database.
import type { Lang } from '../questionnaire/index.ts';

export const SURVEY = 'survey';
export const CHOICES = 'choices';
export const SETTINGS = 'settings';
/** Ours: the national summary's key results (a list that does not fit in a survey row). */
export const KEY_RESULTS = 'key_results';
export const SHEET_NAMES = [SURVEY, CHOICES, SETTINGS, KEY_RESULTS] as const;

/** XLSForm's language suffix: `label::Nederlands (nl)`. The code in brackets is what counts on import. */
export const LANGUAGES: readonly { lang: Lang; suffix: string }[] = [
  { lang: 'nl', suffix: 'Nederlands (nl)' },
  { lang: 'en', suffix: 'English (en)' },
];
export const DEFAULT_LANGUAGE = 'Nederlands (nl)';

/** A column: `key` is how the code names it (`label.nl`), `header` how the sheet does. */
export type Column = { key: string; header: string; width: number; xlsform: boolean; wrap?: boolean };

const plain = (key: string, width: number, xlsform = false): Column[] => [{ key, header: key, width, xlsform }];
const translated = (base: string, width: number, xlsform = false): Column[] =>
  LANGUAGES.map(({ lang, suffix }) => ({ key: `${base}.${lang}`, header: `${base}::${suffix}`, width, xlsform, wrap: true }));

/** The bases of columns that come in a language version each. */
export const TRANSLATED = ['label', 'hint', 'short', 'intro', 'tip', 'form_title'] as const;

export const SURVEY_COLUMNS: Column[] = [
  ...plain('type', 26, true), ...plain('name', 28, true), ...translated('label', 60, true), ...translated('hint', 40, true),
  ...plain('required', 10, true), ...plain('relevant', 50, true), ...plain('appearance', 13, true),
  ...translated('short', 36), ...plain('comment', 11), ...plain('lineage', 30), ...plain('lineage_map', 40),
  ...translated('tip', 50), ...plain('tip_url', 36), ...plain('theme_kind', 13), ...plain('theme_number', 14),
  ...translated('intro', 50), ...plain('figure', 8), ...plain('reconstructed', 14),
];

export const CHOICES_COLUMNS: Column[] = [
  ...plain('list_name', 26, true), ...plain('name', 26, true), ...translated('label', 60, true), ...translated('short', 36),
  ...plain('other', 8), ...plain('exclusive', 10), ...plain('status', 10), ...plain('about', 30),
  ...translated('tip', 50), ...plain('tip_url', 36),
];

export const SETTINGS_COLUMNS: Column[] = [
  ...plain('form_title', 50, true),
  // XLSForm has one title; the English name of the questionnaire needs a column of ours.
  { key: 'form_title.en', header: 'form_title::English (en)', width: 50, xlsform: false },
  ...plain('form_id', 32, true), ...plain('version', 10, true), ...plain('default_language', 18, true),
];

export const KEY_RESULTS_COLUMNS: Column[] = [
  ...plain('question', 30), ...plain('options', 30), ...translated('label', 70),
];

export const COLUMNS: Record<(typeof SHEET_NAMES)[number], Column[]> = {
  [SURVEY]: SURVEY_COLUMNS, [CHOICES]: CHOICES_COLUMNS, [SETTINGS]: SETTINGS_COLUMNS, [KEY_RESULTS]: KEY_RESULTS_COLUMNS,
};

/** Columns a sheet cannot do without (the rest may be left out: they are read as empty). */
export const REQUIRED_COLUMNS: Record<(typeof SHEET_NAMES)[number], string[]> = {
  [SURVEY]: ['type', 'name', 'label.nl', 'label.en'],
  [CHOICES]: ['list_name', 'name', 'label.nl', 'label.en'],
  [SETTINGS]: ['form_title', 'form_title.en', 'version'],
  [KEY_RESULTS]: ['question', 'options', 'label.nl', 'label.en'],
};

/** The header a column key has in the sheet (`label.nl` → `label::Nederlands (nl)`). */
export function headerOf(sheet: (typeof SHEET_NAMES)[number], key: string): string {
  return COLUMNS[sheet].find((c) => c.key === key)?.header ?? key;
}

/** `status` values: the codes of the model (questionnaire.model.ts STATUSES), explained once. */
export const STATUS_MEANING: Record<string, string> = {
  ok: 'op orde', partial: 'deels', not: 'niet op orde', neutral: 'zegt niets, bijvoorbeeld "weet niet"',
};

export const THEME_KINDS = ['actielijn', 'pijler', 'actualiteit', 'overig'] as const;

/** Limits against a file that would keep the server busy (a zip bomb, a sheet of a million rows). */
export const LIMITS = {
  /** The uploaded file itself. */
  bytes: 5 * 1024 * 1024,
  /** All parts of the zip unpacked together. */
  unpackedBytes: 25 * 1024 * 1024,
  /** Parts in the zip (a workbook of four sheets has about 15). */
  entries: 200,
  /** Rows per sheet, header included. */
  rows: 5000,
  /** Non-empty cells in all sheets together (the questionnaire of 2023 has about 4,000). */
  cells: 200_000,
  /** Characters in one cell. */
  cellChars: 5000,
};

/** One problem of an imported workbook. Without `sheet` it is about the file as a whole. */
export type SheetProblem = { sheet?: string; row?: number; column?: string; message: string };

/** "survey, rij 14, kolom relevant: …" */
export function problemLine(p: SheetProblem): string {
  const where = [p.sheet, p.row === undefined ? undefined : `rij ${p.row}`, p.column === undefined ? undefined : `kolom ${p.column}`]
    .filter((s) => s !== undefined).join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
