// One question's rows of the long CSV → one Answer, with a Dutch message per wrong line that
// says what is wrong and what was expected. The rules are those of the answer form.
import { answerOptions, type Question, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import { MAX_OTHER, MAX_TEXT } from '../responses/answer-form.ts';
import type { Answer } from '../responses/answer.model.ts';
import type { LongRow } from './long-csv.ts';

export type Report = (line: number, message: string) => void;

const list = (codes: string[]) => codes.join(', ');

export function buildAnswer(q: Question, qn: Questionnaire, rows: LongRow[], report: Report): Answer {
  const options = answerOptions(q, qn);
  const codes = options.map((o) => o.code);
  const items = (q.items ?? []).map((i) => i.code);
  const otherCode = options.find((o) => o.other)?.code;
  const a: Answer = {};
  const seen = new Map<string, LongRow>(); // value (single/text), option (multi) or item (matrix) → first row
  let commentRow: LongRow | undefined;

  for (const row of rows) {
    const where = q.type === 'matrix' && row.item ? `vraag "${q.key}", item "${row.item}"` : `vraag "${q.key}"`;
    const bad = (message: string) => report(row.line, message);
    if (row.comment) {
      if (!q.comment) bad(`vraag "${q.key}" heeft geen toelichting; verwacht een lege comment`);
      else if (row.comment.length > MAX_TEXT) bad(`toelichting van ${row.comment.length} tekens; verwacht hoogstens ${MAX_TEXT}`);
      else if (commentRow && commentRow.comment !== row.comment) {
        bad(`tweede toelichting bij vraag "${q.key}" (regel ${commentRow.line} had al een andere); verwacht de toelichting op één regel`);
      } else {
        commentRow ??= row;
        a.comment = row.comment;
      }
    }
    if (q.type === 'matrix') {
      if (!row.item && row.value) {
        bad(`matrixvraag "${q.key}" zonder item; verwacht een van: ${list(items)}`);
        continue;
      }
      if (row.item && !items.includes(row.item)) {
        bad(`onbekend item "${row.item}" bij vraag "${q.key}"; verwacht een van: ${list(items)}`);
        continue;
      }
    } else if (row.item) {
      bad(`vraag "${q.key}" is geen matrixvraag, maar item is "${row.item}"; verwacht een leeg item`);
      continue;
    }
    if (!row.value) {
      // A row with only a toelichting is how the export writes a question answered with only a comment.
      if (row.comment && !row.item && !row.other) continue;
      if (q.type === 'text') bad(`lege tekst bij open vraag "${q.key}"; verwacht de tekst van het antwoord`);
      else bad(`geen waarde bij ${where}; verwacht een van: ${list(codes)}`);
      continue;
    }
    if (q.type !== 'text' && !codes.includes(row.value)) {
      bad(`onbekende code "${row.value}" bij ${where}; verwacht een van: ${list(codes)}`);
      continue;
    }
    if (row.other) {
      if (q.type === 'text' || q.type === 'matrix' || !otherCode) {
        bad(`vraag "${q.key}" heeft geen "anders, namelijk"; verwacht een lege other_text`);
        continue;
      }
      if (row.value !== otherCode) {
        bad(`other_text bij optie "${row.value}", die geen "anders, namelijk" is; verwacht de tekst op de regel van optie "${otherCode}"`);
        continue;
      }
      if (row.other.length > MAX_OTHER) {
        bad(`other_text van ${row.other.length} tekens; verwacht hoogstens ${MAX_OTHER}`);
        continue;
      }
    }
    const slot = q.type === 'matrix' ? row.item : q.type === 'multi' ? row.value : '';
    const first = seen.get(slot);
    if (first) {
      if (q.type === 'multi') bad(`optie "${row.value}" bij vraag "${q.key}" staat er al (regel ${first.line}); verwacht elke gekozen optie één keer`);
      else if (q.type === 'text') bad(`tweede tekst bij open vraag "${q.key}" (regel ${first.line}); verwacht één regel met de tekst`);
      else bad(`tweede waarde "${row.value}" bij ${where} (regel ${first.line} gaf al "${first.value}"); verwacht één waarde`);
      continue;
    }
    seen.set(slot, row);
    if (q.type === 'single') a.value = row.value;
    else if (q.type === 'multi') (a.values ??= []).push(row.value);
    else if (q.type === 'matrix') (a.items ??= {})[row.item] = row.value;
    else if (row.value.length > MAX_TEXT) bad(`tekst van ${row.value.length} tekens; verwacht hoogstens ${MAX_TEXT}`);
    else a.text = row.value;
    if (row.other) a.other = row.other;
  }

  if (q.type === 'multi' && a.values) {
    a.values.sort((x, y) => codes.indexOf(x) - codes.indexOf(y)); // questionnaire order, as the form stores it
    const exclusive = options.find((o) => o.exclusive && a.values?.includes(o.code));
    if (exclusive && a.values.length > 1) {
      const others = a.values.filter((v) => v !== exclusive.code);
      const line = Math.max(...a.values.map((v) => seen.get(v)?.line ?? 0));
      report(line, `optie "${exclusive.code}" bij vraag "${q.key}" sluit de andere opties uit, maar ook gekozen: ${list(others)}; verwacht "${exclusive.code}" alleen, of de andere opties zonder "${exclusive.code}"`);
    }
  }
  return a;
}
