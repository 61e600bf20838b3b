// What follows a request on the citizen's tracking page (tracking.ts reads it with the request):
// the office and number it was transferred to or from, and the citizen's rating once given.

export interface RequestRating {
  rating: number;
  comment: string | null;
  at: Date;
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
