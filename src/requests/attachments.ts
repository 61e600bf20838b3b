// The rules for the files that go with a request: which kinds are taken (found from the bytes,
// never from the name or the sender's type), how large, how many, and how a file's name is kept
// and handed back on download. No I/O: the routes and the service call these.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { RequestsError, type RequestsErrorCode } from './errors.ts';

export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

export const ATTACHMENT_LIMITS = {
  /** each file; a file of exactly this size is taken */
  maxBytes: 5 * 1024 * 1024,
  /** in one sending of a form, the citizen's or staff's */
  perUpload: 5,
  /** on one request, whoever gave them */
  perRequest: 20,
} as const;

/**
 * What @fastify/multipart hands over for a file field (see app.ts): at most one part past the
 * size limit, marked truncated. Bytes of a file the form did not choose: none, and no name.
 */
export interface ReceivedFile {
  filename: string;
  truncated: boolean;
  bytes: Uint8Array;
}

/** A file that passed every check, ready to store. */
export interface AttachmentUpload {
  fileName: string;
  mediaType: AttachmentMediaType;
  bytes: Uint8Array;
  sha256: string;
}

export const EXTENSIONS: Record<AttachmentMediaType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
/** How a type is named to people, the same in Bangla and English. */
export const TYPE_NAMES: Record<AttachmentMediaType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** What the file input's `accept` offers in the browser's file picker; the server checks the content regardless. */
export const ACCEPTED_EXTENSIONS = '.pdf,.jpg,.jpeg,.png';

const MAX_NAME_LENGTH = 200;

export const isAttachmentRefusal = (error: unknown): error is RequestsError => error instanceof RequestsError && error.field === 'attachments';

/**
 * The name as given, for display only: the last part of any path (browsers of old sent the whole
 * path), without control or bidirectional-override characters, spaces squeezed, at most 200 characters.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const shortened = [...cleaned].slice(0, MAX_NAME_LENGTH).join('');
  return shortened === '' || shortened === '.' || shortened === '..' ? 'file' : shortened;
}

/** The files a form really chose: a browser sends one empty part with no name when none was. */
export function chosenFiles(field: ReceivedFile | readonly ReceivedFile[] | undefined): ReceivedFile[] {
  const files = field === undefined ? [] : Array.isArray(field) ? [...(field as readonly ReceivedFile[])] : [field as ReceivedFile];
  return files.filter((file) => file.filename !== '' || file.bytes.length > 0);
}

const refuse = (code: RequestsErrorCode, fileName?: string) => new RequestsError(code, fileName, 'attachments');

/** One file: not empty, not over the size, and a PDF, JPEG or PNG by its first bytes. */
export async function checkAttachment(file: ReceivedFile): Promise<AttachmentUpload> {
  const fileName = cleanFileName(file.filename);
  if (file.truncated || file.bytes.length > ATTACHMENT_LIMITS.maxBytes) throw refuse('attachment_too_large', fileName);
  if (file.bytes.length === 0) throw refuse('attachment_empty', fileName);
  const found = await fileTypeFromBuffer(file.bytes);
  const mediaType = ATTACHMENT_MEDIA_TYPES.find((type) => type === found?.mime);
  if (!mediaType) throw refuse('attachment_type_not_allowed', fileName);
  return { fileName, mediaType, bytes: file.bytes, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

/** The files of one sending, all checked; the first refusal stops it, so nothing is stored in part. */
export async function checkAttachments(files: readonly ReceivedFile[]): Promise<AttachmentUpload[]> {
  if (files.length > ATTACHMENT_LIMITS.perUpload) throw refuse('too_many_attachments', String(files.length));
  const uploads: AttachmentUpload[] = [];
  for (const file of files) uploads.push(await checkAttachment(file));
  return uploads;
}

/** Whether a request that has `stored` files may take `more`. */
export function roomFor(stored: number, more: number): boolean {
  return stored + more <= ATTACHMENT_LIMITS.perRequest;
}

/**
 * The file name a download is saved under: the name as given, with the extension of what the
 * bytes are when the name says otherwise (a PDF named .png opens as a PDF).
 */
export function downloadName(fileName: string, mediaType: AttachmentMediaType): string {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const fits = mediaType === 'image/jpeg' ? extension === 'jpg' || extension === 'jpeg' : extension === EXTENSIONS[mediaType];
  return fits ? fileName : `${fileName}.${EXTENSIONS[mediaType]}`;
}

/** RFC 5987's encoding: percent-encoded UTF-8, with the few characters encodeURIComponent leaves that it does not allow. */
const encodeRfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` for a download: always saved, never shown in the portal's origin; a plain
 * ASCII name for old clients (anything else, quotes and backslashes replaced) and the real name,
 * Bangla included, as RFC 6266's filename*.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
