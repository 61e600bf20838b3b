// Holidays as an iCalendar (RFC 5545) feed, and holiday entries read back from any calendar's VEVENTs.
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { DateTime, IANAZone } from 'luxon';
import { CalendarError } from './errors.ts';
import { HOLIDAY_KINDS, type Holiday, type HolidayKind, type SpecialWorkingDay } from './holiday-file.ts';
import { escapeText, foldLine, parseContentLine, unescapeText, unfoldLines, type ContentLine } from './ics-lines.ts';
import { addDays, daysBetween, isIsoDate } from './local-date.ts';
import { DHAKA_ZONE } from './working-calendar.ts';

const UID_DOMAIN = 'holidays.protishruti';
const SPECIAL_WORKING_DAY = 'special_working_day';
const MAX_EVENT_DAYS = 366;
/**
 * Days (holidays and special working days together) one file may hold. A century of national
 * holidays is ~4,000; a 1 MB upload of bare one-day events ~15,000. Without a cap, events of
 * 366 days each would turn that upload into millions of rows written under the calendar lock.
 */
export const MAX_ICS_DAYS = 20_000;
/** How long the parse may run before it lets the event loop turn (see parseIcsHolidaysInSlices). */
const SLICE_MS = 10;
const BENGALI_SCRIPT = /[\u0980-\u09FF]/;

export interface IcsOptions {
  /** DTSTAMP of every event; defaults to 1 January of the year so the same data always gives the same file. */
  stamp?: Date;
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function compactStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function slug(name: string): string {
  const words = name.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.join('-').slice(0, 48).replace(/-$/, '') || 'day';
}

function uniqueUid(base: string, used: Set<string>): string {
  let uid = base;
  for (let copy = 2; used.has(uid); copy++) uid = `${base}-${copy}`;
  used.add(uid);
  return `${uid}@${UID_DOMAIN}`;
}

function flag(value: boolean): string {
  return value ? 'TRUE' : 'FALSE';
}

function eventLines(fields: { uid: string; stamp: string; date: string; summary: string; category: string; status: string; transparent: boolean; description: string; extra: [string, string][] }): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${fields.uid}`,
    `DTSTAMP:${fields.stamp}`,
    `DTSTART;VALUE=DATE:${compactDate(fields.date)}`,
    `DTEND;VALUE=DATE:${compactDate(addDays(fields.date, 1))}`,
    `SUMMARY:${escapeText(fields.summary)}`,
    `CATEGORIES:${escapeText(fields.category)}`,
    `STATUS:${fields.status}`,
    `TRANSP:${fields.transparent ? 'TRANSPARENT' : 'OPAQUE'}`,
    `DESCRIPTION:${escapeText(fields.description)}`,
    ...fields.extra.map(([name, value]) => `X-PROTISHRUTI-${name}:${value}`),
    'END:VEVENT',
  ];
}

/** A VCALENDAR of all-day events: one per holiday (in the given order), then one per special working day. */
export function holidaysToIcs(year: number, holidays: readonly Holiday[], specialWorkingDays: readonly SpecialWorkingDay[], options: IcsOptions = {}): string {
  const stamp = compactStamp(options.stamp ?? new Date(Date.UTC(year, 0, 1)));
  const used = new Set<string>();
  const holidayEvents = holidays.flatMap((holiday) => {
    const notes = [`Source: ${holiday.source}`];
    if (holiday.moon_dependent) notes.push('The date depends on the sighting of the moon.');
    if (!holiday.confirmed) notes.push('The date is not confirmed.');
    return eventLines({
      uid: uniqueUid(`${holiday.date}-${holiday.kind}-${slug(holiday.name_en)}`, used),
      stamp,
      date: holiday.date,
      summary: `${holiday.name_bn} / ${holiday.name_en}`,
      category: holiday.kind,
      status: holiday.confirmed ? 'CONFIRMED' : 'TENTATIVE',
      // Optional holidays do not close offices, so they should not show the day as taken.
      transparent: holiday.kind === 'optional',
      description: notes.join('\n'),
      extra: [
        ['NAME-BN', escapeText(holiday.name_bn)],
        ['NAME-EN', escapeText(holiday.name_en)],
        ['SOURCE', escapeText(holiday.source)],
        ['CONFIRMED', flag(holiday.confirmed)],
        ['MOON-DEPENDENT', flag(holiday.moon_dependent)],
      ],
    });
  });
  const workingDayEvents = specialWorkingDays.flatMap((day) =>
    eventLines({
      uid: uniqueUid(`${day.date}-special-working-day-${slug(day.name_en)}`, used),
      stamp,
      date: day.date,
      summary: `${day.name_bn} / ${day.name_en}`,
      category: SPECIAL_WORKING_DAY,
      status: 'CONFIRMED',
      transparent: true,
      description: `Offices are open on this day. Source: ${day.source}`,
      extra: [
        ['NAME-BN', escapeText(day.name_bn)],
        ['NAME-EN', escapeText(day.name_en)],
        ['SOURCE', escapeText(day.source)],
      ],
    }),
  );
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Protishruti//Bangladesh holidays//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`সরকারি ছুটি ${year} / Public holidays ${year}`)}`,
    `X-WR-TIMEZONE:${DHAKA_ZONE}`,
    ...holidayEvents,
    ...workingDayEvents,
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

function fail(message: string): never {
  throw new CalendarError('invalid_ics', message);
}

type EventProperties = Map<string, ContentLine>;

/** How an error message names an event; a function, so that the text is built only for a message. */
type EventName = () => string;

function describeEvent(start: number, properties: EventProperties): string {
  const summary = properties.get('SUMMARY');
  return `the event on line ${start}${summary ? ` (${JSON.stringify(unescapeText(summary.value))})` : ''}`;
}

/** The office-local date of a DTSTART/DTEND value: DATE as written, DATE-TIME in UTC or TZID converted to Dhaka. */
function dateOf(property: ContentLine, event: EventName): string {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(property.value.trim());
  if (match === null) fail(`${event()} has ${property.name} ${JSON.stringify(property.value)}, which is neither a DATE nor a DATE-TIME`);
  const [, year, month, day, hour, minute, second, utc] = match;
  const date = `${year}-${month}-${day}`;
  if (!isIsoDate(date)) fail(`${event()} has ${property.name} ${JSON.stringify(property.value)}, which is not a real date`);
  if (hour === undefined) return date;
  const zone = utc ? 'utc' : property.params.TZID;
  if (zone === undefined || !IANAZone.isValidZone(zone)) return date; // floating time, or a zone we cannot place: keep the written date
  const instant = DateTime.fromISO(`${date}T${hour}:${minute}:${second}`, { zone });
  return instant.isValid ? (instant.setZone(DHAKA_ZONE).toISODate() ?? date) : date;
}

function eventDates(properties: EventProperties, event: EventName): string[] {
  const start = properties.get('DTSTART');
  if (start === undefined) fail(`${event()} has no DTSTART`);
  const first = dateOf(start, event);
  const end = properties.get('DTEND');
  const isDateOnly = start.params.VALUE?.toUpperCase() === 'DATE' || /^\d{8}$/.test(start.value.trim());
  if (end === undefined || !isDateOnly) return [first];
  const days = daysBetween(first, dateOf(end, event));
  if (days > MAX_EVENT_DAYS) fail(`${event()} lasts ${days} days; a holiday event may last at most ${MAX_EVENT_DAYS}`);
  return Array.from({ length: Math.max(1, days) }, (_unused, offset) => addDays(first, offset));
}

function textOf(properties: EventProperties, name: string): string | undefined {
  const property = properties.get(name);
  return property === undefined ? undefined : unescapeText(property.value).trim() || undefined;
}

function namesOf(properties: EventProperties): { name_bn: string; name_en: string } {
  const summary = textOf(properties, 'SUMMARY') ?? 'Holiday';
  const [first = summary, ...rest] = summary.split(' / ');
  const second = rest.join(' / ');
  const [bnPart, enPart] = second && !BENGALI_SCRIPT.test(first) && BENGALI_SCRIPT.test(second) ? [second, first] : [first, second || first];
  return { name_bn: textOf(properties, 'X-PROTISHRUTI-NAME-BN') ?? bnPart, name_en: textOf(properties, 'X-PROTISHRUTI-NAME-EN') ?? enPart };
}

function categoryOf(properties: EventProperties): HolidayKind | typeof SPECIAL_WORKING_DAY {
  const values = (properties.get('CATEGORIES')?.value ?? '').split(/(?<!\\),/).map((value) => unescapeText(value).trim().toLowerCase());
  const known = values.find((value): value is HolidayKind | typeof SPECIAL_WORKING_DAY =>
    value === SPECIAL_WORKING_DAY || (HOLIDAY_KINDS as readonly string[]).includes(value),
  );
  return known ?? 'general';
}

function booleanOf(properties: EventProperties, name: string): boolean | undefined {
  const value = properties.get(name)?.value.trim().toUpperCase();
  return value === 'TRUE' ? true : value === 'FALSE' ? false : undefined;
}

function sourceOf(properties: EventProperties): string {
  const own = textOf(properties, 'X-PROTISHRUTI-SOURCE');
  if (own !== undefined) return own;
  const description = textOf(properties, 'DESCRIPTION') ?? '';
  return /(?:^|\n)Source: ([^\n]+)/.exec(description)?.[1]?.trim() ?? 'Imported from an iCalendar file';
}

function* readEvents(text: string): Generator<{ start: number; properties: EventProperties }> {
  let inCalendar = false;
  let current: { start: number; properties: EventProperties } | null = null;
  let nested = 0;
  for (const { text: raw, line } of unfoldLines(text)) {
    const property = parseContentLine(raw, line);
    if (property === null) continue;
    const value = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCALENDAR') inCalendar = true;
    else if (!inCalendar) continue;
    else if (property.name === 'BEGIN' && value === 'VEVENT' && current === null) current = { start: line, properties: new Map() };
    else if (property.name === 'BEGIN' && current !== null) nested++;
    else if (property.name === 'END' && current !== null && nested > 0) nested--;
    else if (property.name === 'END' && value === 'VEVENT' && current !== null) {
      yield current;
      current = null;
    } else if (current !== null && nested === 0 && !current.properties.has(property.name)) current.properties.set(property.name, property);
  }
  if (!inCalendar) fail('no BEGIN:VCALENDAR: this is not an iCalendar file');
  if (current !== null) fail(`the event on line ${current.start} has no END:VEVENT`);
}

export interface IcsHolidays {
  holidays: Holiday[];
  specialWorkingDays: SpecialWorkingDay[];
}

/** The parse, pausing (yielding) after each event so that a caller may let other work run in between. */
function* parseSteps(text: string): Generator<void, IcsHolidays> {
  if (typeof text !== 'string') fail('expected the text of an iCalendar file');
  const holidays: Holiday[] = [];
  const specialWorkingDays: SpecialWorkingDay[] = [];
  for (const { start, properties } of readEvents(text)) {
    const dates = eventDates(properties, () => describeEvent(start, properties));
    const names = namesOf(properties);
    const source = sourceOf(properties);
    const category = categoryOf(properties);
    for (const date of dates) {
      if (category === SPECIAL_WORKING_DAY) {
        specialWorkingDays.push({ date, ...names, source });
        continue;
      }
      const status = properties.get('STATUS')?.value.trim().toUpperCase();
      const confirmed = booleanOf(properties, 'X-PROTISHRUTI-CONFIRMED') ?? status === 'CONFIRMED';
      const moon_dependent = booleanOf(properties, 'X-PROTISHRUTI-MOON-DEPENDENT') ?? false;
      holidays.push({ date, ...names, kind: category, moon_dependent, confirmed, source });
    }
    if (holidays.length + specialWorkingDays.length > MAX_ICS_DAYS) {
      fail(`the file holds more than ${MAX_ICS_DAYS} days (holidays and working days, each day of a longer event counted); split it into smaller files`);
    }
    yield;
  }
  return { holidays, specialWorkingDays };
}

/** Holiday entries and special working days from the VEVENTs of an iCalendar text; unknown properties are ignored. */
export function parseIcsHolidays(text: string): IcsHolidays {
  const steps = parseSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseIcsHolidays for a server: a 1 MB file takes the better part of a second to read, so it
 * lets the event loop turn every SLICE_MS and the requests that arrive meanwhile are served.
 */
export async function parseIcsHolidaysInSlices(text: string): Promise<IcsHolidays> {
  const steps = parseSteps(text);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurnOfEventLoop();
      sliceStart = performance.now();
    }
  }
}
