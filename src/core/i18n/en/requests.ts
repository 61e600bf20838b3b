// English text: service requests — applying, tracking, the office's queue.
export const requests = {
  'error.request_not_found': 'No request with that tracking number in this office.',
  'error.service_not_offered': 'This office does not offer that service (or it is not in its published charter).',
  'error.invalid_mobile': 'Type a Bangladeshi mobile number of 11 digits, like 01712345678.',
  'error.invalid_tracking_number': 'That is not a tracking number. It looks like JSR-2026-000123-6: letters, the year, the number and one check digit.',
  'error.tracking_not_found': 'No request matches that tracking number and those mobile digits. Check both and try again.',
  'error.action_not_allowed': 'That cannot be done to the request in its present state. Reload the page to see what it is now.',
  'error.note_required': 'Write what the citizen must know: the missing documents, or the reason.',
  'error.assignee_not_in_office': 'That person does not work in this office.',
  'error.too_many_applications': 'Too many applications from this connection or for this mobile number. Wait a while and try again, or go to the office.',
  'error.too_many_tracking_attempts': 'Too many wrong tries from this connection. Wait 15 minutes and try again.',
  'error.applicant_name_required': 'Type the applicant\'s name.',
  'error.contact_required': 'Give a mobile number or an e-mail address, so the office can reach the applicant.',
  'error.received_in_future': 'The time of receipt cannot be in the future.',
} as const;
