// বাংলা: request attachments: upload, checking and download.
import type { requestsAttachments as en } from '../en/requests-attachments.ts';

export const requestsAttachments: Record<keyof typeof en, string> = {
};
