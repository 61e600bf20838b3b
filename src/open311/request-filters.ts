// GET requests.json's filters as the specification defines them, read into our query: dates in
// ISO 8601 with an offset, lists comma separated, the last 90 days and 1000 requests by default.
import { Open311Error } from './errors.ts';

export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;

// a date and a time, seconds and fractions optional, then Z or ±HH:MM (the specification's subset)
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseDateTime(text: string, field: 'start_date' | 'end_date'): Date {
  const at = ISO_DATE_TIME.test(text.trim()) ? new Date(text.trim()) : null;
  if (!at || Number.isNaN(at.getTime())) throw new Open311Error('invalid_datetime', text, field);
  return at;
}

/** A comma-separated list, its blanks dropped. */
export function commaList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** open, closed, or both (which filters nothing). */
export function parseStatusFilter(text: string | undefined): 'open' | 'closed' | undefined {
  const wanted = new Set(commaList(text));
  for (const status of wanted) if (status !== 'open' && status !== 'closed') throw new Open311Error('invalid_status_filter', status, 'status');
  return wanted.size === 1 ? (wanted.has('open') ? 'open' : 'closed') : undefined;
}

/**
 * The window of receipt: up to end_date (now when absent), from start_date (90 days before the
 * end when absent). A start after the end is refused rather than answered with nothing.
 */
export function receiptWindow(start: string | undefined, end: string | undefined, now: Date): { from: Date; to: Date } {
  const to = end === undefined ? now : parseDateTime(end, 'end_date');
  const from = start === undefined ? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000) : parseDateTime(start, 'start_date');
  if (from.getTime() > to.getTime()) throw new Open311Error('dates_reversed', `${start ?? ''} > ${end ?? ''}`, 'start_date');
  return { from, to };
}
