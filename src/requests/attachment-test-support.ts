// Real, minimal files of each kind a request takes (and some it must refuse), and a multipart
// body built as a browser builds one, for the attachment tests and the access matrix.
import { ATTACHMENT_LIMITS } from './attachments.ts';

export const SAMPLE_PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'));
/** a 1×1 PNG */
export const SAMPLE_PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
/** a JFIF header and the end-of-image marker */
export const SAMPLE_JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
/** a Windows executable's header */
export const SAMPLE_EXE = new Uint8Array(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(254)]));
export const SAMPLE_HTML = new Uint8Array(Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'));
export const SAMPLE_TEXT = new Uint8Array(Buffer.from('just some text, not a picture\n'));

/** A PDF of exactly `size` bytes: the sample, padded with spaces before its end. */
export function pdfOfSize(size: number = ATTACHMENT_LIMITS.maxBytes): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(SAMPLE_PDF.subarray(0, SAMPLE_PDF.length - 6));
  bytes.set(Buffer.from('%%EOF\n'), size - 6);
  return bytes;
}

export interface FilePart {
  filename: string;
  bytes: Uint8Array;
  /** what the browser claims; the server does not believe it */
  type?: string;
  field?: string;
}

/** A multipart/form-data body with these fields and files, and its content type. */
export function multipartBody(fields: Record<string, string>, files: readonly FilePart[]): { payload: Buffer; headers: { 'content-type': string } } {
  const boundary = `----protishruti${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'attachments'}"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
