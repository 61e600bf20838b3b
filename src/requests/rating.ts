// The citizen's rating of a delivered service: 1 to 5 with an optional comment, once, by the
// tracking number and the mobile's last four digits (the tracking page's guess limits apply).
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { formatNumber } from '../core/format.ts';
import { t } from '../core/i18n/index.ts';
import { RequestsError } from './errors.ts';
import type { RequestRating } from './follow-up.ts';
import { insertEvent } from './repository.ts';
import { trackRequest, type TrackingQuery } from './tracking.ts';

export const RATINGS = [1, 2, 3, 4, 5] as const;
export const RATING_COMMENT_MAX = 1000;

export interface RatingInput extends TrackingQuery {
  rating: number;
  comment?: string | undefined;
}

/** The rating and the comment as they will be kept; a rating outside 1–5 or a comment too long is refused. */
export function checkRating(rating: number, comment: string | undefined): { rating: number; comment: string | null } {
  if (!RATINGS.some((allowed) => allowed === rating)) throw new RequestsError('invalid_rating', String(rating), 'rating');
  const text = comment?.trim() ?? '';
  if (text.length > RATING_COMMENT_MAX) throw new RequestsError('invalid_rating', `comment of ${text.length} characters`, 'comment');
  return { rating, comment: text === '' ? null : text };
}

/**
 * Rates a delivered request. The number and the digits are checked as on the tracking page, so
 * a wrong guess counts against the same limits; a second rating is refused.
 */
export async function rateRequest(db: Kysely<DB>, input: RatingInput): Promise<RequestRating> {
  const checked = checkRating(input.rating, input.comment);
  const tracked = await trackRequest(db, input);
  return db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('service_requests').select(['id', 'status']).where('tracking_number', '=', tracked.trackingNumber).forUpdate().executeTakeFirstOrThrow();
    if (request.status !== 'delivered') throw new RequestsError('rating_not_delivered', request.status);
    const saved = await trx
      .insertInto('request_ratings')
      .values({ request_id: request.id, rating: checked.rating, comment: checked.comment })
      .onConflict((conflict) => conflict.column('request_id').doNothing())
      .returning(['rating', 'comment', 'at'])
      .executeTakeFirst();
    if (!saved) throw new RequestsError('already_rated', tracked.trackingNumber);
    // staff see the rating in the request's history
    const stars = t('bn', 'request_rating.event_note', { rating: formatNumber('bn', checked.rating) });
    await insertEvent(trx, {
      requestId: request.id,
      at: saved.at,
      action: 'rated',
      public: false,
      statusAfter: request.status,
      actorUserId: null,
      actorLabel: 'citizen',
      note: checked.comment === null ? stars : `${stars}\n${checked.comment}`,
    });
    return saved;
  });
}
