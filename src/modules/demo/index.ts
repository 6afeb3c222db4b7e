// The demo data set: a deterministic benchmark 2019–2022 that reads like the 2022 report, plus the
// fictitious example municipality Gravendonck (never counted).
export type { DemoDataSet, DemoEdition, DemoInput, DemoInvitation, DemoResponse } from './demo.model.ts';
export { DEFAULT_SEED, generateDemo } from './generate.ts';
export { ensureExampleResponse, exampleEdition, isExampleOf } from './example.ts';
export { EXAMPLE_MUNICIPALITY, exampleAnswers } from './gravendonck.ts';
export {
  DEMO_OPEN_DAYS,
  DEMO_OPEN_EDITION,
  DEMO_VERSION,
  DemoConflictError,
  type LoadDemoOptions,
  type LoadDemoResult,
  demoMarker,
  loadDemo,
} from './load.ts';
export { DEMO_EDITIONS, RETAINED_2021_2022 } from './municipalities.ts';
export { GGD_MONITOR_COMMENTS_2022 } from './texts.ts';
export { PUBLISHED_FIGURES, PUBLISHED_PANEL_SIZE, PUBLISHED_RESPONSE, PUBLISHED_RETAINED_PCT, type PublishedFigure } from './published.ts';
export { reportProblems, shares } from './report-check.ts';
