// Editions: which questionnaire, which register year, open/closed/published.
export * from './editions.repo.ts';
export * from './questionnaire-cache.ts';
export * from './invited.ts';
