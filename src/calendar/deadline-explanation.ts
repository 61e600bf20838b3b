// Plain-language explanations, in English and Bangla, of how a deadline was reached. The words
// are the i18n catalogue's (deadline.*); dates and numbers come from the one formatter.
import { formatDate, formatMoment, formatNumber, formatOrdinal } from '../core/format.ts';
import { t, type Lang, type MessageKey } from '../core/i18n/index.ts';
import type { RemainingTime } from './deadline-clocks.ts';
import type { DeadlineRule, DeadlineUnit, NoFixedLimitRule } from './deadline-rule.ts';
import { addDays, addMonths } from './local-date.ts';
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

type Params = Record<string, string | number>;

/** One sentence in every language: the catalogue's text with parameters formatted for that language. */
type Sentence = Record<Lang, string>;

function sentence(key: MessageKey, params: (lang: Lang) => Params = () => ({})): Sentence {
  return { bn: t('bn', key, params('bn')), en: t('en', key, params('en')) };
}

function counted(lang: Lang, key: 'deadline.count.hour' | 'deadline.count.calendar_day' | 'deadline.count.month', count: number): string {
  return t(lang, `${key}.${count === 1 ? 'one' : 'other'}`, { count: formatNumber(lang, count) });
}

const COUNT_KEYS: Record<Exclude<DeadlineUnit, 'working_day'>, 'deadline.count.hour' | 'deadline.count.calendar_day' | 'deadline.count.month'> = {
  hour: 'deadline.count.hour',
  calendar_day: 'deadline.count.calendar_day',
  month: 'deadline.count.month',
};

function startSentence({ receivedAt, dayZero, dayZeroReason }: Facts): Sentence {
  return sentence(`deadline.received.${dayZeroReason}`, (lang) => ({
    received: formatMoment(lang, receivedAt),
    start: formatDate(lang, dayZero, 'weekday_year'),
  }));
}

function nominalDate(facts: Facts): string | null {
  const { rule, dayZero } = facts;
  if (rule.unit === 'calendar_day') return addDays(dayZero, rule.due);
  if (rule.unit === 'month') return addMonths(dayZero, rule.due);
  return null;
}

function ruleSentence(facts: Facts, dueAt: Date): Sentence {
  const { calendar, rule } = facts;
  if (rule.due === 0 && rule.unit === 'working_day') return sentence('deadline.due.immediate', (lang) => ({ due: formatMoment(lang, dueAt) }));
  const nominal = nominalDate(facts);
  const moved = nominal !== null && dueAt.getTime() === facts.dueAtWithoutPauses.getTime() && calendar.localDate(dueAt) !== nominal;
  return sentence(`deadline.due.${rule.unit}`, (lang) => ({
    due: formatMoment(lang, dueAt),
    count: formatNumber(lang, rule.due),
    ordinal: formatOrdinal(lang, rule.due),
    duration: rule.unit === 'working_day' ? '' : counted(lang, COUNT_KEYS[rule.unit], rule.due),
    moved: moved && nominal ? t(lang, 'deadline.moved', { date: formatDate(lang, nominal, 'weekday_year') }) : '',
  }));
}

function closureList(lang: Lang, closures: readonly Closure[]): string {
  return closures
    .map((closure) => {
      const name = lang === 'bn' ? closure.name_bn : closure.name_en;
      return `${formatDate(lang, closure.date, 'weekday_year')}${name ? ` (${name})` : ''}`;
    })
    .join(', ');
}

function join(sentences: (Sentence | null)[]): Explanation {
  const present = sentences.filter((s): s is Sentence => s !== null);
  const text = (lang: Lang) => present.map((s) => s[lang]).join(' ');
  return { explanation_en: text('en'), explanation_bn: text('bn') };
}

export function explainDue(
  facts: Facts & { expectedAt: Date; dueAt: Date; closures: readonly Closure[]; uncoveredYears: readonly number[] },
): Explanation {
  const { expectedAt, dueAt, closures, uncoveredYears, dueAtWithoutPauses } = facts;
  return join([
    startSentence(facts),
    ruleSentence(facts, dueAt),
    expectedAt.getTime() < dueAt.getTime() ? sentence('deadline.expected', (lang) => ({ expected: formatMoment(lang, expectedAt) })) : null,
    closures.length > 0 ? sentence('deadline.closures', (lang) => ({ closures: closureList(lang, closures) })) : null,
    dueAt.getTime() !== dueAtWithoutPauses.getTime()
      ? sentence('deadline.pauses_moved', (lang) => ({ due: formatMoment(lang, dueAtWithoutPauses) }))
      : null,
    uncoveredYears.length > 0
      ? sentence('deadline.uncovered_years', (lang) => ({ years: formatNumber(lang, uncoveredYears.join(', ')) }))
      : null,
  ]);
}

function remainingText(lang: Lang, remaining: RemainingTime): string {
  const amount = Math.round(remaining.amount);
  if (remaining.unit === 'calendar_days') return counted(lang, 'deadline.count.calendar_day', amount);
  const params = { hours: formatNumber(lang, Math.floor(amount / 60)), minutes: formatNumber(lang, amount % 60) };
  return t(lang, remaining.unit === 'working_minutes' ? 'deadline.left.working_minutes' : 'deadline.left.minutes', params);
}

export function explainPaused(facts: Facts & { pausedAt: Date; remaining: RemainingTime }): Explanation {
  return join([
    startSentence(facts),
    sentence('deadline.paused', (lang) => ({ paused: formatMoment(lang, facts.pausedAt), left: remainingText(lang, facts.remaining) })),
  ]);
}

export function explainNoFixedLimit(rule: NoFixedLimitRule): Explanation {
  const quoted = rule.label ? ` (${JSON.stringify(rule.label)})` : '';
  const text = sentence(`deadline.no_fixed_limit.${rule.reason}`, () => ({ quoted }));
  return { explanation_en: text.en, explanation_bn: text.bn };
}
