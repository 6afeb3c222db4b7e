// Everything a results page or the PDF needs for one edition, from the database: the published
// editions up to it, their questionnaires, the statistics (national, provinces, size classes of
// the shown edition, panel) with
// small-cell suppression applied, and the response. Nothing here ever holds a text answer.
import type { Db } from '../../../db/client.ts';
import { listEditions } from '../../editions/index.ts';
import type { Questionnaire } from '../../questionnaire/index.ts';
import { sizeClassesByEdition } from '../../population/index.ts';
import { listProvinces, mapGeometry, provincesByEdition, type Province } from '../../register/index.ts';
import type { MapGeometry } from '../../../web/charts/index.ts';
import { listSubmittedResponses } from '../../responses/submitted.ts';
import type { PublishedText } from '../../report-text/report-text.model.ts';
import { loadPlaceholders, textForResults } from '../../report-text/report-text.repo.ts';
import type { PlaceholderProvider } from '../../report-text/placeholder.model.ts';
import { type Timeline, timeline, timelineInput } from '../../response-dashboard/index.ts';
import { computeStats, countingMerges, type StatsRow, suppress } from '../../statistics/index.ts';
import { type EditionResponse, loadResponse, type Retained, retained } from './response.ts';

/** Figures based on fewer valid answers are hidden on public pages ("te weinig antwoorden"). */
export const MIN_N = 5;

export type ResultsData = {
  year: number;
  /** Editions shown, ascending: every published edition up to and including `year`. */
  editions: number[];
  qns: Map<number, Questionnaire>;
  questionnaire: Questionnaire;
  registerYear: number;
  /** The register year's map; undefined when that year has no geometry. */
  geometry?: MapGeometry;
  publishedAt: Date | null;
  /** Suppressed statistics of every shown edition: national, provinces, panel; size classes of the shown edition. */
  rows: StatsRow[];
  /** The same rows by question key, so a question's trend does not scan them all. */
  byQuestion: Map<string, StatsRow[]>;
  /** Municipalities that responded in every shown edition; shown only from two editions on. */
  panel: { size: number; shown: boolean };
  response: Map<number, EditionResponse>;
  retained?: Retained;
  provinces: Province[];
  /** The shown edition has size classes (population figures of its register year). */
  sizes: boolean;
  /** The edition's register (code → name, province), for the list beside the map. */
  municipalities: Map<string, { name: string; province: string }>;
  /** Not published: only the bureau's concept PDF asks for this. */
  concept: boolean;
  /** The bureau's chapters (issue 18): as published, or the drafts for a concept; placeholders unresolved. */
  text?: PublishedText;
  /** Other modules' placeholders for the text ({code.X.aantal}, issue 18.5), loaded with the data. */
  placeholders?: PlaceholderProvider[];
  /** The response day by day with the fieldwork steps (the Aanpak chapter's figure); absent without dates. */
  timeline?: Timeline;
};

export type LoadOptions = { includeUnpublished?: boolean };

/** Undefined when the edition does not exist or is not published (unless asked for a concept). */
export async function loadResults(db: Db, year: number, options: LoadOptions = {}): Promise<ResultsData | undefined> {
  const all = await listEditions(db);
  const edition = all.find((e) => e.year === year);
  if (!edition || (!edition.publishedAt && !options.includeUnpublished)) return undefined;
  const shown = all.filter((e) => e.year < year && e.publishedAt).concat(edition);
  const editions = shown.map((e) => e.year);
  const qns = new Map(shown.map((e) => [e.year, e.questionnaire]));

  const [submitted, register, provinces, municipalities, geometry, classes, text, placeholders] = await Promise.all([
    listSubmittedResponses(db, editions),
    provincesByEdition(db),
    listProvinces(db),
    db.query<{ code: string; name: string; province: string }>(
      'SELECT code, name, province_code AS province FROM municipalities WHERE year = $1',
      [edition.registerYear],
    ),
    mapGeometry(db, edition.registerYear),
    sizeClassesByEdition(db),
    textForResults(db, year, !edition.publishedAt),
    loadPlaceholders(db, year),
  ]);
  // Size classes only for the shown edition: its cross-table (trends by size class are not shown).
  const ownClasses = classes.get(year);
  const sizeClasses = new Map(ownClasses ? [[year, ownClasses]] : []);
  // The panel is fixed by the edition shown: the same municipalities in every panel row. A merged
  // question is counted in the editions before the merge too (one trend line).
  const counting = countingMerges(qns, submitted);
  const stats = computeStats(counting.qns, counting.responses, register, { editions, scopes: ['national', 'province', 'size', 'panel'], panelEditions: editions, sizeClasses });
  const respondents = new Map<number, Set<string>>(editions.map((e) => [e, new Set<string>()]));
  for (const r of submitted) respondents.get(r.edition)?.add(r.municipality);
  const response = await loadResponse(db, editions, respondents);
  // Until the closing day (or today, for a concept while the fieldwork runs).
  const steps = timeline(await timelineInput(db, year, response.get(year)?.invitedCodes ?? new Set(), new Date()));
  const panelSize = [...(respondents.get(year) ?? [])].filter((m) => editions.every((e) => respondents.get(e)?.has(m))).length;

  const rows = suppress(stats, { minN: MIN_N });
  const byQuestion = new Map<string, StatsRow[]>();
  for (const r of rows) {
    const list = byQuestion.get(r.question);
    if (list) list.push(r);
    else byQuestion.set(r.question, [r]);
  }
  return {
    year,
    editions,
    qns,
    questionnaire: edition.questionnaire,
    registerYear: edition.registerYear,
    geometry,
    publishedAt: edition.publishedAt,
    rows,
    byQuestion,
    panel: { size: panelSize, shown: editions.length > 1 && panelSize > 0 },
    response,
    retained: retained(response, editions, year),
    provinces,
    sizes: ownClasses !== undefined,
    municipalities: new Map(municipalities.map((m) => [m.code, { name: m.name, province: m.province }])),
    concept: !edition.publishedAt,
    text,
    placeholders,
    // A figure tells something with a fieldwork step or submissions on two days at least; an
    // edition imported with one date for everyone has none.
    timeline: steps.steps.length > 0 || steps.days.filter((d) => d.submitted > 0).length >= 2 ? steps : undefined,
  };
}

/** The published editions, newest first, for the list page. */
export async function publishedEditions(db: Db): Promise<Array<{ year: number; publishedAt: Date }>> {
  return (await listEditions(db))
    .filter((e) => e.publishedAt)
    .map((e) => ({ year: e.year, publishedAt: e.publishedAt as Date }))
    .reverse();
}
