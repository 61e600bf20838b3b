// How a form's file field reaches a route that takes attachments (the online application, the
// staff's "add files"): the multipart limits the route raises, the field's schema, and the
// checked files or the refusal to show beside the field.
import { z } from 'zod';
import { ATTACHMENT_LIMITS, checkAttachments, chosenFiles, isAttachmentRefusal, type AttachmentUpload } from './attachments.ts';
import type { RequestsError } from './errors.ts';

/**
 * For `config.multipartOptions`: each file cut at one byte past 5 MB (so it arrives marked
 * truncated and is refused on the form, not by the parser), and one file more than a form may
 * send, so that too many files is said beside the field too; beyond that the parser refuses.
 */
export const ATTACHMENT_MULTIPART = { limits: { files: ATTACHMENT_LIMITS.perUpload + 1, fileSize: ATTACHMENT_LIMITS.maxBytes, fields: 12, parts: 20 } };

/** A file as app.ts hands it over from a multipart form. */
const receivedFile = z.object({ filename: z.string().max(1000), mimetype: z.string().max(200), truncated: z.boolean(), bytes: z.instanceof(Uint8Array) });

/** The file field: one file, several, or none (a form sent urlencoded has none). */
export const attachmentsField = z.union([receivedFile, z.array(receivedFile)]).optional();
export type AttachmentsField = z.infer<typeof attachmentsField>;

export type FormFiles = { ok: true; uploads: AttachmentUpload[] } | { ok: false; error: RequestsError; status: number };

/** The files the form chose, every one checked; or why they were refused, with the status to answer. */
export async function readFormFiles(field: AttachmentsField): Promise<FormFiles> {
  try {
    return { ok: true, uploads: await checkAttachments(chosenFiles(field)) };
  } catch (error) {
    if (!isAttachmentRefusal(error)) throw error;
    return { ok: false, error, status: error.status };
  }
}
