// English text: request attachments: upload, checking and download.
export const requestsAttachments = {
};
