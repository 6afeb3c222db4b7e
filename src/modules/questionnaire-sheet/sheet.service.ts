// Use cases: an edition's questionnaire as a workbook; a workbook checked against the edition (its
// problems, or what would change); and applying a checked one, only through changeQuestionnaire.
import type { Db } from '../../db/client.ts';
import { answeredMunicipalities, changeQuestionnaire } from '../edition-admin/index.ts';
import { type Questionnaire, QuestionnaireError, validateLineage } from '../questionnaire/index.ts';
import { diffQuestionnaires, type QuestionnaireDiff } from './sheet.diff.ts';
import { writeSheet } from './sheet.export.ts';
import { importSheet } from './sheet.import.ts';
import { locateProblem } from './sheet.locate.ts';
import type { SheetProblem } from './sheet.model.ts';
import { editionQuestionnaire, otherEditions, type PendingSheet } from './sheet.repo.ts';

export async function exportWorkbook(db: Db, year: number): Promise<Buffer | undefined> {
  const e = await editionQuestionnaire(db, year);
  return e && writeSheet(e.questionnaire);
}

export type Preview = {
  year: number;
  fileName: string;
  /** The revision the workbook was compared with: applying it refuses when the edition has moved on. */
  rev: number;
  /** Municipalities that answered: then nothing can be applied. */
  answered: number;
  problems: SheetProblem[];
  next?: Questionnaire;
  diff?: QuestionnaireDiff;
};

/** A file name fit for messages: no folders, no odd characters. */
export function fileLabel(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[^\w.() -]/g, '').slice(0, 100) ?? '';
  return base || 'vragenlijst.xlsx';
}

/** Reads a workbook as the questionnaire of `year` and compares it; changes nothing. Undefined: no such edition. */
export async function previewWorkbook(db: Db, year: number, data: Uint8Array, fileName: string): Promise<Preview | undefined> {
  const current = await editionQuestionnaire(db, year);
  if (!current) return undefined;
  return compare(db, year, current, fileLabel(fileName), await importSheet(data, { edition: year, label: fileLabel(fileName) }));
}

/** The same comparison for a questionnaire already checked once (after a colleague's change). */
export async function previewAgain(db: Db, year: number, p: PendingSheet): Promise<Preview | undefined> {
  const current = await editionQuestionnaire(db, year);
  return current && compare(db, year, current, p.fileName, { questionnaire: p.questionnaire, problems: [] });
}

async function compare(db: Db, year: number, current: { questionnaire: Questionnaire; rev: number }, label: string,
  imported: { questionnaire?: Questionnaire; problems: SheetProblem[]; at?: Parameters<typeof locateProblem>[2] }): Promise<Preview> {
  let problems = imported.problems;
  const next = imported.questionnaire;
  if (next) {
    // Lineage across editions, as changeQuestionnaire will check it.
    const byEdition = await otherEditions(db, year);
    byEdition.set(year, next);
    try {
      validateLineage(byEdition, (e) => (e === year ? label : `editie ${e}`));
    } catch (e) {
      if (!(e instanceof QuestionnaireError)) throw e;
      problems = e.problems.map((line) => (imported.at ? locateProblem(line, label, imported.at) : { message: line }));
    }
  }
  const answered = await answeredMunicipalities(db, year);
  const ok = next && !problems.length;
  return { year, fileName: label, rev: current.rev, answered, problems, ...(ok && { next, diff: diffQuestionnaires(current.questionnaire, next) }) };
}

/**
 * Makes the checked questionnaire the edition's, if the edition is still at the revision it was
 * compared with. Throws as changeQuestionnaire does (locked, conflict, invalid).
 */
export async function applyWorkbook(db: Db, year: number, p: PendingSheet): Promise<{ rev: number }> {
  return changeQuestionnaire(db, year, () => p.questionnaire, p.fileName, p.rev);
}
