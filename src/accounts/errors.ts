// Domain errors of accounts: signing in, users, roles and tokens.
import { DomainError, type ErrorStatus } from '../core/errors.ts';

const STATUS = {
  // one answer for an unknown address and a wrong password, so that nobody learns who has an account
  invalid_credentials: 401,
  too_many_sign_ins: 429,
  sign_in_required: 401,
  forbidden: 403,
  email_taken: 409,
  invalid_email: 400,
  weak_password: 400,
  user_not_found: 404,
  invalid_role_scope: 400,
  token_not_found: 404,
  name_required: 400,
  not_invited: 409,
  // an invitation or reset link that is used, expired or was never made
  invalid_link: 404,
  grant_not_found: 404,
  last_system_admin: 409,
  cannot_disable_self: 409,
  too_many_reset_requests: 429,
  invalid_code: 401,
  // the few minutes between password and second factor ran out
  second_factor_expired: 401,
  // a reset of a second factor the user does not have
  no_second_factor: 409,
  // /setup once a system administrator exists, or with a wrong token
  setup_closed: 404,
  invalid_setup_token: 403,
  password_mismatch: 400,
} as const satisfies Record<string, ErrorStatus>;

export type AccountsErrorCode = keyof typeof STATUS;
export const ACCOUNTS_ERROR_CODES = Object.keys(STATUS) as AccountsErrorCode[];

export class AccountsError extends DomainError {
  override readonly name = 'AccountsError';
  readonly status: ErrorStatus;

  constructor(
    override readonly code: AccountsErrorCode,
    detail?: string,
    field?: string,
  ) {
    super(code, detail, field);
    this.status = STATUS[code];
  }
}
