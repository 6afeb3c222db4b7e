// Shapes of the demo data set: what the generator takes in, what it gives back, and the
// per-question targets that make the generated answers add up to the published figures.
import type { Questionnaire } from '../questionnaire/questionnaire.model.ts';
import type { Merger, Municipality } from '../register/register.load.ts';
import type { Answers } from '../responses/answer.model.ts';

export type DemoInput = {
  /** The questionnaire of each edition (at least 2019–2022). */
  questionnaires: ReadonlyMap<number, Questionnaire>;
  /** The CBS register, every year. */
  municipalities: readonly Municipality[];
  mergers: readonly Merger[];
};

/** One municipality answering one edition, while its answers are being generated. */
export type Respondent = {
  code: string;
  /** Took part in every edition 2019–2022 (the report's "*" rows). */
  panel: boolean;
  /** Did not respond to any earlier edition. */
  firstTime: boolean;
  answers: Answers;
};

export type Counts = Record<string, number>;

/**
 * What the answers to one question must add up to in one edition. Exact counts, not
 * probabilities: the report's figures are counts of a few hundred answers, and a quota is the
 * only way to hit "146 of 162" for every seed.
 */
export type QuestionTarget = {
  /** single: how many choose each option (their sum is n). multi: how many choose each option. */
  counts?: Counts;
  /** single: the counts among the panel; every panel member who sees the question answers it. */
  panel?: Counts;
  /** multi and matrix: how many answer the question at all (the rest skip it). */
  n?: number;
  /** matrix: per item exact counts, or percentages in scale order of (n − itemSkip). */
  items?: Record<string, Counts | number[]>;
  itemSkip?: Record<string, number>;
  /** single: respondents with a lower rank get the first-listed options first (ties random). */
  rank?: (r: Respondent) => number;
};

export type EditionTargets = Record<string, QuestionTarget>;

export type DemoEdition = {
  year: number;
  opensOn: string;
  closesOn: string;
  openedAt: Date;
  closedAt: Date;
  publishedAt: Date;
};

export type DemoResponse = {
  edition: number;
  municipality: string;
  status: 'submitted' | 'open';
  firstOpenedAt: Date;
  startedAt: Date;
  /** null for the example municipality, which is never submitted (so never counted). */
  submittedAt: Date | null;
  answers: Answers;
};

export type DemoInvitation = { edition: number; municipality: string; createdAt: Date };

export type DemoDataSet = {
  seed: number;
  editions: DemoEdition[];
  invitations: DemoInvitation[];
  /** Submitted responses of real (CBS) municipalities, sorted by edition and code. */
  responses: DemoResponse[];
  /** The municipalities that responded in every edition 2019–2022. */
  panel: string[];
  /** Gravendonck: fictitious, outside the register, never submitted. */
  example: DemoResponse;
};
