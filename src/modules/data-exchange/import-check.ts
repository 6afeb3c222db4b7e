// Checks a parsed long CSV against the editions' questionnaires and registers (pure: no database)
// and assembles one set of answers per (edition, municipality). Every problem is reported with
// its line; the caller writes nothing when there is any.
import { predecessorsOf, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import { isVisible } from '../responses/answer-form.ts';
import type { Answers } from '../responses/answer.model.ts';
import { buildAnswer } from './import-answer.ts';
import type { LineError, LongRow } from './long-csv.ts';

export type ImportContext = {
  questionnaires: ReadonlyMap<number, Questionnaire>;
  /** edition → its register year and the municipality codes in it. */
  registers: ReadonlyMap<number, { year: number; codes: ReadonlySet<string> }>;
};

export type ImportPair = { edition: number; municipality: string; answers: Answers };

export type CheckResult = { pairs: ImportPair[]; errors: LineError[] };

export function checkImport(rows: readonly LongRow[], ctx: ImportContext): CheckResult {
  const errors: LineError[] = [];
  const report = (line: number, message: string) => errors.push({ line, message });
  const known = [...ctx.questionnaires.keys()].sort((a, b) => a - b);
  // edition → municipality → question → rows, in file order
  const grouped = new Map<number, Map<string, Map<string, LongRow[]>>>();

  for (const row of rows) {
    if (!/^\d{4}$/.test(row.edition)) {
      report(row.line, `editie "${row.edition}" is geen jaartal; verwacht een editie als ${known.join(', ')}`);
      continue;
    }
    const edition = Number(row.edition);
    const qn = ctx.questionnaires.get(edition);
    const register = ctx.registers.get(edition);
    if (!qn || !register) {
      report(row.line, `editie ${edition} bestaat niet; verwacht een van: ${known.join(', ')}`);
      continue;
    }
    let ok = true;
    if (!/^GM\d{4}$/.test(row.municipality)) {
      report(row.line, `gemeentecode "${row.municipality}" is geen GM-code; verwacht GM gevolgd door vier cijfers, bijvoorbeeld GM0363`);
      ok = false;
    } else if (!register.codes.has(row.municipality)) {
      report(row.line, `gemeente ${row.municipality} staat niet in de gemeentelijke indeling van ${register.year}; verwacht een gemeente die in ${register.year} bestond`);
      ok = false;
    }
    if (!qn.questions.some((q) => q.key === row.question)) {
      report(row.line, unknownQuestion(row.question, edition, ctx.questionnaires));
      ok = false;
    }
    if (!ok) continue;
    let byMunicipality = grouped.get(edition);
    if (!byMunicipality) grouped.set(edition, (byMunicipality = new Map()));
    let byQuestion = byMunicipality.get(row.municipality);
    if (!byQuestion) byMunicipality.set(row.municipality, (byQuestion = new Map()));
    const list = byQuestion.get(row.question);
    if (list) list.push(row);
    else byQuestion.set(row.question, [row]);
  }

  const pairs: ImportPair[] = [];
  for (const [edition, byMunicipality] of [...grouped].sort(([a], [b]) => a - b)) {
    const qn = ctx.questionnaires.get(edition) as Questionnaire;
    for (const [municipality, byQuestion] of [...byMunicipality].sort(([a], [b]) => a.localeCompare(b))) {
      const answers: Answers = {};
      for (const q of qn.questions) {
        const qRows = byQuestion.get(q.key);
        if (qRows) answers[q.key] = buildAnswer(q, qn, qRows, report);
      }
      // As the form: no answer survives to a question that show_if hides.
      for (const q of qn.questions) {
        const qRows = byQuestion.get(q.key);
        if (!qRows || !q.showIf || isVisible(q, answers)) continue;
        const given = answers[q.showIf.question]?.value ?? 'niet beantwoord';
        report(qRows[0].line, `vraag "${q.key}" wordt alleen gesteld als ${q.showIf.question} een van ${q.showIf.in.join(', ')} is, ` +
          `maar ${municipality} antwoordde daar: ${given}; verwacht geen regels voor "${q.key}"`);
      }
      pairs.push({ edition, municipality, answers });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { pairs, errors };
}

/** Names the key a question has in this edition when the file used the key of another edition. */
function unknownQuestion(key: string, edition: number, qns: ReadonlyMap<number, Questionnaire>): string {
  const qn = qns.get(edition) as Questionnaire;
  const successor = qn.questions.find((q) => predecessorsOf(q).some((p) => p.key === key));
  const later = [...qns.values()].flatMap((o) => o.questions).find((q) => q.key === key && predecessorsOf(q).some((p) => p.key !== key));
  const predecessor = later && predecessorsOf(later).find((p) => qn.questions.some((q) => q.key === p.key))?.key;
  const hint = successor
    ? ` (in ${edition} heet deze vraag "${successor.key}")`
    : predecessor ? ` (in ${edition} heet deze vraag "${predecessor}")` : '';
  return `onbekende vraag "${key}" in editie ${edition}${hint}; verwacht een vraag van die editie: ${qn.questions.map((q) => q.key).join(', ')}`;
}
