// Requests' dates on the Dhaka clock. Bangladesh keeps UTC+6 all year, with no daylight saving,
// so a fixed offset is exact.
const DHAKA_OFFSET_MS = 6 * 3600_000;

/** The instant as Dhaka's wall clock reads it: 'YYYY-MM-DD' and 'HH:MM'. */
export function dhakaWallClock(at: Date): { date: string; time: string } {
  const local = new Date(at.getTime() + DHAKA_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

export function dhakaYear(at: Date): number {
  return new Date(at.getTime() + DHAKA_OFFSET_MS).getUTCFullYear();
}

/** The last moment of the Dhaka calendar day `at` falls on. */
export function endOfDhakaDay(at: Date): Date {
  const local = new Date(at.getTime() + DHAKA_OFFSET_MS);
  const nextMidnightLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  return new Date(nextMidnightLocal - DHAKA_OFFSET_MS - 1);
}
