// Plain-language explanations, in English and Bangla, of how a deadline was reached.
import type { RemainingTime } from './deadline-clocks.ts';
import type { DeadlineRule } from './deadline-rule.ts';
import { addDays, addMonths, datePartsOf } from './local-date.ts';
import type { Closure, WorkingCalendar } from './working-calendar.ts';

export type DayZeroReason = 'same_day' | 'after_closing' | 'non_working_day';

interface Explanation {
  explanation_en: string;
  explanation_bn: string;
}

interface Facts {
  calendar: WorkingCalendar;
  receivedAt: Date;
  dayZero: string;
  dayZeroReason: DayZeroReason;
  rule: DeadlineRule;
  dueAtWithoutPauses: Date;
}

const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS_BN = ['সোমবার', 'মঙ্গলবার', 'বুধবার', 'বৃহস্পতিবার', 'শুক্রবার', 'শনিবার', 'রবিবার'];
const MONTHS_BN = ['জানুয়ারি', 'ফেব্রুয়ারি', 'মার্চ', 'এপ্রিল', 'মে', 'জুন', 'জুলাই', 'আগস্ট', 'সেপ্টেম্বর', 'অক্টোবর', 'নভেম্বর', 'ডিসেম্বর'];
const BANGLA_DIGITS = '০১২৩৪৫৬৭৮৯';

function bn(value: number | string): string {
  return String(value).replace(/\d/g, (digit) => BANGLA_DIGITS[Number(digit)] ?? digit);
}

function dayEn(date: string): string {
  const { weekday, day, month, year } = datePartsOf(date);
  return `${WEEKDAYS_EN[weekday - 1]} ${day} ${MONTHS_EN[month - 1]} ${year}`;
}

function dayBn(date: string): string {
  const { weekday, day, month, year } = datePartsOf(date);
  return `${WEEKDAYS_BN[weekday - 1]}, ${bn(day)} ${MONTHS_BN[month - 1]} ${bn(year)}`;
}

function momentEn(calendar: WorkingCalendar, instant: Date): string {
  const at = calendar.localDateTime(instant);
  return `${dayEn(at.date)}, ${at.time}`;
}

function momentBn(calendar: WorkingCalendar, instant: Date): string {
  const at = calendar.localDateTime(instant);
  return `${dayBn(at.date)}, ${bn(at.time)}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function countEn(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function startSentences({ calendar, receivedAt, dayZero, dayZeroReason }: Facts): [string, string] {
  const received = [momentEn(calendar, receivedAt), momentBn(calendar, receivedAt)];
  const start = [dayEn(dayZero), dayBn(dayZero)];
  switch (dayZeroReason) {
    case 'same_day':
      return [`Received ${received[0]}; the count starts that day (day 0).`, `গ্রহণ ${received[1]}; গণনা শুরু সেদিন থেকেই (দিন ০)।`];
    case 'after_closing':
      return [
        `Received ${received[0]}, after closing time, so the count starts on ${start[0]} (day 0).`,
        `গ্রহণ ${received[1]}, অফিস সময়ের পরে; তাই গণনা শুরু ${start[1]} থেকে (দিন ০)।`,
      ];
    case 'non_working_day':
      return [
        `Received ${received[0]}, when the office was closed, so the count starts on ${start[0]} (day 0).`,
        `গ্রহণ ${received[1]}, অফিস বন্ধের দিনে; তাই গণনা শুরু ${start[1]} থেকে (দিন ০)।`,
      ];
  }
}

function nominalDate(facts: Facts): string | null {
  const { rule, dayZero } = facts;
  if (rule.unit === 'calendar_day') return addDays(dayZero, rule.due);
  if (rule.unit === 'month') return addMonths(dayZero, rule.due);
  return null;
}

function ruleSentences(facts: Facts, dueAt: Date): [string, string] {
  const { calendar, rule } = facts;
  const due = [momentEn(calendar, dueAt), momentBn(calendar, dueAt)];
  const nominal = nominalDate(facts);
  const moved = nominal !== null && dueAt.getTime() === facts.dueAtWithoutPauses.getTime() && calendar.localDate(dueAt) !== nominal;
  const movedEn = moved && nominal ? `; the office is closed on ${dayEn(nominal)}, so it moves to the next working day` : '';
  const movedBn = moved ? '; সেদিন অফিস বন্ধ, তাই পরের কার্যদিবসে' : '';
  if (rule.due === 0 && rule.unit === 'working_day') {
    return [`Immediate: due at closing time of day 0, ${due[0]}.`, `তাৎক্ষণিক: দিন ০-এর অফিস সময় শেষে, ${due[1]}।`];
  }
  switch (rule.unit) {
    case 'working_day':
      return [
        `Due at closing time of the ${ordinal(rule.due)} working day after day 0: ${due[0]}.`,
        `দিন ০-এর পর ${bn(rule.due)} কার্যদিবস, অফিস সময় শেষে: ${due[1]}।`,
      ];
    case 'hour':
      return [`Due ${countEn(rule.due, 'hour')} after receipt, by the clock: ${due[0]}.`, `গ্রহণের ${bn(rule.due)} ঘণ্টা পরে (ঘড়ির সময়ে): ${due[1]}।`];
    case 'calendar_day':
      return [
        `Due ${countEn(rule.due, 'calendar day')} after closing time of day 0${movedEn}: ${due[0]}.`,
        `দিন ০-এর অফিস সময় শেষের ${bn(rule.due)} দিন পরে${movedBn}: ${due[1]}।`,
      ];
    case 'month':
      return [
        `Due ${countEn(rule.due, 'month')} after closing time of day 0${movedEn}: ${due[0]}.`,
        `দিন ০-এর অফিস সময় শেষের ${bn(rule.due)} মাস পরে${movedBn}: ${due[1]}।`,
      ];
  }
}

function closureNames(closures: readonly Closure[]): [string, string] {
  const en = closures.map((closure) => `${dayEn(closure.date)}${closure.name_en ? ` (${closure.name_en})` : ''}`);
  const bnNames = closures.map((closure) => `${dayBn(closure.date)}${closure.name_bn ? ` (${closure.name_bn})` : ''}`);
  return [en.join(', '), bnNames.join(', ')];
}

function join(parts: (readonly [string, string] | null)[]): Explanation {
  const present = parts.filter((part): part is readonly [string, string] => part !== null);
  return { explanation_en: present.map((part) => part[0]).join(' '), explanation_bn: present.map((part) => part[1]).join(' ') };
}

export function explainDue(
  facts: Facts & { expectedAt: Date; dueAt: Date; closures: readonly Closure[]; uncoveredYears: readonly number[] },
): Explanation {
  const { calendar, expectedAt, dueAt, closures, uncoveredYears, dueAtWithoutPauses } = facts;
  const names = closures.length > 0 ? closureNames(closures) : null;
  return join([
    startSentences(facts),
    ruleSentences(facts, dueAt),
    expectedAt.getTime() < dueAt.getTime()
      ? [`Expected by ${momentEn(calendar, expectedAt)}.`, `প্রত্যাশিত সময়: ${momentBn(calendar, expectedAt)}।`]
      : null,
    names ? [`The office is closed on the way: ${names[0]}.`, `মাঝে অফিস বন্ধ: ${names[1]}।`] : null,
    dueAt.getTime() !== dueAtWithoutPauses.getTime()
      ? [
          `The clock stopped while waiting for the citizen; without the pauses it would have been due ${momentEn(calendar, dueAtWithoutPauses)}.`,
          `নাগরিকের অপেক্ষায় থাকার সময় গণনা বন্ধ ছিল; বিরতি ছাড়া শেষ সময় হতো ${momentBn(calendar, dueAtWithoutPauses)}।`,
        ]
      : null,
    uncoveredYears.length > 0
      ? [
          `No national holiday list is loaded for ${uncoveredYears.join(', ')}: only weekly holidays were counted there.`,
          `${bn(uncoveredYears.join(', '))} সালের জাতীয় ছুটির তালিকা নেই: শুধু সাপ্তাহিক ছুটি গণনা করা হয়েছে।`,
        ]
      : null,
  ]);
}

function remainingText(remaining: RemainingTime): [string, string] {
  const amount = Math.round(remaining.amount);
  const hours = Math.floor(amount / 60);
  const minutes = amount % 60;
  switch (remaining.unit) {
    case 'working_minutes':
      return [`${hours} h ${minutes} min of office time`, `অফিস সময়ের ${bn(hours)} ঘণ্টা ${bn(minutes)} মিনিট`];
    case 'minutes':
      return [`${hours} h ${minutes} min`, `${bn(hours)} ঘণ্টা ${bn(minutes)} মিনিট`];
    case 'calendar_days':
      return [countEn(amount, 'calendar day'), `${bn(amount)} দিন`];
  }
}

export function explainPaused(facts: Facts & { pausedAt: Date; remaining: RemainingTime }): Explanation {
  const { calendar, pausedAt } = facts;
  const left = remainingText(facts.remaining);
  return join([
    startSentences(facts),
    [
      `Waiting for the citizen since ${momentEn(calendar, pausedAt)}: the clock is stopped with ${left[0]} left, counted again from the moment the citizen responds.`,
      `${momentBn(calendar, pausedAt)} থেকে নাগরিকের অপেক্ষায়: গণনা বন্ধ, বাকি ${left[1]}; নাগরিকের সাড়া পাওয়ার সময় থেকে আবার গণনা হবে।`,
    ],
  ]);
}

export function explainNoFixedLimit(text: string | null, reason: 'on_demand' | 'no_duration'): Explanation {
  const quoted = text ? ` (${JSON.stringify(text)})` : '';
  const why = reason === 'on_demand' ? ['is given as needed', 'প্রয়োজন অনুযায়ী'] : ['has no fixed duration', 'নির্দিষ্ট সময়সীমা নেই'];
  return {
    explanation_en: `The time limit${quoted} ${why[0]}: no due date is computed, and the item is reported separately, neither on time nor late.`,
    explanation_bn: `সময়সীমা${quoted} ${why[1]}: শেষ সময় গণনা করা হয় না; এটি সময়মতো বা বিলম্বিত হিসেবে নয়, আলাদাভাবে দেখানো হয়।`,
  };
}
