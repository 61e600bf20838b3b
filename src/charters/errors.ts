// Domain errors of the charters feature; their text lives in the i18n catalogue.
import { DomainError, type ErrorStatus } from '../core/errors.ts';

export const CHARTERS_ERROR_CODES = [
  'empty_input',
  'binary_input',
  'not_a_charter',
  'invalid_json',
  'invalid_charter_json',
  'office_slug_needed',
  'invalid_office_slug',
  'office_not_found',
  'service_not_found',
  'office_name_missing',
  'duplicate_service_code',
  'input_too_large',
  'too_many_services',
  'charter_too_long',
  'time_limit_not_countable',
  'no_draft',
] as const;
export type ChartersErrorCode = (typeof CHARTERS_ERROR_CODES)[number];

const NOT_FOUND: ReadonlySet<ChartersErrorCode> = new Set(['office_not_found', 'service_not_found']);

export class ChartersError extends DomainError {
  override readonly name = 'ChartersError';
  readonly status: ErrorStatus;

  constructor(
    override readonly code: ChartersErrorCode,
    detail?: string,
    field?: string,
  ) {
    super(code, detail, field);
    this.status = NOT_FOUND.has(code) ? 404 : 400;
  }
}
