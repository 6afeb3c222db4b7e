// The assembled municipal report: plain data in one language, for the web report and the factsheet.
// Figures of small cells are already gone (count and percent null), so no view can leak them.
import type { SizeClassId } from '../../population/index.ts';
import type { Lang, Question, Theme } from '../../questionnaire/index.ts';
import type { MunicipalWijkMap } from '../../register/index.ts';
import type { MunicipalWijkFigures } from '../../wijk-figures/index.ts';

/** The share of municipalities in a scope that gave the same answer. */
export type ShareCell = { n: number; count: number | null; percent: number | null; suppressed: boolean };

/** One part of an answer: a chosen option, or a matrix item with its answer. */
export type AnswerLine = { item: string | null; itemLabel: string | null; code: string; label: string };

/** The same answer in the municipality's province, its size class ("vergelijkbare grootte") and the nation. */
export type Comparison = AnswerLine & { province: ShareCell | null; size: ShareCell | null; national: ShareCell | null };

/** The most given answer nationally, per question (item null) or per matrix item. */
export type ModalLine = { item: string | null; itemLabel: string | null; labels: string[]; percent: number | null; n: number; own: boolean };

export type HistoryRow = { edition: number; lines: AnswerLine[]; text: string | null; reworded: boolean };

export type TipItem = { question: string; questionText: string; code: string; reason: string; text: string; url: string };

export type QuestionReport = {
  key: string;
  type: Question['type'];
  text: string;
  /** False when its show_if was not met: not asked, so no answer, comparison or tip. */
  asked: boolean;
  answered: boolean;
  own: AnswerLine[];
  /** Matrix: its items in questionnaire order (for the table per item); empty otherwise. */
  items: { code: string; label: string }[];
  ownText: string | null;
  comment: string | null;
  modal: ModalLine[];
  comparisons: Comparison[];
  /** The municipality's own answers in every edition it answered this question (via lineage), oldest first. */
  history: HistoryRow[];
  /** The first edition that asked the question, when earlier editions in the report did not (a new question). */
  newIn: number | null;
  tips: TipItem[];
};

export type ThemeReport = Pick<Theme, 'key' | 'kind' | 'number'> & {
  title: string;
  short: string;
  intro: string;
  questions: QuestionReport[];
  tips: TipItem[];
};

export type Advisor = { name: string; email: string; phone: string | null };

export type MunicipalReport = {
  edition: number;
  lang: Lang;
  /** Gravendonck, the fictitious example: its response was never submitted and is never counted. */
  example: boolean;
  municipality: {
    code: string; name: string; provinceCode: string | null; provinceName: string | null;
    /** CBS size class by the inhabitants in the edition's register year; null without a figure. */
    size: { id: SizeClassId; inhabitants: number; year: number } | null;
  };
  submittedAt: Date | null;
  /**
   * False before the edition's results are published: every comparison then rests on the
   * municipalities that submitted so far and is labelled provisional (decision 016).
   */
  published: boolean;
  /** The edition's register year (the population of that year gives the size classes). */
  registerYear: number;
  /** Municipalities whose answers make up the national picture ("één van 162 gemeenten"). */
  respondents: number;
  minN: number;
  themes: ThemeReport[];
  loneliness: MunicipalWijkFigures | null;
  /** The municipality's wijken on a map (boundaries of the figures' year or the nearest); null without boundaries. */
  wijkMap: MunicipalWijkMap | null;
  advisor: Advisor | null;
};
