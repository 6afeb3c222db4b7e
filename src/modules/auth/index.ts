// Who may see what: personal links for respondents (accounts and roles follow with fieldwork).
export * from './personal-link.ts';
