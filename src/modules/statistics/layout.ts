// Compiles one edition's questionnaire into a flat layout so counting a response is a few array
// increments: every (question, item) is a "cell" with one n, every option of a cell a "slot".
import { answerOptions, type Question, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Answers } from '../responses/answer.model.ts';

export interface Cell {
  question: string;
  item: string | null;
  /** Option (or scale) codes in questionnaire order. */
  options: string[];
  /** Index of the first option's slot; the options occupy slotBase .. slotBase + options.length - 1. */
  slotBase: number;
}

interface CompiledQuestion {
  question: Question;
  /** code → offset within the cell. */
  optionOffset: Map<string, number>;
  exclusive: Set<string>;
  /** single/multi: the one cell; matrix: item code → cell. */
  cell: number;
  itemCells: Map<string, number>;
  showIf?: { question: string; in: Set<string> };
}

export interface Layout {
  edition: number;
  cells: Cell[];
  slotCount: number;
  questions: CompiledQuestion[];
  /** Questions named by a show_if: their chosen codes are remembered while tallying. */
  referenced: Set<string>;
}

export function compileLayout(qn: Questionnaire): Layout {
  const cells: Cell[] = [];
  const questions: CompiledQuestion[] = [];
  const referenced = new Set<string>();
  let slotCount = 0;
  const addCell = (question: string, item: string | null, options: string[]): number => {
    cells.push({ question, item, options, slotBase: slotCount });
    slotCount += options.length;
    return cells.length - 1;
  };
  for (const q of qn.questions) {
    if (q.type === 'text') continue; // free text has no figures
    const opts = answerOptions(q, qn);
    const codes = opts.map((o) => o.code);
    const compiled: CompiledQuestion = {
      question: q,
      optionOffset: new Map(codes.map((c, i) => [c, i])),
      exclusive: new Set(opts.filter((o) => o.exclusive).map((o) => o.code)),
      cell: -1,
      itemCells: new Map(),
      showIf: q.showIf ? { question: q.showIf.question, in: new Set(q.showIf.in) } : undefined,
    };
    if (q.type === 'matrix') for (const it of q.items ?? []) compiled.itemCells.set(it.code, addCell(q.key, it.code, codes));
    else compiled.cell = addCell(q.key, null, codes);
    if (q.showIf) referenced.add(q.showIf.question);
    questions.push(compiled);
  }
  return { edition: qn.edition, cells, slotCount, questions, referenced };
}

/**
 * The valid answers of one response as increments: `slots` (one per chosen option) and `cells`
 * (one per question/item with a valid answer, i.e. its n). Returns the numbers written to each.
 * Not counted: unknown codes, a multi answer that combines an exclusive option with another
 * (contradictory, the form forbids it), and answers to a question its show_if hides (stale
 * answers left after the respondent changed the earlier question).
 */
export function tallyResponse(layout: Layout, answers: Answers, slots: Int32Array, cells: Int32Array): [number, number] {
  let ns = 0;
  let nc = 0;
  const chosen = new Map<string, string[]>(); // codes of questions named by a show_if
  for (const cq of layout.questions) {
    const q = cq.question;
    const a = answers[q.key];
    if (!a) continue;
    if (cq.showIf) {
      const earlier = chosen.get(cq.showIf.question);
      const shownFor = cq.showIf.in;
      if (!earlier?.some((c) => shownFor.has(c))) continue;
    }
    if (q.type === 'single') {
      const off = a.value === undefined ? undefined : cq.optionOffset.get(a.value);
      if (off === undefined) continue;
      slots[ns++] = layout.cells[cq.cell].slotBase + off;
      cells[nc++] = cq.cell;
      if (layout.referenced.has(q.key)) chosen.set(q.key, [a.value as string]);
    } else if (q.type === 'multi') {
      const values = a.values;
      if (!values || values.length === 0) continue;
      const base = layout.cells[cq.cell].slotBase;
      const start = ns;
      const valid: string[] = [];
      let hasExclusive = false;
      for (const v of values) {
        const off = cq.optionOffset.get(v);
        if (off === undefined || valid.includes(v)) continue; // unknown code or duplicate
        valid.push(v);
        if (cq.exclusive.has(v)) hasExclusive = true;
        slots[ns++] = base + off;
      }
      if (valid.length === 0 || (hasExclusive && valid.length > 1)) {
        ns = start; // nothing valid, or contradictory: not a valid answer
        continue;
      }
      cells[nc++] = cq.cell;
      if (layout.referenced.has(q.key)) chosen.set(q.key, valid);
    } else if (q.type === 'matrix') {
      const items = a.items;
      if (!items) continue;
      for (const item in items) {
        const cell = cq.itemCells.get(item);
        const off = cell === undefined ? undefined : cq.optionOffset.get(items[item]);
        if (cell === undefined || off === undefined) continue;
        slots[ns++] = layout.cells[cell].slotBase + off;
        cells[nc++] = cell;
      }
    }
  }
  return [ns, nc];
}
