// Municipalities, provinces and mergers per register year: the shipped years and imported ones,
// with each year's map geometry and wijken.
export * from './register.load.ts';
export * from './register.repo.ts';
export * from './by-edition.ts';
export { geometryStamp, mapGeometry, registerTopology, shippedGeometryFiles } from './geometry.repo.ts';
export { existingYear, type ImportOptions, importRegister } from './import.service.ts';
export type { FileKind, NamedFile, Problem as RegisterProblem, RegisterInput, RegisterReport } from './import.model.ts';
export { registerRoutes } from './register.routes.tsx';
export { noteText, problemLine, problemMessage, rgText, summaryText } from './register.i18n.ts';
export { type MunicipalWijkMap, municipalWijkMap, pickBoundaryYear } from './wijk-geometry.repo.ts';
export { checkWijkGeometry, normaliseWijkTopology, type WijkTopology } from './wijk-geometry.model.ts';
