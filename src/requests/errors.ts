// Domain errors of the requests feature; their text lives in the i18n catalogue.
import { DomainError, type ErrorStatus } from '../core/errors.ts';

export const REQUESTS_ERROR_CODES = [
  'request_not_found',
  'service_not_offered',
  'invalid_mobile',
  'invalid_tracking_number',
  'tracking_not_found',
  'action_not_allowed',
  'note_required',
  'assignee_not_in_office',
  'too_many_tracking_attempts',
  'too_many_applications',
  'applicant_name_required',
  'contact_required',
  'received_in_future',
  // attachments
  'attachment_too_large',
  'attachment_type_not_allowed',
  'attachment_empty',
  'attachment_not_chosen',
  'too_many_attachments',
  'attachment_not_found',
  // transfer and rating
  'transfer_office_unavailable',
  'transfer_same_office',
  'invalid_rating',
  'rating_not_delivered',
  'already_rated',
] as const;
export type RequestsErrorCode = (typeof REQUESTS_ERROR_CODES)[number];

const STATUS: Partial<Record<RequestsErrorCode, ErrorStatus>> = {
  request_not_found: 404,
  attachment_not_found: 404,
  attachment_too_large: 413,
  attachment_type_not_allowed: 415,
  service_not_offered: 404,
  tracking_not_found: 404,
  action_not_allowed: 409,
  too_many_tracking_attempts: 429,
  too_many_applications: 429,
  transfer_office_unavailable: 404,
  rating_not_delivered: 409,
  already_rated: 409,
};

export class RequestsError extends DomainError {
  override readonly name = 'RequestsError';
  readonly status: ErrorStatus;

  constructor(
    override readonly code: RequestsErrorCode,
    detail?: string,
    field?: string,
  ) {
    super(code, detail, field);
    this.status = STATUS[code] ?? 400;
  }
}
