// How the tracking API tells what followed a request: where it was transferred to or from, and the
// citizen's rating.
import { z } from 'zod';
import type { FollowUp, LinkedRequest, RequestRating } from './follow-up.ts';

export const linkedRequest = z.object({
  tracking_number: z.string(),
  office: z.object({ slug: z.string(), name_bn: z.string(), name_en: z.string().nullable() }),
});

export const requestRating = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  at: z.iso.datetime(),
});

const linkedJson = (linked: LinkedRequest | null) => (linked ? { tracking_number: linked.trackingNumber, office: linked.office } : null);

export const ratingJson = (rating: RequestRating) => ({ rating: rating.rating, comment: rating.comment, at: rating.at.toISOString() });

export function followUpJson(followUp: FollowUp) {
  return {
    transferred_to: linkedJson(followUp.transferredTo),
    transferred_from: linkedJson(followUp.transferredFrom),
    rating: followUp.rating ? ratingJson(followUp.rating) : null,
  };
}
