// A promised time limit read out in plain words ("সর্বোচ্চ ৩ কার্যদিবস", "at most 3 working days"),
// shown next to the charter's own wording where that wording is hard to read or in the other language.
import { formatNumber } from '../../core/format.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import type { TimeLimit, TimeUnit } from '../model.ts';

/** "3 working days", "৩ কার্যদিবস": a count of one unit. */
export function formatDuration(lang: Lang, count: number, unit: TimeUnit): string {
  const key: MessageKey = `time.unit.${unit}.${count === 1 ? 'one' : 'other'}`;
  return t(lang, key, { count: formatNumber(lang, count) });
}

function coreReading(lang: Lang, limit: TimeLimit): string | null {
  const { min, max, unit } = limit;
  if (max === null || unit === null || max === 0) {
    if (limit.immediate) return t(lang, 'time.immediately');
    if (limit.on_demand) return t(lang, 'time.as_requested');
    return null;
  }
  const most = formatDuration(lang, max, unit);
  if (limit.immediate) return t(lang, 'time.immediately_at_most', { duration: most });
  if (min !== null && min > 0 && min < max) {
    return t(lang, 'time.usually_at_most', { min: formatNumber(lang, min), duration: most });
  }
  return t(lang, 'time.at_most', { duration: most });
}

/** The limit in plain words, or null when the charter gives no duration to read. */
export function plainTimeLimit(lang: Lang, limit: TimeLimit): string | null {
  let reading = coreReading(lang, limit);
  if (reading === null) return null;
  if (limit.on_demand && reading !== t(lang, 'time.as_requested')) reading = t(lang, 'time.or_as_requested', { reading });
  if (limit.conditional) reading = t(lang, 'time.where_applicable', { reading });
  return reading;
}

/** The plain reading only when it tells the reader something the charter's own text does not. */
export function helpfulTimeLimitReading(lang: Lang, limit: TimeLimit): string | null {
  const reading = plainTimeLimit(lang, limit);
  if (reading === null) return null;
  const squash = (text: string) => text.replace(/[\s/,.।()]+/g, '');
  return limit.text !== null && squash(limit.text) === squash(reading) ? null : reading;
}
