// The citizen's tracking form, as /track and the rating read it: the two fields checked before any
// lookup, and when to come back after too many wrong tries.
import type { FastifyReply } from 'fastify';
import { t, type Lang } from '../core/i18n/index.ts';
import type { FieldErrors } from '../http/form-parts.ts';
import { RequestsError } from './errors.ts';
import { parseTrackingNumber } from './tracking-number.ts';
import { TRACKING_GUESSES } from './tracking.ts';

/** Four digits, Bangla or English, as typed on a phone (spaces around them forgiven). */
export const LAST4 = /^\s*[0-9০-৯]{4}\s*$/;

/** A number of the wrong shape or digits that are not four, told apart before any lookup. */
export function trackFormErrors(lang: Lang, values: { tracking_number: string; mobile_last4: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!parseTrackingNumber(values.tracking_number).ok) errors.tracking_number = t(lang, 'error.invalid_tracking_number');
  if (!LAST4.test(values.mobile_last4)) errors.mobile_last4 = t(lang, 'track.error.last4');
  return errors;
}

/** Too many wrong tries: say when to come back, on the page and in the header. */
export function waitHeader(reply: FastifyReply, error: unknown) {
  if (error instanceof RequestsError && error.code === 'too_many_tracking_attempts') reply.header('retry-after', String(TRACKING_GUESSES.windowMs / 1000));
}
