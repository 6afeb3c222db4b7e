// The wide layout shared by the XLSX and SPSS exports: one row per municipality, one column per
// question, matrix item or multi option, plus ".other" and ".comment" columns.
import type { Db } from '../../db/client.ts';
import { getEdition } from '../editions/editions.repo.ts';
import { answerOptions, type Option, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Answers } from '../responses/answer.model.ts';
import { listSubmittedResponses } from '../responses/submitted.ts';

export type ExportResponse = { municipality: string; name: string; province: string; answers: Answers };
export type ExportData = { edition: number; questionnaire: Questionnaire; responses: ExportResponse[] };

/** The submitted responses of one edition, by municipality code; undefined when the edition does not exist. */
export async function loadExportData(db: Db, edition: number): Promise<ExportData | undefined> {
  const e = await getEdition(db, edition);
  if (!e) return undefined;
  const names = new Map(
    (await db.query<{ code: string; name: string; province: string }>(
      'SELECT code, name, province_code AS province FROM municipalities WHERE year = $1',
      [e.registerYear],
    )).map((m) => [m.code, m]),
  );
  const responses = (await listSubmittedResponses(db, [edition])).map((r) => ({
    municipality: r.municipality,
    name: names.get(r.municipality)?.name ?? '',
    province: names.get(r.municipality)?.province ?? '',
    answers: r.answers,
  }));
  return { edition, questionnaire: e.questionnaire, responses };
}

export type WideKind = 'code' | 'flag' | 'text';

export type WideColumn = {
  /** Column name: question, question.item, question.option, question.other, question.comment. */
  key: string;
  question: string;
  /** code: one of `codes`; flag: multi option chosen 1 / not chosen 0; text: free text. */
  kind: WideKind;
  /** Dutch description for the codebook and the SPSS variable label. */
  label: string;
  codes?: Option[];
  /** The value of this column in one response's answers; null when not answered. */
  value: (answers: Answers) => string | number | null;
};

export const BASE_COLUMNS = ['edition', 'municipality_code', 'municipality_name', 'province'] as const;

export function wideColumns(qn: Questionnaire): WideColumn[] {
  const cols: WideColumn[] = [];
  for (const q of qn.questions) {
    const text = q.text.nl;
    const opts = answerOptions(q, qn);
    const base = { question: q.key };
    if (q.type === 'single') {
      cols.push({ ...base, key: q.key, kind: 'code', label: text, codes: opts, value: (a) => a[q.key]?.value ?? null });
    } else if (q.type === 'multi') {
      for (const o of opts) {
        cols.push({
          ...base, key: `${q.key}.${o.code}`, kind: 'flag', label: `${text} — ${o.label.nl}`,
          // Not answered stays empty: 0 means "answered, but not this option".
          value: (a) => (a[q.key]?.values?.length ? (a[q.key]?.values?.includes(o.code) ? 1 : 0) : null),
        });
      }
    } else if (q.type === 'matrix') {
      for (const it of q.items ?? []) {
        cols.push({ ...base, key: `${q.key}.${it.code}`, kind: 'code', label: `${text} — ${it.label.nl}`, codes: opts, value: (a) => a[q.key]?.items?.[it.code] ?? null });
      }
    } else {
      cols.push({ ...base, key: q.key, kind: 'text', label: text, value: (a) => a[q.key]?.text ?? null });
    }
    const other = q.type !== 'matrix' ? opts.find((o) => o.other) : undefined;
    if (other) cols.push({ ...base, key: `${q.key}.other`, kind: 'text', label: `${text} — ${other.label.nl} (tekst)`, value: (a) => a[q.key]?.other ?? null });
    if (q.comment) cols.push({ ...base, key: `${q.key}.comment`, kind: 'text', label: `${text} — toelichting`, value: (a) => a[q.key]?.comment ?? null });
  }
  return cols;
}
