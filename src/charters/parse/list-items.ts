// Numbered and bulleted list items as charters print them: "১.", "১)", "(১)", "ক)", "ক.", "i.",
// "(a)", "1.", "০১.", "•", "-", "*", "✓", "➤". The marker is numbering, not text.

const DIGITS = '[০-৯0-9]{1,2}';
// ক খ গ … ঞ: the Bangla letters used to number sub-items
const BANGLA_LETTER = '[কখগঘঙচছজঝঞ]';
const ROMAN = '(?:i{1,3}|iv|v|vi{1,3}|ix|x)';
const LATIN_LETTER = '[a-z]';
const ITEM_LABEL = `(?:${DIGITS}|${BANGLA_LETTER}|${ROMAN}|${LATIN_LETTER})`;

// "(১)", "(ক)", "(a)" — in brackets, followed by a space or by text
const BRACKETED = new RegExp(`^[(\\[]\\s*${ITEM_LABEL}\\s*[)\\]]\\s*`, 'iu');
// "১.", "১)", "১।", "ক)", "ক.", "i.", "1-" — a label and its stop, followed by a space
const STOPPED = new RegExp(`^${ITEM_LABEL}\\s*[.)।:-]\\s+`, 'iu');
// "১.আবেদনপত্র", "০১।অনলাইন": digits with a stop glued to the text
const GLUED_DIGITS = new RegExp(`^${DIGITS}\\s*[.)।]\\s*(?=\\S)`, 'u');
const BULLET = /^[•●○◦▪■□◆◇►▶➤➢➔→✓✔✗✘☑*·‣⁃–—-]+\s*/u;

/** The item's text without its number or bullet; text that is no list item is returned trimmed. */
export function stripListMarker(text: string): string {
  const trimmed = text.trim();
  for (const marker of [BRACKETED, STOPPED, GLUED_DIGITS, BULLET]) {
    const match = marker.exec(trimmed);
    // a marker with nothing after it ("১.") is not an item's number
    if (match && trimmed.length > match[0].length) return trimmed.slice(match[0].length).trim();
  }
  return trimmed;
}

/** Whether the text starts with a list item's number or bullet. */
export function hasListMarker(text: string): boolean {
  return stripListMarker(text) !== text.trim();
}
