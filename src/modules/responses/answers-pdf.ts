// The answers as sent, as a PDF: the confirmation e-mail's attachment and the download on the
// confirmation page. Typst (as the factsheet, reports/factsheet/pdf.ts): A4, tagged, in the
// respondent's language; each question with the answer given, "not answered" or "not asked".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { formatDateTime, t, tx } from '../../web/i18n.ts';
import { answerOptions, type Lang, type Question, type Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Answer, Answers } from './answer.model.ts';
import { hasResponse, isVisible } from './answer-form.ts';

const template = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'answers.typ'), 'utf8');
const WORKSPACE = '/answers';
let compiler: NodeCompiler | undefined;

export type AnswersDocument = { qn: Questionnaire; lang: Lang; municipality: string; answers: Answers; submittedAt: Date };

/** The answer in lines of plain text, as the confirmation page shows it. */
export function answerLines(q: Question, qn: Questionnaire, lang: Lang, answer: Answer | null | undefined): string[] {
  const comment = answer?.comment ? [`${t(lang, 'question.comment').replace(/ \(.*\)/, '')}: ${answer.comment}`] : [];
  if (!answer || !hasResponse(answer)) return [t(lang, 'question.notAnswered'), ...comment];
  const label = (code: string) => {
    const o = answerOptions(q, qn).find((x) => x.code === code);
    if (!o) return code;
    return o.other && answer.other ? `${tx(lang, o.label)}: ${answer.other}` : tx(lang, o.label);
  };
  const lines =
    q.type === 'single' ? (answer.value ? [label(answer.value)] : [])
    : q.type === 'multi' ? (answer.values ?? []).map((v) => `• ${label(v)}`)
    : q.type === 'matrix' ? (q.items ?? []).filter((i) => answer.items?.[i.code]).map((i) => `• ${tx(lang, i.label)}: ${label(answer.items?.[i.code] as string)}`)
    : [answer.text ?? ''];
  return [...lines, ...comment];
}

export function answersData(d: AnswersDocument) {
  let n = 0;
  const title = t(d.lang, 'pdf.answers.title', { name: d.municipality, year: d.qn.edition });
  return {
    title,
    author: 'Benchmark Eén tegen eenzaamheid',
    lang: d.lang,
    subtitle: t(d.lang, 'done.when', { date: formatDateTime(d.lang, d.submittedAt) }),
    footer: `${t(d.lang, 'start.title', { year: d.qn.edition })} · ${d.municipality}`,
    themes: d.qn.themes.map((theme) => ({
      title: tx(d.lang, theme.title),
      questions: d.qn.questions.filter((q) => q.theme === theme.key).map((q) => {
        n++;
        const visible = isVisible(q, d.answers);
        const answered = visible && !!d.answers[q.key] && hasResponse(d.answers[q.key]!);
        return {
          n: String(n),
          text: tx(d.lang, q.text),
          answer: visible ? answerLines(q, d.qn, d.lang, d.answers[q.key]) : [t(d.lang, 'question.notAsked')],
          muted: !answered,
        };
      }),
    })),
  };
}

export class AnswersPdfError extends Error {}

export function answersPdf(d: AnswersDocument): Buffer {
  compiler ??= NodeCompiler.create({ workspace: WORKSPACE });
  const c = compiler;
  c.resetShadow();
  c.mapShadow(`${WORKSPACE}/data.json`, Buffer.from(JSON.stringify(answersData(d))));
  c.mapShadow(`${WORKSPACE}/main.typ`, Buffer.from(template));
  const result = c.compile({ mainFilePath: `${WORKSPACE}/main.typ` });
  const doc = result.result;
  if (!doc || result.hasError()) {
    const diagnostics = result.takeDiagnostics() ?? result.takeError();
    const detail = diagnostics ? JSON.stringify(c.fetchDiagnostics(diagnostics)).slice(0, 500) : 'onbekende fout';
    throw new AnswersPdfError(`De pdf met antwoorden kon niet worden gemaakt: ${detail}`);
  }
  const pdf = c.pdf(doc, { pdfTags: true, creationTimestamp: Math.floor(d.submittedAt.getTime() / 1000) });
  c.evictCache(10);
  return pdf;
}

/** A file name for the PDF: antwoorden-2023-GM0363.pdf. */
export function answersFileName(edition: number, code: string): string {
  return `antwoorden-${edition}-${code.replace(/[^A-Za-z0-9]/g, '')}.pdf`;
}
