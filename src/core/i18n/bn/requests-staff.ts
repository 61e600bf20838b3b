// বাংলা: the office's side of requests: the queue, the request page, registering at the desk.
import type { requestsStaff as en } from '../en/requests-staff.ts';

export const requestsStaff: Record<keyof typeof en, string> = {
};
