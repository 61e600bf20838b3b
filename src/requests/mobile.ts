// Bangladeshi mobile numbers as people write them (Bangla digits, +880, spaces, dashes), kept
// in one form: 01XXXXXXXXX, eleven digits.

import { toAsciiDigits } from '../core/format.ts';

/** The number as 01XXXXXXXXX, or null when it is not a Bangladeshi mobile number. */
export function normaliseMobile(input: string): string | null {
  const digits = toAsciiDigits(input.normalize('NFKC')).replace(/[\s\-().]/g, '');
  const match = /^(?:\+?880|00880)?(01[3-9]\d{8})$/.exec(digits);
  return match?.[1] ?? null;
}

/** What staff and the citizen see of the number on a shared screen: 01712345678 → 017••••5678. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}••••${mobile.slice(-4)}`;
}
