// Who may see what: personal links for respondents; accounts, sign-in links, sessions and roles
// for the bureau, the ministry and the advisors. Other modules import only from here.
export * from './personal-link.ts';
export {
  type Account, accountColumns, createAccount, disableAccount, DuplicateAccountError, enableAccount, findAccount, findByEmail,
  isRole, isValidEmail, listAccounts, normalizeEmail, type Role, ROLES,
} from './accounts.repo.ts';
export { at as authText, type AuthKey, translator } from './auth.i18n.ts';
export { authRoutes, type AuthRoutesOptions, createAuthRoutes, type SendNoLink, type SendSignInLink, sendNowhere } from './auth.routes.tsx';
export { type AuthEnv, CSRF_FIELD, CsrfField, csrfMatches, csrfProtection, isCrossSite, requireRole, signInRedirect } from './guard.tsx';
export { checkMagicLink, consumeMagicLink, createMagicLink, DEFAULT_RETURN, type LinkProblem, MAGIC_LINK_TTL_MS, requestSignInLink, safeReturnTo, signInUrl } from './magic-links.ts';
export { clientIp, MAX_PER_EMAIL, MAX_PER_IP, RATE_WINDOW_MS, recordSignInAttempt } from './rate-limit.ts';
export { createSession, currentSession, deleteSession, loadSession, type Session, SESSION_IDLE_MS, sessionCookieName } from './sessions.ts';
export { ErrorSummary, TextField } from './views.tsx';
