// Pauses (waiting for the citizen) put in order: checked, clipped to the receipt, overlaps merged.
import { CalendarError } from './errors.ts';

export interface Pause {
  from: Date;
  /** null while the item is still waiting for the citizen. */
  to: Date | null;
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function describe(pause: Pause, index: number): string {
  const to = pause.to === null ? 'open' : isValidDate(pause.to) ? pause.to.toISOString() : String(pause.to);
  const from = isValidDate(pause.from) ? pause.from.toISOString() : String(pause.from);
  return `pause ${index + 1} (${from} → ${to})`;
}

/**
 * The pauses that can stop the clock, in time order and not overlapping. Pauses ending before the
 * receipt are dropped, those straddling it start at the receipt. At most one pause may be open,
 * and nothing may start after it.
 */
export function normalisePauses(receivedAt: Date, pauses: readonly Pause[]): Pause[] {
  pauses.forEach((pause, index) => {
    if (!isValidDate(pause.from) || (pause.to !== null && !isValidDate(pause.to))) {
      throw new CalendarError('invalid_pause', `${describe(pause, index)} has an invalid date`);
    }
    if (pause.to !== null && pause.to.getTime() < pause.from.getTime()) {
      throw new CalendarError('invalid_pause', `${describe(pause, index)} ends before it starts`);
    }
  });
  const open = pauses.filter((pause) => pause.to === null);
  if (open.length > 1) throw new CalendarError('invalid_pause', `${open.length} pauses are open; at most one may be`);

  const ordered = pauses
    .filter((pause) => pause.to === null || pause.to.getTime() > receivedAt.getTime())
    .map((pause) => ({ from: new Date(Math.max(pause.from.getTime(), receivedAt.getTime())), to: pause.to }))
    .sort((a, b) => a.from.getTime() - b.from.getTime());

  const merged: Pause[] = [];
  for (const pause of ordered) {
    const previous = merged.at(-1);
    if (previous?.to === null) {
      throw new CalendarError('invalid_pause', `a pause starts at ${pause.from.toISOString()}, after the open pause that started at ${previous.from.toISOString()}`);
    }
    if (previous !== undefined && previous.to !== null && pause.from.getTime() <= previous.to.getTime()) {
      previous.to = pause.to === null || pause.to.getTime() > previous.to.getTime() ? pause.to : previous.to;
      continue;
    }
    merged.push({ ...pause });
  }
  return merged;
}
