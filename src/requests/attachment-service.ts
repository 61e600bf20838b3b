// Staff adding files to a request, and the files of a request for its office's staff. Adding is
// one transaction: the request locked (so two uploads at once cannot pass the per-request cap
// together), the files, an internal event and the audit row `request.attach`.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { ATTACHMENT_LIMITS, roomFor, type AttachmentUpload } from './attachments.ts';
import { countAttachments, findOfficeAttachment, insertAttachments, listAttachments } from './attachments-repository.ts';
import { RequestsError } from './errors.ts';
import { findOfficeRequest, insertEvent } from './repository.ts';

/** Adds checked files to a request of this office; a request of another office is not found. */
export async function attachToRequest(db: Kysely<DB>, actor: Actor, officeId: number, trackingNumber: string, uploads: readonly AttachmentUpload[]): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const request = await findOfficeRequest(trx, officeId, trackingNumber, { forUpdate: true });
    if (!request) throw new RequestsError('request_not_found', trackingNumber);
    const stored = await countAttachments(trx, request.id);
    if (!roomFor(stored, uploads.length)) throw new RequestsError('too_many_attachments', `${stored} + ${uploads.length} > ${ATTACHMENT_LIMITS.perRequest}`, 'attachments');
    const ids = await insertAttachments(trx, request.id, uploads, { userId: actor.userId, givenBy: 'staff' });
    const names = uploads.map((upload) => upload.fileName);
    await insertEvent(trx, { requestId: request.id, at: new Date(), action: 'attach', public: false, statusAfter: request.status, actorUserId: actor.userId, actorLabel: actor.label, note: names.join('\n') });
    await recordAudit(trx, {
      actor,
      action: 'request.attach',
      officeId,
      subject: { type: 'request', id: request.tracking_number },
      before: { attachments: stored },
      after: { attachments: uploads.map((upload, index) => ({ id: ids[index], name: upload.fileName, media_type: upload.mediaType, size: upload.bytes.length, sha256: upload.sha256 })) },
    });
    return ids;
  });
}

/** The files of a request of this office, without their bytes. */
export async function loadRequestAttachments(db: Kysely<DB>, officeId: number, trackingNumber: string) {
  const request = await findOfficeRequest(db, officeId, trackingNumber);
  if (!request) throw new RequestsError('request_not_found', trackingNumber);
  return { request, attachments: await listAttachments(db, request.id) };
}

/** One file with its bytes, only through its own office's request. */
export async function loadAttachment(db: Kysely<DB>, officeId: number, trackingNumber: string, attachmentId: number) {
  const attachment = await findOfficeAttachment(db, officeId, trackingNumber, attachmentId);
  if (!attachment) throw new RequestsError('attachment_not_found', String(attachmentId));
  return attachment;
}
