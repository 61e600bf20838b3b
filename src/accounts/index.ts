// What the app, the CLI and other features may use of accounts.
export { ACCOUNTS_ERROR_CODES, AccountsError, type AccountsErrorCode } from './errors.ts';
export { authorisation, findApiKeyPrincipal, isOfficeToken, SESSION_COOKIE, type AuthorisationOptions } from './authorisation.ts';
export { officeTokenRoutes } from './office-token-routes.ts';
export { issueOfficeApiToken, listOfficeApiTokens, revokeOfficeApiToken, type OfficeApiToken } from './office-tokens.ts';
export { accountsRoutes, type AccountsRoutesOptions } from './routes.ts';
export { redactSecretPath, requestForLog } from './log-redaction.ts';
export { OFFICE_ROLES, findUserNames, listOfficeStaff, type OfficeRole, type OfficeStaffMember, type UserName } from './office-staff.ts';
export { ROLES, isAllowed, permissionsOf, type Grant, type Role } from './roles.ts';
export { createUser, findUserIdByEmail, grantRole, issueApiToken, withdrawApiToken, type NewAccount, type ScopeRequest } from './users.ts';
export { SecretKeyMismatchError, TotpSecretBox } from './totp-secret-box.ts';
export { resetSecondFactorByEmail } from './second-factor-reset.ts';
