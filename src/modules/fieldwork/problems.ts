// A problem with one row (or the whole file) of a contact list: line, field, and a message key
// whose text says what is wrong and what to do about it.
import type { Lang } from '../questionnaire/questionnaire.model.ts';
import { type ListProblem, listProblemText } from '../spreadsheet/index.ts';
import { fwText } from './fieldwork.i18n.ts';
import { joinOr } from './names.ts';

export type ProblemKey =
  | 'noFile' | 'emptyFile' | 'missingMunicipalityColumn' | 'missingColumn' | 'unreadableCsv' | 'unreadableXlsx' | 'oldExcel' | 'tooManyRows' | 'spreadsheetLimit'
  | 'noMunicipality' | 'unknownCode' | 'unknownName' | 'merged' | 'codeNameMismatch'
  | 'noName' | 'tooLong' | 'noEmail' | 'badEmail' | 'duplicateInFile' | 'duplicateExisting';

export type Problem = {
  line: number;
  /** The column, as named in CONTRACTS.md; empty for the file as a whole. */
  field: string;
  key: ProblemKey;
  params?: Record<string, string | number>;
  /** For a merged municipality: where it went, largest part first. */
  successors?: { code: string; name: string }[];
  /** For `spreadsheetLimit`: which limit of the spreadsheet reader the file passes (its text says so). */
  limit?: ListProblem;
};

export function problemText(lang: Lang, p: Problem): string {
  const key = p.key;
  if (key === 'spreadsheetLimit') return p.limit ? listProblemText(lang, p.limit) : fwText(lang, 'problem.unreadableXlsx');
  const successors = joinOr((p.successors ?? []).map((s) => `${s.name} (${s.code})`), fwText(lang, 'or'));
  return fwText(lang, `problem.${key}`, { ...p.params, successors });
}

/** "regel 4, email: …" — one line of the report. */
export function problemLine(lang: Lang, p: Problem): string {
  const where = p.field ? `${fwText(lang, 'report.line', { line: p.line })}, ${p.field}` : fwText(lang, 'report.line', { line: p.line });
  return `${where}: ${problemText(lang, p)}`;
}
