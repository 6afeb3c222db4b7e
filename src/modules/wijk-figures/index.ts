// Loneliness per wijk (GGD/RIVM Gezondheidsmonitor, 50120NED): import from the published CSV,
// synthetic figures for the demo, and what one municipality's report shows.
export { problemText, wt } from './i18n.ts';
export { type ImportOptions, type ImportReport, importWijkFigures, knownCodes } from './import.ts';
export { COLUMN_PREFIX, INDICATOR_LABEL, INDICATORS, type Indicator, SOURCE_LABEL, SYNTHETIC_SOURCE_LABEL, type WijkFigure } from './model.ts';
export { type Known, type ParsedFile, type Problem, parseWijkCsv } from './parse.ts';
export { readWijkRegister, type Wijk, type WijkRegister } from './register.ts';
export {
  type MunicipalWijkFigures, pickRelease, type RegionFigures, type WijkRow, wijkFigureSummary, wijkFiguresFor, wijkRowsJson,
} from './repo.ts';
export { wijkFigureRoutes } from './routes.tsx';
export {
  EXAMPLE_WIJKEN, generateSyntheticWijkFigures, removeSyntheticWijkFigures, SYNTHETIC_YEAR, type SyntheticOptions,
  writeSyntheticWijkFigures,
} from './synthetic.ts';
