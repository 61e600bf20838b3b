// Tracking numbers a person can read over the phone: office code, year, sequence and a Damm
// check digit (JSR-2026-000123-6). The check digit covers the office code too, and Damm's
// method catches every single wrong digit and every swap of two neighbouring digits.
import { toAsciiDigits } from '../core/format.ts';

export interface TrackingNumber {
  officeCode: string;
  year: number;
  sequence: number;
}

// Damm's quasigroup of order 10 (weakly totally anti-symmetric, zero diagonal)
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

/** The Damm check digit of a string of decimal digits. */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (const char of digits) interim = DAMM[interim]?.[Number(char)] ?? Number.NaN;
  return interim;
}

const SEQUENCE_WIDTH = 6;
/** As printed, zeros in front included: a wrong leading zero is a wrong digit like any other. */
const padded = (sequence: number) => String(sequence).padStart(SEQUENCE_WIDTH, '0');

/** Letters count as their two-digit place in the alphabet (A = 10 … Z = 35), so a wrong office code fails the check too. */
function checkedDigits(number: TrackingNumber): string {
  const letters = [...number.officeCode].map((letter) => String(letter.charCodeAt(0) - 55)).join('');
  return `${letters}${number.year}${padded(number.sequence)}`;
}

export function formatTrackingNumber(number: TrackingNumber): string {
  return `${number.officeCode}-${number.year}-${padded(number.sequence)}-${dammDigit(checkedDigits(number))}`;
}

export type TrackingParse = { ok: true; number: TrackingNumber; text: string } | { ok: false; reason: 'shape' | 'check_digit' };

/**
 * Reads a tracking number as people type it: Bangla or ASCII digits, any case, dashes, spaces,
 * dots or slashes between the parts, or none at all. The check digit must match.
 */
export function parseTrackingNumber(input: string): TrackingParse {
  const text = toAsciiDigits(input.normalize('NFKC')).toUpperCase().replace(/[\s\-–—./_]+/g, '');
  const match = /^([A-Z]{2,6})(\d{4})(\d{1,9})(\d)$/.exec(text);
  if (!match) return { ok: false, reason: 'shape' };
  const [, officeCode = '', year, sequence, check] = match;
  const number = { officeCode, year: Number(year), sequence: Number(sequence) };
  if (number.sequence === 0 || dammDigit(checkedDigits(number)) !== Number(check)) return { ok: false, reason: 'check_digit' };
  return { ok: true, number, text: formatTrackingNumber(number) };
}
