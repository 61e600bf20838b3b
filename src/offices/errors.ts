// Domain errors of the offices feature.
import { DomainError, type ErrorStatus } from '../core/errors.ts';

export const OFFICES_ERROR_CODES = ['office_not_found', 'place_not_found', 'organisation_not_found'] as const;
export type OfficesErrorCode = (typeof OFFICES_ERROR_CODES)[number];

export class OfficesError extends DomainError {
  override readonly name = 'OfficesError';
  readonly status: ErrorStatus = 404;

  constructor(
    override readonly code: OfficesErrorCode,
    detail?: string,
    field?: string,
  ) {
    super(code, detail, field);
  }
}
