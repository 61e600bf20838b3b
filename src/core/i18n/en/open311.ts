// English text: Open311 GeoReport v2.
export const open311 = {
  'error.jurisdiction_required': 'jurisdiction_id is missing: give the office\'s address on the portal, like doict-sadar-jessore.',
  'error.jurisdiction_not_found': 'No office has that jurisdiction_id. It is the office\'s address on the portal, like doict-sadar-jessore.',
  'error.service_code_required': 'service_code is missing: give the code of a service in the office\'s charter, like s1 (GET services.json lists them).',
  'error.api_key_invalid': 'api_key is missing or not valid: send an API token of the office\'s staff as api_key.',
  'error.api_key_not_allowed': 'That api_key may not do this for this office.',
  'error.json_only': 'Only JSON is served here: ask for .json instead of .xml.',
  'error.invalid_datetime': 'start_date and end_date must be ISO 8601 date-times with an offset, like 2026-11-25T10:00:00+06:00.',
  'error.dates_reversed': 'start_date must not come after end_date.',
  'error.invalid_status_filter': 'status must be open or closed (or both, comma separated).',
  'error.open311_body': 'Send the fields as a form (application/x-www-form-urlencoded) or as a JSON object.',
  'open311.documents': 'Documents',
  'open311.fee': 'Fee',
  'open311.free': 'Free',
  'open311.time_limit': 'Time limit',
  'open311.notice_due': 'Received. Due by {due} (Dhaka time).',
  'open311.notice_no_limit': 'Received. This service has no fixed time limit.',
} as const;
