// Inhabitants per municipality and register year (CBS) and the size classes built on them.
export * from './size-class.model.ts';
export type { PopulationProblem, PopulationReport, PopulationYear } from './population.model.ts';
export { importPopulation, type PopulationInput } from './population.service.ts';
export { loadShippedPopulation, shippedPopulationFiles } from './population.load.ts';
export { hasPopulation, listPopulationYears, populationOfYear, sizeClassesByEdition, sizeClassOfMunicipality } from './population.repo.ts';
export { popText, populationProblemLine, populationSummary, sizeClassName } from './population.i18n.ts';
export { populationRoutes } from './population.routes.tsx';
