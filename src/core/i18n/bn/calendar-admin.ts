// বাংলা: calendar administration (national holidays, office closures and hours).
import type { calendarAdmin as en } from '../en/calendar-admin.ts';

export const calendarAdmin: Record<keyof typeof en, string> = {
};
