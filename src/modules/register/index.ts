// Municipalities, provinces and mergers per register year.
export * from './register.load.ts';
export * from './register.repo.ts';
export * from './by-edition.ts';
