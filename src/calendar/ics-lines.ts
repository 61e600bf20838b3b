// RFC 5545 content lines: TEXT escaping, folding at 75 octets without splitting a character, and reading lines back.

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_whole, escaped: string) => (escaped === 'n' || escaped === 'N' ? '\n' : escaped));
}

/** Splits a line into pieces of at most 75 octets (74 after the leading space of a continuation), on character boundaries. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = pieces.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

export interface ContentLine {
  /** Upper-cased property name. */
  name: string;
  /** Upper-cased parameter names; values without surrounding quotes. */
  params: Record<string, string>;
  value: string;
  /** 1-based line number of the (first physical) line, for error messages. */
  line: number;
}

/** Joins folded lines (CRLF or bare LF followed by a space or tab) and drops empty ones; one at a time, as each is complete. */
export function* unfoldLines(text: string): Generator<{ text: string; line: number }> {
  const physical = text.split(/\r\n|\n|\r/);
  let pending: { text: string; line: number } | undefined;
  for (const [index, line] of physical.entries()) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && pending !== undefined) {
      pending.text += line.slice(1);
    } else if (line.trim() !== '') {
      if (pending !== undefined) yield pending;
      pending = { text: line, line: index + 1 };
    }
  }
  if (pending !== undefined) yield pending;
}

/** Reads `NAME;PARAM=value;PARAM="quoted:value":VALUE`; null when the line has no name or no colon. */
export function parseContentLine(text: string, line: number): ContentLine | null {
  const name = /^[A-Za-z0-9-]+/.exec(text)?.[0];
  if (name === undefined) return null;
  const params: Record<string, string> = {};
  let position = name.length;
  while (text[position] === ';') {
    const param = /^;([A-Za-z0-9-]+)=("[^"]*"|[^";:]*(?:,(?:"[^"]*"|[^";:,]*))*)/.exec(text.slice(position));
    if (param === null) return null;
    const [whole, paramName = '', rawValue = ''] = param;
    params[paramName.toUpperCase()] = rawValue.replace(/"/g, '');
    position += whole.length;
  }
  if (text[position] !== ':') return null;
  return { name: name.toUpperCase(), params, value: text.slice(position + 1), line };
}
