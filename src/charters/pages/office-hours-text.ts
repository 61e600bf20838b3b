// An office's days and hours in words: "রবিবার থেকে বৃহস্পতিবার, ০৯:০০–১৭:০০".
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';

export interface OfficeHoursView {
  /** ISO weekdays, 1 (Monday) to 7 (Sunday) */
  weeklyHolidays: readonly number[];
  /** 'HH:mm' */
  opening: string;
  closing: string;
}

const ISO_WEEK: readonly number[] = [1, 2, 3, 4, 5, 6, 7];
const dayName = (lang: Lang, day: number) => t(lang, `calendar_admin.weekday.${day}` as 'calendar_admin.weekday.1');
const before = (day: number) => (day === 1 ? 7 : day - 1);

/** The open days: one run "Sunday to Thursday" when they follow each other (across the week's end too), else each named. */
function openDays(lang: Lang, weeklyHolidays: readonly number[]): string | null {
  const open = ISO_WEEK.filter((day) => !weeklyHolidays.includes(day));
  if (open.length === 0) return null;
  // the days that open a run: an open day after a closed one (none when open all week: then from Sunday)
  const starts = open.filter((day) => !open.includes(before(day)));
  if (starts.length > 1) return open.map((day) => dayName(lang, day)).join(', ');
  const first = starts[0] ?? 7;
  if (open.length === 1) return dayName(lang, first);
  const last = ((first - 1 + open.length - 1) % 7) + 1;
  return t(lang, 'charter_page.days_range', { first: dayName(lang, first), last: dayName(lang, last) });
}

export function officeHoursText(lang: Lang, hours: OfficeHoursView): string {
  const days = openDays(lang, hours.weeklyHolidays);
  if (days === null) return t(lang, 'charter_page.closed_all_week');
  return t(lang, 'charter_page.hours_value', { days, opening: formatNumber(lang, hours.opening), closing: formatNumber(lang, hours.closing) });
}
