// Domain errors of the charters feature; their text lives in the i18n catalogue.
export type ChartersErrorCode =
  | 'empty_input'
  | 'binary_input'
  | 'not_a_charter'
  | 'invalid_json'
  | 'invalid_charter_json'
  | 'office_slug_needed'
  | 'invalid_office_slug'
  | 'office_not_found'
  | 'service_not_found'
  | 'office_name_missing';

export class ChartersError extends Error {
  constructor(
    readonly code: ChartersErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ChartersError';
  }
}
