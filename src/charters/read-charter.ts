// Turns the bytes of a charter file into a canonical document: canonical JSON is validated,
// anything else is read as charter text. Refuses empty, binary and unrecognisable input.
import { parseCharterText } from './parse/charter-text.ts';
import { charterDocumentSchema } from './charter-schema.ts';
import { ChartersError } from './errors.ts';
import type { CharterDocument } from './model.ts';

export function readCharter(bytes: Uint8Array): CharterDocument {
  const text = decodeText(bytes);
  if (text.trim() === '') throw new ChartersError('empty_input');
  if (/^\s*\{/.test(text)) return readCharterJson(text);
  const doc = parseCharterText(text);
  if (doc.services.length === 0 && doc.grs_contacts.length === 0) throw new ChartersError('not_a_charter');
  return doc;
}

function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ChartersError('binary_input', 'not valid UTF-8');
  }
  // control characters other than tab and line breaks mean a binary file (PDF, DOCX, image)
  const control = text.match(/[\u0000-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (text.includes('\u0000') || control > Math.max(2, text.length / 1000)) {
    throw new ChartersError('binary_input', 'control characters');
  }
  return text;
}

export function readCharterJson(text: string): CharterDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ChartersError('invalid_json', error instanceof Error ? error.message : String(error));
  }
  const parsed = charterDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ChartersError('invalid_charter_json', first ? `${first.path.join('.') || '(document)'}: ${first.message}` : undefined);
  }
  return parsed.data;
}
