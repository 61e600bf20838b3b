// The queries of request attachments: the list shown with a request (without the bytes), the
// count a new file is measured against, and one file with its bytes for download.
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { AttachmentUpload } from './attachments.ts';

export interface AttachmentGiver {
  /** null for the citizen on the online form */
  userId: number | null;
  givenBy: 'citizen' | 'staff';
}

/** The files of one request given to another (a transfer): the receiving office needs the same documents. */
export async function copyAttachments(db: Kysely<DB>, fromRequestId: number, toRequestId: number): Promise<void> {
  await db
    .insertInto('request_attachments')
    .columns(['request_id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'content', 'uploaded_at', 'uploaded_by_user_id', 'given_by'])
    .expression((eb) =>
      eb
        .selectFrom('request_attachments')
        .select([eb.val(toRequestId).as('request_id'), 'file_name', 'media_type', 'size_bytes', 'sha256', 'content', 'uploaded_at', 'uploaded_by_user_id', 'given_by'])
        .where('request_id', '=', fromRequestId)
        .orderBy('id'),
    )
    .execute();
}

export async function insertAttachments(db: Kysely<DB>, requestId: number, uploads: readonly AttachmentUpload[], giver: AttachmentGiver): Promise<number[]> {
  if (uploads.length === 0) return [];
  const rows = await db
    .insertInto('request_attachments')
    .values(
      uploads.map((upload) => ({
        request_id: requestId,
        file_name: upload.fileName,
        media_type: upload.mediaType,
        size_bytes: upload.bytes.length,
        sha256: upload.sha256,
        content: Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength),
        uploaded_by_user_id: giver.userId,
        given_by: giver.givenBy,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function countAttachments(db: Kysely<DB>, requestId: number): Promise<number> {
  const { count } = await db.selectFrom('request_attachments').select((eb) => eb.fn.countAll<string>().as('count')).where('request_id', '=', requestId).executeTakeFirstOrThrow();
  return Number(count);
}

const LISTED = ['id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_at', 'uploaded_by_user_id', 'given_by'] as const;

export async function listAttachments(db: Kysely<DB>, requestId: number) {
  return db.selectFrom('request_attachments').select(LISTED).where('request_id', '=', requestId).orderBy('id').execute();
}
export type AttachmentListRow = Awaited<ReturnType<typeof listAttachments>>[number];

/** One file of one request of one office: an id of another office's request is not found. */
export async function findOfficeAttachment(db: Kysely<DB>, officeId: number, trackingNumber: string, attachmentId: number) {
  return db
    .selectFrom('request_attachments as a')
    .innerJoin('service_requests as r', 'r.id', 'a.request_id')
    .select(['a.id', 'a.file_name', 'a.media_type', 'a.size_bytes', 'a.content'])
    .where('a.id', '=', attachmentId)
    .where('r.office_id', '=', officeId)
    .where('r.tracking_number', '=', trackingNumber)
    .executeTakeFirst();
}
