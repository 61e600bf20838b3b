// Turns the bytes of a charter file into a canonical document: canonical JSON is validated,
// anything else is read as charter text. Refuses empty, binary and unrecognisable input.
import { parseCharterText } from './parse/charter-text.ts';
import { charterDocumentSchema } from './charter-schema.ts';
import { ChartersError } from './errors.ts';
import { assertCharterWithinLimits, CHARTER_LIMITS } from './import-charter.ts';
import type { CharterDocument } from './model.ts';
import { assertUniqueServiceCodes } from './service-identity.ts';

export function readCharter(bytes: Uint8Array): CharterDocument {
  if (bytes.length > CHARTER_LIMITS.bytes) {
    throw new ChartersError('input_too_large', `${bytes.length} bytes, at most ${CHARTER_LIMITS.bytes}`);
  }
  const text = decodeText(bytes);
  if (text.trim() === '') throw new ChartersError('empty_input');
  if (/^\s*\{/.test(text)) return readCharterJson(text);
  const doc = parseCharterText(text);
  if (doc.services.length === 0 && doc.grs_contacts.length === 0) throw new ChartersError('not_a_charter');
  assertCharterWithinLimits(doc);
  return doc;
}

function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ChartersError('binary_input', 'not valid UTF-8');
  }
  if (text.includes('\u0000') || countControlCharacters(text) > Math.max(2, text.length / 1000)) {
    throw new ChartersError('binary_input', 'control characters');
  }
  return text;
}

/** Control characters other than tab and line breaks: the mark of a binary file (PDF, DOCX, image). */
function countControlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b) || code === 0x7f) count++;
  }
  return count;
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
  assertCharterWithinLimits(parsed.data);
  assertUniqueServiceCodes(parsed.data.services);
  return parsed.data;
}
