// What follows a request on the citizen's tracking page: the office and number it was transferred
// to or from, and the citizen's rating once given.
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { findOfficeBySlug, findOfficeSlug } from '../offices/index.ts';
import type { RequestRow } from './repository.ts';

export interface RequestRating {
  rating: number;
  comment: string | null;
  at: Date;
}

export async function findRating(db: Kysely<DB>, requestId: number): Promise<RequestRating | null> {
  const row = await db.selectFrom('request_ratings').select(['rating', 'comment', 'at']).where('request_id', '=', requestId).executeTakeFirst();
  return row ?? null;
}

export interface LinkedRequest {
  trackingNumber: string;
  office: { slug: string; name_bn: string; name_en: string | null };
}

export interface FollowUp {
  /** the request that carries on in another office (the same mobile digits follow it) */
  transferredTo: LinkedRequest | null;
  transferredFrom: LinkedRequest | null;
  rating: RequestRating | null;
}

async function linkedRequest(db: Kysely<DB>, requestId: number | null): Promise<LinkedRequest | null> {
  if (requestId === null) return null;
  const row = await db.selectFrom('service_requests').select(['tracking_number', 'office_id']).where('id', '=', requestId).executeTakeFirst();
  const slug = row ? await findOfficeSlug(db, row.office_id) : null;
  const office = slug === null ? undefined : await findOfficeBySlug(db, slug);
  if (!row || !office) return null;
  return { trackingNumber: row.tracking_number, office: { slug: office.slug, name_bn: office.name_bn, name_en: office.name_en } };
}

export async function loadFollowUp(db: Kysely<DB>, request: Pick<RequestRow, 'id' | 'transferred_to' | 'transferred_from'>): Promise<FollowUp> {
  return {
    transferredTo: await linkedRequest(db, request.transferred_to),
    transferredFrom: await linkedRequest(db, request.transferred_from),
    rating: await findRating(db, request.id),
  };
}
