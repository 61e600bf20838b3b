// The fields of a service in the order a citizen asks about them: what must I bring, what does it
// cost, how long will it take, whom do I call, and only then how the service is given. The charter
// cards, the table and the service page all follow it; the paper charter's own order is the print page's.
export const CITIZEN_FIELD_ORDER = ['documents', 'fee', 'time', 'officer', 'delivery'] as const;

export type CitizenField = (typeof CITIZEN_FIELD_ORDER)[number];
