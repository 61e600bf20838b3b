// বাংলা: the citizen's side of requests: applying online and tracking.
import type { requestsPublic as en } from '../en/requests-public.ts';

export const requestsPublic: Record<keyof typeof en, string> = {
};
