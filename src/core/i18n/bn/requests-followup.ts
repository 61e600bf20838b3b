// বাংলা: transfer to another office, the citizen's rating, the officer's reminder.
import type { requestsFollowup as en } from '../en/requests-followup.ts';

export const requestsFollowup: Record<keyof typeof en, string> = {
};
